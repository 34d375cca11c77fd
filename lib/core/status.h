// What the data says about the state of things, said once: an activity's
// status, whether an activity or an action is overdue, a goal's progress, a
// collaboration's current plan. Reports (render) and rules (lint) ask here.
// Where the two deliberately see a thing differently, each has its own
// function, and the comment says how and why.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace sv {

// An activity's status as a report shows it, from its written status, its
// dates and today: done and cancelled as written; postponed as written
// (whatever the dates); late when due < today; soon late when due is within
// 14 days; ongoing when start <= today or the status says ongoing; not started
// otherwise. An invalid status counts as the default, planned.
enum class ActStatus { not_started, ongoing, soon_late, late, done, cancelled, postponed };
inline constexpr int kSoonLateDays = 14;
ActStatus activity_status(const Activity& a, const Date& today);

// An activity's status as of a past date, for documents that must say the
// same thing whenever they are rendered (a report as of its period's end):
// the written status, unless the data dates a status after `as_of` —
// `completed` after it for `done`, or an update with a status after it; then
// the status of the latest update with a status on or before `as_of`, else
// planned. The dates then decide late, soon late and ongoing as of `as_of`
// (activity_status).
ActStatus activity_status_as_of(const Activity& a, const Date& as_of);

// Whether an activity is finished: done or cancelled as written (an invalid
// status counts as the default, planned). What is not finished is carried
// over to the next plan (samverkan new plan --from) and can be overdue.
bool activity_finished(const Activity& a);

// Whether the rule activity-overdue flags an activity: due < today and the
// status neither done nor cancelled. It differs from a report's `late`
// (activity_status) in two ways, both on purpose:
// - postponed: overdue here, never late in a report. The report shows what
//   was decided (postponed, README's status table); the rule asks for the
//   decision to be written down: a postponed activity past its due date still
//   needs a new `due` (the rule's help: "move `due`").
// - an invalid status (written, but no value the format knows): not flagged
//   here, since the loader reported it and a rule leaves alone what depends on
//   it; a report shows the default (planned), so late when due has passed.
bool activity_overdue_for_lint(const Activity& a, const Date& today);

// Whether a forum member counts for a meeting on `date`: within its `from`
// and `until` (either may be left out). Attendance in reports and the rule
// party-absent-repeatedly count a party only for the meetings it was a member
// for: a party that joined in June was not absent in March.
bool member_counts_at(const Member& m, const Date& date);

// An open action whose due date has passed (an invalid status counts as the
// default, open): what a report lists as overdue.
bool action_overdue(const Action& a, const Date& today);
// Whether an action was still open on `as_of`: open as written, or done or
// cancelled with a `completed` date after `as_of` (a closed action without a
// date counts as closed). A report lists the actions open at its period's end.
bool action_open_at(const Action& a, const Date& as_of);
// Whether the rule action-overdue flags an action: as action_overdue, except
// for an invalid status, which the loader reported and the rule leaves alone.
bool action_overdue_for_lint(const Action& a, const Date& today);

// Whether a decision is a formality that a report leaves out: one under an
// item whose title begins with an opening or closing formality of the
// standard agenda (as `samverkan new meeting` writes it, in Swedish or
// English: mötets öppnande, val av justerare, godkännande av dagordningen,
// mötets avslutning), or one that begins with "Dagordningen" / "The agenda".
// Letters are compared without case (A–Z, Å, Ä, Ö).
bool decision_procedural(const Item& item, std::string_view decision);

// How far a goal has come towards its target, by its latest measurement (by
// date), in the goal's direction. How depends on the goal's `measure`:
// - level (the default): each value is the state at its date; progress is
//   (latest − baseline) / (target − baseline), clamped to 0–100 %.
// - period-total: each value counts from the start of the plan's period (a
//   measurement dated before it does not count); progress is latest ÷ target,
//   clamped to 0–100 %, and the baseline is the last period's total, shown
//   for comparison only. For `decrease` a running total says nothing about
//   the way to the target: only reached (latest ≤ target) or not; a target
//   ≤ 0 gives no percentage either.
// `increase` is reached at latest ≥ target, `decrease` at ≤ target,
// `maintain` at ≥ target (100 % or 0 %, for either measure).
struct Progress {
  bool measured = false;    // there is a measurement
  bool computable = false;  // baseline and target allow a percentage
  int percent = 0;          // 0..100, when computable
  bool reached = false;     // the latest measurement meets the target
  bool period_total = false;  // measure: period-total
  double latest = 0;
  Date latest_date;
};
// Only measurements dated on or before `until` count, when given; with
// `period` (the plan's), a period-total goal counts only those from its start.
Progress goal_progress(const Goal& g, const std::optional<Date>& until = {},
                       const std::optional<Period>& period = {});
// A goal of `plan`, counted from the plan's period.
Progress goal_progress(const Plan& plan, const Goal& g, const std::optional<Date>& until = {});

// The plan of a collaboration that a report shows as current on `today`: the
// one whose period holds today (approved before draft, then the latest start,
// then the id), else the latest (by start, then id). Plans without an id count.
const Plan* current_plan(const Repo& repo, std::string_view collaboration, const Date& today);

// For the rule plan-outdated, among `plans` (one collaboration's): `current`,
// the plan whose period holds today, the latest start (then id) if several;
// `latest`, the latest of all. It differs from current_plan on purpose:
// - the status does not count: the rule asks whether the plan in force is kept
//   up to date, approved or not (whether it is approved is plan-not-approved's
//   business), where a report prefers the approved one to show;
// - no fallback: when no plan holds today, that is the finding (with `latest`
//   as a note), where a report shows the latest instead;
// - plans without an id do not count (validation reported them).
struct PlansNow {
  const Plan* current = nullptr;
  const Plan* latest = nullptr;
};
PlansNow plans_now_for_lint(const std::vector<const Plan*>& plans, const Date& today);

}  // namespace sv
