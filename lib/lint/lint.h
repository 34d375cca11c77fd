// Lint: every rule of good samverkan over a loaded repository, with the
// settings of samverkan.yaml, suppression comments and a baseline.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "lint/baseline.h"
#include "core/dates.h"
#include "load/repository.h"
#include "lint/rule.h"

namespace sv {

struct History;

struct LintOptions {
  Date today;
  std::optional<Baseline> baseline;  // --baseline: hide these, report entries that no longer occur
  bool write_baseline = false;       // --write-baseline: record the findings, then hide them
  std::vector<std::string> select;   // --select: only these lint rules (empty: all)
  const History* history = nullptr;  // the git history, for the history rules (history.h)
  // Or where to get it: called (from any thread) by the first rule that reads
  // it, so that it may load while the other rules run.
  std::function<const History*()> history_source;
  unsigned threads = 0;  // rules run on this many threads; 0: one per core
};

struct LintReport {
  size_t suppressed = 0;  // silenced by `samverkan-ignore` comments
  size_t baselined = 0;   // hidden by the baseline
  Baseline recorded;      // with write_baseline: the findings before any was hidden
};

// Each rule's settings (every_rule() ids): defaults, overridden by the `rules:`
// of samverkan.yaml. Unknown rules and options and bad values are findings
// (`config-rule-unknown`, `config-option-unknown`, `config-value-invalid`,
// errors) added to `findings`; the rule then keeps its defaults.
// `rules` is what the settings may name (a parameter for tests).
std::map<std::string, rules::Settings> rule_settings(const Config& config, std::vector<Finding>& findings,
                                                     const std::vector<const rules::Rule*>& rules = rules::every_rule());

// Runs every rule that is not off over what loaded (also when some files have
// errors), applies suppression comments and the baseline, and adds the
// findings to `l.findings` (sorted again). Rules only read the repository, so
// they run in parallel, each into its own list; the lists are joined in rule
// order, so the result is the same as one rule after the other.
LintReport run_lint(Loaded& l, const LintOptions& o);

}  // namespace sv
