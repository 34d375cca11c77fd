#include "lint/baseline.h"

#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "lint/rule.h"
#include "load/files.h"
#include "core/errors.h"
#include "core/text.h"
#include "core/msg/lint.h"

namespace sv {

namespace {

// A finding's key, masked: the baseline is a file meant to be committed, so an
// id or a file name holding a personnummer is written (and compared) masked.
BaselineEntry key_of(const Repo& repo, const Finding& f) {
  BaselineEntry e{f.code, mask_personal_numbers(f.entity), mask_personal_numbers(f.nested), "", 0};
  if (f.entity.empty() && f.span.file >= 0 && f.span.file < static_cast<int>(repo.files.size()))
    e.file = mask_personal_numbers(repo.files[f.span.file].path);
  return e;
}

using Key = std::tuple<std::string, std::string, std::string, std::string>;
Key tuple_of(const BaselineEntry& e) { return {e.code, e.entity, e.nested, e.file}; }

}  // namespace

Baseline make_baseline(const Repo& repo, const std::vector<Finding>& findings) {
  std::map<Key, size_t> counts;
  for (const auto& f : findings)
    if (f.code != rules::baseline_stale.id) ++counts[tuple_of(key_of(repo, f))];
  Baseline b;
  for (const auto& [k, n] : counts)
    b.entries.push_back(BaselineEntry{std::get<0>(k), std::get<1>(k), std::get<2>(k), std::get<3>(k), n});
  return b;
}

std::string format_baseline(const Baseline& b) {
  using json = nlohmann::ordered_json;
  json arr = json::array();
  for (const auto& e : b.entries) {
    json j;
    j["code"] = e.code;
    if (!e.entity.empty()) j["entity"] = e.entity;
    if (!e.nested.empty()) j["nested"] = e.nested;
    if (!e.file.empty()) j["file"] = e.file;
    j["count"] = e.count;
    arr.push_back(std::move(j));
  }
  json root;
  root["version"] = 1;
  root["findings"] = std::move(arr);
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

Baseline parse_baseline(std::string_view text, const std::string& path) {
  using json = nlohmann::json;
  auto bad = [&](const std::string& why) { throw SystemError(msg_of(msg::lint_baseline_malformed, path, why)); };
  json root = json::parse(text.begin(), text.end(), nullptr, false);
  if (root.is_discarded()) bad("invalid JSON");
  if (!root.is_object() || root.value("version", json()) != json(1)) bad("\"version\": 1 missing");
  auto it = root.find("findings");
  if (it == root.end() || !it->is_array()) bad("\"findings\" is not a list");
  std::map<Key, size_t> counts;
  for (const auto& j : *it) {
    if (!j.is_object()) bad("an entry is not an object");
    auto str = [&](const char* k) {
      auto v = j.find(k);
      if (v == j.end()) return std::string();
      if (!v->is_string()) bad(std::string("\"") + k + "\" is not a string");
      return v->get<std::string>();
    };
    BaselineEntry e{str("code"), str("entity"), str("nested"), str("file"), 1};
    if (e.code.empty()) bad("an entry has no \"code\"");
    if (auto c = j.find("count"); c != j.end()) {
      if (!c->is_number_unsigned() || c->get<size_t>() == 0) bad("\"count\" is not a positive whole number");
      e.count = c->get<size_t>();
    }
    counts[tuple_of(e)] += e.count;
  }
  Baseline b;
  for (const auto& [k, n] : counts)
    b.entries.push_back(BaselineEntry{std::get<0>(k), std::get<1>(k), std::get<2>(k), std::get<3>(k), n});
  return b;
}

Baseline read_baseline(const std::string& path, const std::string& root) {
  std::string text;
  ReadError error;
  if (!read_named_file(root, path, text, error))
    throw SystemError(msg_of(msg::lint_baseline_unreadable, path, std::move(error.message)));
  return parse_baseline(text, path);
}

size_t apply_baseline(const Repo& repo, const Baseline& b, Severity stale, std::vector<Finding>& findings) {
  std::map<Key, size_t> left;
  for (const auto& e : b.entries) left[tuple_of(e)] = e.count;
  size_t hidden = 0;
  std::vector<Finding> kept;
  for (auto& f : findings) {
    auto it = left.find(tuple_of(key_of(repo, f)));
    if (it != left.end() && it->second > 0) {
      --it->second;
      ++hidden;
    } else {
      kept.push_back(std::move(f));
    }
  }
  findings = std::move(kept);
  if (stale == Severity::off) return hidden;
  for (const auto& e : b.entries) {
    size_t gone = left[tuple_of(e)];
    if (gone == 0) continue;
    Finding f;
    f.severity = stale;
    f.code = rules::baseline_stale.id;
    f.entity = e.entity;
    f.nested = e.code + (e.nested.empty() ? "" : "#" + e.nested);
    std::string what = !e.entity.empty() ? e.entity + (e.nested.empty() ? "" : "#" + e.nested)
                       : !e.file.empty() ? e.file + (e.nested.empty() ? "" : " (" + e.nested + ")")
                                         : e.nested;
    Arg where = what.empty() ? to_arg(msg::lint_whole_repository) : to_arg("`" + what + "`");
    f.message = gone == 1 ? msg_of(msg::lint_baseline_stale_one, e.code, where)
                          : msg_of(msg::lint_baseline_stale, e.code, where, gone);
    f.help = msg_of(msg::lint_help_rewrite_baseline);
    if (const Entity* ent = e.entity.empty() ? nullptr : repo.find(e.entity)) {
      f.span = ent->where();
    } else {
      for (size_t i = 0; i < repo.files.size(); ++i)
        if (!e.file.empty() && mask_personal_numbers(repo.files[i].path) == e.file)
          f.span = Span{static_cast<int>(i), 0, 0, 0};
    }
    findings.push_back(std::move(f));
  }
  return hidden;
}

}  // namespace sv
