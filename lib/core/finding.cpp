#include "core/finding.h"

#include <algorithm>
#include <tuple>

namespace sv {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::off: return "off";
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "?";
}

bool severity_from_name(std::string_view s, Severity& out) {
  for (Severity v : {Severity::off, Severity::info, Severity::warning, Severity::error})
    if (s == severity_name(v)) { out = v; return true; }
  return false;
}

Finding make_finding(const char* code, Message message, Span span, std::string entity,
                     std::optional<Message> help) {
  Finding f;
  f.code = code;
  f.message = std::move(message);
  f.span = span;
  f.entity = std::move(entity);
  f.help = std::move(help);
  return f;
}

void sort_findings(std::vector<Finding>& f, Lang lang) {
  std::stable_sort(f.begin(), f.end(), [&](const Finding& a, const Finding& b) {
    auto ka = std::make_tuple(a.span.file, a.span.line, a.span.col, std::string_view(a.code),
                              std::string_view(a.entity), std::string_view(a.nested));
    auto kb = std::make_tuple(b.span.file, b.span.line, b.span.col, std::string_view(b.code),
                              std::string_view(b.entity), std::string_view(b.nested));
    if (ka != kb) return ka < kb;
    return a.message.str(lang) < b.message.str(lang);
  });
}

size_t Counts::at_least(Severity s) const {
  size_t n = 0;
  if (s <= Severity::error) n += error;
  if (s <= Severity::warning) n += warning;
  if (s <= Severity::info) n += info;
  return n;
}

Counts count(const std::vector<Finding>& f) {
  Counts c;
  for (const auto& x : f) {
    if (x.severity == Severity::error) ++c.error;
    else if (x.severity == Severity::warning) ++c.warning;
    else if (x.severity == Severity::info) ++c.info;
  }
  return c;
}

}  // namespace sv
