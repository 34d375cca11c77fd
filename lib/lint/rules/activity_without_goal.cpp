#include "lint/rule_util.h"

namespace sv::rules {

static const Tr kMsg{"rule.activity-without-goal.msg", "aktiviteten `{0}` är inte kopplad till något mål",
                     "activity `{0}` serves no goal"};
static const Tr kHelp{"rule.activity-without-goal.help",
                      "ange vilka av planens mål den ska leda till, t.ex. `goals: [{0}]`",
                      "list the plan's goals it is to reach, e.g. `goals: [{0}]`"};

static void check(Context& c) {
  each_activity(c.repo, [&](const Plan& p, const Activity& a) {
    if (!a.goals.v.empty()) return;
    std::string example = p.goals.v.empty() || !p.goals.v[0].id.set ? "g1" : p.goals.v[0].id.v;
    c.report(a.id.span, p.id.v, a.id.v, msg_of(kMsg, a.id.v), msg_of(kHelp, example));
  });
}

extern const Rule activity_without_goal{
    "activity-without-goal",
    Severity::warning,
    {"rule.activity-without-goal.summary", "en aktivitet som inte är kopplad till något mål",
     "an activity that serves no goal"},
    {{"rule.activity-without-goal.explanation",
      R"(Vad: en aktivitet i en handlingsplan utan `goals` (eller med en tom lista).

Varför: samverkan bygger på gemensamma mål (Samverkanskompetens i Skaraborg). En aktivitet som inte leder mot något av dem är svår att prioritera och att följa upp.

Fel:
{example1}

Rätt:
{example2})",
      R"(What: an activity of a plan with no `goals` (or an empty list).

Why: samverkan rests on common goals (Samverkanskompetens in Skaraborg). An activity that leads to none of them is hard to prioritise and to follow up.

Fails:
{example1}

Passes:
{example2})"},
     {R"(activities:
  - id: a1
    title: Gemensam informationsträff)",
      R"(activities:
  - id: a1
    title: Gemensam informationsträff
    goals: [g1])"}},
    {},
    check,
};

}  // namespace sv::rules
