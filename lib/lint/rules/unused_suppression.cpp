// unused-suppression: a rule of the lint engine itself, configured like the
// others (severity in samverkan.yaml, `samverkan rules unused-suppression`) but
// with no check of its own: lib/lint/suppress.cpp (apply_suppressions) reports
// it when a `samverkan-ignore` comment silenced nothing.
#include "lint/rule.h"

namespace sv::rules {

extern const Rule unused_suppression{
    "unused-suppression",
    Severity::info,
    {"rule.unused-suppression.summary", "en kommentar `samverkan-ignore` som inte tystar något",
     "a `samverkan-ignore` comment that silences nothing"},
    {{"rule.unused-suppression.explanation",
      R"(Vad: en regel i en kommentar `# samverkan-ignore: REGEL -- skäl` som inte tystar något fynd: regeln hittar inget där, eller namnet är ingen lintregel.

Varför: en kommentar som inte längre behövs döljer nästa riktiga fynd på samma rad. Kommentaren tystar regeln på sin egen rad och raden under; på raden med en entitets `id` (eller ett måls, en aktivitets eller en åtgärds `id`) tystar den regeln för hela entiteten. Valideringsfel kan inte tystas. Regler som är avstängda (`off`) rapporteras inte.

Fel:
{example1}                # samverkan-ignore: activity-without-owner -- ägs av styrgruppen
{example2}

Rätt:
{example3}                # samverkan-ignore: activity-without-owner -- ägs av styrgruppen
{example4})",
      R"(What: a rule in a `# samverkan-ignore: RULE -- reason` comment that silences no finding: the rule finds nothing there, or the name is not a lint rule.

Why: a comment no longer needed hides the next real finding on that line. The comment silences the rule on its own line and the line below; on the line of an entity's `id` (or a goal's, an activity's or an action's `id`) it silences the rule for the whole entity. Validation findings cannot be silenced. Rules that are turned `off` are not reported.

Fails:
{example1}                # samverkan-ignore: activity-without-owner -- owned by the steering group
{example2}

Passes:
{example3}                # samverkan-ignore: activity-without-owner -- owned by the steering group
{example4})"},
     {R"(- id: a1)",
      R"(  title: Informationsträff
  owner: nassjo-kommun)",
      R"(- id: a1)",
      R"(  title: Informationsträff)"}},
    {},
    nullptr,
};

}  // namespace sv::rules
