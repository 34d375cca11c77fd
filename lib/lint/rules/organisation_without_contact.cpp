#include "lint/rule_util.h"

namespace sv::rules {

static const Tr kMsg{"rule.organisation-without-contact.msg", "organisationen {0} har inga kontaktvägar (`contacts`)",
                     "organisation {0} has no `contacts`"};
static const Tr kHelp{"rule.organisation-without-contact.help",
                      "ange minst en kontakt, t.ex. `contacts: [{role: Samverkanskoordinator, email: ...}]`",
                      "give at least one contact, e.g. `contacts: [{role: Samverkanskoordinator, email: ...}]`"};

static void check(Context& c) {
  for (const auto& o : c.repo.organisations) {
    auto type = o.type_value();
    if (o.id.set && type && *type != OrgType::unit && o.contacts.v.empty())
      c.report(o.where(), o.id.v, "", msg_of(kMsg, org_label(c.repo, o.id.v)), msg_of(kHelp));
  }
}

extern const Rule organisation_without_contact{
    "organisation-without-contact",
    Severity::warning,
    {"rule.organisation-without-contact.summary", "en organisation utan kontaktvägar",
     "an organisation without contacts"},
    {{"rule.organisation-without-contact.explanation",
      R"(Vad: en organisation som inte är en enhet (`type` är inte `unit`) och saknar `contacts`. Enheter nås genom sin huvudman och kontrolleras inte.

Varför: tydliga kontaktvägar är en del av en tydlig struktur för samverkan (Samverkanskompetens i Skaraborg): de andra parterna ska veta vem de vänder sig till.

Fel:
{example1}

Rätt:
{example2})",
      R"(What: an organisation that is not a unit (its `type` is not `unit`) with no `contacts`. Units are reached through their huvudman and are not checked.

Why: clear contact paths are part of a clear structure for samverkan (Samverkanskompetens in Skaraborg): the other parties must know whom to turn to.

Fails:
{example1}

Passes:
{example2})"},
     {R"(kind: organisation
id: nassjo-kommun
name: Nässjö kommun
type: municipality)",
      R"(kind: organisation
id: nassjo-kommun
name: Nässjö kommun
type: municipality
contacts:
  - {role: Samverkanskoordinator, email: samverkan@nassjo.se})"}},
    {},
    check,
};

}  // namespace sv::rules
