#include "lint/rule_util.h"
#include "lint/rule.h"
#include "core/text.h"
#include "core/msg/git.h"

namespace sv::rules {

static const Tr kMsg{"rule.minutes-changed-after-approval.msg",
                     "protokollet för `{0}` justerades {1}, men har ändrats efteråt, senast {2} (incheckning {3})",
                     "the minutes of `{0}` were approved on {1}, but changed afterwards, last on {2} (commit {3})"};
static const Tr kNote{"rule.minutes-changed-after-approval.note", "{0} {1} ({2}): {3} {4}", "{0} {1} ({2}): {3} {4}"};
static const Tr kHelp{"rule.minutes-changed-after-approval.help",
                      "ett justerat protokoll ändras inte; rätta det vid nästa möte, eller justera om det och uppdatera `minutes.approved` (se `samverkan log {0}`)",
                      "approved minutes are not changed; correct them at the next meeting, or approve them again and update `minutes.approved` (see `samverkan log {0}`)"};

// The minutes proper: what was dealt with and decided, and who was there.
// The action list is followed up after the meeting and does not count.
static bool changes_minutes(const ObjectChange& o) { return in_groups(o.path, {"item", "attendee", "absent"}); }

// A commit that changes the approval date records a (new) approval.
static bool records_approval(const EntityDiff& d) {
  for (const auto& o : d.objects)
    if (o.path.empty())
      for (const auto& f : o.fields)
        if (f.field == "minutes.approved") return true;
  return false;
}

const ApprovalWatch minutes_changes_watch{
    {{"item", &msg::git_w_items}, {"attendee", &msg::git_w_attendees}, {"absent", &msg::git_w_absent}},
    changes_minutes, records_approval, kMsg, kNote, kHelp, "item"};

static void check(Context& c) {
  std::vector<Approved> approved;
  for (const auto& m : c.repo.meetings)
    if (m.minutes.set && m.minutes.v.approved.set) approved.push_back({m.id.v, m.minutes.v.approved, "minutes"});
  report_changed_after_approval(c, approved, minutes_changes_watch);
}

extern const Rule minutes_changed_after_approval{
    "minutes-changed-after-approval",
    Severity::warning,
    {"rule.minutes-changed-after-approval.summary", "ett justerat protokoll som ändrats efter justeringen",
     "minutes changed after they were approved"},
    {{"rule.minutes-changed-after-approval.explanation",
      R"(Vad: ett möte vars punkter (§), beslut, närvarande eller frånvarande har ändrats i en incheckning daterad efter `minutes.approved`. Regeln läser git-historiken (första föräldern, incheckningsdatum i incheckarens tidszon). En incheckning som själv ändrar `minutes.approved` räknas som en ny justering, och incheckningar daterade efter dagens datum (`--today`) räknas inte. Åtgärdslistan (`actions`) följs upp efter mötet och räknas inte.

Varför: ett justerat protokoll är den gemensamma och bekräftade bilden av vad forumet beslutade (svensk protokollpraxis: justering). Ändras det i efterhand stämmer det inte längre med det som justerarna skrev under.

Fel: protokollet justerades 2025-10-17, beslutet formulerades om 2025-11-03:
{example1}   # stod "ställer sig bakom" vid justeringen
{example2}

Rätt: protokollet lämnas som det justerades; en rättelse tas upp som en punkt vid nästa möte.)",
      R"(What: a meeting whose items (§), decisions, attendees or absentees changed in a commit dated after `minutes.approved`. The rule reads the git history (first parent; the commit date in the committer's time zone). A commit that itself changes `minutes.approved` counts as a new approval, and commits dated after today (`--today`) do not count. The action list (`actions`) is followed up after the meeting and does not count.

Why: approved minutes are the shared, confirmed record of what the forum decided (Swedish practice: justering). Changed afterwards, they no longer match what the approvers signed.

Fails: the minutes were approved on 2025-10-17, the decision reworded on 2025-11-03:
{example1}   # read "ställer sig bakom" when approved
{example2}

Passes: the minutes stay as approved; a correction is taken up as an item at the next meeting.)"},
     {R"(items:
  - number: 3
    decisions:
      - Styrgruppen avslår inriktningen.)",
      R"(minutes: {approved: 2025-10-17})"}},
    {},
    check,
};

}  // namespace sv::rules
