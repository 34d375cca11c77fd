#include "core/status.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace sv {

ActStatus activity_status(const Activity& a, const Date& today) {
  ActivityStatus s = a.status_value();
  if (s == ActivityStatus::done) return ActStatus::done;
  if (s == ActivityStatus::cancelled) return ActStatus::cancelled;
  if (s == ActivityStatus::postponed) return ActStatus::postponed;
  if (a.due && a.due.v < today) return ActStatus::late;
  if (a.due && a.due.v.days() - today.days() <= kSoonLateDays) return ActStatus::soon_late;
  if ((a.start && a.start.v <= today) || s == ActivityStatus::ongoing) return ActStatus::ongoing;
  return ActStatus::not_started;
}

bool activity_finished(const Activity& a) {
  ActivityStatus s = a.status_value();
  return s == ActivityStatus::done || s == ActivityStatus::cancelled;
}

bool activity_overdue_for_lint(const Activity& a, const Date& today) {
  if (!a.due.set || a.due.v >= today || invalid(a.status)) return false;
  return !activity_finished(a);
}

bool member_counts_at(const Member& m, const Date& date) {
  return (!m.from.set || m.from.v <= date) && (!m.until.set || date <= m.until.v);
}

bool action_overdue(const Action& a, const Date& today) {
  return a.status_value() == ActionStatus::open && a.due && a.due.v < today;
}

bool action_overdue_for_lint(const Action& a, const Date& today) {
  return action_overdue(a, today) && !invalid(a.status);
}

Progress goal_progress(const Goal& g, const std::optional<Date>& until) {
  Progress p;
  const DatedValue* latest = nullptr;
  for (const auto& m : g.measurements.v) {
    if (!m.value || (until && (!m.date || *until < m.date.v))) continue;
    if (!latest || (m.date && (!latest->date || latest->date.v <= m.date.v))) latest = &m;
  }
  if (!latest) return p;
  p.measured = true;
  p.latest = latest->value.v;
  p.latest_date = latest->date.v;
  if (!g.target || !g.target->value) return p;
  double t = g.target->value.v;
  bool has_base = g.baseline && g.baseline->value;
  double b = has_base ? g.baseline->value.v : 0;
  // The direction as written, also when the loader refused it (the text
  // stays): only a missing one is taken from the baseline and the target; an
  // unknown one is neither decrease nor maintain.
  std::optional<GoalDirection> dir = parse_enum<GoalDirection>(g.direction.v);
  if (g.direction.v.empty() && has_base) dir = t >= b ? GoalDirection::increase : GoalDirection::decrease;
  if (dir == GoalDirection::decrease) p.reached = p.latest <= t;
  else p.reached = p.latest >= t;  // increase, maintain: at or above the target
  bool maintain = dir == GoalDirection::maintain;
  if (!maintain && has_base && t != b) {
    double f = (p.latest - b) / (t - b);
    p.computable = true;
    p.percent = static_cast<int>(std::lround(std::clamp(f, 0.0, 1.0) * 100));
  } else if (maintain) {
    p.computable = true;
    p.percent = p.reached ? 100 : 0;
  }
  return p;
}

const Plan* current_plan(const Repo& repo, std::string_view collaboration, const Date& today) {
  const Plan* best = nullptr;
  auto rank = [&](const Plan& p) {
    bool holds = p.period && p.period->contains(today);
    bool approved = p.status_value() == PlanStatus::approved;
    return std::tuple(holds, holds && approved, p.period.v.start, p.id.v);
  };
  for (const auto& p : repo.plans) {
    if (p.collaboration.v != collaboration || !p.period) continue;
    if (!best || rank(*best) < rank(p)) best = &p;
  }
  return best;
}

PlansNow plans_now_for_lint(const std::vector<const Plan*>& plans, const Date& today) {
  PlansNow out;
  for (const Plan* p : plans) {
    if (!p->id.set || !p->period.set) continue;
    auto later = [&](const Plan* q) {
      return !q || std::tie(p->period.v.start, p->id.v) > std::tie(q->period.v.start, q->id.v);
    };
    if (later(out.latest)) out.latest = p;
    if (p->period.v.contains(today) && later(out.current)) out.current = p;
  }
  return out;
}

}  // namespace sv
