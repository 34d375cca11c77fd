#include "lint.h"

#include "rules/rule.h"

namespace sv {

void run_lint(Loaded& l, const LintOptions& o) {
  for (const rules::Rule* rule : rules::all_rules()) {
    rules::Settings s;
    s.severity = rule->default_severity;
    for (const auto& setting : l.repo.config.rules) {
      if (setting.id.v != rule->id) continue;
      Severity sev;
      if (setting.severity.set && severity_from_name(setting.severity.v, sev)) s.severity = sev;
      for (const auto& opt : setting.options) {
        if (opt.is_list) {
          std::vector<std::string> items;
          for (const auto& i : opt.items) items.push_back(i.v);
          s.lists.emplace_back(opt.key.v, std::move(items));
        } else {
          s.values.emplace_back(opt.key.v, opt.value.v);
        }
      }
    }
    if (s.severity == Severity::off) continue;
    rules::Context ctx(l.repo, o.today, *rule, s, l.findings);
    ctx.history = o.history;
    rule->check(ctx);
  }
  sort_findings(l.findings, l.lang);
}

}  // namespace sv
