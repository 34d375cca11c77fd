// Lint: every rule of good samverkan over a loaded repository.
#pragma once

#include "dates.h"
#include "repository.h"

namespace sv {

struct History;

struct LintOptions {
  Date today;
  const History* history = nullptr;  // the git history, for the history rules (history.h)
};

// Runs every rule that is not off, with the settings of samverkan.yaml, and
// adds its findings to `l.findings` (sorted again).
void run_lint(Loaded& l, const LintOptions& o);

}  // namespace sv
