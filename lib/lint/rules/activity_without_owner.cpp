#include "lint/rule_util.h"

namespace sv::rules {

static const Tr kMsg{"rule.activity-without-owner.msg", "aktiviteten `{0}` har ingen ägare (`owner`)",
                     "activity `{0}` has no `owner`"};
static const Tr kHelp{"rule.activity-without-owner.help",
                      "ange den part som svarar för aktiviteten, t.ex. `owner: nassjo-kommun`",
                      "name the party that answers for it, e.g. `owner: nassjo-kommun`"};

static void check(Context& c) {
  each_activity(c.repo, [&](const Plan& p, const Activity& a) {
    if (!a.owner.set) c.report(a.id.span, p.id.v, a.id.v, msg_of(kMsg, a.id.v), msg_of(kHelp));
  });
}

extern const Rule activity_without_owner{
    "activity-without-owner",
    Severity::error,
    {"rule.activity-without-owner.summary", "en aktivitet utan ägare", "an activity without an owner"},
    {{"rule.activity-without-owner.explanation",
      R"(Vad: en aktivitet i en handlingsplan utan `owner`, den part som svarar för den.

Varför: tydlig ansvarsfördelning är en grundförutsättning för samverkan (Samverkanskompetens i Skaraborg), och ansvaret ligger hos parterna (Samverkansprinciper och mål 2009). En aktivitet som ingen äger blir inte gjord.

Fel:
{example1}

Rätt:
{example2})",
      R"(What: an activity in a plan without an `owner`, the party that answers for it.

Why: a clear division of responsibility is a basic condition of samverkan (Samverkanskompetens in Skaraborg), and responsibility lies with the parties (Samverkansprinciper och mål 2009). An activity nobody owns does not get done.

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
    owner: nassjo-kommun)"}},
    {},
    check,
};

}  // namespace sv::rules
