// The calendar as RFC 5545 iCalendar.
#include <algorithm>
#include <set>
#include <utility>

#include "render/escape.h"
#include "render/render.h"
#include "render/view.h"
#include "core/msg/render.h"
#include "core/text.h"

namespace sv::render {

namespace {

struct Event {
  std::string uid;
  Date date;
  std::vector<std::string> props;  // after UID and DTSTAMP, unfolded
};

std::string ics_date(const Date& d) { return fmt::format("{:04}{:02}{:02}", d.y, d.m, d.d); }
std::string ics_time(const Date& d, const TimeOfDay& t) {
  return fmt::format("{}T{:02}{:02}00", ics_date(d), t.minutes / 60, t.minutes % 60);
}
Date next_month(const Date& d) { return d.m == 12 ? Date{d.y + 1, 1, 1} : Date{d.y, d.m + 1, 1}; }

void all_day(Event& e, const Date& from, const Date& to_exclusive) {
  e.props.push_back("DTSTART;VALUE=DATE:" + ics_date(from));
  e.props.push_back("DTEND;VALUE=DATE:" + ics_date(to_exclusive));
}

// Europe/Stockholm: CET/CEST with the EU rules (since 1996).
const char* kTimezone =
    "BEGIN:VTIMEZONE\nTZID:Europe/Stockholm\n"
    "BEGIN:DAYLIGHT\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nTZNAME:CEST\n"
    "DTSTART:19700329T020000\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\nEND:DAYLIGHT\n"
    "BEGIN:STANDARD\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nTZNAME:CET\n"
    "DTSTART:19701025T030000\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\nEND:STANDARD\n"
    "END:VTIMEZONE\n";

}  // namespace

std::string calendar(const Repo& repo, const Options& o) {
  auto L = [&](const Tr& t) { return std::string(t.get(o.lang)); };
  auto forum_name = [&](const std::string& id) {
    auto* f = repo.find_as<Forum>(id);
    return f && f->name ? f->name.v : id;
  };
  // Meetings, follow-ups, and the due dates of activities and actions (but
  // not cancelled ones: nothing is due).
  std::vector<Event> events;
  for (const auto& m : repo.meetings) {
    if (!m.date) continue;
    Event e{"meeting-" + m.id.v + "@samverkan", m.date.v, {}};
    if (m.start) {
      e.props.push_back("DTSTART;TZID=Europe/Stockholm:" + ics_time(m.date.v, m.start.v));
      if (m.end && m.start.v < m.end.v)
        e.props.push_back("DTEND;TZID=Europe/Stockholm:" + ics_time(m.date.v, m.end.v));
    } else {
      all_day(e, m.date.v, m.date.v.plus_days(1));
    }
    std::string summary = forum_name(m.forum.v);
    if (m.type && m.type_value() != MeetingType::regular) summary += " (" + enum_text<MeetingType>(m.type.v, o.lang) + ")";
    e.props.push_back("SUMMARY:" + escape_ics(summary));
    if (m.location) e.props.push_back("LOCATION:" + escape_ics(m.location.v));
    std::string agenda;
    for (const auto& it : m.items.v) agenda += fmt::format("§ {} {}\n", it.number, it.title.v);
    if (!agenda.empty()) {
      agenda.pop_back();
      e.props.push_back("DESCRIPTION:" + escape_ics(agenda));
    }
    events.push_back(std::move(e));
    for (const auto& a : m.actions.v) {
      if (!a.due || a.status_value() == ActionStatus::cancelled) continue;
      Event x{"action-" + m.id.v + "-" + a.id.v + "@samverkan", a.due.v, {}};
      all_day(x, a.due.v, a.due.v.plus_days(1));
      x.props.push_back("SUMMARY:" + escape_ics(tr(o.lang, msg::r_ev_action_due, a.title.v)));
      x.props.push_back("DESCRIPTION:" + escape_ics(tr(o.lang, msg::r_meeting_name, forum_name(m.forum.v),
                                                        m.date.v.str())));
      x.props.push_back("CATEGORIES:" + escape_ics(L(msg::r_cat_deadline)));
      events.push_back(std::move(x));
    }
  }
  // Planned meetings (next_meeting) as tentative all-day events, one per forum
  // and date, unless the forum has a meeting on that date (it is then in the
  // calendar as itself).
  std::set<std::pair<std::string, Date>> held, planned;
  for (const auto& m : repo.meetings)
    if (m.date) held.emplace(m.forum.v, m.date.v);
  for (const auto& m : repo.meetings) {
    if (!m.next_meeting || !m.date || m.next_meeting.v <= m.date.v || !is_valid_id(m.forum.v)) continue;
    std::pair<std::string, Date> key{m.forum.v, m.next_meeting.v};
    if (held.count(key) || !planned.insert(key).second) continue;
    Event e{"planned-" + m.forum.v + "-" + ics_date(m.next_meeting.v) + "@samverkan", m.next_meeting.v, {}};
    all_day(e, m.next_meeting.v, m.next_meeting.v.plus_days(1));
    e.props.push_back("SUMMARY:" + escape_ics(tr(o.lang, msg::r_ev_planned_meeting, forum_name(m.forum.v))));
    e.props.push_back("STATUS:TENTATIVE");
    e.props.push_back("DESCRIPTION:" + escape_ics(tr(o.lang, msg::r_ev_planned_at, tr(o.lang, msg::r_meeting_name,
                                                                                   forum_name(m.forum.v),
                                                                                   m.date.v.str()))));
    e.props.push_back("CATEGORIES:" + escape_ics(L(msg::r_cat_meeting)));
    events.push_back(std::move(e));
  }
  for (const auto& p : repo.plans) {
    for (const auto& a : p.activities.v) {
      if (!a.due || a.status_value() == ActivityStatus::cancelled) continue;
      Event x{"activity-" + p.id.v + "-" + a.id.v + "@samverkan", a.due.v, {}};
      all_day(x, a.due.v, a.due.v.plus_days(1));
      x.props.push_back("SUMMARY:" + escape_ics(tr(o.lang, msg::r_ev_activity_due, a.title.v)));
      x.props.push_back("DESCRIPTION:" + escape_ics(p.title.v));
      x.props.push_back("CATEGORIES:" + escape_ics(L(msg::r_cat_deadline)));
      events.push_back(std::move(x));
    }
    for (const auto& f : p.follow_ups.v) {
      if (!f.date) continue;
      Event x{"follow-up-" + p.id.v + "-" + ics_date(f.date.v) + "@samverkan", f.date.v, {}};
      all_day(x, f.date.v, f.date.v.plus_days(1));
      x.props.push_back("SUMMARY:" + escape_ics(tr(o.lang, msg::r_ev_follow_up, p.title.v)));
      x.props.push_back("CATEGORIES:" + escape_ics(L(msg::r_cat_follow_up)));
      events.push_back(std::move(x));
    }
  }
  // Obligations recur yearly from the year of "today": on their day, or the
  // whole month when no day is given.
  for (const auto& c : repo.config.calendar.v) {
    if (!c.month || c.month.v < 1 || c.month.v > 12) continue;
    int mo = static_cast<int>(c.month.v);
    Date start{o.today.y, mo, 1};
    Event x{"obligation-" + c.id.v + "@samverkan", start, {}};
    if (c.day) {
      int day = std::clamp(static_cast<int>(c.day.v), 1, days_in_month(o.today.y, mo));
      x.date = Date{o.today.y, mo, day};
      all_day(x, x.date, x.date.plus_days(1));
    } else {
      all_day(x, start, next_month(start));
    }
    x.props.push_back("RRULE:FREQ=YEARLY");
    x.props.push_back("SUMMARY:" + escape_ics(tr(o.lang, msg::r_ev_obligation, c.title.v)));
    x.props.push_back("CATEGORIES:" + escape_ics(L(msg::r_cat_obligation)));
    events.push_back(std::move(x));
  }
  std::sort(events.begin(), events.end(),
            [](const Event& a, const Event& b) { return std::tie(a.date, a.uid) < std::tie(b.date, b.uid); });
  // DTSTAMP from "today", never the clock: the same input gives the same file.
  std::string stamp = ics_date(o.today) + "T000000Z";
  std::string out;
  auto line = [&](std::string_view l) { out += fold_ics(l); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//samverkan//samverkan " SAMVERKAN_VERSION "//" + std::string(o.lang == Lang::sv ? "SV" : "EN"));
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  std::string name = repo.config.name ? repo.config.name.v : L(msg::r_samverkan);
  line("X-WR-CALNAME:" + escape_ics(name));
  line("X-WR-TIMEZONE:Europe/Stockholm");
  std::string tz = kTimezone;
  for (size_t p = 0, q; (q = tz.find('\n', p)) != std::string::npos; p = q + 1) line(tz.substr(p, q - p));
  for (const auto& e : events) {
    line("BEGIN:VEVENT");
    line("UID:" + escape_ics(e.uid));
    line("DTSTAMP:" + stamp);
    for (const auto& p : e.props) line(p);
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

}  // namespace sv::render
