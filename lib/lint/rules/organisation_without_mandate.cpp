#include "lint/rule_util.h"

namespace sv::rules {

static const Tr kMsg{"rule.organisation-without-mandate.msg", "organisationen {0} beskriver inte sitt uppdrag (`mandate`)",
                     "organisation {0} does not describe its `mandate`"};
static const Tr kHelp{"rule.organisation-without-mandate.help",
                      "beskriv kort vad organisationen ansvarar för, så att de andra parterna vet vad de kan vänta sig",
                      "say briefly what the organisation is responsible for, so the other parties know what to expect"};

static void check(Context& c) {
  for (const auto& o : c.repo.organisations)
    if (o.id.set && (!o.mandate.set || o.mandate.v.empty()))
      c.report(o.where(), o.id.v, "", msg_of(kMsg, org_label(c.repo, o.id.v)), msg_of(kHelp));
}

extern const Rule organisation_without_mandate{
    "organisation-without-mandate",
    Severity::info,
    {"rule.organisation-without-mandate.summary", "en organisation som inte beskriver sitt uppdrag",
     "an organisation that does not describe its mandate"},
    {{"rule.organisation-without-mandate.explanation",
      R"(Vad: en organisation, också en enhet, utan `mandate`.

Varför: kunskap om och respekt för varandras uppdrag är ett villkor för god samverkan (Samverkanskompetens i Skaraborg; Samverkansprinciper och mål 2009). Individen hamnar ofta i mellanrummen mellan huvudmännens uppdrag; att skriva ner dem gör mellanrummen synliga.

Fel:
{example1}

Rätt:
{example2})",
      R"(What: an organisation, units included, without a `mandate`.

Why: knowing and respecting each other's mandates is a condition of good samverkan (Samverkanskompetens in Skaraborg; Samverkansprinciper och mål 2009). The individual often falls into the gaps between the huvudmän's mandates; writing them down makes the gaps visible.

Fails:
{example1}

Passes:
{example2})"},
     {R"(kind: organisation
id: forsakringskassan
name: Försäkringskassan
type: state-agency)",
      R"(kind: organisation
id: forsakringskassan
name: Försäkringskassan
type: state-agency
mandate: Handlägger sjukpenning och samordnar rehabiliteringen för försäkrade.)"}},
    {},
    check,
};

}  // namespace sv::rules
