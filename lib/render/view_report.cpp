// A collaboration's report for a period: the written narrative, goals and
// activities of the plans in the period, meetings held, attendance, decisions.
#include <algorithm>
#include <map>
#include <set>

#include "core/msg/render.h"
#include "core/text.h"
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

// The signature block: the place (to be written by hand: the format has no
// place of a report) and date (`submitted`), the author's signature line
// with name and role, and the recipient.
void put_signature(const ViewBuilder& builder, Data& page, const Report* narrative) {
  Data data;
  put(data, "s_date", narrative && narrative->submitted ? narrative->submitted.v.str() : std::string());
  put(data, "s_author", narrative && narrative->author ? builder.contact_text(*narrative->author) : std::string());
  put(data, "s_recipient", narrative ? narrative->recipient : Text{});
  page.set("signature", data);
}

struct Money {
  double budget = 0, spent = 0;
  bool any_budget = false, any_spent = false;
  void add(const Activity& activity) {
    if (activity.budget) budget += activity.budget.v, any_budget = true;
    if (activity.spent) spent += activity.spent.v, any_spent = true;
  }
  bool any() const { return any_budget || any_spent; }
};

Data money_row(const ViewBuilder& builder, const Money& money) {
  Data row;
  put(row, "budget", money.any_budget ? builder.money(money.budget) : std::string());
  put(row, "spent", money.any_spent ? builder.money(money.spent) : std::string());
  return row;
}

// The goals and activities of every plan whose period overlaps the report's,
// as of `at`: activity status, budget and spending with totals per plan and
// per party (the activity's owner), and the activity updates of the period.
void put_plans(const ViewBuilder& builder, Data& page, const Collaboration& collaboration, const Period& period,
               const Date& at) {
  Data goals = empty_list(), activities = empty_list(), plan_totals = empty_list();
  std::vector<std::pair<Date, Data>> updates;  // by date, then in the plans' order
  std::map<ActStatus, int> counts;
  std::vector<std::string> owners;  // in the order first met
  std::map<std::string, Money> by_owner;
  Money all;
  for (const Plan* plan : builder.plans_of(collaboration.id.v)) {
    if (!plan->period || plan->period->end < period.start || period.end < plan->period->start) continue;
    for (const auto& goal : plan->goals.v) {
      Data row = builder.goal(*plan, goal, period);
      row.set("plan", builder.reference(Kind::plan, plan->id.v));
      std::string page_anchor = page_of(Kind::plan, plan->id.v);
      put(row, "g_href",
          page_anchor.empty() || !is_valid_id(goal.id.v) ? "" : builder.href(page_anchor + "#goal-" + goal.id.v));
      goals.push_back(row);
    }
    Money of_plan;
    for (const auto& activity : plan->activities.v) {
      counts[activity_status_as_of(activity, at)]++;
      Data row = builder.activity(*plan, activity, at);
      std::string page_anchor = page_of(Kind::plan, plan->id.v);
      put(row, "a_href",
          page_anchor.empty() || !is_valid_id(activity.id.v) ? ""
                                                             : builder.href(page_anchor + "#activity-" + activity.id.v));
      activities.push_back(row);
      of_plan.add(activity);
      all.add(activity);
      if (activity.budget || activity.spent) {
        if (!by_owner.count(activity.owner.v)) owners.push_back(activity.owner.v);
        by_owner[activity.owner.v].add(activity);
      }
      for (const auto& update : activity.updates.v) {
        if (!update.date || !period.contains(update.date.v) || at < update.date.v) continue;
        Data u;
        put(u, "u_date", update.date);
        put(u, "u_activity", activity.title);
        put(u, "u_status", builder.enum_label<ActivityStatus>(update.status));
        put(u, "u_note", update.note);
        updates.emplace_back(update.date.v, std::move(u));
      }
    }
    if (of_plan.any()) {
      Data row = money_row(builder, of_plan);
      row.set("p_plan", builder.reference(Kind::plan, plan->id.v));
      plan_totals.push_back(row);
    }
  }
  bool any_goals = !goals.list_value().empty(), any_activities = !activities.list_value().empty();
  put_data(page, "goals", goals, any_goals);
  put_data(page, "activities", activities, any_activities);
  page.set("counts", builder.status_counts(counts));
  std::stable_sort(updates.begin(), updates.end(),
                   [](const auto& left, const auto& right) { return left.first < right.first; });
  Data update_rows = empty_list();
  for (auto& [date, row] : updates) update_rows.push_back(row);
  put_data(page, "period_updates", update_rows, !updates.empty());
  if (!all.any()) {
    page.set("money", false);
    return;
  }
  Data money = money_row(builder, all);
  money.set("plan_totals", plan_totals);
  Data party_totals = empty_list();
  for (const auto& owner : owners) {
    Data row = money_row(builder, by_owner[owner]);
    if (owner.empty()) row.set("o_party", false), row.set("o_none", true);
    else row.set("o_party", builder.reference(Kind::organisation, owner)), row.set("o_none", false);
    party_totals.push_back(row);
  }
  money.set("party_totals", party_totals);
  page.set("money", money);
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

// The decisions that carry content: formalities (decision_procedural) are left out.
void add_decisions(const ViewBuilder& builder, Data& decisions, const Meeting& meeting) {
  for (const auto& item : meeting.items.v)
    for (const auto& decision : item.decisions.v) {
      if (decision_procedural(item, decision.v)) continue;
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

// Actions still open at `at` (action_open_at) from meetings up to then (or
// undated), overdue as of `at`.
void put_open_actions(const ViewBuilder& builder, Data& page, const Collaboration& collaboration,
                      const Date& at) {
  Data open = empty_list();
  for (const Meeting* meeting : builder.meetings_of(collaboration.id.v)) {
    if (meeting->date && at < meeting->date.v) continue;
    for (const auto& action : meeting->actions.v)
      if (action_open_at(action, at)) open.push_back(builder.action(*meeting, action, at));
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
  std::string words = builder.report_heading(period);
  page.set("heading", words);
  page.set("title", builder.format(msg::r_report_title, words, name));
  page.set("collaboration", builder.reference(Kind::collaboration, collaboration.id.v));
  page.set("period", builder.period_text(period));
  put_narrative(builder, page, narrative);
  put_signature(builder, page, narrative);
  // Everything as of the period's end (or today, while the period runs): a
  // report handed over says the same thing whenever it is rendered again.
  Date at = std::min(view.today, period.end);
  page.set("status_date", at.str());
  page.set("as_of", at.str());
  put_plans(builder, page, collaboration, period, at);
  put_meetings(builder, page, collaboration, period);
  put_open_actions(builder, page, collaboration, at);
  return page;
}

}  // namespace sv::render
