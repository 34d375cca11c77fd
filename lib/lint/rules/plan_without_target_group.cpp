#include "lint/rule_util.h"

namespace sv::rules {

static const Tr kMsg{"rule.plan-without-target-group.msg", "planen `{0}` anger ingen målgrupp (`target_groups`)",
                     "plan `{0}` names no target group (`target_groups`)"};
static const Tr kHelp{"rule.plan-without-target-group.help",
                      "ange vilka av samverkans målgrupper planen gäller, t.ex. `target_groups: [{0}]`",
                      "name the collaboration's target groups the plan is for, e.g. `target_groups: [{0}]`"};

static void check(Context& c) {
  for (const auto& p : c.repo.plans) {
    if (!p.id.set || !p.target_groups.v.empty()) continue;
    std::string example = "unga-vuxna";
    if (const auto* collab = c.repo.find_as<Collaboration>(p.collaboration.v))
      if (!collab->target_groups.v.empty() && collab->target_groups.v[0].id.set)
        example = collab->target_groups.v[0].id.v;
    c.report(p.where(), p.id.v, "", msg_of(kMsg, p.id.v), msg_of(kHelp, example));
  }
}

extern const Rule plan_without_target_group{
    "plan-without-target-group",
    Severity::warning,
    {"rule.plan-without-target-group.summary", "en handlingsplan utan målgrupp", "a plan without a target group"},
    {{"rule.plan-without-target-group.explanation",
      R"(Vad: en handlingsplan utan `target_groups` (eller med en tom lista).

Varför: en gemensam och avgränsad målgrupp är ett av villkoren för god samverkan (Samverkanskompetens i Skaraborg). Utan målgrupp vet parterna inte för vilka planen görs.

Fel:
{example1}

Rätt:
{example2}      # en målgrupp i samverkan-nassjo)",
      R"(What: a plan without `target_groups` (or with an empty list).

Why: a common, bounded target group is one of the conditions of good samverkan (Samverkanskompetens in Skaraborg). Without one the parties do not know whom the plan is for.

Fails:
{example1}

Passes:
{example2}      # a target group of samverkan-nassjo)"},
     {R"(kind: plan
id: handlingsplan-2026
title: Handlingsplan 2026
collaboration: samverkan-nassjo
period: 2026)",
      R"(kind: plan
id: handlingsplan-2026
title: Handlingsplan 2026
collaboration: samverkan-nassjo
period: 2026
target_groups: [unga-vuxna])"}},
    {},
    check,
};

}  // namespace sv::rules
