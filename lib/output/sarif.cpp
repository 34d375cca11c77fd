// SARIF 2.1.0, the format code-scanning tools (GitHub, GitLab, Azure) read.
#include <map>
#include <set>
#include <nlohmann/json.hpp>

#include "output/output.h"
#include "core/codes.h"
#include "core/text.h"
#include "lint/rule.h"
#include "core/msg/cli.h"
#include "core/msg/lint.h"

namespace sv {

namespace {

using json = nlohmann::ordered_json;

const char* level(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    default: return "note";
  }
}

// A relative path as a URI reference: bytes other than unreserved ones and '/'
// percent-encoded.
std::string uri_of(std::string_view path) {
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') out += static_cast<char>(c);
    else out += fmt::format("%{:02X}", c);
  }
  return out;
}

std::string first_paragraph(std::string_view s) { return std::string(s.substr(0, s.find("\n\n"))); }

json rule_json(const std::string& id, Severity def, const std::string& brief, const std::string& full,
               const std::string& help) {
  json r;
  r["id"] = id;
  r["shortDescription"] = {{"text", brief}};
  r["fullDescription"] = {{"text", full}};
  r["help"] = {{"text", help}};
  r["defaultConfiguration"] = {{"level", level(def)}};
  return r;
}

}  // namespace

std::string finding_key(const Repo& repo, const Finding& f) {
  std::string key = f.code + "/" + f.entity + (f.nested.empty() ? "" : "#" + f.nested);
  if (f.entity.empty() && f.span.file >= 0 && f.span.file < static_cast<int>(repo.files.size()))
    key += "@" + repo.files[f.span.file].path;
  return mask_personal_numbers(key);
}

std::string message_with_help(const Finding& f, Lang lang) {
  std::string text = f.message.str(lang);
  if (f.help) text += fmt::format("\n{}: {}", msg::cli_help_label.get(lang), f.help->str(lang));
  return text;
}

std::string format_sarif(const Repo& repo, const std::vector<Finding>& findings, Lang lang,
                         const std::string& root_in_git) {
  json rules = json::array();
  std::map<std::string, size_t> index;
  for (const rules::Rule* r : rules::every_rule()) {
    index[r->id] = rules.size();
    std::string help = rules::rule_help(*r, lang);
    rules.push_back(rule_json(r->id, r->default_severity, r->summary.get(lang), first_paragraph(help), help));
  }
  // Validation and configuration codes that occur get an entry of their own,
  // described by the table of codes (core/codes.def).
  std::set<std::string> others;
  for (const auto& f : findings)
    if (!index.count(f.code)) others.insert(f.code);
  for (const auto& id : others) {
    index[id] = rules.size();
    if (const CodeInfo* c = find_code(id)) {
      std::string help = c->explanation.get(lang);
      rules.push_back(rule_json(id, code_severity(c->group), c->summary.get(lang), first_paragraph(help), help));
    } else {  // not in the table (test_codes.cpp sees to it that this does not happen)
      const char* what = msg::lint_validation_rule.get(lang);
      rules.push_back(rule_json(id, Severity::error, what, what, what));
    }
  }

  const std::string prefix = root_in_git.empty() ? "" : root_in_git + "/";
  auto physical = [&](const Span& s) {
    json phys;
    phys["artifactLocation"] = {{"uri", uri_of(prefix + repo.files[s.file].path)}, {"uriBaseId", "%SRCROOT%"}};
    if (s.line > 0)
      phys["region"] = {{"startLine", s.line},
                        {"startColumn", std::max(1, s.col)},
                        {"endColumn", std::max(1, s.col) + std::max(1, s.len)}};
    return phys;
  };
  auto has_file = [&](const Span& s) { return s.file >= 0 && s.file < static_cast<int>(repo.files.size()); };

  json results = json::array();
  for (const auto& f : findings) {
    json r;
    r["ruleId"] = f.code;
    r["ruleIndex"] = index.at(f.code);
    r["level"] = level(f.severity);
    r["message"] = {{"text", message_with_help(f, lang)}};
    if (has_file(f.span)) r["locations"] = json::array({{{"physicalLocation", physical(f.span)}}});
    // Notes that point somewhere (the other place of a duplicate, ...).
    json related = json::array();
    for (const auto& n : f.notes)
      if (has_file(n.span))
        related.push_back({{"id", related.size()}, {"physicalLocation", physical(n.span)}, {"message", {{"text", n.text.str(lang)}}}});
    if (!related.empty()) r["relatedLocations"] = std::move(related);
    // Line-independent identity, so that code scanning follows a finding when text moves.
    r["partialFingerprints"] = {{"samverkanKey/v1", finding_key(repo, f)}};
    results.push_back(std::move(r));
  }

  json driver;
  driver["name"] = "samverkan";
  driver["version"] = SAMVERKAN_VERSION;
  driver["rules"] = std::move(rules);
  json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);
  json root;
  root["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  root["version"] = "2.1.0";
  root["runs"] = json::array({std::move(run)});
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace sv
