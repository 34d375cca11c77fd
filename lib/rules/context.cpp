#include <charconv>

#include "rules/rule.h"

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
  return {};
}

}  // namespace sv::rules
