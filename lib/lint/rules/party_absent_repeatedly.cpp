#include <set>

#include "lint/rule_util.h"
#include "core/text.h"

namespace sv::rules {

static const Tr kMsg{"rule.party-absent-repeatedly.msg",
                     "{0} har inte varit med på något av de {1} senaste mötena i `{2}` ({3})",
                     "{0} has had no one at any of the last {1} meetings of `{2}` ({3})"};
static const Tr kHelp{"rule.party-absent-repeatedly.help",
                      "ta upp det med parten: utse en ersättare (`deputy`), eller ta bort den ur `members` om den lämnat forumet",
                      "raise it with the party: name a deputy (`deputy`), or remove it from `members` if it has left the forum"};

static void check(Context& c) {
  long n = c.option_int("meetings");
  if (n < 1) return;
  for (const auto& f : c.repo.forums) {
    if (!f.id.set) continue;
    // The last n meetings held that record attendance.
    std::vector<const Meeting*> recent;
    for (const Meeting* m : meetings_of(c, f.id.v))
      if (m->date.v <= c.today && !m->attendees.v.empty()) recent.push_back(m);
    if (static_cast<long>(recent.size()) < n) continue;
    recent.erase(recent.begin(), recent.end() - n);
    std::set<std::string> present;  // parties (top organisations) with someone there
    for (const Meeting* m : recent)
      for (const auto& a : m->attendees.v)
        if (const Organisation* root = root_organisation(c, a.organisation.v)) present.insert(root->id.v);
    std::vector<std::string> dates;
    for (const Meeting* m : recent) dates.push_back(m->date.v.str());
    std::set<std::string> reported;
    for (const auto& member : f.members.v) {
      const Organisation* root = root_organisation(c, member.organisation.v);
      if (!root || present.count(root->id.v) || !reported.insert(root->id.v).second) continue;
      c.report(member.organisation.span, f.id.v, root->id.v,
               msg_of(kMsg, org_label(c.repo, root->id.v), n, f.id.v, join(dates)), msg_of(kHelp));
    }
  }
}

extern const Rule party_absent_repeatedly{
    "party-absent-repeatedly",
    Severity::warning,
    {"rule.party-absent-repeatedly.summary", "en part som uteblivit från flera möten i rad",
     "a party absent from several meetings in a row"},
    {"rule.party-absent-repeatedly.explanation",
     R"~(Vad: en part med ledamöter (`members`) i ett forum som inte haft någon deltagare (`attendees`) på något av forumets senaste `meetings` möten. Parter räknas som huvudmän: en deltagare från en enhet under en part räknas som att parten var där, och ledamöter från flera enheter under samma part räknas som en part. Bara hållna möten (daterade i dag eller tidigare) som för deltagarlista räknas, och forumet måste ha haft minst `meetings` sådana möten.

Varför: stabila organisationer och en ledning som prioriterar samverkan är villkor för god samverkan (källa 000, Samverkanskompetens i Skaraborg). En part som gång på gång uteblir är i praktiken inte med.

Fel (med `meetings: 3`): region-jkpg är ledamot i styrgrupp-nassjo men finns inte bland deltagarna på något av de tre senaste mötena.

Rätt: någon från region-jkpg, eller från en enhet under den, finns bland deltagarna på minst ett av de tre senaste mötena:
  attendees:
    - {organisation: vardcentralen-nassjo, name: Eva Ek})~",
     R"~(What: a party with members (`members`) in a forum that had no attendee (`attendees`) at any of the forum's last `meetings` meetings. Parties count as huvudmän: an attendee from a unit under a party counts as the party being there, and members from several units of one party count as one party. Only meetings held (dated today or earlier) that record attendance count, and the forum must have had at least `meetings` of them.

Why: stable organisations and a leadership that gives samverkan priority are conditions of good samverkan (source 000, Samverkanskompetens in Skaraborg). A party that stays away time after time is in practice not part of it.

Fails (with `meetings: 3`): region-jkpg is a member of styrgrupp-nassjo but is not among the attendees of any of its last three meetings.

Passes: someone from region-jkpg, or from a unit under it, attended at least one of the last three meetings:
  attendees:
    - {organisation: vardcentralen-nassjo, name: Eva Ek})~"},
    {{"meetings", "3", OptionDef::Type::integer,
      {"rule.party-absent-repeatedly.opt.meetings", "antal möten i rad som en part får utebli från",
       "the number of meetings in a row a party may miss"}}},
    check,
};

}  // namespace sv::rules
