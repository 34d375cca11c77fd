#include <set>

#include "lint/rule_util.h"

namespace sv::rules {

static const Tr kMsg{"rule.goal-without-activity.msg", "ingen aktivitet i planen `{1}` arbetar mot målet `{0}`",
                     "no activity of plan `{1}` works towards goal `{0}`"};
static const Tr kHelp{"rule.goal-without-activity.help",
                      "lägg till `goals: [{0}]` på de aktiviteter som ska leda till målet",
                      "add `goals: [{0}]` to the activities that are to reach it"};

static void check(Context& c) {
  for (const auto& p : c.repo.plans) {
    if (!p.id.set) continue;
    std::set<std::string> worked_on;
    for (const auto& a : p.activities.v)
      for (const auto& g : a.goals.v) worked_on.insert(g.v);
    for (const auto& g : p.goals.v)
      if (g.id.set && !worked_on.count(g.id.v))
        c.report(g.id.span, p.id.v, g.id.v, msg_of(kMsg, g.id.v, p.id.v), msg_of(kHelp, g.id.v));
  }
}

extern const Rule goal_without_activity{
    "goal-without-activity",
    Severity::warning,
    {"rule.goal-without-activity.summary", "ett mål som ingen aktivitet arbetar mot",
     "a goal that no activity works towards"},
    {{"rule.goal-without-activity.explanation",
      R"(Vad: ett mål i en handlingsplan som ingen av planens aktiviteter anger i `goals`.

Varför: ett mål som ingen arbetar mot blir en önskan, inte en plan. Handlingsplanen ska knyta aktiviteter till de gemensamma målen (Samverkanskompetens i Skaraborg; Uppdrag Samverkan på Höglandet).

Fel:
{example1}

Rätt:
{example2})",
      R"(What: a goal of a plan that none of the plan's activities lists in `goals`.

Why: a goal nobody works towards is a wish, not a plan. The plan should tie its activities to the common goals (Samverkanskompetens in Skaraborg; Uppdrag Samverkan på Höglandet).

Fails:
{example1}

Passes:
{example2})"},
     {R"(goals:
  - id: g1
    title: Fler i arbete
activities:
  - id: a1
    title: Gemensam informationsträff)",
      R"(goals:
  - id: g1
    title: Fler i arbete
activities:
  - id: a1
    title: Gemensam informationsträff
    goals: [g1])"}},
    {},
    check,
};

}  // namespace sv::rules
