#include "lint/rule_util.h"
#include "core/wording.h"

namespace sv::rules {

static const Tr kMsg{"rule.plan-not-approved.msg",
                     "planen `{0}` gäller sedan {1} men är inte fastställd (status {2})",
                     "plan `{0}` has been in force since {1} but is not approved (status {2})"};
static const Tr kHelp{"rule.plan-not-approved.help",
                      "fastställ den i styrgruppen och skriv `status: approved` och `approved: {forum: ..., date: ...}`",
                      "have the steering group approve it, then write `status: approved` and `approved: {forum: ..., date: ...}`"};

static void check(Context& c) {
  for (const auto& p : c.repo.plans) {
    PlanStatus status = p.status_value();
    if (!p.id.set || !p.period.set || p.period.v.start > c.today || status != PlanStatus::draft || invalid(p.status))
      continue;
    c.report(p.status.set ? p.status.span : p.where(), p.id.v, "",
             msg_of(kMsg, p.id.v, p.period.v.start.str(), enum_arg(status)), msg_of(kHelp));
  }
}

extern const Rule plan_not_approved{
    "plan-not-approved",
    Severity::warning,
    {"rule.plan-not-approved.summary", "en handlingsplan som gäller men inte är fastställd",
     "a plan in force that is not approved"},
    {{"rule.plan-not-approved.explanation",
      R"(Vad: en handlingsplan vars period har börjat (periodens första dag är i dag eller tidigare) och vars status är `draft` (en plan utan `status` är `draft`). En plan med `status: archived` är avslutad och kontrolleras inte.

Varför: gemensamma forum och rutiner för beslut är ett villkor för god samverkan (Samverkanskompetens i Skaraborg). En plan som ingen har fastställt binder inte parterna.

Fel (med dagens datum 2026-10-15):
{example1}

Rätt:
{example2})",
      R"(What: a plan whose period has begun (its first day is today or earlier) and whose status is `draft` (a plan without `status` is a `draft`). A plan with `status: archived` is closed and not checked.

Why: common forums and routines for decisions are a condition of good samverkan (Samverkanskompetens in Skaraborg). A plan nobody approved does not bind the parties.

Fails (today being 2026-10-15):
{example1}

Passes:
{example2})"},
     {R"(kind: plan
id: handlingsplan-2026
period: 2026
status: draft)",
      R"(kind: plan
id: handlingsplan-2026
period: 2026
status: approved
approved: {forum: styrgrupp-nassjo, date: 2025-12-10})"}},
    {},
    check,
};

}  // namespace sv::rules
