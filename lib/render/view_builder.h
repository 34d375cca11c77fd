// Internal to the page builders (view_*.cpp): the pieces of page data that
// several pages show, built in the view's language against its repository
// and today.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "render/view.h"

namespace sv::render {

// A dated event, for the årshjul, the calendar list and "next due".
struct CalendarEvent {
  Date date;
  int category;  // as WheelEvent: 0 meeting, 1 follow-up, 2 deadline, 3 obligation
  std::string text;
  std::string href;  // the page it is on; empty for none
};

struct ViewBuilder {
  const View& view;

  // Texts in the view's language.
  std::string text(const Tr& label) const { return label.get(view.lang); }
  template <class... Args>
  std::string format(const Tr& message, Args&&... args) const {
    return tr(view.lang, message, std::forward<Args>(args)...);
  }
  // The label of an enumerated value (enum_text); empty when it is not set.
  // The label of an enumerated value as written ("" when absent, the text
  // itself when it is no value of E), or of a typed value.
  template <class E>
  std::string enum_label(const Text& value) const {
    return value.set ? enum_text<E>(value.v, view.lang) : std::string();
  }
  template <class E>
  std::string enum_label(E value) const {
    return sv::enum_label(value, view.lang);
  }
  std::string number(double value) const { return format_number(value, view.lang); }
  // The link to a page of the site (with an optional #anchor), or "" when this
  // document has none (view.h, Links).
  std::string href(const std::string& page) const { return link_to(view.links, page); }

  // Names, each the id itself when the entity or its name is missing.
  std::string organisation_name(std::string_view id) const;
  std::string forum_name(std::string_view id) const;
  std::string meeting_name(const Meeting& meeting) const;
  std::string period_text(const Period& period) const;
  // A report's title in words: "Halvårsrapport januari–juni 2026",
  // "Tertialrapport maj–augusti 2026", "Helårsrapport 2026"; a range of dates
  // is "Rapport 2026-03-01 – 2026-05-31".
  std::string report_heading(const Period& period) const;
  std::string contact_text(const Contact& contact) const;
  // The collaboration a meeting belongs to, through its forum; empty when unknown.
  std::string collaboration_of(const Meeting& meeting) const;

  // A reference to an entity: its name and, when it exists, its page.
  Data reference(Kind kind, std::string_view id) const;
  // References to the entities of `all` whose `parent` is `parent_id` (sub-collaborations, units).
  template <class Item>
  Data children(Kind kind, const std::vector<Item>& all, const std::string& parent_id) const {
    Data out = empty_list();
    for (const auto& item : all)
      if (item.parent.v == parent_id) out.push_back(reference(kind, item.id.v));
    return out;
  }

  Data contact(const Contact& contact) const;
  Data status(ActStatus status) const;
  // One entry per status that occurs, with its count, most urgent first.
  Data status_counts(const std::map<ActStatus, int>& counts) const;
  // A goal of `plan` with its measurements and progress; only those `within`
  // the period, when given (progress then as of its end).
  Data goal(const Plan& plan, const Goal& goal, const std::optional<Period>& within = {}) const;
  // An activity of `plan`, its status as of `at` (activity_status_as_of).
  Data activity(const Plan& plan, const Activity& activity, const Date& at) const;
  // An action of `meeting`: its status and whether it is overdue as of `at`.
  Data action(const Meeting& meeting, const Action& action, const Date& at) const;
  // What a meeting item's reference names, by title ("Activity title
  // (Plan title)"), linked to its page and the anchor of the goal, activity
  // or action when there is one.
  Data item_reference(std::string_view written) const;
  // Money: "12 500 kr"; empty for an absent value.
  std::string money(const Val<double>& value) const;
  std::string money(double value) const;

  // What belongs to one collaboration, from the index.
  const std::vector<const Forum*>& forums_of(std::string_view collaboration) const;
  const std::vector<const Meeting*>& meetings_of(std::string_view collaboration) const;
  const std::vector<const Plan*>& plans_of(std::string_view collaboration) const;

  // Dated events of the year (every year when year == 0), by date; of every
  // collaboration when `collaboration` is empty. Obligations only for a year.
  std::vector<CalendarEvent> events(std::string_view collaboration, int year, bool open_only) const;
  const Tr& category_label(int category) const;
  // The årshjul of today's year: the picture and the same events as a list by month.
  void wheel(Data& page, std::string_view collaboration, const std::string& svg_id) const;

 private:
  void set_forum_href(Data& data, const Forum& forum, std::string_view id) const;
  std::string entity_name(const Entity& entity, std::string_view id) const;
  std::string value_text(const Val<DatedValue>& dated, const Goal& goal) const;
  Data progress(const Plan& plan, const Goal& goal, const std::optional<Date>& until) const;
  // Every collaboration's when `collaboration` is empty, else one's.
  std::vector<const Meeting*> meetings_in(std::string_view collaboration) const;
  std::vector<const Plan*> plans_in(std::string_view collaboration) const;
  void add_plan_events(std::vector<CalendarEvent>& out, const Plan& plan, int year, bool open_only) const;
  void add_action_events(std::vector<CalendarEvent>& out, const Meeting& meeting, int year,
                         bool open_only) const;
  void add_obligations(std::vector<CalendarEvent>& out, std::string_view collaboration, int year) const;
};

}  // namespace sv::render
