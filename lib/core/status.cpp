#include "core/status.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>

#include "core/msg/scaffold.h"

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

ActStatus activity_status_as_of(const Activity& a, const Date& as_of) {
  ActivityStatus written = a.status_value();
  bool later = written == ActivityStatus::done && a.completed && as_of < a.completed.v;
  const Update* before = nullptr;
  for (const auto& u : a.updates.v) {
    if (!u.date || !u.status_value()) continue;
    if (as_of < u.date.v) later = true;
    else if (!before || before->date.v <= u.date.v) before = &u;
  }
  if (!later) return activity_status(a, as_of);
  Activity then = a;
  then.status = before ? before->status : Text{};
  then.status.set = before != nullptr;
  ActivityStatus s = then.status_value();
  // A `done` dated by an update but completed after as_of is not done yet.
  if (s == ActivityStatus::done && a.completed && as_of < a.completed.v) then.status = Text{};
  return activity_status(then, as_of);
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

bool action_open_at(const Action& a, const Date& as_of) {
  if (a.status_value() == ActionStatus::open) return true;
  return a.completed && as_of < a.completed.v;
}

namespace {

// Lower case for A–Z and Å, Ä, Ö (the letters an agenda title begins with).
std::string folded(std::string_view text) {
  std::string out(text);
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] >= 'A' && out[i] <= 'Z') out[i] = static_cast<char>(out[i] - 'A' + 'a');
    // Å Ä Ö are C3 85, C3 84, C3 96; å ä ö C3 A5, C3 A4, C3 B6.
    if (static_cast<unsigned char>(out[i]) == 0xC3 && i + 1 < out.size()) {
      unsigned char next = static_cast<unsigned char>(out[i + 1]);
      if (next == 0x85 || next == 0x84 || next == 0x96) out[i + 1] = static_cast<char>(next + 0x20);
    }
  }
  return out;
}

bool begins_with_any(std::string_view text, std::initializer_list<const Tr*> starts) {
  std::string seen = folded(text.substr(text.find_first_not_of(" \t\n") == std::string_view::npos
                                            ? text.size()
                                            : text.find_first_not_of(" \t\n")));
  for (const Tr* start : starts)
    for (Lang lang : {Lang::sv, Lang::en})
      if (std::string want = folded(start->get(lang)); !want.empty() && seen.starts_with(want)) return true;
  return false;
}

}  // namespace

bool decision_procedural(const Item& item, std::string_view decision) {
  if (begins_with_any(item.title.v, {&msg::new_agenda_open, &msg::new_agenda_adjuster, &msg::new_agenda_agenda,
                                     &msg::new_agenda_close}))
    return true;
  return begins_with_any(decision, {&msg::new_decision_agenda});
}

bool action_overdue_for_lint(const Action& a, const Date& today) {
  return action_overdue(a, today) && !invalid(a.status);
}

Progress goal_progress(const Goal& g, const std::optional<Date>& until, const std::optional<Period>& period) {
  Progress p;
  p.period_total = g.measure_value() == GoalMeasure::period_total;
  const DatedValue* latest = nullptr;
  for (const auto& m : g.measurements.v) {
    if (!m.value || (until && (!m.date || *until < m.date.v))) continue;
    if (p.period_total && period && m.date && m.date.v < period->start) continue;
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
  if (p.period_total && !maintain) {
    // The total so far against the target; the baseline is last period's.
    if (dir != GoalDirection::decrease && t > 0) {
      p.computable = true;
      p.percent = static_cast<int>(std::lround(std::clamp(p.latest / t, 0.0, 1.0) * 100));
    }
  } else if (!maintain && has_base && t != b) {
    double f = (p.latest - b) / (t - b);
    p.computable = true;
    p.percent = static_cast<int>(std::lround(std::clamp(f, 0.0, 1.0) * 100));
  } else if (maintain) {
    p.computable = true;
    p.percent = p.reached ? 100 : 0;
  }
  return p;
}

Progress goal_progress(const Plan& plan, const Goal& g, const std::optional<Date>& until) {
  return goal_progress(g, until, plan.period ? std::optional<Period>(*plan.period) : std::nullopt);
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
