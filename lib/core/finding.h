// Findings are data: what is wrong, where, about which entity. Printing them
// (text, JSON, SARIF, ...) is the business of output.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/messages.h"
#include "core/model.h"

namespace sv {

enum class Severity : uint8_t { off, info, warning, error };
const char* severity_name(Severity s);  // "info", "warning", "error", "off"
bool severity_from_name(std::string_view s, Severity& out);

struct Note {
  Message text;
  Span span;  // optional: where the note points
};

struct Finding {
  Severity severity = Severity::error;
  std::string code;  // the rule id or validation code; never translated
  Message message;
  Span span;
  std::string entity;  // id of the entity concerned, or empty
  std::string nested;  // nested id or field the finding is about (baseline key)
  std::vector<Note> notes;
  std::optional<Message> help;
  bool redact = false;  // the source line holds personal data: print it with its digits masked
};

Finding make_finding(const char* code, Message message, Span span, std::string entity = {},
                     std::optional<Message> help = {});

// Sort by file (Repo::files is in path order, samverkan.yaml first), line,
// column, then code, entity and message text.
void sort_findings(std::vector<Finding>& f, Lang lang);

struct Counts {
  size_t error = 0, warning = 0, info = 0;
  size_t at_least(Severity s) const;
};
Counts count(const std::vector<Finding>& f);

}  // namespace sv
