#include <charconv>
#include <cstdlib>

#include "lint/rule.h"
#include "lint/rule_util.h"
#include "core/text.h"
#include "core/msg/core.h"
#include "core/msg/lint.h"

namespace sv::rules {

Finding& Context::report(Span span, std::string entity, std::string nested, Message message,
                         std::optional<Message> help) {
  Finding f;
  f.severity = settings.severity;
  f.code = rule.id;
  f.message = std::move(message);
  f.span = span;
  f.entity = std::move(entity);
  f.nested = std::move(nested);
  f.help = std::move(help);
  out_.push_back(std::move(f));
  return out_.back();
}

const Index& Context::index() const {
  if (shared_index) return *shared_index;
  if (!own_index_) own_index_ = std::make_shared<const Index>(repo);
  return *own_index_;
}

long Context::option_int(std::string_view name) const {
  for (const auto& [k, v] : settings.values)
    if (k == name) {
      long n = 0;
      std::from_chars(v.data(), v.data() + v.size(), n);
      return n;
    }
  for (const auto& o : rule.options)
    if (name == o.name) return std::atol(o.default_value);
  return 0;
}

std::vector<std::string> Context::option_list(std::string_view name) const {
  for (const auto& [k, v] : settings.lists)
    if (k == name) return v;
  for (const auto& o : rule.options)
    if (name == o.name) return parse_list(o.default_value);
  return {};
}

std::vector<std::string> parse_list(std::string_view text) {
  auto trim = [](std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '[')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == ']')) s.remove_suffix(1);
    return s;
  };
  std::vector<std::string> out;
  text = trim(text);
  while (!text.empty()) {
    size_t comma = text.find(',');
    std::string_view item = trim(text.substr(0, comma));
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

std::string explanation_text(const Explanation& e, Lang lang) {
  std::string text = e.text.get(lang), out;
  size_t at = 0;
  for (size_t n = 0; n < e.examples.size(); ++n) {
    std::string mark = fmt::format("{{example{}}}", n + 1);
    size_t place = text.find(mark, at);
    if (place == std::string::npos) continue;  // test_rules.cpp sees that every example has its place
    out.append(text, at, place - at);
    std::string_view yaml = e.examples[n];
    for (size_t line = 0; line < yaml.size();) {
      size_t end = std::min(yaml.find('\n', line), yaml.size());
      out += "  ";
      out.append(yaml.substr(line, end - line));
      if (end < yaml.size()) out += '\n';
      line = end + 1;
    }
    at = place + mark.size();
  }
  return out.append(text, at);
}

std::string rule_help(const Rule& r, Lang lang) {
  std::string out = explanation_text(r.explanation, lang);
  if (r.options.empty()) return out;
  out += fmt::format("\n\n{}:\n", msg::lint_rules_options.get(lang));
  for (const auto& o : r.options)
    out += fmt::format("  {}: {}\n      {}\n", o.name, o.default_value, o.help.get(lang));
  out.pop_back();
  return out;
}

const Rule* find_any_rule(std::string_view id) {
  for (const Rule* r : every_rule())
    if (id == r->id) return r;
  return nullptr;
}

std::vector<std::string> rule_ids(bool lint_only) {
  std::vector<std::string> ids;
  for (const Rule* r : lint_only ? all_rules() : every_rule()) ids.emplace_back(r->id);
  return ids;
}

Message rule_suggestion(std::string_view name, bool lint_only) {
  if (auto near = did_you_mean(name, rule_ids(lint_only))) return msg_of(msg::help_did_you_mean, *near);
  return msg_of(msg::lint_help_rules_list);
}

}  // namespace sv::rules
