#include <algorithm>
#include <set>

#include "lint/rule_util.h"
#include "core/status.h"
#include "core/text.h"

namespace sv::rules {

static const Tr kMsg{"rule.party-absent-repeatedly.msg",
                     "{0} har inte varit med på något av de {1} senaste mötena i `{2}` ({3})",
                     "{0} has had no one at any of the last {1} meetings of `{2}` ({3})"};
static const Tr kHelp{"rule.party-absent-repeatedly.help",
                      "ta upp det med parten: utse en ersättare (`deputy`), eller ta bort den ur `members` om den lämnat forumet",
                      "raise it with the party: name a deputy (`deputy`), or remove it from `members` if it has left the forum"};

// A forum's members by party (top organisation), each party once, in the
// order its first member is written.
struct PartyMembers {
  const Organisation* party;
  std::vector<const Member*> members;
};
static std::vector<PartyMembers> parties_of(const Context& c, const Forum& forum) {
  std::vector<PartyMembers> out;
  for (const auto& member : forum.members.v) {
    const Organisation* root = root_organisation(c, member.organisation.v);
    if (!root) continue;
    auto it = std::find_if(out.begin(), out.end(), [&](const PartyMembers& p) { return p.party == root; });
    if (it == out.end()) out.push_back(PartyMembers{root, {&member}});
    else it->members.push_back(&member);
  }
  return out;
}

// The last n of `held` (oldest first) that count for the party: those within
// the dates of one of its members. Fewer than n: the party is not judged yet.
static std::vector<size_t> last_counted(const std::vector<const Meeting*>& held, const PartyMembers& party, size_t n) {
  std::vector<size_t> out;
  for (size_t i = held.size(); i-- > 0 && out.size() < n;)
    for (const Member* member : party.members)
      if (member_counts_at(*member, held[i]->date.v)) {
        out.insert(out.begin(), i);
        break;
      }
  return out;
}

static void check(Context& c) {
  long n = c.option_int("meetings");
  if (n < 1) return;
  for (const auto& f : c.repo.forums) {
    if (!f.id.set) continue;
    // The meetings held that record attendance, oldest first, and the parties at each.
    std::vector<const Meeting*> held;
    std::vector<std::set<std::string>> present;
    for (const Meeting* m : meetings_of(c, f.id.v)) {
      if (m->date.v > c.today || m->attendees.v.empty()) continue;
      held.push_back(m);
      auto& at = present.emplace_back();
      for (const auto& a : m->attendees.v)
        if (const Organisation* root = root_organisation(c, a.organisation.v)) at.insert(root->id.v);
    }
    if (static_cast<long>(held.size()) < n) continue;
    for (const PartyMembers& party : parties_of(c, f)) {
      std::vector<size_t> recent = last_counted(held, party, static_cast<size_t>(n));
      if (recent.size() < static_cast<size_t>(n)) continue;
      std::vector<std::string> dates;
      bool there = false;
      for (size_t i : recent) {
        there |= present[i].count(party.party->id.v) > 0;
        dates.push_back(held[i]->date.v.str());
      }
      if (there) continue;
      c.report(party.members[0]->organisation.span, f.id.v, party.party->id.v,
               msg_of(kMsg, org_label(c.repo, party.party->id.v), n, f.id.v, join(dates)), msg_of(kHelp));
    }
  }
}

extern const Rule party_absent_repeatedly{
    "party-absent-repeatedly",
    Severity::warning,
    {"rule.party-absent-repeatedly.summary", "en part som uteblivit från flera möten i rad",
     "a party absent from several meetings in a row"},
    {{"rule.party-absent-repeatedly.explanation",
      R"(Vad: en part med ledamöter (`members`) i ett forum som inte haft någon deltagare (`attendees`) på något av forumets senaste `meetings` möten. Parter räknas som huvudmän: en deltagare från en enhet under en part räknas som att parten var där, och ledamöter från flera enheter under samma part räknas som en part. Bara hållna möten (daterade i dag eller tidigare) som för deltagarlista räknas, och bara de möten som hölls medan parten var ledamot (inom en ledamots `from` och `until`, när de är angivna); parten måste ha haft minst `meetings` sådana möten.

Varför: stabila organisationer och en ledning som prioriterar samverkan är villkor för god samverkan (Samverkanskompetens i Skaraborg). En part som gång på gång uteblir är i praktiken inte med.

Fel (med `meetings: 3`): region-jkpg är ledamot i styrgrupp-nassjo men finns inte bland deltagarna på något av de tre senaste mötena.

Rätt: någon från region-jkpg, eller från en enhet under den, finns bland deltagarna på minst ett av de tre senaste mötena:
{example1})",
      R"(What: a party with members (`members`) in a forum that had no attendee (`attendees`) at any of the forum's last `meetings` meetings. Parties count as huvudmän: an attendee from a unit under a party counts as the party being there, and members from several units of one party count as one party. Only meetings held (dated today or earlier) that record attendance count, and only those held while the party was a member (within a member's `from` and `until`, where given); the party must have had at least `meetings` such meetings.

Why: stable organisations and a leadership that gives samverkan priority are conditions of good samverkan (Samverkanskompetens in Skaraborg). A party that stays away time after time is in practice not part of it.

Fails (with `meetings: 3`): region-jkpg is a member of styrgrupp-nassjo but is not among the attendees of any of its last three meetings.

Passes: someone from region-jkpg, or from a unit under it, attended at least one of the last three meetings:
{example1})"},
     {R"(attendees:
  - {organisation: vardcentralen-nassjo, name: Eva Ek})"}},
    {{"meetings", "3", OptionDef::Type::integer,
      {"rule.party-absent-repeatedly.opt.meetings", "antal möten i rad som en part får utebli från",
       "the number of meetings in a row a party may miss"}}},
    check,
};

}  // namespace sv::rules
