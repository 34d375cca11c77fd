// kind: plan, with its goals, activities and follow-ups.
#include <algorithm>
#include <optional>
#include <unordered_set>

#include "core/text.h"
#include "load/readers.h"
#include "core/codes.h"

namespace sv::decode {
namespace {


// A period as a range of dates: `{start, end}`.
void read_period_range(MapReader& reader, const RawNode* node, Val<Period>& period) {
  Ctx& ctx = reader.ctx();
  Val<Date> start, end;
  MapReader range(ctx, node, "period", node->span);
  range.date("start", start, true);
  range.date("end", end, true);
  range.finish();
  check_order(ctx, "start", start, "end", end);
  if (start.set && end.set && !(end.v < start.v)) period = {period_range(start.v, end.v), node->span, true};
}

// A plan's period: a period ("2026", "2026H1") or a range of dates. The diff
// sees the period it names.
void read_plan_period(MapReader& reader, Val<Period>& period) {
  if (reader.flattening()) return reader.emit("period", period);
  if (reader.describing()) {
    Val<Date> date;
    Json range = schema_of(reader.ctx(), "plan", "period.", [&](MapReader& range_reader) {
      range_reader.date("start", date, true);
      range_reader.date("end", date, true);
    });
    reader.declare("period", Json{{"anyOf", Json::array({period_schema(), range})}}, true);
    return;
  }
  const RawNode* node = reader.take("period");
  if (!node) return reader.missing("period");
  if (node->is_map()) read_period_range(reader, node, period);
  else if (node->is_scalar()) reader.period_node("period", node, period);
  else reader.mismatch("period", node, msg::w_period_or_range);
}

void read_approval(MapReader& reader, Approval& approval) {
  reader.ref("forum", approval.forum, kind_bit(Kind::forum));
  reader.date("date", approval.date);
  reader.ref("meeting", approval.meeting, kind_bit(Kind::meeting));
}

// A baseline or target: a value at a date.
void read_dated_value(MapReader& reader, DatedValue& value) {
  reader.number("value", value.value);
  reader.date("date", value.date);
}

// A measurement: a value at a date, both required, and a note.
void read_measurement(MapReader& reader, DatedValue& measurement) {
  reader.number("value", measurement.value, true);
  reader.date("date", measurement.date, true);
  reader.text("note", measurement.note);
}

void read_goal(MapReader& reader, Goal& goal, NestedIds& ids) {
  Ctx& ctx = reader.ctx();
  reader.id("id", goal.id);
  ids.add(goal.id);
  reader.text("title", goal.title, true);
  reader.text("description", goal.description);
  reader.text("indicator", goal.indicator);
  reader.enumv("unit", goal.unit, enum_names<GoalUnit>());
  reader.enumv("direction", goal.direction, enum_names<GoalDirection>());
  reader.enumv("measure", goal.measure, enum_names<GoalMeasure>());
  auto dated_value = [&](const char* key, Val<DatedValue>& out) {
    reader.object(key, out, [&](const RawNode* node, DatedValue& value) {
      MapReader value_reader(ctx, node, key, node->span);
      read_dated_value(value_reader, value);
      value_reader.finish();
    });
  };
  dated_value("baseline", goal.baseline);
  dated_value("target", goal.target);
  reader.list("measurements", goal.measurements, [&](const RawNode* node, DatedValue& measurement) {
    return nested(reader, "measurements", node, measurement, std::string("measurements"),
                  [&](MapReader& measurement_reader) { read_measurement(measurement_reader, measurement); });
  });
}

void read_update(MapReader& reader, Update& update) {
  reader.date("date", update.date, true);
  reader.enumv("status", update.status, enum_names<ActivityStatus>());
  reader.text("note", update.note);
}

void read_activity(MapReader& reader, Activity& activity, NestedIds& ids) {
  reader.id("id", activity.id);
  ids.add(activity.id);
  reader.text("title", activity.title, true);
  reader.text("description", activity.description);
  reader.list("goals", activity.goals,
              [&](const RawNode* node, Text& goal) { return reader.scalar("goals", node, goal); });
  reader.local_refs("goals", "goal");
  reader.ref("owner", activity.owner, kind_bit(Kind::organisation));
  read_contact_field(reader, "responsible", activity.responsible, true);
  reader.refs("participants", activity.participants, kind_bit(Kind::organisation));
  reader.date("start", activity.start);
  reader.date("due", activity.due);
  check_order(reader.ctx(), "start", activity.start, "due", activity.due);
  reader.enumv("status", activity.status, enum_names<ActivityStatus>());
  reader.date("completed", activity.completed);
  if (activity.status_value() == ActivityStatus::done && !activity.completed.set)
    reader.missing_when("completed", msg::cond_done);
  reader.number("budget", activity.budget);
  reader.number("spent", activity.spent);
  reader.list("updates", activity.updates, [&](const RawNode* node, Update& update) {
    return nested(reader, "updates", node, update, msg::w_update,
                  [&](MapReader& update_reader) { read_update(update_reader, update); });
  });
}

// Activities name goals of this plan by their bare ids.
void check_activity_goals(Ctx& ctx, const Plan& plan) {
  if (!ctx.reading()) return;
  std::unordered_set<std::string> goal_ids;
  for (const auto& goal : plan.goals.v)
    if (goal.id.set) goal_ids.insert(goal.id.v);
  std::optional<Suggester> suggest;  // made once, on the first unknown goal
  for (const auto& activity : plan.activities.v) {
    for (const auto& goal : activity.goals.v) {
      if (goal_ids.count(goal.v)) continue;
      auto& finding = ctx.report(code::reference_unknown, msg_of(msg::reference_unknown_nested, goal.v, "plan", plan.id.v),
                           goal.span);
      if (!suggest) suggest.emplace(std::vector<std::string>(goal_ids.begin(), goal_ids.end()));
      if (auto suggestion = suggest->suggest(goal.v)) finding.help = msg_of(msg::help_did_you_mean, *suggestion);
    }
  }
}

void read_follow_up(MapReader& reader, FollowUp& follow_up) {
  reader.date("date", follow_up.date, true);
  reader.ref("forum", follow_up.forum, kind_bit(Kind::forum));
  reader.enumv("type", follow_up.type, enum_names<FollowUpType>());
}

}  // namespace

void read_kind(MapReader& reader, Plan& plan) {
  Ctx& ctx = reader.ctx();
  reader.text("title", plan.title, true);
  reader.ref("collaboration", plan.collaboration, kind_bit(Kind::collaboration), true);
  read_plan_period(reader, plan.period);
  reader.enumv("status", plan.status, enum_names<PlanStatus>());
  reader.object("approved", plan.approved, [&](const RawNode* node, Approval& approval) {
    MapReader approval_reader(ctx, node, "approved", node->span);
    read_approval(approval_reader, approval);
    approval_reader.finish();
  });
  if (plan.status_value() == PlanStatus::approved && (!plan.approved.set || !plan.approved.v.date.set))
    reader.missing_when(plan.approved.set ? "approved.date" : "approved", msg::cond_approved);
  reader.date("revised", plan.revised);
  reader.list("target_groups", plan.target_groups, [&](const RawNode* node, Text& group) {
    if (!reader.scalar("target_groups", node, group)) return false;
    reader.record(group, kind_bit(Kind::collaboration), Nested::target_group, plan.collaboration.v);
    return true;
  });
  reader.local_refs("target_groups", "target_group");
  reader.texts("needs", plan.needs);
  NestedIds ids(ctx, kind_and_id(Kind::plan, plan.id));
  reader.list("goals", plan.goals, [&](const RawNode* node, Goal& goal) {
    return nested(reader, "goals", node, goal, msg::w_goal,
                  [&](MapReader& goal_reader) { read_goal(goal_reader, goal, ids); });
  });
  reader.list("activities", plan.activities, [&](const RawNode* node, Activity& activity) {
    return nested(reader, "activities", node, activity, msg::w_activity,
                  [&](MapReader& activity_reader) { read_activity(activity_reader, activity, ids); });
  });
  check_activity_goals(ctx, plan);
  reader.list("follow_ups", plan.follow_ups, [&](const RawNode* node, FollowUp& follow_up) {
    return nested(reader, "follow_ups", node, follow_up, msg::w_follow_up,
                  [&](MapReader& follow_up_reader) { read_follow_up(follow_up_reader, follow_up); });
  });
}

}  // namespace sv::decode
