// A plan's page: its approval, goals, activities (with a Gantt chart) and follow-ups.
#include <algorithm>
#include <map>

#include "core/msg/render.h"
#include "render/svg.h"
#include "render/view_builder.h"

namespace sv::render {

namespace {

void put_approval(const ViewBuilder& builder, Data& page, const Plan& plan) {
  if (!plan.approved) {
    page.set("approved", false);
    return;
  }
  const auto& approved = *plan.approved;
  Data data;
  put_data(data, "ap_forum", builder.reference(Kind::forum, approved.forum.v), approved.forum.set);
  put(data, "ap_date", approved.date);
  put_data(data, "ap_meeting", builder.reference(Kind::meeting, approved.meeting.v), approved.meeting.set);
  page.set("approved", data);
}

// Target groups are written "id" (of the plan's collaboration) or
// "collaboration#id"; shown by name when the collaboration has it.
void put_target_groups(const ViewBuilder& builder, Data& page, const Plan& plan) {
  const Repo& repo = builder.view.repo;
  auto* own = repo.find_as<Collaboration>(plan.collaboration.v);
  Data groups = empty_list();
  for (const auto& written : plan.target_groups.v) {
    std::string id = written.v, name = written.v;
    std::string collaboration_id = plan.collaboration.v;
    if (auto hash = id.find('#'); hash != std::string::npos) {
      collaboration_id = id.substr(0, hash);
      id = id.substr(hash + 1);
    }
    const Collaboration* collaboration =
        collaboration_id == plan.collaboration.v ? own : repo.find_as<Collaboration>(collaboration_id);
    if (collaboration)
      for (const auto& group : collaboration->target_groups.v)
        if (group.id.v == id && group.name) name = group.name.v;
    groups.push_back(Data(name));
  }
  put_data(page, "target_groups", groups, !plan.target_groups.v.empty());
}

// An activity's bar: from its start (else the plan's) to its due date (else
// its completion, else the plan's end), never ending before it starts.
GanttRow gantt_row(const ViewBuilder& builder, const Plan& plan, const Activity& activity, ActStatus status) {
  GanttRow row;
  row.label = activity.id.v;
  row.title = activity.title.v;
  row.start = activity.start ? activity.start.v : plan.period.v.start;
  row.end = activity.due ? activity.due.v : (activity.completed ? activity.completed.v : plan.period.v.end);
  if (row.end < row.start) row.end = row.start;
  row.status = status_key(status);
  row.symbol = status_symbol(status);
  row.status_text = builder.text(status_label(status));
  return row;
}

// The chart spans the plan's period, widened to every bar.
void put_gantt(const ViewBuilder& builder, Data& page, const Plan& plan, const std::vector<GanttRow>& rows,
               size_t late) {
  if (rows.empty() || !plan.period) {
    page.set("svg_gantt", false);
    return;
  }
  Date from = plan.period.v.start, to = plan.period.v.end;
  for (const auto& row : rows) {
    from = std::min(from, row.start);
    to = std::max(to, row.end);
  }
  page.set("svg_gantt", gantt_svg("gantt", builder.format(msg::r_gantt_title, plan.title.v),
                                  builder.format(msg::r_gantt_desc, rows.size(), from.str(), to.str(), late),
                                  rows, from, to, builder.view.today, builder.view.lang));
}

void put_activities(const ViewBuilder& builder, Data& page, const Plan& plan) {
  const Date& today = builder.view.today;
  Data activities = empty_list();
  std::map<ActStatus, int> counts;
  std::vector<GanttRow> rows;
  for (const auto& activity : plan.activities.v) {
    ActStatus status = activity_status_as_of(activity, today);
    counts[status]++;
    activities.push_back(builder.activity(plan, activity, today));
    rows.push_back(gantt_row(builder, plan, activity, status));
  }
  put_data(page, "activities", activities, !plan.activities.v.empty());
  page.set("counts", builder.status_counts(counts));
  page.set("any_updates", std::any_of(plan.activities.v.begin(), plan.activities.v.end(),
                                      [](const Activity& activity) { return !activity.updates.v.empty(); }));
  put_gantt(builder, page, plan, rows, counts[ActStatus::late]);
}

void put_follow_ups(const ViewBuilder& builder, Data& page, const Plan& plan) {
  Data follow_ups = empty_list();
  for (const auto& follow_up : plan.follow_ups.v) {
    Data row;
    put(row, "fu_date", follow_up.date);
    put_data(row, "fu_forum", builder.reference(Kind::forum, follow_up.forum.v), follow_up.forum.set);
    put(row, "fu_type", builder.enum_label<FollowUpType>(follow_up.type));
    follow_ups.push_back(row);
  }
  put_data(page, "follow_ups", follow_ups, !plan.follow_ups.v.empty());
}

}  // namespace

Data plan_view(const View& view, const Plan& plan) {
  ViewBuilder builder{view};
  Data page;
  page.set("title", plan.title ? plan.title.v : plan.id.v);
  page.set("collaboration", builder.reference(Kind::collaboration, plan.collaboration.v));
  put(page, "period", plan.period ? builder.period_text(*plan.period) : std::string());
  page.set("p_status", builder.enum_label(plan.status_value()));
  put_approval(builder, page, plan);
  put(page, "revised", plan.revised);
  put_target_groups(builder, page, plan);
  put_list(page, "needs", plan.needs);
  Data goals = empty_list();
  for (const auto& goal : plan.goals.v) goals.push_back(builder.goal(plan, goal));
  put_data(page, "goals", goals, !plan.goals.v.empty());
  put_activities(builder, page, plan);
  put_follow_ups(builder, page, plan);
  return page;
}

}  // namespace sv::render
