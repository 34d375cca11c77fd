// A collaboration's report for a period: the written narrative, goals and
// activities of the plans in the period, meetings held, attendance, decisions.
#include <algorithm>
#include <map>
#include <set>

#include "core/msg/render.h"
#include "core/wording.h"
#include "render/view_builder.h"

namespace sv::render {

namespace {

struct Attendance {
  int attended = 0;
  int held = 0;  // meetings of a forum the party is a member of (of every forum, when it lists none)
};

void put_narrative(const ViewBuilder& builder, Data& page, const Report* narrative) {
  if (!narrative) {
    page.set("narrative", false);
    return;
  }
  Data data;
  put(data, "author", narrative->author ? builder.contact_text(*narrative->author) : std::string());
  put(data, "submitted", narrative->submitted);
  put(data, "recipient", narrative->recipient);
  put(data, "summary", narrative->summary);
  put_list(data, "highlights", narrative->highlights);
  put_list(data, "challenges", narrative->challenges);
  put_list(data, "next_steps", narrative->next_steps);
  page.set("narrative", data);
}

// The goals and activities of every plan whose period overlaps the report's;
// activity status as of `at`.
void put_plans(const ViewBuilder& builder, Data& page, const Collaboration& collaboration, const Period& period,
               const Date& at) {
  Data goals = empty_list(), activities = empty_list();
  std::map<ActStatus, int> counts;
  for (const Plan* plan : builder.plans_of(collaboration.id.v)) {
    if (!plan->period || plan->period->end < period.start || period.end < plan->period->start) continue;
    for (const auto& goal : plan->goals.v) {
      Data row = builder.goal(goal, period);
      row.set("plan", builder.reference(Kind::plan, plan->id.v));
      goals.push_back(row);
    }
    for (const auto& activity : plan->activities.v) {
      counts[activity_status(activity, at)]++;
      activities.push_back(builder.activity(*plan, activity, at));
    }
  }
  bool any_goals = !goals.list_value().empty(), any_activities = !activities.list_value().empty();
  put_data(page, "goals", goals, any_goals);
  put_data(page, "activities", activities, any_activities);
  page.set("counts", builder.status_counts(counts));
}

void count_attendance(const Repo& repo, const Collaboration& collaboration, const Meeting& meeting,
                      const std::set<std::string>& present, std::map<std::string, Attendance>& attendance) {
  auto* forum = repo.find_as<Forum>(meeting.forum.v);
  for (const auto& party : collaboration.parties.v) {
    bool member = !forum || forum->members.v.empty();
    if (forum)
      for (const auto& forum_member : forum->members.v)
        member |= forum_member.organisation.v == party.v && member_counts_at(forum_member, meeting.date.v);
    if (!member) continue;
    attendance[party.v].held++;
    if (present.count(party.v)) attendance[party.v].attended++;
  }
}

void add_decisions(const ViewBuilder& builder, Data& decisions, const Meeting& meeting) {
  for (const auto& item : meeting.items.v)
    for (const auto& decision : item.decisions.v) {
      Data row;
      row.set("meeting", builder.reference(Kind::meeting, meeting.id.v));
      row.set("d_paragraph", "§ " + std::to_string(item.number));
      row.set("d_text", decision.v);
      decisions.push_back(row);
    }
}

// Attendance per party, in the collaboration's order of parties.
void put_attendance(const ViewBuilder& builder, Data& page, const Collaboration& collaboration,
                    const std::map<std::string, Attendance>& attendance) {
  Data rows = empty_list();
  for (const auto& party : collaboration.parties.v) {
    auto found = attendance.find(party.v);
    if (found == attendance.end()) continue;
    Data row;
    row.set("org", builder.reference(Kind::organisation, party.v));
    row.set("attended", builder.format(plural(found->second.held, msg::r_attended_of_one, msg::r_attended_of), found->second.attended, found->second.held));
    rows.push_back(row);
  }
  put_data(page, "attendance", rows, !attendance.empty());
}

// The meetings held in the period, attendance per party, and their decisions.
void put_meetings(const ViewBuilder& builder, Data& page, const Collaboration& collaboration,
                  const Period& period) {
  Data meetings = empty_list(), decisions = empty_list();
  std::map<std::string, Attendance> attendance;
  int held = 0;
  for (const Meeting* meeting : builder.meetings_of(collaboration.id.v)) {
    if (!meeting->date || !period.contains(meeting->date.v)) continue;
    ++held;
    Data row = builder.reference(Kind::meeting, meeting->id.v);
    row.set("m_date", meeting->date.v.str());
    std::set<std::string> present;
    for (const auto& attendee : meeting->attendees.v) present.insert(attendee.organisation.v);
    row.set("n_present", std::to_string(present.size()));
    meetings.push_back(row);
    count_attendance(builder.view.repo, collaboration, *meeting, present, attendance);
    add_decisions(builder, decisions, *meeting);
  }
  put_data(page, "meetings", meetings, held > 0);
  put_attendance(builder, page, collaboration, attendance);
  bool any_decisions = !decisions.list_value().empty();
  put_data(page, "decisions", decisions, any_decisions);
}

// Actions still open from meetings up to the period's end (or undated).
void put_open_actions(const ViewBuilder& builder, Data& page, const Collaboration& collaboration,
                      const Period& period) {
  Data open = empty_list();
  for (const Meeting* meeting : builder.meetings_of(collaboration.id.v)) {
    if (meeting->date && period.end < meeting->date.v) continue;
    for (const auto& action : meeting->actions.v)
      if (action.status_value() == ActionStatus::open) open.push_back(builder.action(*meeting, action));
  }
  bool any_open = !open.list_value().empty();
  put_data(page, "open_actions", open, any_open);
}

}  // namespace

Data report_view(const View& view, const Collaboration& collaboration, const Period& period,
                 const Report* narrative) {
  ViewBuilder builder{view};
  Data page;
  std::string name = collaboration.name ? collaboration.name.v : collaboration.id.v;
  page.set("title", builder.format(msg::r_report_title, name, period.text));
  page.set("collaboration", builder.reference(Kind::collaboration, collaboration.id.v));
  page.set("period", builder.period_text(period));
  put_narrative(builder, page, narrative);
  // Activity status as of the period's end, or today when that is earlier.
  Date at = std::min(view.today, period.end);
  page.set("status_date", at.str());
  put_plans(builder, page, collaboration, period, at);
  put_meetings(builder, page, collaboration, period);
  put_open_actions(builder, page, collaboration, period);
  return page;
}

}  // namespace sv::render
