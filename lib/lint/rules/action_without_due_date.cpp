#include "lint/rule_util.h"

namespace sv::rules {

static const Tr kMsg{"rule.action-without-due-date.msg", "åtgärden `{0}` i `{1}` har inget slutdatum (`due`)",
                     "action `{0}` of `{1}` has no `due` date"};
static const Tr kHelp{"rule.action-without-due-date.help",
                      "ange när den ska vara klar, t.ex. till nästa möte: `due: {0}`",
                      "say when it is to be done, e.g. by the next meeting: `due: {0}`"};

static const Tr kHelpMonth{"rule.action-without-due-date.help-month",
                           "ange när den ska vara klar, t.ex. om en månad: `due: {0}`",
                           "say when it is to be done, e.g. in a month: `due: {0}`"};

static void check(Context& c) {
  each_action(c.repo, [&](const Meeting& m, const Action& a) {
    if (a.due.set || invalid(a.due)) return;  // an invalid date is validation's
    Message help = m.next_meeting.set ? msg_of(kHelp, m.next_meeting.v.str())
                                      : msg_of(kHelpMonth, (m.date.set ? m.date.v : c.today).plus_days(30).str());
    c.report(a.id.span, m.id.v, a.id.v, msg_of(kMsg, a.id.v, m.id.v), help);
  });
}

extern const Rule action_without_due_date{
    "action-without-due-date",
    Severity::warning,
    {"rule.action-without-due-date.summary", "en åtgärd utan slutdatum", "an action without a due date"},
    {{"rule.action-without-due-date.explanation",
      R"(Vad: en åtgärd i ett protokolls åtgärdslista (`actions`) utan `due`, det datum då den ska vara klar.

Varför: beslut ska följas upp (Samverkanskompetens i Skaraborg: kontinuerlig uppföljning), och utan slutdatum går det inte att se om en åtgärd är försenad (regeln action-overdue). Revisorer finner ofta beslut som aldrig återrapporteras.

Fel:
{example1}

Rätt:
{example2})",
      R"(What: an action in the minutes' action list (`actions`) without `due`, the date by which it is to be done.

Why: decisions must be followed up (Samverkanskompetens in Skaraborg: continuous follow-up), and without a due date nobody can see that an action is late (rule action-overdue). Auditors often find decisions that are never reported back.

Fails:
{example1}

Passes:
{example2})"},
     {R"(actions:
  - id: x1
    title: Ta fram gemensam broschyr
    owner: nassjo-kommun)",
      R"(actions:
  - id: x1
    title: Ta fram gemensam broschyr
    owner: nassjo-kommun
    due: 2026-11-12)"}},
    {},
    check,
};

}  // namespace sv::rules
