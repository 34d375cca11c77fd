// The start page: every collaboration at a glance, and the årshjul of all.
#include <map>

#include "core/msg/render.h"
#include "render/view_builder.h"

namespace sv::render {

namespace {

constexpr int kNextEvents = 5;  // upcoming events shown per collaboration

// The current plan: its goals reached and on average, its activities by status, the late ones.
void put_current_plan(const ViewBuilder& builder, Data& row, const Plan& plan) {
  const View& view = builder.view;
  Data plan_data = builder.reference(Kind::plan, plan.id.v);
  plan_data.set("period", plan.period.v.text);
  plan_data.set("p_status", builder.enum_label(plan.status_value()));
  row.set("plan", plan_data);
  int reached = 0, measured = 0, sum = 0, computable = 0;
  for (const auto& goal : plan.goals.v) {
    Progress progress = goal_progress(plan, goal);
    measured += progress.measured;
    reached += progress.reached;
    if (progress.computable) {
      ++computable;
      sum += progress.percent;
    }
  }
  row.set("goals_text", builder.format(msg::r_goals_summary, reached, plan.goals.v.size(), measured));
  put(row, "goals_mean", computable ? builder.format(msg::r_goals_mean, sum / computable) : "");
  std::map<ActStatus, int> counts;
  Data late = empty_list();
  for (const auto& activity : plan.activities.v) {
    ActStatus status = activity_status_as_of(activity, view.today);
    counts[status]++;
    if (status == ActStatus::late) late.push_back(builder.activity(plan, activity, view.today));
  }
  row.set("counts", builder.status_counts(counts));
  bool any_late = !late.list_value().empty();
  put_data(row, "late_activities", late, any_late);
}

void put_overdue_actions(const ViewBuilder& builder, Data& row, const Collaboration& collaboration) {
  Data overdue = empty_list();
  for (const Meeting* meeting : builder.meetings_of(collaboration.id.v))
    for (const auto& action : meeting->actions.v)
      if (action_overdue(action, builder.view.today)) overdue.push_back(builder.action(*meeting, action, builder.view.today));
  bool any_overdue = !overdue.list_value().empty();
  put_data(row, "overdue_actions", overdue, any_overdue);
}

// The next open events from today on, of any year.
void put_next_events(const ViewBuilder& builder, Data& row, const Collaboration& collaboration) {
  Data next = empty_list();
  int shown = 0;
  for (const auto& event : builder.events(collaboration.id.v, 0, true)) {
    if (event.date < builder.view.today || shown >= kNextEvents) continue;
    Data entry;
    entry.set("n_date", event.date.str());
    entry.set("n_category", builder.text(builder.category_label(event.category)));
    entry.set("n_text", event.text);
    put(entry, "n_href", builder.href(event.href));
    next.push_back(entry);
    ++shown;
  }
  put_data(row, "next", next, shown > 0);
}

Data collaboration_summary(const ViewBuilder& builder, const Collaboration& collaboration) {
  const View& view = builder.view;
  Data row = builder.reference(Kind::collaboration, collaboration.id.v);
  put(row, "area", collaboration.area);
  if (const Plan* plan = current_plan(view.repo, collaboration.id.v, view.today)) {
    put_current_plan(builder, row, *plan);
  } else {
    row.set("plan", false);
    row.set("late_activities", false);
    row.set("counts", false);
  }
  put_overdue_actions(builder, row, collaboration);
  put_next_events(builder, row, collaboration);
  return row;
}

}  // namespace

Data index_view(const View& view) {
  ViewBuilder builder{view};
  Data page;
  std::string name = view.repo.config.name ? view.repo.config.name.v : builder.text(msg::r_samverkan);
  page.set("title", name);
  page.set("today", view.today.str());
  Data collaborations = empty_list();
  for (const auto& collaboration : view.repo.collaborations)
    collaborations.push_back(collaboration_summary(builder, collaboration));
  bool any = !view.repo.collaborations.empty();
  put_data(page, "collaborations", collaborations, any);
  builder.wheel(page, "", "wheel");
  return page;
}

}  // namespace sv::render
