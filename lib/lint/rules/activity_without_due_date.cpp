#include "lint/rule_util.h"

namespace sv::rules {

static const Tr kMsg{"rule.activity-without-due-date.msg", "aktiviteten `{0}` har inget slutdatum (`due`)",
                     "activity `{0}` has no `due` date"};
static const Tr kHelp{"rule.activity-without-due-date.help",
                      "ange när den ska vara klar, t.ex. `due: {0}-12-31`",
                      "say when it is to be done, e.g. `due: {0}-12-31`"};

static void check(Context& c) {
  each_activity(c.repo, [&](const Plan& p, const Activity& a) {
    if (a.due.set || invalid(a.due)) return;  // an invalid date is validation's
    int year = p.period.set ? p.period.v.end.y : c.today.y;
    c.report(a.id.span, p.id.v, a.id.v, msg_of(kMsg, a.id.v), msg_of(kHelp, year));
  });
}

extern const Rule activity_without_due_date{
    "activity-without-due-date",
    Severity::warning,
    {"rule.activity-without-due-date.summary", "en aktivitet utan slutdatum", "an activity without a due date"},
    {{"rule.activity-without-due-date.explanation",
      R"(Vad: en aktivitet i en handlingsplan utan `due`, det datum då den ska vara klar.

Varför: mål och aktiviteter ska vara tidsatta (SMARTA), annars går de inte att följa upp (Samverkanskompetens i Skaraborg). Utan slutdatum kan regeln activity-overdue aldrig se att en aktivitet blivit försenad.

Fel:
{example1}

Rätt:
{example2})",
      R"(What: an activity of a plan without `due`, the date by which it is to be done.

Why: goals and activities should be time-bound (SMART), or they cannot be followed up (Samverkanskompetens in Skaraborg). Without a due date, activity-overdue can never see that an activity is late.

Fails:
{example1}

Passes:
{example2})"},
     {R"(activities:
  - id: a1
    title: Gemensam informationsträff
    owner: nassjo-kommun)",
      R"(activities:
  - id: a1
    title: Gemensam informationsträff
    owner: nassjo-kommun
    due: 2026-05-31)"}},
    {},
    check,
};

}  // namespace sv::rules
