#include "lint/rule_util.h"

namespace sv::rules {

static const Tr kMsg{"rule.party-missing-from-steering.msg",
                     "parten {0} har ingen ledamot i någon styrgrupp för `{1}` ({2})",
                     "party {0} has no member in any steering group of `{1}` ({2})"};
static const Tr kHelp{"rule.party-missing-from-steering.help",
                      "lägg till en chef från parten i styrgruppen: `members: [{{organisation: {0}, role: ...}}]`",
                      "add a manager from the party to the steering group: `members: [{{organisation: {0}, role: ...}}]`"};

static void check(Context& c) { check_party_membership(c, {ForumType::steering, ForumType::board}, kMsg, kHelp); }

extern const Rule party_missing_from_steering{
    "party-missing-from-steering",
    Severity::warning,
    {"rule.party-missing-from-steering.summary", "en part som saknas i styrgruppen",
     "a party missing from the steering group"},
    {{"rule.party-missing-from-steering.explanation",
      R"(Vad: en part i en samverkan (`parties`) som inte har någon ledamot (`members`), varken själv eller genom en enhet under sig, i något av samverkans forum av typ `steering` eller `board`. En samverkan utan sådant forum hanteras av collaboration-without-steering.

Varför: en ledning som prioriterar samverkan är ett villkor för god samverkan (Samverkanskompetens i Skaraborg), och styrgruppen ska ha chefer från alla aktörer (Uppdrag Samverkan på Höglandet). En part som inte sitter i styrgruppen är inte med och beslutar.

Fel (parterna är nassjo-kommun och region-jkpg):
{example1}

Rätt:
{example2}   # enhet under region-jkpg)",
      R"(What: a party of a collaboration (`parties`) with no member (`members`), itself or through a unit under it, in any of the collaboration's forums of type `steering` or `board`. A collaboration with no such forum is left to collaboration-without-steering.

Why: a leadership that gives samverkan priority is a condition of good samverkan (Samverkanskompetens in Skaraborg), and the steering group should have managers from every party (Uppdrag Samverkan på Höglandet). A party that is not in the steering group takes no part in its decisions.

Fails (the parties are nassjo-kommun and region-jkpg):
{example1}

Passes:
{example2}   # a unit under region-jkpg)"},
     {R"(kind: forum
id: styrgrupp-nassjo
type: steering
members:
  - {organisation: nassjo-kommun, role: Socialchef})",
      R"(members:
  - {organisation: nassjo-kommun, role: Socialchef}
  - {organisation: vardcentralen-nassjo, role: Verksamhetschef})"}},
    {},
    check,
};

}  // namespace sv::rules
