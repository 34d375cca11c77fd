#include "lint/rule_util.h"
#include "lint/rule.h"
#include "core/text.h"
#include "core/msg/git.h"

namespace sv::rules {

static const Tr kMsg{"rule.plan-changed-after-approval.msg",
                     "handlingsplanen `{0}` fastställdes {1}, men dess mål eller aktiviteter har ändrats efteråt, senast {2} (incheckning {3})",
                     "plan `{0}` was approved on {1}, but its goals or activities changed afterwards, last on {2} (commit {3})"};
static const Tr kNote{"rule.plan-changed-after-approval.note", "{0} {1} ({2}): {3} {4}", "{0} {1} ({2}): {3} {4}"};
static const Tr kHelp{"rule.plan-changed-after-approval.help",
                      "låt forumet fastställa den ändrade planen och uppdatera `approved`, eller återställ ändringen (se `samverkan log {0}`)",
                      "have the forum approve the changed plan and update `approved`, or revert the change (see `samverkan log {0}`)"};

// What was approved: goals and activities with what they aim at and who does
// what by when. Follow-up (a goal's measurements; an activity's status,
// completion and updates) is reporting on the plan, not a change of it.
static bool changes_plan(const ObjectChange& o) {
  if (!in_groups(o.path, {"goal", "activity"}) || o.path.size() > 1) return false;
  if (o.change != Change::changed) return true;
  for (const auto& f : o.fields)
    if (o.path[0].first == "goal" || (f.field != "status" && f.field != "completed")) return true;
  return false;
}

// A commit that sets the approval records it; its changes are part of it.
static bool records_approval(const EntityDiff& d) {
  for (const auto& o : d.objects)
    if (o.path.empty())
      for (const auto& f : o.fields)
        if (f.field == "approved.date" || f.field == "status") return true;
  return false;
}

const ApprovalWatch plan_changes_watch{{{"goal", &msg::git_w_goals}, {"activity", &msg::git_w_activities}},
                                  changes_plan, records_approval, kMsg, kNote, kHelp};

static void check(Context& c) {
  std::vector<Approved> approved;
  for (const auto& p : c.repo.plans)
    if (p.status_value() == PlanStatus::approved && p.approved.set && p.approved.v.date.set) approved.push_back({p.id.v, p.approved.v.date, "approved"});
  report_changed_after_approval(c, approved, plan_changes_watch);
}

extern const Rule plan_changed_after_approval{
    "plan-changed-after-approval",
    Severity::warning,
    {"rule.plan-changed-after-approval.summary", "en fastställd handlingsplan vars mål eller aktiviteter ändrats efter fastställandet",
     "an approved plan whose goals or activities changed after its approval"},
    {{"rule.plan-changed-after-approval.explanation",
      R"(Vad: en handlingsplan med `status: approved` vars mål eller aktiviteter har ändrats i en incheckning daterad efter `approved.date`, utan att planen fastställts på nytt. Regeln läser git-historiken (första föräldern, incheckningsdatum i incheckarens tidszon). En incheckning som själv ändrar `approved.date` eller `status` räknas som fastställandet, och incheckningar daterade efter dagens datum (`--today`) räknas inte. Uppföljning räknas inte som ändring: nya mätningar av ett mål, en aktivitets `status`, `completed` och `updates`.

Varför: planen är det som parterna gemensamt har beslutat i sitt forum (Samverkanskompetens i Skaraborg: gemensamma fora och rutiner för beslut). Ändras mål eller aktiviteter i efterhand gäller inte längre det beslutet, och ändringen ska tillbaka till forumet.

Fel: målet ändrades 2026-03-02, men planen fastställdes 2025-12-09:
{example1}    # var 60 vid fastställandet

Rätt: forumet fastställer den ändrade planen och `approved.date` uppdateras i samma incheckning:
{example2})",
      R"(What: a plan with `status: approved` whose goals or activities changed in a commit dated after `approved.date`, with no later approval. The rule reads the git history (first parent; the commit date in the committer's time zone). A commit that itself changes `approved.date` or `status` counts as the approval, and commits dated after today (`--today`) do not count. Follow-up is not a change: new measurements of a goal, an activity's `status`, `completed` and `updates`.

Why: the plan is what the parties decided together in their forum (Samverkanskompetens in Skaraborg: common forums and routines for decisions). When goals or activities change afterwards the decision no longer holds, and the change belongs back in the forum.

Fails: the goal changed on 2026-03-02, but the plan was approved on 2025-12-09:
{example1}    # was 60 when approved

Passes: the forum approves the changed plan and `approved.date` is updated in the same commit:
{example2})"},
     {R"(approved: {forum: styrgrupp-aneby, date: 2025-12-09}
goals:
  - id: g1
    target: {value: 65})",
      R"(approved: {forum: styrgrupp-aneby, date: 2026-03-10, meeting: styrgrupp-aneby-2026-03-10})"}},
    {},
    check,
};

}  // namespace sv::rules
