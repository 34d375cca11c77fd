#include "lint/rule_util.h"

namespace sv::rules {

static const Tr kOral{"rule.agreement-not-valid.oral", "samverkansavtalet för `{0}` är muntligt",
                      "the agreement of collaboration `{0}` is oral"};
static const Tr kOralHelp{"rule.agreement-not-valid.oral-help",
                          "skriv ner avtalet, låt parterna underteckna det och ange `form: written` och `document`",
                          "write the agreement down, have the parties sign it, then set `form: written` and `document`"};
static const Tr kExpired{"rule.agreement-not-valid.expired",
                         "samverkansavtalet för `{0}` gällde till {1} och har varit ute i {2} dagar",
                         "the agreement of collaboration `{0}` was valid until {1}, {2} days ago"};
static const Tr kExpiredYesterday{"rule.agreement-not-valid.expired-yesterday",
                                  "samverkansavtalet för `{0}` gällde till i går ({1})",
                                  "the agreement of collaboration `{0}` was valid until yesterday ({1})"};
static const Tr kExpiredHelp{"rule.agreement-not-valid.expired-help",
                             "förnya avtalet med parterna och ange det nya `valid_until`",
                             "renew the agreement with the parties and set the new `valid_until`"};

static void check(Context& c) {
  for (const auto& collab : c.repo.collaborations) {
    if (!collab.id.set || !collab.agreement.set) continue;
    const Agreement& a = collab.agreement.v;
    if (a.form_value() == AgreementForm::oral)
      c.report(a.form.span, collab.id.v, "agreement.form", msg_of(kOral, collab.id.v), msg_of(kOralHelp));
    if (a.valid_until.set && a.valid_until.v < c.today) {
      long ago = c.today.days() - a.valid_until.v.days();
      c.report(a.valid_until.span, collab.id.v, "agreement.valid_until",
               msg_of(ago == 1 ? kExpiredYesterday : kExpired, collab.id.v, a.valid_until.v.str(), ago),
               msg_of(kExpiredHelp));
    }
  }
}

extern const Rule agreement_not_valid{
    "agreement-not-valid",
    Severity::warning,
    {"rule.agreement-not-valid.summary", "ett samverkansavtal som är muntligt eller har gått ut",
     "an agreement that is oral or has expired"},
    {{"rule.agreement-not-valid.explanation",
      R"(Vad: ett samverkansavtal (`agreement`) med `form: oral`, eller vars `valid_until` ligger före dagens datum. En samverkan utan `agreement` kontrolleras inte.

Varför: ett skriftligt, gällande avtal gör ansvarsfördelningen tydlig (Samverkansprinciper och mål 2009), och revisorer som granskar samverkan pekar ofta ut muntliga eller inaktuella överenskommelser.

Fel (med dagens datum 2026-10-15):
{example1}

Rätt:
{example2})",
      R"(What: an `agreement` with `form: oral`, or whose `valid_until` is before today. A collaboration with no `agreement` is not checked.

Why: a written agreement in force makes the division of responsibility clear (Samverkansprinciper och mål 2009), and auditors of samverkan often point out oral or out-of-date agreements.

Fails (today being 2026-10-15):
{example1}

Passes:
{example2})"},
     {R"(agreement:
  form: oral
  valid_until: 2025-12-31)",
      R"(agreement:
  form: written
  signed: 2026-01-20
  valid_until: 2028-12-31
  document: avtal/samverkansavtal-2026.pdf)"}},
    {},
    check,
};

}  // namespace sv::rules
