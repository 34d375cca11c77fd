#include "render/view.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "render/svg.h"
#include "core/msg/render.h"
#include "core/text.h"

namespace sv::render {

// ---- statuses and progress -------------------------------------------------

ActStatus activity_status(const Activity& a, const Date& today) {
  std::string s = a.status_or_default();
  if (s == "done") return ActStatus::done;
  if (s == "cancelled") return ActStatus::cancelled;
  if (s == "postponed") return ActStatus::postponed;
  if (a.due && a.due.v < today) return ActStatus::late;
  if (a.due && a.due.v.days() - today.days() <= kSoonLateDays) return ActStatus::soon_late;
  if ((a.start && a.start.v <= today) || s == "ongoing") return ActStatus::ongoing;
  return ActStatus::not_started;
}

const char* status_key(ActStatus s) {
  switch (s) {
    case ActStatus::not_started: return "not-started";
    case ActStatus::ongoing: return "ongoing";
    case ActStatus::soon_late: return "soon-late";
    case ActStatus::late: return "late";
    case ActStatus::done: return "done";
    case ActStatus::cancelled: return "cancelled";
    case ActStatus::postponed: return "postponed";
  }
  return "";
}

const char* status_symbol(ActStatus s) {
  switch (s) {
    case ActStatus::not_started: return "○";
    case ActStatus::ongoing: return "◐";
    case ActStatus::soon_late: return "⚠";
    case ActStatus::late: return "●";
    case ActStatus::done: return "✓";
    case ActStatus::cancelled: return "✗";
    case ActStatus::postponed: return "↷";
  }
  return "";
}

const Tr& status_label(ActStatus s) {
  switch (s) {
    case ActStatus::not_started: return msg::r_st_not_started;
    case ActStatus::ongoing: return msg::r_st_ongoing;
    case ActStatus::soon_late: return msg::r_st_soon_late;
    case ActStatus::late: return msg::r_st_late;
    case ActStatus::done: return msg::r_st_done;
    case ActStatus::cancelled: return msg::r_st_cancelled;
    case ActStatus::postponed: return msg::r_st_postponed;
  }
  return msg::r_st_not_started;
}

static constexpr ActStatus kStatusOrder[] = {ActStatus::late,      ActStatus::soon_late,
                                             ActStatus::ongoing,   ActStatus::not_started,
                                             ActStatus::postponed, ActStatus::done,
                                             ActStatus::cancelled};

Progress goal_progress(const Goal& g, const std::optional<Date>& until) {
  Progress p;
  const DatedValue* latest = nullptr;
  for (const auto& m : g.measurements.v) {
    if (!m.value || (until && (!m.date || *until < m.date.v))) continue;
    if (!latest || (m.date && (!latest->date || latest->date.v <= m.date.v))) latest = &m;
  }
  if (!latest) return p;
  p.measured = true;
  p.latest = latest->value.v;
  p.latest_date = latest->date.v;
  if (!g.target || !g.target->value) return p;
  double t = g.target->value.v;
  std::string dir = g.direction.v;
  bool has_base = g.baseline && g.baseline->value;
  double b = has_base ? g.baseline->value.v : 0;
  if (dir.empty() && has_base) dir = t >= b ? "increase" : "decrease";
  if (dir == "decrease") p.reached = p.latest <= t;
  else p.reached = p.latest >= t;  // increase, maintain: at or above the target
  if (dir != "maintain" && has_base && t != b) {
    double f = (p.latest - b) / (t - b);
    p.computable = true;
    p.percent = static_cast<int>(std::lround(std::clamp(f, 0.0, 1.0) * 100));
  } else if (dir == "maintain") {
    p.computable = true;
    p.percent = p.reached ? 100 : 0;
  }
  return p;
}

bool action_overdue(const Action& a, const Date& today) {
  return a.status_or_default() == "open" && a.due && a.due.v < today;
}

const Plan* current_plan(const Repo& repo, std::string_view collaboration, const Date& today) {
  const Plan* best = nullptr;
  auto rank = [&](const Plan& p) {
    bool holds = p.period && p.period->contains(today);
    bool approved = p.status_or_default() == "approved";
    return std::tuple(holds, holds && approved, p.period.v.start, p.id.v);
  };
  for (const auto& p : repo.plans) {
    if (p.collaboration.v != collaboration || !p.period) continue;
    if (!best || rank(*best) < rank(p)) best = &p;
  }
  return best;
}

std::string format_number(double v, Lang lang) {
  std::string s = fmt::format("{:.2f}", v);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  size_t dot = s.find('.');
  std::string frac = dot == std::string::npos ? "" : (lang == Lang::sv ? "," : ".") + s.substr(dot + 1);
  std::string whole = s.substr(0, dot);
  size_t digits = whole.size() - (whole[0] == '-');
  if (digits > 4) {  // 10 000 and up in groups of three: "1 500 000" / "1,500,000"
    const char* sep = lang == Lang::sv ? "\u00a0" : ",";
    std::string grouped;
    for (size_t i = 0; i < whole.size(); ++i) {
      size_t left = whole.size() - i;
      if (i > (whole[0] == '-' ? 1u : 0u) && left % 3 == 0) grouped += sep;
      grouped += whole[i];
    }
    whole = grouped;
  }
  return whole + frac;
}

std::string page_of(Kind k, std::string_view id) {
  // An id that is not id-shaped (the repository has errors) gets no page: it
  // could name a path outside the site.
  if (!is_valid_id(id)) return {};
  return fmt::format("{}-{}.html", kind_name(k), id);
}

// ---- building data ---------------------------------------------------------

Data labels(Lang lang) {
  Data t;
#define MSG(name, sv_text, en_text) t.set(#name, std::string(lang == Lang::sv ? sv_text : en_text));
#include "core/msg/render.def"
#undef MSG
  return t;
}

namespace {

Data list() { return Data(Data::type::list); }

// Sets d[k] to the text, or to false when it is absent or empty, so that a
// section {{#k}} never falls through to an outer value of the same name.
// Trailing line breaks and spaces (YAML block scalars end with one) are dropped.
void put(Data& d, const std::string& k, const std::string& s) {
  size_t end = s.find_last_not_of(" \t\r\n");
  if (end == std::string::npos) d.set(k, false);
  else d.set(k, s.substr(0, end + 1));
}
void put(Data& d, const std::string& k, const Text& t) { put(d, k, t.set ? t.v : std::string()); }
void put(Data& d, const std::string& k, const Val<Date>& t) { put(d, k, t.set ? t.v.str() : std::string()); }
void put_list(Data& d, const std::string& k, const List<Text>& l) {
  Data out = list();
  for (const auto& x : l.v)
    if (size_t end = x.v.find_last_not_of(" \t\r\n"); end != std::string::npos)
      out.push_back(Data(x.v.substr(0, end + 1)));
  if (out.list_value().empty()) d.set(k, false);
  else d.set(k, out);
}
// Sets d[k], or false when absent; and d[k_any], for a header shown once.
void put_data(Data& d, const std::string& k, Data x, bool present) {
  if (present) d.set(k, std::move(x));
  else d.set(k, false);
  d.set(k + "_any", present);
}

// A Swedish-aware sort key: å, ä, ö after z, in that order; case folded.
std::string sort_key(std::string_view s) {
  std::string k;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    if (c == 0xC3 && i + 1 < s.size()) {
      unsigned char n = s[i + 1];
      const char* r = nullptr;
      if (n == 0xA5 || n == 0x85) r = "{1";
      else if (n == 0xA4 || n == 0x84) r = "{2";
      else if (n == 0xB6 || n == 0x96) r = "{3";
      if (r) { k += r; ++i; continue; }
    }
    k += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return k;
}

struct EnumText {
  const char* field;
  const char* value;
  const Tr* label;
};
const EnumText kEnums[] = {
    {"org", "municipality", &msg::r_org_municipality},
    {"org", "region", &msg::r_org_region},
    {"org", "state-agency", &msg::r_org_state_agency},
    {"org", "coordination-association", &msg::r_org_coordination_association},
    {"org", "municipal-association", &msg::r_org_municipal_association},
    {"org", "unit", &msg::r_org_unit},
    {"org", "other", &msg::r_other},
    {"integration", "coordination", &msg::r_int_coordination},
    {"integration", "consultation", &msg::r_int_consultation},
    {"integration", "collaboration", &msg::r_int_collaboration},
    {"integration", "integration", &msg::r_int_integration},
    {"forum", "steering", &msg::r_forum_steering},
    {"forum", "working", &msg::r_forum_working},
    {"forum", "network", &msg::r_forum_network},
    {"forum", "information", &msg::r_forum_information},
    {"forum", "board", &msg::r_forum_board},
    {"forum", "other", &msg::r_other},
    {"level", "political", &msg::r_level_political},
    {"level", "management", &msg::r_level_management},
    {"level", "operational", &msg::r_level_operational},
    {"cadence", "weekly", &msg::r_cad_weekly},
    {"cadence", "biweekly", &msg::r_cad_biweekly},
    {"cadence", "monthly", &msg::r_cad_monthly},
    {"cadence", "bimonthly", &msg::r_cad_bimonthly},
    {"cadence", "quarterly", &msg::r_cad_quarterly},
    {"cadence", "semiannual", &msg::r_cad_semiannual},
    {"cadence", "annual", &msg::r_cad_annual},
    {"cadence", "ad-hoc", &msg::r_cad_ad_hoc},
    {"plan", "draft", &msg::r_plan_draft},
    {"plan", "approved", &msg::r_plan_approved},
    {"plan", "archived", &msg::r_plan_archived},
    {"follow", "tertial", &msg::r_fu_tertial},
    {"follow", "half-year", &msg::r_fu_half_year},
    {"follow", "full-year", &msg::r_fu_full_year},
    {"follow", "other", &msg::r_other},
    {"meeting", "regular", &msg::r_mt_regular},
    {"meeting", "extra", &msg::r_mt_extra},
    {"meeting", "planning-day", &msg::r_mt_planning_day},
    {"meeting", "information", &msg::r_mt_information},
    {"meeting", "follow-up", &msg::r_mt_follow_up},
    {"action", "open", &msg::r_act_open},
    {"action", "done", &msg::r_st_done},
    {"action", "cancelled", &msg::r_st_cancelled},
    {"activity", "planned", &msg::r_as_planned},
    {"activity", "ongoing", &msg::r_st_ongoing},
    {"activity", "done", &msg::r_st_done},
    {"activity", "postponed", &msg::r_st_postponed},
    {"activity", "cancelled", &msg::r_st_cancelled},
    {"form", "written", &msg::r_form_written},
    {"form", "oral", &msg::r_form_oral},
    {"direction", "increase", &msg::r_dir_increase},
    {"direction", "decrease", &msg::r_dir_decrease},
    {"direction", "maintain", &msg::r_dir_maintain},
};

}  // namespace

std::string enum_text(std::string_view field, std::string_view value, Lang lang) {
  for (const auto& e : kEnums)
    if (value == e.value && field == e.field) return e.label->get(lang);
  return std::string(value);
}

namespace {

std::string unit_suffix(std::string_view unit, Lang lang) {
  if (unit == "percent") return " %";
  if (unit == "days") return " " + std::string(msg::r_unit_days.get(lang));
  if (unit == "sek") return " " + std::string(msg::r_unit_sek.get(lang));
  if (unit == "score") return " " + std::string(msg::r_unit_score.get(lang));
  return "";
}

struct B {
  const View& v;

  std::string L(const Tr& t) const { return t.get(v.lang); }
  template <class... A>
  std::string F(const Tr& t, A&&... a) const {
    return tr(v.lang, t, std::forward<A>(a)...);
  }
  std::string en(const char* field, const Text& value) const {
    return value.set ? enum_text(field, value.v, v.lang) : std::string();
  }
  std::string num(double x) const { return format_number(x, v.lang); }

  // References to the entities of `all` whose `parent` is `id` (sub-collaborations, units).
  template <class T>
  Data children(Kind k, const std::vector<T>& all, const std::string& id) const {
    Data out = list();
    for (const auto& x : all)
      if (x.parent.v == id) out.push_back(ref(k, x.id.v));
    return out;
  }

  // A reference to an entity: its name and, when it exists, its page.
  Data ref(Kind k, std::string_view id) const {
    Data d;
    std::string name(id);
    const Entity* e = v.repo.find(id);
    bool exists = e && e->kind == k;
    if (exists) {
      if (auto* o = dynamic_cast<const Organisation*>(e); o && o->name) name = o->name.v;
      if (auto* c = dynamic_cast<const Collaboration*>(e); c && c->name) name = c->name.v;
      if (auto* f = dynamic_cast<const Forum*>(e); f && f->name) name = f->name.v;
      if (auto* p = dynamic_cast<const Plan*>(e); p && p->title) name = p->title.v;
      if (auto* m = dynamic_cast<const Meeting*>(e); m) name = meeting_name(*m);
    }
    d.set("name", name);
    bool paged = exists && k != Kind::forum;
    if (k == Kind::forum && exists) {
      // Forums live on their collaboration's page.
      auto* f = dynamic_cast<const Forum*>(e);
      std::string page = page_of(Kind::collaboration, f->collaboration.v);
      if (v.repo.find_as<Collaboration>(f->collaboration.v) && !page.empty() && is_valid_id(id))
        d.set("href", page + "#forum-" + std::string(id));
      else d.set("href", false);
    } else {
      put(d, "href", paged ? page_of(k, id) : std::string());
    }
    return d;
  }
  std::string org_name(std::string_view id) const {
    auto* o = v.repo.find_as<Organisation>(id);
    return o && o->name ? o->name.v : std::string(id);
  }
  std::string forum_name(std::string_view id) const {
    auto* f = v.repo.find_as<Forum>(id);
    return f && f->name ? f->name.v : std::string(id);
  }
  std::string meeting_name(const Meeting& m) const {
    return F(msg::r_meeting_name, forum_name(m.forum.v), m.date.v.str());
  }
  std::string collab_of_meeting(const Meeting& m) const {
    auto* f = v.repo.find_as<Forum>(m.forum.v);
    return f ? f->collaboration.v : std::string();
  }
  std::string period_text(const Period& p) const {
    return F(msg::r_period_range, p.text, p.start.str(), p.end.str());
  }
  std::string contact_text(const Contact& c) const {
    std::vector<std::string> parts;
    if (c.name) parts.push_back(c.name.v);
    if (c.role) parts.push_back(c.role.v);
    return join(parts);
  }
  Data contact(const Contact& c) const {
    Data d;
    put(d, "c_name", c.name);
    put(d, "c_role", c.role);
    put(d, "c_email", c.email);
    put(d, "c_phone", c.phone);
    return d;
  }
  Data status(ActStatus s) const {
    Data d;
    d.set("key", status_key(s));
    d.set("symbol", status_symbol(s));
    d.set("label", L(status_label(s)));
    return d;
  }
  Data status_counts(const std::map<ActStatus, int>& counts) const {
    Data l = list();
    for (ActStatus s : kStatusOrder) {
      auto it = counts.find(s);
      if (it == counts.end()) continue;
      Data d = status(s);
      d.set("n", std::to_string(it->second));
      l.push_back(d);
    }
    return l;
  }
  std::string value_text(const Val<DatedValue>& dv, const Goal& g) const {
    if (!dv || !dv->value) return {};
    std::string s = num(dv->value.v) + unit_suffix(g.unit.v, v.lang);
    if (dv->date) s += " (" + dv->date.v.str() + ")";
    return s;
  }
  Data progress(const Goal& g, const std::optional<Date>& until) const {
    Progress p = goal_progress(g, until);
    Data d;
    d.set("measured", p.measured);
    d.set("reached", p.reached);
    d.set("computable", p.computable);
    d.set("percent", std::to_string(p.percent));
    std::string unit = unit_suffix(g.unit.v, v.lang);
    if (!p.measured) {
      d.set("text", L(msg::r_no_measurement));
      d.set("latest", false);
    } else {
      d.set("latest", F(msg::r_latest_value, num(p.latest) + unit, p.latest_date.str()));
      std::string t;
      if (p.reached) t = L(msg::r_goal_reached);
      else if (p.computable) t = F(msg::r_goal_percent, p.percent);
      else t = L(msg::r_goal_not_reached);
      d.set("text", t);
    }
    return d;
  }
  Data goal(const Goal& g, const std::optional<Period>& within = {}) const {
    Data d;
    put(d, "g_id", g.id);
    put(d, "g_title", g.title);
    put(d, "g_description", g.description);
    put(d, "indicator", g.indicator);
    put(d, "direction", en("direction", g.direction));
    put(d, "baseline", value_text(g.baseline, g));
    put(d, "target", value_text(g.target, g));
    Data ms = list();
    std::vector<std::string> texts;
    for (const auto& m : g.measurements.v) {
      if (within && (!m.date || !within->contains(m.date.v))) continue;
      Data x;
      std::string value = m.value ? num(m.value.v) + unit_suffix(g.unit.v, v.lang) : std::string();
      put(x, "m_date", m.date);
      put(x, "m_value", value);
      put(x, "m_note", m.note);
      ms.push_back(x);
      texts.push_back(m.date.v.str() + ": " + value);
    }
    bool any = !ms.list_value().empty();
    put_data(d, "measurements", std::move(ms), any);
    put(d, "measurements_text", join(texts, "; "));
    d.set("progress", progress(g, within ? std::optional<Date>(within->end) : std::nullopt));
    return d;
  }
  Data activity(const Plan& p, const Activity& a, const Date& at) const {
    Data d;
    put(d, "a_id", a.id);
    put(d, "a_title", a.title);
    put(d, "a_description", a.description);
    if (a.owner) d.set("owner", ref(Kind::organisation, a.owner.v));
    else d.set("owner", false);
    put(d, "responsible", a.responsible ? contact_text(*a.responsible) : std::string());
    std::vector<std::string> parts;
    for (const auto& x : a.participants.v) parts.push_back(org_name(x.v));
    put(d, "participants", join(parts));
    std::vector<std::string> goals;
    for (const auto& x : a.goals.v) goals.push_back(x.v);
    put(d, "a_goals", join(goals));
    put(d, "start", a.start);
    put(d, "due", a.due);
    put(d, "completed", a.completed);
    put(d, "budget", a.budget ? num(a.budget.v) + " " + L(msg::r_unit_sek) : std::string());
    d.set("status", status(activity_status(a, at)));
    Data ups = list();
    for (const auto& u : a.updates.v) {
      Data x;
      put(x, "u_date", u.date);
      put(x, "u_status", en("activity", u.status));
      put(x, "u_note", u.note);
      ups.push_back(x);
    }
    bool any = !ups.list_value().empty();
    put_data(d, "updates", std::move(ups), any);
    d.set("plan", ref(Kind::plan, p.id.v));
    return d;
  }
  Data action(const Meeting& m, const Action& a) const {
    Data d;
    put(d, "x_id", a.id);
    put(d, "x_title", a.title);
    if (a.owner) d.set("x_owner", ref(Kind::organisation, a.owner.v));
    else d.set("x_owner", false);
    put(d, "x_responsible", a.responsible);
    put(d, "x_due", a.due);
    put(d, "x_completed", a.completed);
    put(d, "x_status", en("action", Text{a.status_or_default(), {}, true}));
    d.set("overdue", action_overdue(a, v.today));
    put(d, "x_item", a.item ? "§ " + num(a.item.v) : std::string());
    d.set("meeting", ref(Kind::meeting, m.id.v));
    return d;
  }
  template <class T>
  static const std::vector<const T*>& of(const std::unordered_map<std::string, std::vector<const T*>>& m,
                                         std::string_view collab) {
    static const std::vector<const T*> none;
    auto it = m.find(std::string(collab));
    return it == m.end() ? none : it->second;
  }
  const std::vector<const Forum*>& forums_of(std::string_view c) const { return of(v.index->forums, c); }
  const std::vector<const Meeting*>& meetings_of(std::string_view c) const { return of(v.index->meetings, c); }
  const std::vector<const Plan*>& plans_of(std::string_view c) const { return of(v.index->plans, c); }
  // Every collaboration's (collab empty), or one's.
  std::vector<const Meeting*> meetings_in(std::string_view collab) const {
    if (!collab.empty()) return meetings_of(collab);
    std::vector<const Meeting*> all;
    for (const auto& m : v.repo.meetings) all.push_back(&m);
    return all;
  }
  std::vector<const Plan*> plans_in(std::string_view collab) const {
    if (!collab.empty()) return plans_of(collab);
    std::vector<const Plan*> all;
    for (const auto& p : v.repo.plans) all.push_back(&p);
    return all;
  }

  // Dated events of the year (or every year when year == 0) for the årshjul,
  // the calendar list and "next due"; `collab` empty: all collaborations.
  struct Event {
    Date date;
    int category;  // 0 meeting, 1 follow-up, 2 deadline, 3 obligation
    std::string text;
    std::string href;
  };
  std::vector<Event> events(std::string_view collab, int year, bool open_only) const {
    std::vector<Event> out;
    auto in = [&](std::string_view c) { return collab.empty() || c == collab; };
    auto want = [&](const Date& d) { return year == 0 || d.y == year; };
    auto meetings = meetings_in(collab);
    for (const Meeting* m : meetings)
      if (m->date && want(m->date.v))
        out.push_back({m->date.v, 0, meeting_name(*m), page_of(Kind::meeting, m->id.v)});
    for (const Plan* pp : plans_in(collab)) {
      const Plan& p = *pp;
      std::string href = page_of(Kind::plan, p.id.v);
      for (const auto& f : p.follow_ups.v)
        if (f.date && want(f.date.v))
          out.push_back({f.date.v, 1, F(msg::r_ev_follow_up, p.title.v), href});
      for (const auto& a : p.activities.v) {
        auto s = a.status_or_default();
        if (!a.due || !want(a.due.v) || s == "cancelled" || (open_only && s == "done")) continue;
        out.push_back({a.due.v, 2, F(msg::r_ev_activity_due, a.title.v), href});
      }
    }
    for (const Meeting* m : meetings)
      for (const auto& a : m->actions.v)
        if (a.due && want(a.due.v) && a.status_or_default() != "cancelled" &&
            (!open_only || a.status_or_default() == "open"))
          out.push_back({a.due.v, 2, F(msg::r_ev_action_due, a.title.v), page_of(Kind::meeting, m->id.v)});
    if (year != 0) {
      for (const auto& c : v.repo.config.calendar.v) {
        if (!c.month || (c.collaboration && !in(c.collaboration.v))) continue;
        if (!c.collaboration && !collab.empty()) continue;
        int mo = static_cast<int>(c.month.v);
        if (mo < 1 || mo > 12) continue;
        int day = c.day ? std::clamp(static_cast<int>(c.day.v), 1, days_in_month(year, mo))
                        : days_in_month(year, mo);
        out.push_back({Date{year, mo, day}, 3, F(msg::r_ev_obligation, c.title.v), ""});
      }
    }
    std::sort(out.begin(), out.end(), [](const Event& a, const Event& b) {
      return std::tie(a.date, a.category, a.text) < std::tie(b.date, b.category, b.text);
    });
    return out;
  }
  const Tr& category_label(int c) const {
    static const Tr* k[] = {&msg::r_cat_meeting, &msg::r_cat_follow_up, &msg::r_cat_deadline,
                            &msg::r_cat_obligation};
    return *k[c];
  }
  // The årshjul: the picture and the same events as a list by month.
  void wheel(Data& d, std::string_view collab, const std::string& svg_id) const {
    int year = v.today.y;
    auto evs = events(collab, year, false);
    std::vector<WheelEvent> we;
    Data flat = list();
    for (const auto& e : evs) {
      we.push_back({e.date, e.category, e.text});
      Data x;
      x.set("month", L(*kMonths[e.date.m - 1]));
      x.set("e_date", e.date.str());
      x.set("e_category", L(category_label(e.category)));
      x.set("e_text", e.text);
      put(x, "e_href", e.href);
      flat.push_back(x);
    }
    d.set("wheel_year", std::to_string(year));
    d.set("wheel_title", F(msg::r_wheel_title, year));
    put_data(d, "wheel_events", flat, !evs.empty());
    d.set("svg_wheel", wheel_svg(svg_id, F(msg::r_wheel_title, year),
                                 F(msg::r_wheel_desc, year, evs.size()), year, we, v.today, v.lang));
  }
  static constexpr const Tr* kMonths[12] = {
      &msg::r_m1, &msg::r_m2, &msg::r_m3, &msg::r_m4,  &msg::r_m5,  &msg::r_m6,
      &msg::r_m7, &msg::r_m8, &msg::r_m9, &msg::r_m10, &msg::r_m11, &msg::r_m12};
};

}  // namespace

// ---- pages -----------------------------------------------------------------

View make_view(const Repo& repo, Lang lang, const Date& today) {
  auto ix = std::make_shared<Index>();
  for (const auto& f : repo.forums) ix->forums[f.collaboration.v].push_back(&f);
  for (const auto& p : repo.plans) ix->plans[p.collaboration.v].push_back(&p);
  for (const auto& m : repo.meetings) {
    auto* f = repo.find_as<Forum>(m.forum.v);
    ix->meetings[f ? f->collaboration.v : std::string()].push_back(&m);
  }
  for (auto& [_, l] : ix->meetings)
    std::sort(l.begin(), l.end(), [](auto* a, auto* b) { return std::tie(a->date.v, a->id.v) < std::tie(b->date.v, b->id.v); });
  for (auto& [_, l] : ix->plans)
    std::sort(l.begin(), l.end(), [](auto* a, auto* b) {
      return std::tie(a->period.v.start, a->id.v) < std::tie(b->period.v.start, b->id.v);
    });
  return View{repo, lang, today, std::move(ix)};
}

Data index_view(const View& v) {
  B b{v};
  Data d;
  std::string name = v.repo.config.name ? v.repo.config.name.v : b.L(msg::r_samverkan);
  d.set("title", name);
  d.set("today", v.today.str());
  Data cs = list();
  for (const auto& c : v.repo.collaborations) {
    Data x = b.ref(Kind::collaboration, c.id.v);
    put(x, "area", c.area);
    const Plan* p = current_plan(v.repo, c.id.v, v.today);
    if (p) {
      Data pd = b.ref(Kind::plan, p->id.v);
      pd.set("period", p->period.v.text);
      pd.set("p_status", b.en("plan", Text{p->status_or_default(), {}, true}));
      x.set("plan", pd);
      int reached = 0, measured = 0, sum = 0, computable = 0;
      for (const auto& g : p->goals.v) {
        Progress pr = goal_progress(g);
        measured += pr.measured;
        reached += pr.reached;
        if (pr.computable) { ++computable; sum += pr.percent; }
      }
      x.set("goals_text", b.F(msg::r_goals_summary, reached, p->goals.v.size(), measured));
      put(x, "goals_mean", computable ? b.F(msg::r_goals_mean, sum / computable) : "");
      std::map<ActStatus, int> counts;
      Data late = list();
      for (const auto& a : p->activities.v) {
        ActStatus s = activity_status(a, v.today);
        counts[s]++;
        if (s == ActStatus::late) late.push_back(b.activity(*p, a, v.today));
      }
      x.set("counts", b.status_counts(counts));
      bool any_late = !late.list_value().empty();
      put_data(x, "late_activities", late, any_late);
    } else {
      x.set("plan", false);
      x.set("late_activities", false);
      x.set("counts", false);
    }
    Data od = list();
    for (const Meeting* m : b.meetings_of(c.id.v))
      for (const auto& a : m->actions.v)
        if (action_overdue(a, v.today)) od.push_back(b.action(*m, a));
    bool any_od = !od.list_value().empty();
    put_data(x, "overdue_actions", od, any_od);
    Data next = list();
    int n = 0;
    for (const auto& e : b.events(c.id.v, 0, true)) {
      if (e.date < v.today || n >= 5) continue;
      Data y;
      y.set("n_date", e.date.str());
      y.set("n_category", b.L(b.category_label(e.category)));
      y.set("n_text", e.text);
      put(y, "n_href", e.href);
      next.push_back(y);
      ++n;
    }
    put_data(x, "next", next, n > 0);
    cs.push_back(x);
  }
  bool any = !v.repo.collaborations.empty();
  put_data(d, "collaborations", cs, any);
  b.wheel(d, "", "wheel");
  return d;
}

Data collaboration_view(const View& v, const Collaboration& c) {
  B b{v};
  Data d;
  d.set("title", c.name ? c.name.v : c.id.v);
  put(d, "area", c.area);
  put(d, "integration", b.en("integration", c.integration_level));
  put(d, "purpose", c.purpose);
  put_data(d, "parent", b.ref(Kind::collaboration, c.parent.v), c.parent.set);
  Data children = b.children(Kind::collaboration, v.repo.collaborations, c.id.v);
  bool any_children = !children.list_value().empty();
  put_data(d, "children", children, any_children);
  Data parties = list();
  for (const auto& p : c.parties.v) {
    Data x = b.ref(Kind::organisation, p.v);
    auto* o = v.repo.find_as<Organisation>(p.v);
    put(x, "o_type", o ? b.en("org", o->type) : std::string());
    parties.push_back(x);
  }
  put_data(d, "parties", parties, !c.parties.v.empty());
  if (c.coordinator) {
    Data x = b.contact(*c.coordinator);
    put(x, "c_text", b.contact_text(*c.coordinator));
    if (c.coordinator->organisation) x.set("c_org", b.ref(Kind::organisation, c.coordinator->organisation.v));
    else x.set("c_org", false);
    put(x, "fte", c.coordinator->fte ? b.num(c.coordinator->fte.v) : std::string());
    d.set("coordinator", x);
  } else {
    d.set("coordinator", false);
  }
  if (c.agreement) {
    Data x;
    put(x, "signed", c.agreement->signed_on);
    put(x, "valid_until", c.agreement->valid_until);
    put(x, "form", b.en("form", c.agreement->form));
    put(x, "document", c.agreement->document);
    d.set("agreement", x);
  } else {
    d.set("agreement", false);
  }
  Data tgs = list();
  for (const auto& t : c.target_groups.v) {
    Data x;
    put(x, "tg_id", t.id);
    put(x, "tg_name", t.name);
    put(x, "tg_description", t.description);
    tgs.push_back(x);
  }
  put_data(d, "target_groups", tgs, !c.target_groups.v.empty());
  put_list(d, "needs", c.needs);
  Data forums = list();
  for (const Forum* f : b.forums_of(c.id.v)) {
    Data x;
    x.set("f_id", f->id.v);
    x.set("f_name", f->name ? f->name.v : f->id.v);
    put(x, "f_type", b.en("forum", f->type));
    put(x, "f_level", b.en("level", f->level));
    put(x, "f_cadence", b.en("cadence", f->cadence));
    put(x, "f_mandate", f->mandate);
    Data ms = list();
    for (const auto& m : f->members.v) {
      Data y;
      y.set("mem_org", b.ref(Kind::organisation, m.organisation.v));
      put(y, "mem_name", m.name);
      put(y, "mem_role", m.role);
      put(y, "mem_deputy", m.deputy);
      y.set("mem_chair", m.chair && m.chair.v);
      ms.push_back(y);
    }
    put_data(x, "members", ms, !f->members.v.empty());
    forums.push_back(x);
  }
  bool any_forums = !forums.list_value().empty();
  put_data(d, "forums", forums, any_forums);
  Data plans = list();
  for (const Plan* p : b.plans_of(c.id.v)) {
    Data x = b.ref(Kind::plan, p->id.v);
    x.set("period", p->period.v.text);
    x.set("p_status", b.en("plan", Text{p->status_or_default(), {}, true}));
    plans.push_back(x);
  }
  bool any_plans = !plans.list_value().empty();
  put_data(d, "plans", plans, any_plans);
  Data meetings = list();
  for (const Meeting* m : b.meetings_of(c.id.v)) {
    Data x = b.ref(Kind::meeting, m->id.v);
    x.set("m_date", m->date.v.str());
    put(x, "m_type", b.en("meeting", m->type));
    meetings.push_back(x);
  }
  bool any_meetings = !meetings.list_value().empty();
  put_data(d, "meetings", meetings, any_meetings);
  Data reports = list();
  std::vector<const Report*> rs;
  for (const auto& r : v.repo.reports)
    if (r.collaboration.v == c.id.v) rs.push_back(&r);
  std::sort(rs.begin(), rs.end(), [](auto* a, auto* b) {
    return std::tie(a->period.v.start, a->id.v) < std::tie(b->period.v.start, b->id.v);
  });
  for (const Report* r : rs) {
    Data x;
    x.set("name", b.F(msg::r_report_name, r->period.v.text));
    put(x, "href", page_of(Kind::report, r->id.v));
    reports.push_back(x);
  }
  put_data(d, "reports", reports, !rs.empty());
  b.wheel(d, c.id.v, "wheel");
  return d;
}

Data plan_view(const View& v, const Plan& p) {
  B b{v};
  Data d;
  d.set("title", p.title ? p.title.v : p.id.v);
  d.set("collaboration", b.ref(Kind::collaboration, p.collaboration.v));
  put(d, "period", p.period ? b.period_text(*p.period) : std::string());
  d.set("p_status", b.en("plan", Text{p.status_or_default(), {}, true}));
  if (p.approved) {
    Data x;
    put_data(x, "ap_forum", b.ref(Kind::forum, p.approved->forum.v), p.approved->forum.set);
    put(x, "ap_date", p.approved->date);
    put_data(x, "ap_meeting", b.ref(Kind::meeting, p.approved->meeting.v), p.approved->meeting.set);
    d.set("approved", x);
  } else {
    d.set("approved", false);
  }
  put(d, "revised", p.revised);
  std::vector<std::string> tgs;
  auto* collab = v.repo.find_as<Collaboration>(p.collaboration.v);
  for (const auto& t : p.target_groups.v) {
    std::string id = t.v, name = t.v;
    std::string cid = p.collaboration.v;
    if (auto h = id.find('#'); h != std::string::npos) { cid = id.substr(0, h); id = id.substr(h + 1); }
    const Collaboration* c = cid == p.collaboration.v ? collab : v.repo.find_as<Collaboration>(cid);
    if (c)
      for (const auto& g : c->target_groups.v)
        if (g.id.v == id && g.name) name = g.name.v;
    tgs.push_back(name);
  }
  Data tgl = list();
  for (auto& s : tgs) tgl.push_back(Data(s));
  put_data(d, "target_groups", tgl, !tgs.empty());
  put_list(d, "needs", p.needs);
  Data goals = list();
  for (const auto& g : p.goals.v) goals.push_back(b.goal(g));
  put_data(d, "goals", goals, !p.goals.v.empty());
  Data acts = list();
  std::map<ActStatus, int> counts;
  std::vector<GanttRow> rows;
  Date from = p.period.v.start, to = p.period.v.end;
  for (const auto& a : p.activities.v) {
    ActStatus s = activity_status(a, v.today);
    counts[s]++;
    acts.push_back(b.activity(p, a, v.today));
    GanttRow r;
    r.label = a.id.v;
    r.title = a.title.v;
    r.start = a.start ? a.start.v : from;
    r.end = a.due ? a.due.v : (a.completed ? a.completed.v : to);
    if (r.end < r.start) r.end = r.start;
    r.status = status_key(s);
    r.symbol = status_symbol(s);
    r.status_text = b.L(status_label(s));
    rows.push_back(r);
  }
  for (const auto& r : rows) {
    from = std::min(from, r.start);
    to = std::max(to, r.end);
  }
  put_data(d, "activities", acts, !p.activities.v.empty());
  d.set("counts", b.status_counts(counts));
  d.set("any_updates", std::any_of(p.activities.v.begin(), p.activities.v.end(),
                                   [](const Activity& a) { return !a.updates.v.empty(); }));
  Data fus = list();
  for (const auto& f : p.follow_ups.v) {
    Data x;
    put(x, "fu_date", f.date);
    put_data(x, "fu_forum", b.ref(Kind::forum, f.forum.v), f.forum.set);
    put(x, "fu_type", b.en("follow", f.type));
    fus.push_back(x);
  }
  put_data(d, "follow_ups", fus, !p.follow_ups.v.empty());
  if (!rows.empty() && p.period) {
    size_t late = counts[ActStatus::late];
    d.set("svg_gantt", gantt_svg("gantt", b.F(msg::r_gantt_title, p.title.v),
                                 b.F(msg::r_gantt_desc, rows.size(), from.str(), to.str(), late),
                                 rows, from, to, v.today, v.lang));
  } else {
    d.set("svg_gantt", false);
  }
  return d;
}

Data meeting_view(const View& v, const Meeting& m) {
  B b{v};
  Data d;
  d.set("title", b.F(msg::r_minutes_title, b.forum_name(m.forum.v), m.date.v.str()));
  d.set("forum", b.ref(Kind::forum, m.forum.v));
  std::string cid = b.collab_of_meeting(m);
  put_data(d, "collaboration", b.ref(Kind::collaboration, cid), !cid.empty());
  put(d, "date", m.date);
  std::string time;
  if (m.start) time = m.start.v.str();
  if (m.end) time += "–" + m.end.v.str();
  put(d, "time", time);
  put(d, "location", m.location);
  put(d, "m_type", b.en("meeting", m.type));
  put(d, "chair", m.chair);
  put(d, "secretary", m.secretary);
  // Present, grouped by organisation in the order first written.
  auto group = [&](const auto& people) {
    std::vector<std::string> order;
    std::map<std::string, std::vector<std::string>> names;
    for (const auto& a : people) {
      if (!names.count(a.organisation.v)) order.push_back(a.organisation.v);
      auto& n = names[a.organisation.v];
      std::string s = a.name.v;
      if constexpr (requires { a.role; }) {
        if (a.role) s = s.empty() ? a.role.v : s + " (" + a.role.v + ")";
      }
      if (!s.empty()) n.push_back(s);
    }
    Data l = list();
    for (const auto& o : order) {
      Data x;
      x.set("org", b.ref(Kind::organisation, o));
      put(x, "people", join(names[o], "; "));
      l.push_back(x);
    }
    return l;
  };
  put_data(d, "present", group(m.attendees.v), !m.attendees.v.empty());
  put_data(d, "absent", group(m.absent.v), !m.absent.v.empty());
  Data items = list();
  for (const auto& it : m.items.v) {
    Data x;
    x.set("number", std::to_string(it.number));
    put(x, "i_title", it.title);
    put(x, "i_notes", it.notes);
    put_list(x, "decisions", it.decisions);
    Data refs = list();
    std::vector<std::string> ref_texts;
    for (const auto& r : it.refs.v) {
      ref_texts.push_back(r.v);
      std::string id = r.v.substr(0, r.v.find('#'));
      const Entity* e = v.repo.find(id);
      Data y;
      y.set("r_text", r.v);
      put(y, "r_href", e && e->kind != Kind::forum ? page_of(e->kind, id) : std::string());
      refs.push_back(y);
    }
    put_data(x, "refs", refs, !it.refs.v.empty());
    put(x, "refs_text", join(ref_texts));
    items.push_back(x);
  }
  put_data(d, "items", items, !m.items.v.empty());
  Data acts = list();
  for (const auto& a : m.actions.v) acts.push_back(b.action(m, a));
  put_data(d, "actions", acts, !m.actions.v.empty());
  if (m.minutes) {
    Data x;
    std::vector<std::string> by;
    for (const auto& t : m.minutes->approved_by.v) by.push_back(t.v);
    put(x, "approved_by", join(by, "; "));
    put(x, "approved", m.minutes->approved);
    d.set("minutes", x);
  } else {
    d.set("minutes", false);
  }
  put(d, "next_meeting", m.next_meeting);
  return d;
}

Data report_view(const View& v, const Collaboration& c, const Period& period, const Report* r) {
  B b{v};
  Data d;
  std::string cname = c.name ? c.name.v : c.id.v;
  d.set("title", b.F(msg::r_report_title, cname, period.text));
  d.set("collaboration", b.ref(Kind::collaboration, c.id.v));
  d.set("period", b.period_text(period));
  if (r) {
    Data x;
    put(x, "author", r->author ? b.contact_text(*r->author) : std::string());
    put(x, "submitted", r->submitted);
    put(x, "recipient", r->recipient);
    put(x, "summary", r->summary);
    put_list(x, "highlights", r->highlights);
    put_list(x, "challenges", r->challenges);
    put_list(x, "next_steps", r->next_steps);
    d.set("narrative", x);
  } else {
    d.set("narrative", false);
  }
  // Activity status as of the period's end, or today when that is earlier.
  Date at = std::min(v.today, period.end);
  d.set("status_date", at.str());
  Data goals = list(), acts = list();
  std::map<ActStatus, int> counts;
  for (const Plan* p : b.plans_of(c.id.v)) {
    if (!p->period || p->period->end < period.start || period.end < p->period->start) continue;
    for (const auto& g : p->goals.v) {
      Data x = b.goal(g, period);
      x.set("plan", b.ref(Kind::plan, p->id.v));
      goals.push_back(x);
    }
    for (const auto& a : p->activities.v) {
      counts[activity_status(a, at)]++;
      acts.push_back(b.activity(*p, a, at));
    }
  }
  bool any_goals = !goals.list_value().empty(), any_acts = !acts.list_value().empty();
  put_data(d, "goals", goals, any_goals);
  put_data(d, "activities", acts, any_acts);
  d.set("counts", b.status_counts(counts));
  // Meetings held in the period, attendance per party, decisions.
  Data meetings = list(), decisions = list();
  std::map<std::string, std::pair<int, int>> att;  // party → attended, held
  int held = 0;
  for (const Meeting* m : b.meetings_of(c.id.v)) {
    if (!m->date || !period.contains(m->date.v)) continue;
    ++held;
    Data x = b.ref(Kind::meeting, m->id.v);
    x.set("m_date", m->date.v.str());
    std::set<std::string> present;
    for (const auto& a : m->attendees.v) present.insert(a.organisation.v);
    x.set("n_present", std::to_string(present.size()));
    meetings.push_back(x);
    auto* f = v.repo.find_as<Forum>(m->forum.v);
    for (const auto& p : c.parties.v) {
      bool member = !f || f->members.v.empty();
      if (f)
        for (const auto& mem : f->members.v) member |= mem.organisation.v == p.v;
      if (!member) continue;
      att[p.v].second++;
      if (present.count(p.v)) att[p.v].first++;
    }
    for (const auto& it : m->items.v)
      for (const auto& t : it.decisions.v) {
        Data y;
        y.set("meeting", b.ref(Kind::meeting, m->id.v));
        y.set("d_paragraph", "§ " + std::to_string(it.number));
        y.set("d_text", t.v);
        decisions.push_back(y);
      }
  }
  put_data(d, "meetings", meetings, held > 0);
  Data attl = list();
  for (const auto& p : c.parties.v) {
    auto it = att.find(p.v);
    if (it == att.end()) continue;
    Data x;
    x.set("org", b.ref(Kind::organisation, p.v));
    x.set("attended", b.F(msg::r_attended_of, it->second.first, it->second.second));
    attl.push_back(x);
  }
  put_data(d, "attendance", attl, !att.empty());
  bool any_dec = !decisions.list_value().empty();
  put_data(d, "decisions", decisions, any_dec);
  Data open = list();
  for (const Meeting* m : b.meetings_of(c.id.v)) {
    if (m->date && period.end < m->date.v) continue;
    for (const auto& a : m->actions.v)
      if (a.status_or_default() == "open") open.push_back(b.action(*m, a));
  }
  bool any_open = !open.list_value().empty();
  put_data(d, "open_actions", open, any_open);
  return d;
}

Data organisation_view(const View& v, const Organisation& o) {
  B b{v};
  Data d;
  d.set("title", o.name ? o.name.v : o.id.v);
  put(d, "short_name", o.short_name);
  put(d, "o_type", b.en("org", o.type));
  put(d, "org_number", o.org_number);
  put_data(d, "parent", b.ref(Kind::organisation, o.parent.v), o.parent.set);
  Data units = b.children(Kind::organisation, v.repo.organisations, o.id.v);
  bool any_units = !units.list_value().empty();
  put_data(d, "units", units, any_units);
  put(d, "website", o.website && is_http_url(o.website.v) ? o.website.v : std::string());
  put(d, "mandate", o.mandate);
  put_list(d, "services", o.services);
  Data contacts = list();
  for (const auto& c : o.contacts.v) contacts.push_back(b.contact(c));
  put_data(d, "contacts", contacts, !o.contacts.v.empty());
  // One row per forum, with everyone the organisation has in it.
  Data forums = list();
  for (const auto& f : v.repo.forums) {
    std::vector<std::string> people;
    for (const auto& m : f.members.v) {
      if (m.organisation.v != o.id.v) continue;
      std::string p = b.contact_text(Contact{{}, m.name, m.role, {}, {}});
      if (m.chair && m.chair.v) p += " (" + b.L(msg::r_chair_note) + ")";
      people.push_back(p);
    }
    if (people.empty()) continue;
    Data x = b.ref(Kind::forum, f.id.v);
    x.set("f_collab", b.ref(Kind::collaboration, f.collaboration.v));
    put(x, "people", join(people, "; "));
    forums.push_back(x);
  }
  bool any_forums = !forums.list_value().empty();
  put_data(d, "forums", forums, any_forums);
  Data collabs = list();
  for (const auto& c : v.repo.collaborations)
    for (const auto& p : c.parties.v)
      if (p.v == o.id.v) collabs.push_back(b.ref(Kind::collaboration, c.id.v));
  bool any_collabs = !collabs.list_value().empty();
  put_data(d, "collaborations", collabs, any_collabs);
  Data acts = list();
  for (const auto& p : v.repo.plans)
    for (const auto& a : p.activities.v)
      if (a.owner.v == o.id.v) acts.push_back(b.activity(p, a, v.today));
  bool any_acts = !acts.list_value().empty();
  put_data(d, "activities", acts, any_acts);
  Data actions = list();
  for (const auto& m : v.repo.meetings)
    for (const auto& a : m.actions.v)
      if (a.owner.v == o.id.v && a.status_or_default() == "open") actions.push_back(b.action(m, a));
  bool any_actions = !actions.list_value().empty();
  put_data(d, "open_actions", actions, any_actions);
  return d;
}

Data directory_view(const View& v) {
  B b{v};
  Data d;
  d.set("title", b.L(msg::r_directory));
  std::vector<const Organisation*> orgs;
  for (const auto& o : v.repo.organisations) orgs.push_back(&o);
  std::sort(orgs.begin(), orgs.end(), [](auto* a, auto* b) {
    return std::tuple(sort_key(a->name.v), a->id.v) < std::tuple(sort_key(b->name.v), b->id.v);
  });
  Data l = list();
  for (const Organisation* o : orgs) {
    Data x = organisation_view(v, *o);
    x.set("org", b.ref(Kind::organisation, o->id.v));
    l.push_back(x);
  }
  put_data(d, "organisations", l, !orgs.empty());
  return d;
}

}  // namespace sv::render
