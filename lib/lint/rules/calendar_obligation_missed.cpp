#include <algorithm>
#include <cmath>

#include "lint/rule_util.h"

namespace sv::rules {

static const Tr kMeeting{"rule.calendar-obligation-missed.meeting",
                         "punkten `{0}` ({1}) i årshjulet skulle vara klar senast {2}, men ingen planeringsdag (möte med `type: planning-day`) för {3} finns från {4} till {2}",
                         "calendar obligation `{0}` ({1}) was due by {2}, but no planning day (a meeting with `type: planning-day`) of {3} is recorded from {4} to {2}"};
static const Tr kReport{"rule.calendar-obligation-missed.report",
                        "punkten `{0}` ({1}) i årshjulet skulle vara klar senast {2}, men ingen rapport för {3} lämnades (`submitted`) från {4} till {2}",
                        "calendar obligation `{0}` ({1}) was due by {2}, but no report of {3} was submitted from {4} to {2}"};
static const Tr kEither{"rule.calendar-obligation-missed.either",
                        "punkten `{0}` ({1}) i årshjulet skulle vara klar senast {2}, men varken en planeringsdag eller en rapport för {3} finns från {4} till {2}",
                        "calendar obligation `{0}` ({1}) was due by {2}, but neither a planning day nor a report of {3} is recorded from {4} to {2}"};
static const Tr kHelpMeeting{"rule.calendar-obligation-missed.help-meeting",
                             "för in planeringsdagen som ett möte med `type: planning-day` i ett forum för samverkan",
                             "record the planning day as a meeting with `type: planning-day` of a forum of the collaboration"};
static const Tr kHelpReport{"rule.calendar-obligation-missed.help-report",
                            "för in rapporten med det datum den lämnades, `submitted`",
                            "record the report with the date it was handed in, `submitted`"};
static const Tr kHelp{"rule.calendar-obligation-missed.help",
                      "för in planeringsdagen som ett möte med `type: planning-day`, eller rapporten med sitt `submitted`-datum",
                      "record the planning day as a meeting with `type: planning-day`, or the report with its `submitted` date"};
static const Tr kAny{"rule.calendar-obligation-missed.any", "någon samverkan", "any collaboration"};

static void check(Context& c) {
  const Repo& repo = c.repo;
  for (const auto& e : repo.config.calendar.v) {
    if (!e.month.set || e.month.v < 1 || e.month.v > 12 || e.month.v != std::floor(e.month.v)) continue;
    if (e.collaboration.set && !repo.find_as<Collaboration>(e.collaboration.v)) continue;  // validation's
    if (invalid(e.evidence)) continue;
    int month = static_cast<int>(e.month.v);
    int last = days_in_month(c.today.y, month);
    int day = e.day.set && e.day.v >= 1 && e.day.v == std::floor(e.day.v) ? std::min(int(e.day.v), last) : last;
    Date from{c.today.y, month, 1}, due{c.today.y, month, day};
    // A report may come early: one handed in during the two months before
    // the deadline's month counts too (a yearly report in January for a
    // February deadline), but not one that belongs to an earlier obligation.
    Date report_from = Date{c.today.y, month, 1}.plus_days(-1);
    report_from = Date{report_from.y, report_from.m, 1}.plus_days(-1);
    report_from = Date{report_from.y, report_from.m, 1};
    if (!(due < c.today)) continue;
    auto ours = [&](const Text& collab) { return !e.collaboration.set || collab.v == e.collaboration.v; };
    auto evidence = e.evidence_value();  // none: either counts
    bool want_meeting = !evidence || *evidence == CalendarEvidence::meeting;
    bool want_report = !evidence || *evidence == CalendarEvidence::report;
    bool met = want_meeting && std::any_of(repo.meetings.begin(), repo.meetings.end(), [&](const Meeting& m) {
      const Forum* f = repo.find_as<Forum>(m.forum.v);
      return f && ours(f->collaboration) && m.type_value() == MeetingType::planning_day && m.date.set &&
             from <= m.date.v && m.date.v <= due;
    });
    bool reported = want_report && std::any_of(repo.reports.begin(), repo.reports.end(), [&](const Report& r) {
      return ours(r.collaboration) && r.submitted.set && report_from <= r.submitted.v && r.submitted.v <= due;
    });
    if (met || reported) continue;
    bool both = want_meeting && want_report;
    const Tr& text = both ? kEither : want_meeting ? kMeeting : kReport;
    const Tr& help = both ? kHelp : want_meeting ? kHelpMeeting : kHelpReport;
    Arg who = e.collaboration.set ? to_arg("`" + e.collaboration.v + "`") : to_arg(kAny);
    std::string id = e.id.set ? e.id.v : e.title.v;
    c.report(e.id.set ? e.id.span : e.span, e.collaboration.v, id + "/" + std::to_string(c.today.y),
             msg_of(text, id, e.title.v, due.str(), who, (want_report && !want_meeting ? report_from : from).str()),
             msg_of(help));
  }
}

extern const Rule calendar_obligation_missed{
    "calendar-obligation-missed",
    Severity::warning,
    {"rule.calendar-obligation-missed.summary", "en återkommande uppgift i årshjulet som inte gjorts i år",
     "a recurring obligation of the calendar not met this year"},
    {{"rule.calendar-obligation-missed.explanation",
      R"(Vad: en post i årshjulet (`calendar` i samverkan.yaml) vars tid har gått ut i år utan att det finns belägg för att den gjorts. Tiden går ut efter `day` i månaden `month` (utan `day`: månadens sista dag). Belägg söks från den första i månaden till och med den dagen, i år (en rapport får lämnas upp till två månader före månaden):
- `evidence: meeting`: ett möte med `type: planning-day` i ett forum som hör till postens `collaboration`;
- `evidence: report`: en rapport för postens `collaboration` med `submitted` i det intervallet;
- utan `evidence` räknas båda. Utan `collaboration` räknas alla samverkan.
Fyndet pekar på postens `id` i samverkan.yaml.

Varför: en planeringsdag i januari varje år, och rapporter vid halvårs- och helårsskiftet, hör till arbetet (Uppdrag Samverkan på Höglandet); gemensamma planeringsdagar är ett av de praktiska råden för god samverkan (Samverkanskompetens i Skaraborg).

Fel (med dagens datum 2026-10-15): årshjulet har
{example1}
och inget möte i januari 2026 har `type: planning-day`.

Rätt:
{example2})",
      R"(What: an entry of the calendar (`calendar` in samverkan.yaml) whose time has run out this year with no evidence that it was done. The time runs out after day `day` of month `month` (without `day`: the last day of the month). Evidence is looked for from the first of the month up to that day, this year (a report may be handed in up to two months before the month):
- `evidence: meeting`: a meeting with `type: planning-day` of a forum of the entry's `collaboration`;
- `evidence: report`: a report of the entry's `collaboration` with `submitted` in that span;
- without `evidence` either counts. Without `collaboration` every collaboration counts.
The finding points at the entry's `id` in samverkan.yaml.

Why: a planning day in January every year, and reports at the turn of the half-year and the year, are part of the work (Uppdrag Samverkan på Höglandet); joint planning days are one of the practical tips for good samverkan (Samverkanskompetens in Skaraborg).

Fails (today being 2026-10-15): the calendar has
{example1}
and no meeting in January 2026 has `type: planning-day`.

Passes:
{example2})"},
     {R"(calendar:
  - {id: planeringsdag, title: Planeringsdag, month: 1, collaboration: samverkan-nassjo, evidence: meeting})",
      R"(kind: meeting
id: styrgrupp-nassjo-2026-01-22
forum: styrgrupp-nassjo
date: 2026-01-22
type: planning-day)"}},
    {},
    check,
};

}  // namespace sv::rules
