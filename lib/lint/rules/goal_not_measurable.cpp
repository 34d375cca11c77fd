#include "lint/rule_util.h"

namespace sv::rules {

static const Tr kMissing{"rule.goal-not-measurable.msg",
                         "målet `{0}` går inte att mäta: {1} saknas",
                         "goal `{0}` cannot be measured: it has no {1}"};
static const Tr kHelp{"rule.goal-not-measurable.help",
                      "ange `indicator` (vad som mäts) och `target.value` (målvärdet)",
                      "give an `indicator` (what is measured) and a `target.value` (the target)"};

static void check(Context& c) {
  each_goal(c.repo, [&](const Plan& p, const Goal& g) {
    std::vector<std::string> missing;
    if (!g.indicator.set || g.indicator.v.empty()) missing.push_back("`indicator`");
    if (!g.target.set || !g.target.v.value.set) missing.push_back("`target.value`");
    if (missing.empty()) return;
    std::string what = missing.size() == 2 ? missing[0] + " / " + missing[1] : missing[0];
    c.report(g.id.span, p.id.v, g.id.v, msg_of(kMissing, g.id.v, what), msg_of(kHelp));
  });
}

extern const Rule goal_not_measurable{
    "goal-not-measurable",
    Severity::warning,
    {"rule.goal-not-measurable.summary", "ett mål utan indikator eller målvärde",
     "a goal without an indicator or a target value"},
    {{"rule.goal-not-measurable.explanation",
      R"(Vad: ett mål i en handlingsplan som saknar `indicator` (vad som mäts) eller `target.value` (målvärdet).

Varför: god samverkan bygger på konkreta och mätbara mål (Samverkanskompetens i Skaraborg). Ett mål utan indikator och målvärde kan inte följas upp.

Fel:
{example1}

Rätt:
{example2})",
      R"(What: a goal in a plan without an `indicator` (what is measured) or a `target.value`.

Why: good samverkan rests on concrete, measurable goals (Samverkanskompetens in Skaraborg). A goal with no indicator and no target cannot be followed up.

Fails:
{example1}

Passes:
{example2})"},
     {R"(goals:
  - id: g1
    title: Fler i arbete)",
      R"(goals:
  - id: g1
    title: Fler i arbete
    indicator: Andel deltagare i arbete eller studier efter avslutad insats
    unit: percent
    target: {value: 40, date: 2026-12-31})"}},
    {},
    check,
};

}  // namespace sv::rules
