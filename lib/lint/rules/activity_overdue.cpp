#include "core/status.h"
#include "core/wording.h"
#include "lint/rule_util.h"

namespace sv::rules {

static const Tr kMsg{"rule.activity-overdue.msg",
                     "aktiviteten `{0}` skulle vara klar {1} ({2} dagar sedan) men har status {3}",
                     "activity `{0}` was due {1} ({2} days ago) but is still {3}"};
static const Tr kYesterday{"rule.activity-overdue.yesterday",
                           "aktiviteten `{0}` skulle vara klar i går ({1}) men har status {3}",
                           "activity `{0}` was due yesterday ({1}) but is still {3}"};
static const Tr kHelp{
    "rule.activity-overdue.help",
    "är den klar: ange `status: done` och `completed`; annars flytta `due` och skriv varför i `updates`",
    "if it is done, set `status: done` and `completed`; if not, move `due` and say why in `updates`"};

static void check(Context& c) {
  each_activity(c.repo, [&](const Plan& p, const Activity& a) {
    if (!activity_overdue_for_lint(a, c.today)) return;
    long late = c.today.days() - a.due.v.days();
    c.report(a.due.span, p.id.v, a.id.v, msg_of(late == 1 ? kYesterday : kMsg, a.id.v, a.due.v.str(), late, enum_arg(a.status_value())),
             msg_of(kHelp));
  });
}

extern const Rule activity_overdue{
    "activity-overdue",
    Severity::warning,
    {"rule.activity-overdue.summary", "en aktivitet vars slutdatum har passerat utan att den är klar",
     "an activity past its due date that is not done"},
    {{"rule.activity-overdue.explanation",
      R"(Vad: en aktivitet vars `due` ligger före dagens datum och vars status inte är `done` eller `cancelled` (en aktivitet utan `status` räknas som `planned`).

Varför: kontinuerlig uppföljning är ett av villkoren för god samverkan (Samverkanskompetens i Skaraborg). En försenad aktivitet ska antingen avslutas eller planeras om, med skälet dokumenterat.

Fel (med dagens datum 2026-10-15):
{example1}

Rätt:
{example2})",
      R"(What: an activity whose `due` date is before today and whose status is neither `done` nor `cancelled` (an activity without `status` counts as `planned`).

Why: continuous follow-up is one of the conditions of good samverkan (Samverkanskompetens in Skaraborg). A late activity should be closed or re-planned, with the reason written down.

Fails (today being 2026-10-15):
{example1}

Passes:
{example2})"},
     {R"(activities:
  - id: a1
    title: Gemensam informationsträff
    due: 2026-06-30
    status: ongoing)",
      R"(activities:
  - id: a1
    title: Gemensam informationsträff
    due: 2026-06-30
    status: done
    completed: 2026-06-18)"}},
    {},
    check,
};

}  // namespace sv::rules
