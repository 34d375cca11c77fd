#include "core/status.h"
#include "lint/rule_util.h"

namespace sv::rules {

static const Tr kMsg{"rule.action-overdue.msg",
                     "åtgärden `{0}` i `{1}` skulle vara klar {2} ({3} dagar sedan) men är fortfarande öppen",
                     "action `{0}` of `{1}` was due {2} ({3} days ago) but is still open"};
static const Tr kYesterday{"rule.action-overdue.yesterday",
                           "åtgärden `{0}` i `{1}` skulle vara klar i går ({2}) men är fortfarande öppen",
                           "action `{0}` of `{1}` was due yesterday ({2}) but is still open"};
static const Tr kHelp{"rule.action-overdue.help",
                      "är den klar: ange `status: done` och `completed`; annars ta upp den på nästa möte och ange ett nytt `due`",
                      "if it is done, set `status: done` and `completed`; if not, raise it at the next meeting and set a new `due`"};

static void check(Context& c) {
  each_action(c.repo, [&](const Meeting& m, const Action& a) {
    if (!action_overdue_for_lint(a, c.today)) return;
    long late = c.today.days() - a.due.v.days();
    c.report(a.due.span, m.id.v, a.id.v, msg_of(late == 1 ? kYesterday : kMsg, a.id.v, m.id.v, a.due.v.str(), late),
             msg_of(kHelp));
  });
}

extern const Rule action_overdue{
    "action-overdue",
    Severity::warning,
    {"rule.action-overdue.summary", "en öppen åtgärd vars slutdatum har passerat", "an open action past its due date"},
    {{"rule.action-overdue.explanation",
      R"(Vad: en åtgärd med status `open` (en åtgärd utan `status` är öppen) vars `due` ligger före dagens datum.

Varför: kontinuerlig uppföljning är ett villkor för god samverkan (Samverkanskompetens i Skaraborg), och revisorer finner ofta åtgärder som beslutats men aldrig återrapporterats. Åtgärdslistan är bara till hjälp om den visar vad som är gjort.

Fel (med dagens datum 2026-10-15):
{example1}

Rätt:
{example2})",
      R"(What: an action with status `open` (an action without `status` is open) whose `due` date is before today.

Why: continuous follow-up is a condition of good samverkan (Samverkanskompetens in Skaraborg), and auditors often find actions decided but never reported back. The action list only helps if it shows what has been done.

Fails (today being 2026-10-15):
{example1}

Passes:
{example2})"},
     {R"(actions:
  - id: x1
    title: Ta fram gemensam broschyr
    owner: nassjo-kommun
    due: 2026-09-30)",
      R"(actions:
  - id: x1
    title: Ta fram gemensam broschyr
    owner: nassjo-kommun
    due: 2026-09-30
    status: done
    completed: 2026-09-25)"}},
    {},
    check,
};

}  // namespace sv::rules
