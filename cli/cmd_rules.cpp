// samverkan rules [ID]: the lint rules, or the explanation of one rule or of
// one validation or configuration code (as `rustc --explain` does).

#include "app.h"
#include "core/privacy.h"
#include "core/codes.h"
#include "load/load.h"
#include "lint/rule.h"
#include "output/output.h"
#include "core/text.h"
#include "core/msg/core.h"
#include "core/msg/lint.h"

namespace cli {

struct RulesOptions {
  std::string id;
  bool markdown = false;  // hidden: docs/rules.md (rules_doc.cpp)
};

// "did you mean" a rule, else a code, else where the rules are listed.
static sv::Message suggestion(std::string_view id) {
  if (!sv::did_you_mean(id, sv::rules::rule_ids())) {
    std::vector<std::string> codes;
    for (const auto& c : sv::all_codes()) codes.emplace_back(c.id);
    if (auto near = sv::did_you_mean(id, codes)) return sv::msg_of(sv::msg::help_did_you_mean, *near);
  }
  return sv::rules::rule_suggestion(id);
}

static int explain_code(const sv::CodeInfo& c, sv::Lang lang) {
  sv::privacy::out(fmt::format("{}: {}\n{}\n\n{}\n", c.id, c.summary.get(lang),
                               sv::code_group_text(c.group).get(lang), c.explanation.get(lang)));
  return 0;
}

static int run_rules(const RulesOptions& o, const Global& g) {
  if (o.markdown) {
    sv::privacy::out(rules_markdown());
    return 0;
  }
  sv::Lang lang = command_lang(g);
  const auto& all = sv::rules::every_rule();
  if (o.id.empty()) {
    size_t width = 0;
    for (const auto* r : all) width = std::max(width, std::string_view(r->id).size());
    for (const auto* r : all)
      sv::privacy::out(fmt::format("{:<{}}  {:<7}  {}\n", r->id, width, sv::severity_label(r->default_severity).get(lang),
                                   r->summary.get(lang)));
    return 0;
  }
  const sv::rules::Rule* r = sv::rules::find_any_rule(o.id);
  if (!r) {
    if (const sv::CodeInfo* c = sv::find_code(o.id)) return explain_code(*c, lang);
    return fail(g, sv::msg_of(sv::msg::lint_rule_unknown, o.id), suggestion(o.id));
  }
  // The default severity in the reader's words, and as samverkan.yaml spells
  // it where those differ (in Swedish: "varning (`warning`)").
  std::string label = sv::severity_label(r->default_severity).get(lang);
  std::string name = sv::severity_name(r->default_severity);
  if (label != name) label += fmt::format(" (`{}`)", name);
  sv::privacy::out(fmt::format("{}: {}\n{}: {}\n\n{}\n", r->id, r->summary.get(lang),
                               sv::msg::lint_rules_default.get(lang), label, sv::rules::rule_help(*r, lang)));
  return 0;
}

Run setup_rules(CLI::App& app, Global& g) {
  auto o = std::make_shared<RulesOptions>();
  CLI::App* cmd = app.add_subcommand("rules", T(g, sv::msg::lint_rules_cmd));
  cmd->add_option("id", o->id, T(g, sv::msg::lint_opt_rule_id))->type_name("ID");
  cmd->add_flag("--markdown", o->markdown)->group("");  // docs/rules.md, for tests/e2e/rules_doc.sh
  return [o, &g] { return run_rules(*o, g); };
}

}  // namespace cli
