#include "lint/rule_util.h"

namespace sv::rules {

static const Tr kMsg{"rule.goal-without-baseline.msg",
                     "målet `{0}` har ett målvärde men inget utgångsvärde (`baseline.value`)",
                     "goal `{0}` has a target but no starting value (`baseline.value`)"};
static const Tr kHelp{"rule.goal-without-baseline.help",
                      "ange nuläget när planen gjordes, t.ex. `baseline: {value: 25, date: 2025-01-31}`",
                      "give the value when the plan was made, e.g. `baseline: {value: 25, date: 2025-01-31}`"};

static void check(Context& c) {
  each_goal(c.repo, [&](const Plan& p, const Goal& g) {
    if (g.target.set && !(g.baseline.set && g.baseline.v.value.set))
      c.report(g.id.span, p.id.v, g.id.v, msg_of(kMsg, g.id.v), msg_of(kHelp));
  });
}

extern const Rule goal_without_baseline{
    "goal-without-baseline",
    Severity::info,
    {"rule.goal-without-baseline.summary", "ett mål med målvärde men utan utgångsvärde",
     "a goal with a target but no baseline"},
    {{"rule.goal-without-baseline.explanation",
      R"(Vad: ett mål med `target` men utan `baseline` (eller utan `baseline.value`).

Varför: ett mätbart mål (Samverkanskompetens i Skaraborg) behöver en utgångspunkt. Utan nuläge går det inte att se om målvärdet innebär en förbättring eller hur långt man har kommit.

Fel:
{example1}

Rätt:
{example2})",
      R"(What: a goal with a `target` but no `baseline` (or no `baseline.value`).

Why: a measurable goal (Samverkanskompetens in Skaraborg) needs a starting point. Without one nobody can tell whether the target is an improvement or how far the work has come.

Fails:
{example1}

Passes:
{example2})"},
     {R"(goals:
  - id: g1
    title: Fler i arbete
    indicator: Andel deltagare i arbete eller studier
    target: {value: 40, date: 2026-12-31})",
      R"(goals:
  - id: g1
    title: Fler i arbete
    indicator: Andel deltagare i arbete eller studier
    baseline: {value: 25, date: 2025-01-31}
    target: {value: 40, date: 2026-12-31})"}},
    {},
    check,
};

}  // namespace sv::rules
