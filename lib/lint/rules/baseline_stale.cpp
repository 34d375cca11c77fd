// baseline-stale: a rule of the lint engine itself, configured like the others
// (severity in samverkan.yaml, `samverkan rules baseline-stale`) but with no
// check of its own: lib/lint/baseline.cpp (apply_baseline) reports it while it
// matches the findings against the baseline.
#include "lint/rule.h"

namespace sv::rules {

extern const Rule baseline_stale{
    "baseline-stale",
    Severity::info,
    {"rule.baseline-stale.summary", "ett fynd i baslinjen (`--baseline`) som inte längre finns",
     "a finding in the baseline (`--baseline`) that no longer occurs"},
    {{"rule.baseline-stale.explanation",
      R"(Vad: en post i baslinjen som `samverkan lint --baseline FIL` läser, vars fynd inte längre finns (eller finns färre gånger än baslinjen räknar).

Varför: en baslinje ska bara dölja de fynd som fanns när den skrevs. En post som inte längre behövs skulle dölja samma fynd om det kom tillbaka. Baslinjen pekar ut fynd med regel, entitet och nästlat id (filens sökväg när entitet saknas) och ett antal, aldrig med radnummer, så ändringar på andra ställen i filerna påverkar den inte.

Fel: baslinjen tar upp `activity-without-owner` för aktiviteten `a1` i planen `plan-aneby-2026`, men aktiviteten har nu en ägare.

Rätt: skriv om baslinjen med `samverkan lint --write-baseline FIL`.)",
      R"(What: an entry of the baseline that `samverkan lint --baseline FILE` reads whose finding no longer occurs (or occurs fewer times than the baseline counts).

Why: a baseline should hide only the findings there were when it was written. An entry no longer needed would hide the same finding if it came back. The baseline names findings by rule, entity and nested id (the file's path when there is no entity) with a count, never by line number, so edits elsewhere in the files do not affect it.

Fails: the baseline lists `activity-without-owner` for activity `a1` of plan `plan-aneby-2026`, but the activity now has an owner.

Passes: rewrite the baseline with `samverkan lint --write-baseline FILE`.)"},
     {}},
    {},
    nullptr,
};

}  // namespace sv::rules
