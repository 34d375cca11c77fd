// The tables of `samverkan export`, built from the model (export/table.h).
#include <algorithm>

#include "core/enums.h"
#include "core/msg/export.h"
#include "core/msg/render.h"
#include "core/privacy.h"
#include "core/status.h"
#include "core/text.h"
#include "export/table.h"
#include "render/status.h"

namespace sv::exports {

const char* table_name(TableKind k) {
  switch (k) {
    case TableKind::goals: return "goals";
    case TableKind::activities: return "activities";
    case TableKind::actions: return "actions";
    case TableKind::meetings: return "meetings";
    case TableKind::measurements: return "measurements";
  }
  return "";
}

std::optional<TableKind> parse_table(std::string_view name) {
  for (TableKind k : kAllTables)
    if (name == table_name(k)) return k;
  return std::nullopt;
}

bool starts_like_formula(std::string_view text) {
  if (text.empty()) return false;
  char c = text[0];
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

std::string neutralise_formula(std::string_view text) {
  if (!starts_like_formula(text)) return std::string(text);
  return "'" + std::string(text);
}

namespace {

using CT = ColumnType;

// A text as one sees it: without the line break a folded YAML scalar ends in.
Cell text_cell(std::string_view s) {
  Cell c;
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.remove_suffix(1);
  if (s.empty()) return c;
  c.empty = false;
  c.text = privacy::mask(s);
  return c;
}
Cell text_cell(const Text& t) { return t.set ? text_cell(t.v) : Cell{}; }
Cell number_cell(double v) {
  Cell c;
  c.empty = false;
  c.number = v;
  return c;
}
Cell number_cell(const Val<double>& v) { return v.set ? number_cell(v.v) : Cell{}; }
Cell date_cell(const Date& d) {
  Cell c;
  c.empty = false;
  c.date = d;
  return c;
}
Cell date_cell(const Val<Date>& d) { return d.set ? date_cell(d.v) : Cell{}; }
Cell time_cell(const Val<TimeOfDay>& t) { return t.set ? text_cell(t.v.str()) : Cell{}; }

template <class E>
Cell enum_cell(const Text& t, Lang lang) {
  return t.set ? text_cell(enum_text<E>(t.v, lang)) : Cell{};
}
Cell yes_no(bool b, Lang lang) { return text_cell((b ? msg::x_yes : msg::x_no).get(lang)); }

// The texts of a list, joined by ", ".
Cell joined(const List<Text>& list) {
  std::vector<std::string> parts;
  if (list.set)
    for (const auto& t : list.v)
      if (t.set && !t.v.empty()) parts.push_back(t.v);
  return text_cell(join(parts, ", "));
}

// A contact as one text: its name, else its role.
Cell contact_cell(const Val<Contact>& c) {
  if (!c.set) return {};
  if (c.v.name.set && !c.v.name.v.empty()) return text_cell(c.v.name);
  return text_cell(c.v.role);
}

bool overlaps(const Plan& p, const Period& period) {
  return p.period.set && p.period.v.start <= period.end && period.start <= p.period.v.end;
}

struct Builder {
  const Repo& repo;
  const Filter& f;
  Table& t;
  // The day statuses, progress and overdue are judged on: today, or the
  // period's end when that is earlier (as a report sees its period).
  Date as_of() const { return f.period && f.period->end < f.today ? f.period->end : f.today; }

  bool collaboration_ok(const Text& c) const { return f.collaboration.empty() || (c.set && c.v == f.collaboration); }
  bool date_ok(const Val<Date>& d) const { return !f.period || (d.set && f.period->contains(d.v)); }
  bool plan_ok(const Plan& p) const { return collaboration_ok(p.collaboration) && (!f.period || overlaps(p, *f.period)); }
  const Forum* forum_of(const Meeting& m) const { return m.forum.set ? repo.find_as<Forum>(m.forum.v) : nullptr; }
  Text collaboration_of(const Meeting& m) const {
    const Forum* fo = forum_of(m);
    return fo ? fo->collaboration : Text{};
  }

  void columns(std::initializer_list<Column> cols) { t.columns = cols; }
  void row(std::vector<Cell> cells) { t.rows.push_back(std::move(cells)); }

  void goals() {
    columns({{"collaboration", &msg::x_c_collaboration, CT::text}, {"plan", &msg::x_c_plan, CT::text},
             {"plan_title", &msg::x_c_plan_title, CT::text}, {"period", &msg::x_c_period, CT::text},
             {"goal", &msg::x_c_goal, CT::text}, {"title", &msg::x_c_title, CT::text},
             {"indicator", &msg::x_c_indicator, CT::text}, {"unit", &msg::x_c_unit, CT::text},
             {"direction", &msg::x_c_direction, CT::text}, {"measure", &msg::x_c_measure, CT::text},
             {"baseline", &msg::x_c_baseline, CT::number}, {"baseline_date", &msg::x_c_baseline_date, CT::date},
             {"target", &msg::x_c_target, CT::number}, {"target_date", &msg::x_c_target_date, CT::date},
             {"latest", &msg::x_c_latest, CT::number}, {"latest_date", &msg::x_c_latest_date, CT::date},
             {"progress_percent", &msg::x_c_progress, CT::integer}, {"reached", &msg::x_c_reached, CT::text}});
    for (const Plan& p : repo.plans) {
      if (!plan_ok(p) || !p.goals.set) continue;
      for (const Goal& g : p.goals.v) {
        Progress pr = goal_progress(p, g, as_of());  // a period-total goal counts from the plan's start
        Cell base = g.baseline.set ? number_cell(g.baseline.v.value) : Cell{};
        Cell base_date = g.baseline.set ? date_cell(g.baseline.v.date) : Cell{};
        Cell target = g.target.set ? number_cell(g.target.v.value) : Cell{};
        Cell target_date = g.target.set ? date_cell(g.target.v.date) : Cell{};
        row({text_cell(p.collaboration), text_cell(p.id), text_cell(p.title),
             p.period.set ? text_cell(p.period.v.text) : Cell{}, text_cell(g.id), text_cell(g.title),
             text_cell(g.indicator), enum_cell<GoalUnit>(g.unit, f.lang),
             enum_cell<GoalDirection>(g.direction, f.lang),
             text_cell(enum_label(g.measure_value(), f.lang)), base, base_date, target, target_date,
             pr.measured ? number_cell(pr.latest) : Cell{}, pr.measured ? date_cell(pr.latest_date) : Cell{},
             pr.measured && pr.computable ? number_cell(pr.percent) : Cell{},
             pr.measured ? yes_no(pr.reached, f.lang) : Cell{}});
      }
    }
  }

  void activities() {
    columns({{"collaboration", &msg::x_c_collaboration, CT::text}, {"plan", &msg::x_c_plan, CT::text},
             {"period", &msg::x_c_period, CT::text}, {"activity", &msg::x_c_activity, CT::text},
             {"title", &msg::x_c_title, CT::text}, {"owner", &msg::x_c_owner, CT::text},
             {"responsible", &msg::x_c_responsible, CT::text}, {"goals", &msg::x_c_goals, CT::text},
             {"start", &msg::x_c_start, CT::date}, {"due", &msg::x_c_due, CT::date},
             {"completed", &msg::x_c_completed, CT::date}, {"status", &msg::x_c_status, CT::text},
             {"state", &msg::x_c_state, CT::text}, {"budget", &msg::x_c_budget, CT::sek},
             {"spent", &msg::x_c_spent, CT::sek}});
    for (const Plan& p : repo.plans) {
      if (!plan_ok(p) || !p.activities.set) continue;
      for (const Activity& a : p.activities.v) {
        row({text_cell(p.collaboration), text_cell(p.id), p.period.set ? text_cell(p.period.v.text) : Cell{},
             text_cell(a.id), text_cell(a.title), text_cell(a.owner), contact_cell(a.responsible), joined(a.goals),
             date_cell(a.start), date_cell(a.due), date_cell(a.completed),
             text_cell(enum_label(a.status_value(), f.lang)),
             text_cell(render::status_label(activity_status(a, as_of())).get(f.lang)), number_cell(a.budget),
             number_cell(a.spent)});
      }
    }
  }

  void actions() {
    columns({{"collaboration", &msg::x_c_collaboration, CT::text}, {"forum", &msg::x_c_forum, CT::text},
             {"meeting", &msg::x_c_meeting, CT::text}, {"meeting_date", &msg::x_c_meeting_date, CT::date},
             {"item", &msg::x_c_item, CT::integer}, {"action", &msg::x_c_action, CT::text},
             {"title", &msg::x_c_title, CT::text}, {"owner", &msg::x_c_owner, CT::text},
             {"responsible", &msg::x_c_responsible, CT::text}, {"due", &msg::x_c_due, CT::date},
             {"completed", &msg::x_c_completed, CT::date}, {"status", &msg::x_c_status, CT::text},
             {"overdue", &msg::x_c_overdue, CT::text}});
    for (const Meeting& m : repo.meetings) {
      Text c = collaboration_of(m);
      if (!collaboration_ok(c) || !date_ok(m.date) || !m.actions.set) continue;
      for (const Action& a : m.actions.v)
        row({text_cell(c), text_cell(m.forum), text_cell(m.id), date_cell(m.date), number_cell(a.item),
             text_cell(a.id), text_cell(a.title), text_cell(a.owner), text_cell(a.responsible), date_cell(a.due),
             date_cell(a.completed), text_cell(enum_label(a.status_value(), f.lang)),
             yes_no(action_overdue(a, as_of()), f.lang)});
    }
  }

  void meetings() {
    columns({{"collaboration", &msg::x_c_collaboration, CT::text}, {"forum", &msg::x_c_forum, CT::text},
             {"meeting", &msg::x_c_meeting, CT::text}, {"date", &msg::x_c_date, CT::date},
             {"start", &msg::x_c_time_start, CT::time}, {"end", &msg::x_c_time_end, CT::time},
             {"type", &msg::x_c_type, CT::text}, {"location", &msg::x_c_location, CT::text},
             {"chair", &msg::x_c_chair, CT::text}, {"secretary", &msg::x_c_secretary, CT::text},
             {"attendees", &msg::x_c_attendees, CT::integer}, {"absent", &msg::x_c_absent, CT::integer},
             {"items", &msg::x_c_items, CT::integer}, {"decisions", &msg::x_c_decisions, CT::integer},
             {"actions", &msg::x_c_actions, CT::integer},
             {"minutes_approved", &msg::x_c_minutes_approved, CT::date}});
    for (const Meeting& m : repo.meetings) {
      Text c = collaboration_of(m);
      if (!collaboration_ok(c) || !date_ok(m.date)) continue;
      size_t decisions = 0;
      if (m.items.set)
        for (const Item& i : m.items.v) decisions += i.decisions.set ? i.decisions.v.size() : 0;
      auto count = [](const auto& list) { return number_cell(double(list.set ? list.v.size() : 0)); };
      row({text_cell(c), text_cell(m.forum), text_cell(m.id), date_cell(m.date), time_cell(m.start),
           time_cell(m.end), enum_cell<MeetingType>(m.type, f.lang), text_cell(m.location), text_cell(m.chair),
           text_cell(m.secretary), count(m.attendees), count(m.absent), count(m.items),
           number_cell(double(decisions)), count(m.actions),
           m.minutes.set ? date_cell(m.minutes.v.approved) : Cell{}});
    }
  }

  void measurements() {
    columns({{"collaboration", &msg::x_c_collaboration, CT::text}, {"plan", &msg::x_c_plan, CT::text},
             {"goal", &msg::x_c_goal, CT::text}, {"goal_title", &msg::x_c_goal_title, CT::text},
             {"unit", &msg::x_c_unit, CT::text}, {"date", &msg::x_c_date, CT::date},
             {"value", &msg::x_c_value, CT::number}, {"note", &msg::x_c_note, CT::text}});
    for (const Plan& p : repo.plans) {
      if (!collaboration_ok(p.collaboration) || !p.goals.set) continue;
      for (const Goal& g : p.goals.v) {
        if (!g.measurements.set) continue;
        for (const DatedValue& v : g.measurements.v) {
          if (!date_ok(v.date)) continue;
          row({text_cell(p.collaboration), text_cell(p.id), text_cell(g.id), text_cell(g.title),
               enum_cell<GoalUnit>(g.unit, f.lang), date_cell(v.date), number_cell(v.value), text_cell(v.note)});
        }
      }
    }
  }
};

}  // namespace

Table build_table(const Repo& repo, TableKind kind, const Filter& f) {
  Table t;
  t.kind = kind;
  Builder b{repo, f, t};
  switch (kind) {
    case TableKind::goals: t.title = &msg::x_t_goals, b.goals(); break;
    case TableKind::activities: t.title = &msg::x_t_activities, b.activities(); break;
    case TableKind::actions: t.title = &msg::x_t_actions, b.actions(); break;
    case TableKind::meetings: t.title = &msg::x_t_meetings, b.meetings(); break;
    case TableKind::measurements: t.title = &msg::x_t_measurements, b.measurements(); break;
  }
  return t;
}

}  // namespace sv::exports
