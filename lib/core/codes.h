// The codes of findings that are not lint rules: validation, configuration
// and the lint engine's notices, one table (core/codes.def) with each code's
// summary and explanation in both languages. Lint rules are in lint/rule.h.
#pragma once

#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/messages.h"

namespace sv {

// A code as findings carry it: code::field_required is "field-required".
// Typed, so that a code given where one is wanted is one of the table's;
// it reads as the id wherever a `const char*` is wanted.
struct Code {
  const char* id = nullptr;
  constexpr operator const char*() const { return id; }
};

namespace code {
#define CODE(name, id, group, summary_sv, summary_en, explanation_sv, explanation_en) \
  inline constexpr Code name{id};
#include "core/codes.def"
#undef CODE
}  // namespace code

enum class CodeGroup : uint8_t {
  validation,     // the data does not follow docs/format.md
  configuration,  // the `rules:` settings of samverkan.yaml are wrong
  notice,         // the lint engine says why it could not do something
};

struct CodeInfo {
  const char* id;
  CodeGroup group;
  Tr summary;      // one line
  Tr explanation;  // what, why, how to fix
};

// Every code, sorted by id.
const std::vector<CodeInfo>& all_codes();
const CodeInfo* find_code(std::string_view id);
// The severity findings of the group have: error, but info for notices.
Severity code_severity(CodeGroup g);
// One line on what the group means: "validation finding: always an error, ...".
const Tr& code_group_text(CodeGroup g);

}  // namespace sv
