#include <algorithm>

#include "core/status.h"
#include "lint/rule_util.h"

namespace sv::rules {

static const Tr kNone{"rule.plan-outdated.none", "samverkan `{0}` har ingen handlingsplan som gäller i dag ({1})",
                      "collaboration `{0}` has no plan whose period covers today ({1})"};
static const Tr kLatest{"rule.plan-outdated.latest", "den senaste planen, `{0}`, gäller {1}–{2}",
                        "its latest plan, `{0}`, runs {1} to {2}"};
static const Tr kNoneHelp{"rule.plan-outdated.none-help",
                          "skriv en handlingsplan för innevarande period, t.ex. `period: {0}`",
                          "write a plan for the current period, e.g. `period: {0}`"};
static const Tr kOld{"rule.plan-outdated.old",
                     "planen `{0}` reviderades senast {1}, för {2} dagar sedan (gränsen är {3})",
                     "plan `{0}` was last revised {1}, {2} days ago (the limit is {3})"};
static const Tr kOldHelp{"rule.plan-outdated.old-help",
                         "gå igenom planen i styrgruppen och ange dagens revision med `revised: {0}`",
                         "review the plan with the steering group and record it with `revised: {0}`"};

static void check(Context& c) {
  long max_age = c.option_int("max_age_days");
  for (const auto& collab : c.repo.collaborations) {
    if (!collab.id.set) continue;
    PlansNow now = plans_now_for_lint(c.index().plans_of_collaboration(collab.id.v), c.today);
    const Plan* current = now.current;
    const Plan* latest = now.latest;
    if (!current) {
      auto& f = c.report(collab.where(), collab.id.v, "", msg_of(kNone, collab.id.v, c.today.str()),
                         msg_of(kNoneHelp, c.today.y));
      if (latest)
        f.notes.push_back(Note{msg_of(kLatest, latest->id.v, latest->period.v.start.str(), latest->period.v.end.str()),
                               latest->period.span});
      continue;
    }
    auto revised = plan_last_revision(c, *current);
    if (!revised) continue;  // never approved nor revised: plan-not-approved's business
    long age = c.today.days() - revised->days();
    if (age <= max_age) continue;
    Span where = current->revised.set ? current->revised.span
                 : current->approved.v.date.set ? current->approved.v.date.span
                                                : current->where();
    c.report(where, current->id.v, "", msg_of(kOld, current->id.v, revised->str(), age, max_age),
             msg_of(kOldHelp, c.today.str()));
  }
}

extern const Rule plan_outdated{
    "plan-outdated",
    Severity::warning,
    {"rule.plan-outdated.summary", "en samverkan utan gällande eller nyligen reviderad handlingsplan",
     "a collaboration without a current, recently revised plan"},
    {{"rule.plan-outdated.explanation",
      R"(Vad: en samverkan som saknar en handlingsplan vars period omfattar dagens datum, eller vars gällande plan (den av de gällande planerna som börjar senast) reviderades för mer än `max_age_days` dagar sedan. Revisionsdatum är `revised`, annars datumet då planen fastställdes (`approved.date`); en plan som har inget av dem kontrolleras av plan-not-approved i stället.

Varför: handlingsplanen ska revideras årligen (Uppdrag Samverkan på Höglandet). En plan som inte har gåtts igenom på över ett år speglar inte längre arbetet.

Fel (med dagens datum 2026-10-15):
{example1}

Rätt:
{example2})",
      R"(What: a collaboration with no plan whose period covers today, or whose current plan (the one of the plans covering today that starts last) was revised more than `max_age_days` days ago. The revision date is `revised`, else the date the plan was approved (`approved.date`); a plan with neither is left to plan-not-approved.

Why: the plan is to be revised every year (Uppdrag Samverkan på Höglandet). A plan nobody has gone through for over a year no longer reflects the work.

Fails (today being 2026-10-15):
{example1}

Passes:
{example2})"},
     {R"(kind: plan
id: handlingsplan-2025-2026
period: {start: 2025-01-01, end: 2026-12-31}
status: approved
approved: {forum: styrgrupp-nassjo, date: 2024-12-10})",
      R"(kind: plan
id: handlingsplan-2025-2026
period: {start: 2025-01-01, end: 2026-12-31}
status: approved
approved: {forum: styrgrupp-nassjo, date: 2024-12-10}
revised: 2025-12-09)"}},
    {{"max_age_days", "400", OptionDef::Type::integer,
      {"rule.plan-outdated.opt.max_age_days", "högsta antal dagar sedan planen reviderades",
       "the most days since the plan was revised"}}},
    check,
};

}  // namespace sv::rules
