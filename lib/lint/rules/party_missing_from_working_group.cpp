#include "lint/rule_util.h"

namespace sv::rules {

static const Tr kMsg{"rule.party-missing-from-working-group.msg",
                     "parten {0} har ingen ledamot i någon arbetsgrupp för `{1}` ({2})",
                     "party {0} has no member in any working group of `{1}` ({2})"};
static const Tr kHelp{"rule.party-missing-from-working-group.help",
                      "lägg till en handläggare från parten i arbetsgruppen: `members: [{{organisation: {0}, role: ...}}]`",
                      "add a case worker from the party to the working group: `members: [{{organisation: {0}, role: ...}}]`"};

static void check(Context& c) { check_party_membership(c, {ForumType::working}, kMsg, kHelp); }

extern const Rule party_missing_from_working_group{
    "party-missing-from-working-group",
    Severity::info,
    {"rule.party-missing-from-working-group.summary", "en part som saknas i arbetsgruppen",
     "a party missing from the working group"},
    {{"rule.party-missing-from-working-group.explanation",
      R"(Vad: en part i en samverkan (`parties`) som inte har någon ledamot (`members`), varken själv eller genom en enhet under sig, i något av samverkans forum av typ `working`. En samverkan som inte har någon arbetsgrupp alls kontrolleras inte.

Varför: arbetsgruppen ska ha handläggare från alla aktörer (Uppdrag Samverkan på Höglandet); det är där det praktiska arbetet kring individen görs.

Fel (parterna är nassjo-kommun, region-jkpg och forsakringskassan):
{example1}

Rätt:
{example2})",
      R"(What: a party of a collaboration (`parties`) with no member (`members`), itself or through a unit under it, in any of the collaboration's forums of type `working`. A collaboration with no working group at all is not checked.

Why: the working group should have case workers from every party (Uppdrag Samverkan på Höglandet); it is where the practical work around the individual is done.

Fails (the parties are nassjo-kommun, region-jkpg and forsakringskassan):
{example1}

Passes:
{example2})"},
     {R"(kind: forum
id: arbetsgrupp-nassjo
type: working
members:
  - {organisation: nassjo-kommun, role: Socialsekreterare}
  - {organisation: region-jkpg, role: Rehabkoordinator})",
      R"(members:
  - {organisation: nassjo-kommun, role: Socialsekreterare}
  - {organisation: region-jkpg, role: Rehabkoordinator}
  - {organisation: forsakringskassan, role: Handläggare})"}},
    {},
    check,
};

}  // namespace sv::rules
