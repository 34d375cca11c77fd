#include "render/view_builder.h"

#include <algorithm>
#include <tuple>

#include "core/msg/render.h"
#include "core/text.h"
#include "render/svg.h"

namespace sv::render {

namespace {

// The order statuses are counted in: most urgent first.
constexpr ActStatus kStatusOrder[] = {ActStatus::late,      ActStatus::soon_late, ActStatus::ongoing,
                                      ActStatus::not_started, ActStatus::postponed, ActStatus::done,
                                      ActStatus::cancelled};

constexpr const Tr* kMonths[12] = {&msg::r_m1, &msg::r_m2, &msg::r_m3, &msg::r_m4,  &msg::r_m5,  &msg::r_m6,
                                   &msg::r_m7, &msg::r_m8, &msg::r_m9, &msg::r_m10, &msg::r_m11, &msg::r_m12};

template <class Item>
const std::vector<const Item*>& entries_of(
    const std::unordered_map<std::string, std::vector<const Item*>>& by_collaboration,
    std::string_view collaboration) {
  static const std::vector<const Item*> none;
  auto found = by_collaboration.find(std::string(collaboration));
  return found == by_collaboration.end() ? none : found->second;
}

bool in_year(const Date& date, int year) { return year == 0 || date.y == year; }

}  // namespace

// ---- texts and names -------------------------------------------------------


std::string ViewBuilder::organisation_name(std::string_view id) const {
  auto* organisation = view.repo.find_as<Organisation>(id);
  return organisation && organisation->name ? organisation->name.v : std::string(id);
}

std::string ViewBuilder::forum_name(std::string_view id) const {
  auto* forum = view.repo.find_as<Forum>(id);
  return forum && forum->name ? forum->name.v : std::string(id);
}

std::string ViewBuilder::meeting_name(const Meeting& meeting) const {
  return format(msg::r_meeting_name, forum_name(meeting.forum.v), meeting.date.v.str());
}

std::string ViewBuilder::collaboration_of(const Meeting& meeting) const {
  auto* forum = view.repo.find_as<Forum>(meeting.forum.v);
  return forum ? forum->collaboration.v : std::string();
}

std::string ViewBuilder::period_text(const Period& period) const {
  return format(msg::r_period_range, period.text, period.start.str(), period.end.str());
}

std::string ViewBuilder::contact_text(const Contact& contact) const {
  std::vector<std::string> parts;
  if (contact.name) parts.push_back(contact.name.v);
  if (contact.role) parts.push_back(contact.role.v);
  return join(parts);
}

// The report's title in words: "Halvårsrapport januari–juni 2026",
// "Tertialrapport maj–augusti 2026", "Helårsrapport 2026"; a range of dates
// is "Rapport 2026-03-01 – 2026-05-31".
std::string ViewBuilder::report_heading(const Period& period) const {
  static const Tr* months[12] = {&msg::r_m1, &msg::r_m2, &msg::r_m3, &msg::r_m4,  &msg::r_m5,  &msg::r_m6,
                                 &msg::r_m7, &msg::r_m8, &msg::r_m9, &msg::r_m10, &msg::r_m11, &msg::r_m12};
  const std::string& t = period.text;
  bool named = t.size() >= 4 && period.start.m >= 1 && period.end.m <= 12 && period.start.d == 1 &&
               period.start.y == period.end.y &&
               period.end.d == days_in_month(period.end.y, period.end.m) &&
               (t.size() == 4 || (t.size() == 6 && (t[4] == 'H' || t[4] == 'T' || t[4] == 'Q')));
  if (!named)
    return format(msg::r_report_range, text(msg::r_report_other), period.start.str(),
                          period.end.str());
  if (t.size() == 4) return format(msg::r_report_one_year, text(msg::r_report_year), period.start.y);
  const Tr& kind = t[4] == 'H' ? msg::r_report_half : t[4] == 'T' ? msg::r_report_tertial : msg::r_report_quarter;
  return format(msg::r_report_months, text(kind), text(*months[period.start.m - 1]),
                        text(*months[period.end.m - 1]), period.start.y);
}

// ---- references ------------------------------------------------------------

std::string ViewBuilder::entity_name(const Entity& entity, std::string_view id) const {
  std::string name(id);
  if (auto* organisation = dynamic_cast<const Organisation*>(&entity); organisation && organisation->name)
    name = organisation->name.v;
  if (auto* collaboration = dynamic_cast<const Collaboration*>(&entity); collaboration && collaboration->name)
    name = collaboration->name.v;
  if (auto* forum = dynamic_cast<const Forum*>(&entity); forum && forum->name) name = forum->name.v;
  if (auto* plan = dynamic_cast<const Plan*>(&entity); plan && plan->title) name = plan->title.v;
  if (auto* meeting = dynamic_cast<const Meeting*>(&entity); meeting) name = meeting_name(*meeting);
  if (auto* report = dynamic_cast<const Report*>(&entity); report && report->period) {
    name = report_heading(*report->period);
    if (auto* of = view.repo.find_as<Collaboration>(report->collaboration.v); of && of->name)
      name = format(msg::r_report_title, name, of->name.v);
  }
  return name;
}

// Forums have no page of their own: they live on their collaboration's.
void ViewBuilder::set_forum_href(Data& data, const Forum& forum, std::string_view id) const {
  std::string page = page_of(Kind::collaboration, forum.collaboration.v);
  if (view.repo.find_as<Collaboration>(forum.collaboration.v) && !page.empty() && is_valid_id(id))
    put(data, "href", href(page + "#forum-" + std::string(id)));
  else data.set("href", false);
}

Data ViewBuilder::reference(Kind kind, std::string_view id) const {
  Data data;
  const Entity* entity = view.repo.find(id);
  bool exists = entity && entity->kind == kind;
  data.set("name", exists ? entity_name(*entity, id) : std::string(id));
  if (kind == Kind::forum && exists) set_forum_href(data, dynamic_cast<const Forum&>(*entity), id);
  else put(data, "href", exists ? href(page_of(kind, id)) : std::string());
  return data;
}

// ---- shared page parts -----------------------------------------------------

Data ViewBuilder::contact(const Contact& contact) const {
  Data data;
  put(data, "c_name", contact.name);
  put(data, "c_role", contact.role);
  put(data, "c_email", contact.email);
  put(data, "c_phone", contact.phone);
  return data;
}

Data ViewBuilder::status(ActStatus status) const {
  Data data;
  data.set("key", status_key(status));
  data.set("symbol", status_symbol(status));
  data.set("label", text(status_label(status)));
  return data;
}

Data ViewBuilder::status_counts(const std::map<ActStatus, int>& counts) const {
  Data out = empty_list();
  for (ActStatus shown : kStatusOrder) {
    auto found = counts.find(shown);
    if (found == counts.end()) continue;
    Data data = status(shown);
    data.set("n", std::to_string(found->second));
    out.push_back(data);
  }
  return out;
}

std::string ViewBuilder::value_text(const Val<DatedValue>& dated, const Goal& goal) const {
  if (!dated || !dated->value) return {};
  std::string shown = number(dated->value.v) + unit_suffix(goal.unit_value(), view.lang);
  if (dated->date) shown += " (" + dated->date.v.str() + ")";
  return shown;
}

Data ViewBuilder::progress(const Plan& plan, const Goal& goal, const std::optional<Date>& until) const {
  Progress progress = goal_progress(plan, goal, until);
  Data data;
  data.set("measured", progress.measured);
  data.set("reached", progress.reached);
  data.set("computable", progress.computable);
  data.set("percent", std::to_string(progress.percent));
  std::string unit = unit_suffix(goal.unit_value(), view.lang);
  if (!progress.measured) {
    data.set("text", text(msg::r_no_measurement));
    data.set("latest", false);
    data.set("latest_value", false);
    return data;
  }
  data.set("latest", format(msg::r_latest_value, number(progress.latest) + unit, progress.latest_date.str()));
  data.set("latest_value", number(progress.latest) + unit + " (" + progress.latest_date.str() + ")");
  if (progress.reached) data.set("text", text(msg::r_goal_reached));
  else if (progress.computable)
    data.set("text", format(progress.period_total ? msg::r_goal_percent_of_target : msg::r_goal_percent,
                            progress.percent));
  else data.set("text", text(msg::r_goal_not_reached));
  return data;
}

Data ViewBuilder::goal(const Plan& plan, const Goal& goal, const std::optional<Period>& within) const {
  Data data;
  put(data, "g_id", goal.id);
  put(data, "g_anchor", is_valid_id(goal.id.v) ? "goal-" + goal.id.v : std::string());
  put(data, "g_title", goal.title);
  put(data, "g_description", goal.description);
  put(data, "indicator", goal.indicator);
  put(data, "direction", enum_label<GoalDirection>(goal.direction));
  bool period_total = goal.measure_value() == GoalMeasure::period_total;
  put(data, "measure", goal.measure ? enum_label<GoalMeasure>(goal.measure) : std::string());
  std::string baseline = value_text(goal.baseline, goal);
  // A period-total goal's baseline is the last period's total, for comparison.
  if (period_total && !baseline.empty()) baseline = format(msg::r_baseline_last_total, baseline);
  put(data, "baseline", baseline);
  put(data, "target", value_text(goal.target, goal));
  Data measurements = empty_list();
  std::vector<std::string> texts;
  for (const auto& measurement : goal.measurements.v) {
    if (within && (!measurement.date || !within->contains(measurement.date.v))) continue;
    Data row;
    std::string value =
        measurement.value ? number(measurement.value.v) + unit_suffix(goal.unit_value(), view.lang) : std::string();
    put(row, "m_date", measurement.date);
    put(row, "m_value", value);
    put(row, "m_note", measurement.note);
    measurements.push_back(row);
    texts.push_back(measurement.date.v.str() + ": " + value);
  }
  bool any = !measurements.list_value().empty();
  put_data(data, "measurements", std::move(measurements), any);
  put(data, "measurements_text", join(texts, "; "));
  data.set("progress", progress(plan, goal, within ? std::optional<Date>(within->end) : std::nullopt));
  return data;
}

std::string ViewBuilder::money(double value) const { return number(value) + "\u00a0" + text(msg::r_unit_sek); }

std::string ViewBuilder::money(const Val<double>& value) const { return value ? money(value.v) : std::string(); }

Data ViewBuilder::activity(const Plan& plan, const Activity& activity, const Date& at) const {
  Data data;
  put(data, "a_id", activity.id);
  put(data, "a_anchor", is_valid_id(activity.id.v) ? "activity-" + activity.id.v : std::string());
  put(data, "a_title", activity.title);
  put(data, "a_description", activity.description);
  if (activity.owner) data.set("owner", reference(Kind::organisation, activity.owner.v));
  else data.set("owner", false);
  put(data, "responsible", activity.responsible ? contact_text(*activity.responsible) : std::string());
  std::vector<std::string> participants;
  for (const auto& participant : activity.participants.v) participants.push_back(organisation_name(participant.v));
  put(data, "participants", join(participants));
  std::vector<std::string> goals;
  for (const auto& goal_id : activity.goals.v) goals.push_back(goal_id.v);
  put(data, "a_goals", join(goals));
  put(data, "start", activity.start);
  put(data, "due", activity.due);
  // A completion after `at` has not happened yet, as of `at`.
  put(data, "completed", activity.completed && !(at < activity.completed.v) ? activity.completed.v.str() : "");
  put(data, "budget", money(activity.budget));
  put(data, "spent", money(activity.spent));
  data.set("status", status(activity_status_as_of(activity, at)));
  Data updates = empty_list();
  for (const auto& update : activity.updates.v) {
    Data row;
    put(row, "u_date", update.date);
    put(row, "u_status", enum_label<ActivityStatus>(update.status));
    put(row, "u_note", update.note);
    updates.push_back(row);
  }
  bool any = !updates.list_value().empty();
  put_data(data, "updates", std::move(updates), any);
  data.set("plan", reference(Kind::plan, plan.id.v));
  return data;
}

Data ViewBuilder::action(const Meeting& meeting, const Action& action, const Date& at) const {
  Data data;
  put(data, "x_id", action.id);
  put(data, "x_anchor", is_valid_id(action.id.v) ? "action-" + action.id.v : std::string());
  put(data, "x_title", action.title);
  if (action.owner) data.set("x_owner", reference(Kind::organisation, action.owner.v));
  else data.set("x_owner", false);
  put(data, "x_responsible", action.responsible);
  put(data, "x_due", action.due);
  bool open = action_open_at(action, at);
  put(data, "x_completed", !open && action.completed ? action.completed.v.str() : "");
  put(data, "x_status", enum_label(open ? ActionStatus::open : action.status_value()));
  data.set("overdue", open && action.due && action.due.v < at);
  put(data, "x_item", action.item ? "§ " + number(action.item.v) : std::string());
  data.set("meeting", reference(Kind::meeting, meeting.id.v));
  return data;
}

Data ViewBuilder::item_reference(std::string_view written) const {
  Data data;
  size_t hash = written.find('#');
  std::string id(written.substr(0, hash));
  std::string part = hash == std::string_view::npos ? std::string() : std::string(written.substr(hash + 1));
  const Entity* entity = view.repo.find(id);
  std::string name(written), page;
  if (entity) {
    std::string owner = entity_name(*entity, id);
    name = owner;
    if (entity->kind == Kind::forum) {
      auto& forum = dynamic_cast<const Forum&>(*entity);
      if (view.repo.find_as<Collaboration>(forum.collaboration.v) && is_valid_id(id))
        page = page_of(Kind::collaboration, forum.collaboration.v) + "#forum-" + id;
    } else {
      page = page_of(entity->kind, id);
    }
    if (!part.empty()) {
      std::string title, anchor;
      if (auto* plan = dynamic_cast<const Plan*>(entity)) {
        for (const auto& goal : plan->goals.v)
          if (goal.id.v == part) title = goal.title.v, anchor = "goal-" + part;
        for (const auto& activity : plan->activities.v)
          if (activity.id.v == part) title = activity.title.v, anchor = "activity-" + part;
      } else if (auto* meeting = dynamic_cast<const Meeting*>(entity)) {
        for (const auto& action : meeting->actions.v)
          if (action.id.v == part) title = action.title.v, anchor = "action-" + part;
      }
      // A part that names nothing is shown as written, linked to its entity.
      name = title.empty() ? std::string(written) : format(msg::r_ref_in, title, owner);
      if (!anchor.empty() && is_valid_id(part) && !page.empty()) page += "#" + anchor;
    }
  }
  data.set("name", name);
  put(data, "href", href(page));
  return data;
}

// ---- what belongs to a collaboration ---------------------------------------

const std::vector<const Forum*>& ViewBuilder::forums_of(std::string_view collaboration) const {
  return entries_of(view.index->forums, collaboration);
}

const std::vector<const Meeting*>& ViewBuilder::meetings_of(std::string_view collaboration) const {
  return entries_of(view.index->meetings, collaboration);
}

const std::vector<const Plan*>& ViewBuilder::plans_of(std::string_view collaboration) const {
  return entries_of(view.index->plans, collaboration);
}

std::vector<const Meeting*> ViewBuilder::meetings_in(std::string_view collaboration) const {
  if (!collaboration.empty()) return meetings_of(collaboration);
  std::vector<const Meeting*> all;
  for (const auto& meeting : view.repo.meetings) all.push_back(&meeting);
  return all;
}

std::vector<const Plan*> ViewBuilder::plans_in(std::string_view collaboration) const {
  if (!collaboration.empty()) return plans_of(collaboration);
  std::vector<const Plan*> all;
  for (const auto& plan : view.repo.plans) all.push_back(&plan);
  return all;
}

// ---- the calendar ----------------------------------------------------------

void ViewBuilder::add_plan_events(std::vector<CalendarEvent>& out, const Plan& plan, int year,
                                  bool open_only) const {
  std::string href = page_of(Kind::plan, plan.id.v);
  for (const auto& follow_up : plan.follow_ups.v)
    if (follow_up.date && in_year(follow_up.date.v, year))
      out.push_back({follow_up.date.v, 1, format(msg::r_ev_follow_up, plan.title.v), href});
  for (const auto& activity : plan.activities.v) {
    auto written = activity.status_value();
    if (!activity.due || !in_year(activity.due.v, year) || written == ActivityStatus::cancelled ||
        (open_only && written == ActivityStatus::done))
      continue;
    out.push_back({activity.due.v, 2, format(msg::r_ev_activity_due, activity.title.v), href});
  }
}

void ViewBuilder::add_action_events(std::vector<CalendarEvent>& out, const Meeting& meeting, int year,
                                    bool open_only) const {
  for (const auto& action : meeting.actions.v)
    if (action.due && in_year(action.due.v, year) && action.status_value() != ActionStatus::cancelled &&
        (!open_only || action.status_value() == ActionStatus::open))
      out.push_back({action.due.v, 2, format(msg::r_ev_action_due, action.title.v),
                     page_of(Kind::meeting, meeting.id.v)});
}

// The repository's recurring obligations (config calendar) in `year`: those of
// the collaboration, or with no collaboration when showing every one.
void ViewBuilder::add_obligations(std::vector<CalendarEvent>& out, std::string_view collaboration,
                                  int year) const {
  for (const auto& obligation : view.repo.config.calendar.v) {
    if (!obligation.month) continue;
    if (obligation.collaboration && !collaboration.empty() && obligation.collaboration.v != collaboration)
      continue;
    if (!obligation.collaboration && !collaboration.empty()) continue;
    int month = static_cast<int>(obligation.month.v);
    if (month < 1 || month > 12) continue;
    int day = obligation.day ? std::clamp(static_cast<int>(obligation.day.v), 1, days_in_month(year, month))
                             : days_in_month(year, month);
    out.push_back({Date{year, month, day}, 3, format(msg::r_ev_obligation, obligation.title.v), ""});
  }
}

std::vector<CalendarEvent> ViewBuilder::events(std::string_view collaboration, int year, bool open_only) const {
  std::vector<CalendarEvent> out;
  auto meetings = meetings_in(collaboration);
  for (const Meeting* meeting : meetings)
    if (meeting->date && in_year(meeting->date.v, year))
      out.push_back({meeting->date.v, 0, meeting_name(*meeting), page_of(Kind::meeting, meeting->id.v)});
  for (const Plan* plan : plans_in(collaboration)) add_plan_events(out, *plan, year, open_only);
  for (const Meeting* meeting : meetings) add_action_events(out, *meeting, year, open_only);
  if (year != 0) add_obligations(out, collaboration, year);
  std::sort(out.begin(), out.end(), [](const CalendarEvent& left, const CalendarEvent& right) {
    return std::tie(left.date, left.category, left.text) < std::tie(right.date, right.category, right.text);
  });
  return out;
}

const Tr& ViewBuilder::category_label(int category) const {
  static const Tr* names[] = {&msg::r_cat_meeting, &msg::r_cat_follow_up, &msg::r_cat_deadline,
                             &msg::r_cat_obligation};
  return *names[category];
}

void ViewBuilder::wheel(Data& page, std::string_view collaboration, const std::string& svg_id) const {
  int year = view.today.y;
  auto events_of_year = events(collaboration, year, false);
  std::vector<WheelEvent> dots;
  Data by_month = empty_list();
  for (const auto& event : events_of_year) {
    dots.push_back({event.date, event.category, event.text});
    Data row;
    row.set("month", text(*kMonths[event.date.m - 1]));
    row.set("e_date", event.date.str());
    row.set("e_category", text(category_label(event.category)));
    row.set("e_text", event.text);
    put(row, "e_href", href(event.href));
    by_month.push_back(row);
  }
  page.set("wheel_year", std::to_string(year));
  page.set("wheel_title", format(msg::r_wheel_title, year));
  put_data(page, "wheel_events", by_month, !events_of_year.empty());
  page.set("svg_wheel", wheel_svg(svg_id, format(msg::r_wheel_title, year),
                                  format(msg::r_wheel_desc, year, events_of_year.size()), year, dots,
                                  view.today, view.lang));
}

}  // namespace sv::render
