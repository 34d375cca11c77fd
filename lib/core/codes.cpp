#include "core/codes.h"

#include <algorithm>

namespace sv {

const std::vector<CodeInfo>& all_codes() {
  static const std::vector<CodeInfo> table = {
#define CODE(name, id, group, summary_sv, summary_en, explanation_sv, explanation_en) \
  {id, CodeGroup::group, {"code." id ".summary", summary_sv, summary_en},           \
   {"code." id ".explanation", explanation_sv, explanation_en}},
#include "core/codes.def"
#undef CODE
  };
  return table;
}

const CodeInfo* find_code(std::string_view id) {
  const auto& all = all_codes();
  auto it = std::lower_bound(all.begin(), all.end(), id,
                             [](const CodeInfo& c, std::string_view wanted) { return c.id < wanted; });
  return it != all.end() && it->id == id ? &*it : nullptr;
}

Severity code_severity(CodeGroup g) { return g == CodeGroup::notice ? Severity::info : Severity::error; }

const Tr& code_group_text(CodeGroup g) {
  static const Tr validation{"code.group.validation",
                             "Valideringsfel: alltid error; kan varken stängas av eller tystas",
                             "Validation finding: always an error; cannot be turned off or silenced"};
  static const Tr configuration{"code.group.configuration",
                                "Fel i regelinställningarna i samverkan.yaml: alltid error",
                                "Error in the rule settings of samverkan.yaml: always an error"};
  static const Tr notice{"code.group.notice", "Meddelande från lint: info, en gång per körning",
                         "Lint notice: info, once per run"};
  switch (g) {
    case CodeGroup::validation: return validation;
    case CodeGroup::configuration: return configuration;
    default: return notice;
  }
}

}  // namespace sv
