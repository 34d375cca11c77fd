#include "lint/rule_util.h"
#include "core/text.h"

namespace sv::rules {

static const Tr kMsg{"rule.activity-owner-not-party.msg",
                     "ägaren till aktiviteten `{0}`, {1}, är inte part i samverkan `{2}`",
                     "the owner of activity `{0}`, {1}, is not a party of collaboration `{2}`"};
static const Tr kHelp{"rule.activity-owner-not-party.help",
                      "ange en av parterna ({0}) eller en enhet under någon av dem som ägare; andra organisationer kan stå som `participants`",
                      "make one of the parties ({0}) or a unit under one of them the owner; other organisations can be `participants`"};

static void check(Context& c) {
  for (const auto& p : c.repo.plans) {
    const Collaboration* collab = c.repo.find_as<Collaboration>(p.collaboration.v);
    if (!collab || !p.id.set) continue;  // reported by validation
    std::vector<std::string> parties;
    for (const auto& party : collab->parties.v) parties.push_back(party.v);
    for (const auto& a : p.activities.v) {
      if (!a.id.set || !a.owner.set || !c.repo.find_as<Organisation>(a.owner.v)) continue;
      if (party_for(c, *collab, a.owner.v)) continue;
      c.report(a.owner.span, p.id.v, a.id.v, msg_of(kMsg, a.id.v, org_label(c.repo, a.owner.v), collab->id.v),
               msg_of(kHelp, join(parties)));
    }
  }
}

extern const Rule activity_owner_not_party{
    "activity-owner-not-party",
    Severity::warning,
    {"rule.activity-owner-not-party.summary", "en aktivitet vars ägare inte är part i samverkan",
     "an activity owned by an organisation that is not a party"},
    {{"rule.activity-owner-not-party.explanation",
      R"(Vad: en aktivitet vars `owner` varken är en av parterna (`parties`) i planens samverkan eller en enhet (`type: unit`) vars kedja av `parent` når en av dem.

Varför: ansvaret i samverkan ligger hos parterna, huvudmännen (Samverkansprinciper och mål 2009). En organisation utanför samverkan har inte åtagit sig planen och kan inte stå för en aktivitet i den; den kan däremot delta (`participants`).

Fel (samverkan har parterna nassjo-kommun och region-jkpg):
{example1}

Rätt:
{example2})",
      R"(What: an activity whose `owner` is neither one of the `parties` of the plan's collaboration nor a unit (`type: unit`) whose chain of `parent`s reaches one of them.

Why: responsibility in samverkan lies with the parties, the huvudmän (Samverkansprinciper och mål 2009). An organisation outside the collaboration has not committed to the plan and cannot answer for an activity in it; it can take part (`participants`).

Fails (the collaboration's parties are nassjo-kommun and region-jkpg):
{example1}

Passes:
{example2})"},
     {R"(activities:
  - id: a1
    title: Gemensam informationsträff
    owner: studieforbundet)",
      R"(activities:
  - id: a1
    title: Gemensam informationsträff
    owner: vardcentralen-nassjo     # type: unit, parent: region-jkpg
    participants: [studieforbundet])"}},
    {},
    check,
};

}  // namespace sv::rules
