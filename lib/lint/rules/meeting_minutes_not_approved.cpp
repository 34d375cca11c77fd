#include "lint/rule_util.h"
#include "core/wording.h"
#include "core/msg/lint.h"

namespace sv::rules {

// A number of days as a message's argument: "1 dag", "3 dagar".
static Message days_of(long n) { return count_of(n, msg::n_days_one, msg::n_days); }

static const Tr kMissing{"rule.meeting-minutes-not-approved.missing",
                         "protokollet från `{0}` ({1}) är inte justerat, {2} efter mötet (högst {3})",
                         "the minutes of `{0}` ({1}) are not approved, {2} after the meeting (at most {3})"};
static const Tr kLate{"rule.meeting-minutes-not-approved.late",
                      "protokollet från `{0}` ({1}) justerades {2}, {3} efter mötet (högst {4})",
                      "the minutes of `{0}` ({1}) were approved on {2}, {3} after the meeting (at most {4})"};
static const Tr kHelp{"rule.meeting-minutes-not-approved.help",
                      "justera protokollet och ange `minutes: {approved_by: [...], approved: <datum>}`",
                      "have the minutes approved and write `minutes: {approved_by: [...], approved: <date>}`"};

static const Tr kLateHelp{"rule.meeting-minutes-not-approved.late-help",
                          "låt justerarna justera protokollen inom {0} efter mötet, t.ex. genom att boka justeringen redan på mötet",
                          "have the minutes approved within {0} of the meeting, e.g. by booking the approval at the meeting"};

static void check(Context& c) {
  long days = c.option_int("days");
  for (const auto& m : c.repo.meetings) {
    if (!m.id.set || !m.date.set) continue;
    Date limit = m.date.v.plus_days(days);
    if (!(limit < c.today)) continue;
    const auto& approved = m.minutes.v.approved;
    if (!approved.set) {
      c.report(m.minutes.set ? m.minutes.span : m.where(), m.id.v, "minutes.approved",
               msg_of(kMissing, m.id.v, m.date.v.str(), days_of(c.today.days() - m.date.v.days()), days), msg_of(kHelp));
    } else if (approved.v > limit) {
      c.report(approved.span, m.id.v, "minutes.approved",
               msg_of(kLate, m.id.v, m.date.v.str(), approved.v.str(), days_of(approved.v.days() - m.date.v.days()), days),
               msg_of(kLateHelp, days_of(days)));
    }
  }
}

extern const Rule meeting_minutes_not_approved{
    "meeting-minutes-not-approved",
    Severity::warning,
    {"rule.meeting-minutes-not-approved.summary", "ett protokoll som inte justerats i tid",
     "minutes not approved in time"},
    {{"rule.meeting-minutes-not-approved.explanation",
      R"(Vad: ett möte som hölls för mer än `days` dagar sedan och vars protokoll saknar `minutes.approved` (justeringsdatum), eller justerades senare än `days` dagar efter mötet.

Varför: svensk praxis är att protokollet justeras inom 14 dagar. Först när det är justerat gäller besluten, och ett protokoll som aldrig justeras kan ändras i efterhand.

Fel (med dagens datum 2026-10-15):
{example1}

Rätt:
{example2})",
      R"(What: a meeting held more than `days` days ago whose minutes have no `minutes.approved` (the date they were approved), or were approved later than `days` days after the meeting.

Why: Swedish practice is to approve (justera) the minutes within 14 days. Decisions stand only once the minutes are approved, and minutes never approved can be changed afterwards.

Fails (today being 2026-10-15):
{example1}

Passes:
{example2})"},
     {R"(kind: meeting
id: styrgrupp-nassjo-2026-09-10
date: 2026-09-10)",
      R"(kind: meeting
id: styrgrupp-nassjo-2026-09-10
date: 2026-09-10
minutes:
  approved_by: [Anna Berg]
  approved: 2026-09-17)"}},
    {{"days", "14", OptionDef::Type::integer,
      {"rule.meeting-minutes-not-approved.opt.days", "dagar efter mötet inom vilka protokollet ska justeras",
       "days after the meeting within which the minutes must be approved"}}},
    check,
};

}  // namespace sv::rules
