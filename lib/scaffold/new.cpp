#include "scaffold/new.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <stdexcept>

#include "core/dates.h"
#include "core/errors.h"
#include "core/fields.h"
#include "core/kinds.h"
#include "core/msg/core.h"
#include "core/msg/scaffold.h"
#include "core/status.h"
#include "core/text.h"
#include "scaffold/yaml_writer.h"

namespace sv::scaffold {

namespace {

[[noreturn]] void fail(Message m, std::optional<Message> help = {}) { throw SystemError(std::move(m), std::move(help)); }

// The language of what is written: the repository's, whatever --lang says
// for the messages.
Lang file_lang(const Loaded& l) { return effective_lang(std::nullopt, l.repo.config); }


// A new entity's id: the pattern, and not taken.
void check_new_id(const Loaded& l, const std::string& id) {
  if (!is_valid_id(id)) {
    std::optional<Message> help;
    if (utf8_invalid_at(id) == std::string::npos) {
      std::string s = suggest_id(id);
      if (is_valid_id(s)) help = msg_of(msg::new_id_suggest, s);
    }
    fail(msg_of(msg::new_bad_id, printable(id)), help);
  }
  if (const Entity* e = l.repo.find(id)) {
    std::string where = e->file >= 0 && size_t(e->file) < l.repo.files.size() ? l.repo.files[e->file].path : "";
    fail(msg_of(msg::new_id_taken, id, where));
  }
}

// An existing entity of kind T, else exit 2 with the closest id of that kind.
template <class T>
const T& existing(const Loaded& l, const std::string& id) {
  if (const T* e = l.repo.find_as<T>(id)) return *e;
  std::vector<std::string> ids;
  for (const T& e : l.repo.template of<T>())
    if (e.id) ids.push_back(*e.id);
  std::optional<Message> help;
  if (auto near = did_you_mean(id, ids)) help = msg_of(msg::help_did_you_mean, *near);
  fail(msg_of(msg::new_unknown, to_arg(kind_word(KindOf<T>::kind)), printable(id)), help);
}

template <class E>
E enum_option(const std::string& option, const std::string& v) {
  if (auto e = parse_enum<E>(v)) return *e;
  std::vector<std::string> names(enum_names<E>().begin(), enum_names<E>().end());
  std::optional<Message> help;
  if (auto near = did_you_mean(v, names)) help = msg_of(msg::help_did_you_mean, *near);
  fail(msg_of(msg::new_bad_value, printable(v), option, join(names)), help);
}

Date date_option(const std::string& v) {
  if (auto d = parse_date(v)) return *d;
  fail(msg_of(msg::new_bad_date, printable(v)));
}

Period period_option(const std::string& v) {
  auto p = parse_period(v);
  if (!p || p->text.find("..") != std::string::npos) fail(msg_of(msg::new_bad_period, printable(v)));
  return *p;
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return s;
}

// A number as YAML writes it: whole numbers without a decimal point.
std::string number(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return fmt::format("{}", static_cast<long long>(v));
  return fmt::format("{}", v);
}

// The writer, with each key's description (field_help.def) as a comment.
class Doc {
 public:
  Doc(Lang lang, std::string_view kind_name) : lang_(lang) {
    w_.begin_map();
    w_.key("kind").plain(kind_name);
  }
  YamlWriter& w() { return w_; }
  // A top-level key with its description on the line above.
  // `more`: further comment lines below the description.
  YamlWriter& key(std::string_view owner, std::string_view field, const std::string& more = "") {
    const Tr* d = field_description(owner, field);
    if (!d) d = field_description("any", field);
    if (!d) throw std::logic_error(fmt::format("field_help.def: no description of {} {}", owner, field));
    w_.note(more.empty() ? std::string(d->get(lang_)) : d->get(lang_) + ("\n" + more));
    return w_.key(field);
  }
  std::string str() {
    w_.end_map();
    return w_.str();
  }

 private:
  Lang lang_;
  YamlWriter w_;
};

void write_id_list(YamlWriter& w, const std::vector<std::string>& ids) {
  w.begin_flow_seq();
  for (const auto& id : ids) w.plain(id);
  w.end_seq();
}

void write_texts(YamlWriter& w, const List<Text>& list) {
  w.begin_seq();
  for (const Text& t : list.v) w.text(t.v);
  w.end_seq();
}

void write_contact(YamlWriter& w, const Contact& c) {
  w.begin_map();
  if (c.name) w.key("name").text(*c.name);
  if (c.role) w.key("role").text(*c.role);
  if (c.email) w.key("email").text(*c.email);
  if (c.phone) w.key("phone").text(*c.phone);
  w.end_map();
}

void write_dated(YamlWriter& w, double value, const Date& date) {
  w.begin_map().key("value").plain(number(value)).key("date").plain(date.str()).end_map();
}

// The latest measurement (by date; the later one written wins a tie).
const DatedValue* latest_measurement(const Goal& g) {
  const DatedValue* latest = nullptr;
  for (const DatedValue& m : g.measurements.v)
    if (m.date && m.value && (!latest || !(m.date.v < latest->date.v))) latest = &m;
  return latest;
}

void write_goal(YamlWriter& w, const Goal& g) {
  w.begin_map();
  w.key("id").plain(*g.id);
  w.key("title").text(*g.title);
  if (g.description) w.key("description").text(*g.description);
  if (g.indicator) w.key("indicator").text(*g.indicator);
  if (g.unit_value()) w.key("unit").plain(*g.unit);
  if (g.direction_value()) w.key("direction").plain(*g.direction);
  if (enum_of<GoalMeasure>(g.measure)) w.key("measure").plain(*g.measure);
  if (const DatedValue* m = latest_measurement(g)) {
    w.key("baseline");
    write_dated(w, *m->value, *m->date);
  } else if (g.baseline && g.baseline->value && g.baseline->date) {
    w.key("baseline");
    write_dated(w, *g.baseline->value, *g.baseline->date);
  }
  if (g.target && g.target->value) {
    w.key("target").begin_map().key("value").plain(number(*g.target->value));
    if (g.target->date) w.key("date").plain(g.target->date->str());
    w.end_map();
  }
  w.end_map();
}

void write_activity(YamlWriter& w, const Activity& a) {
  w.begin_map();
  w.key("id").plain(*a.id);
  w.key("title").text(*a.title);
  if (a.description) w.key("description").text(*a.description);
  if (a.goals && !a.goals->empty()) {
    std::vector<std::string> ids;
    for (const Text& t : a.goals.v) ids.push_back(t.v);
    w.key("goals");
    write_id_list(w, ids);
  }
  if (a.owner) w.key("owner").plain(*a.owner);
  if (a.responsible) {
    const Contact& c = *a.responsible;
    w.key("responsible");
    if (c.role && !c.name && !c.email && !c.phone) w.text(*c.role);
    else write_contact(w, c);
  }
  if (a.participants && !a.participants->empty()) {
    std::vector<std::string> ids;
    for (const Text& t : a.participants.v) ids.push_back(t.v);
    w.key("participants");
    write_id_list(w, ids);
  }
  if (a.start) w.key("start").plain(a.start->str());
  if (a.due) w.key("due").plain(a.due->str());
  if (!invalid(a.status) && a.status) w.key("status").plain(*a.status);
  if (a.budget) w.key("budget").plain(number(*a.budget));
  w.end_map();
}

// The date `years` years on; 29 February becomes the 28th in a common year.
Date years_on(const Date& d, int years) {
  Date r{d.y + years, d.m, d.d};
  r.d = std::min(r.d, days_in_month(r.y, r.m));
  return r;
}

// The forum that follows a collaboration's plan up: its first steering
// forum (by id), else none.
const Forum* steering_forum(const Repo& repo, const std::string& collaboration) {
  const Forum* best = nullptr;
  for (const Forum& f : repo.forums)
    if (f.id && f.collaboration && *f.collaboration == collaboration && f.type_value() == ForumType::steering &&
        (!best || *f.id < *best->id))
      best = &f;
  return best;
}

// An id for the new period from an earlier entity's id, when it ends with
// its period ("handlingsplan-nassjo-2025" → "handlingsplan-nassjo-2026").
std::optional<std::string> id_for_period(const std::string& old_id, const std::string& old_period,
                                         const std::string& period) {
  std::string suffix = "-" + lower(old_period);
  if (old_id.size() <= suffix.size() || old_id.compare(old_id.size() - suffix.size(), suffix.size(), suffix) != 0)
    return std::nullopt;
  return old_id.substr(0, old_id.size() - suffix.size()) + "-" + lower(period);
}

}  // namespace

void check_text(const std::string& option, const std::string& v, bool required) {
  // U+FFFE and U+FFFF are not characters: the loader reads them as U+FFFD,
  // so they could not load back as given.
  if (utf8_invalid_at(v) != std::string::npos || v.find("\xEF\xBF\xBE") != std::string::npos ||
      v.find("\xEF\xBF\xBF") != std::string::npos)
    fail(msg_of(msg::new_not_utf8, option));
  // Only blanks count as empty, as validation says (field-required).
  if (required && v.find_first_not_of(" \t\r\n") == std::string::npos) fail(msg_of(msg::new_empty, option));
}

NewFile new_organisation(const Loaded& l, const OrganisationSpec& s) {
  check_new_id(l, s.id);
  check_text("--name", s.name, true);
  check_text("--short-name", s.short_name, false);
  OrgType type = enum_option<OrgType>("--type", s.type);
  if (type == OrgType::unit && s.parent.empty()) fail(msg_of(msg::new_parent_needed));
  if (!s.parent.empty()) existing<Organisation>(l, s.parent);
  Lang lang = file_lang(l);
  Doc d(lang, "organisation");
  d.key("any", "id").plain(s.id);
  d.key("organisation", "name").text(s.name);
  d.key("organisation", "type").plain(enum_name(type));
  if (!s.parent.empty()) d.key("organisation", "parent").plain(s.parent);
  if (!s.short_name.empty()) d.key("organisation", "short_name").text(s.short_name);
  return {"organisations/" + s.id + ".yaml", d.str()};
}

NewFile new_collaboration(const Loaded& l, const CollaborationSpec& s) {
  check_new_id(l, s.id);
  check_text("--name", s.name, true);
  std::vector<std::string> parties;
  for (const auto& p : s.parties) {
    existing<Organisation>(l, p);
    if (std::find(parties.begin(), parties.end(), p) == parties.end()) parties.push_back(p);
  }
  if (parties.size() < 2) fail(msg_of(msg::new_parties_few));
  if (!s.parent.empty()) existing<Collaboration>(l, s.parent);
  Lang lang = file_lang(l);
  Doc d(lang, "collaboration");
  d.key("any", "id").plain(s.id);
  d.key("collaboration", "name").text(s.name);
  d.key("collaboration", "parties");
  d.w().begin_seq();
  for (const auto& p : parties) d.w().plain(p);
  d.w().end_seq();
  if (!s.parent.empty()) d.key("collaboration", "parent").plain(s.parent);
  return {"collaborations/" + s.id + ".yaml", d.str()};
}

NewFile new_forum(const Loaded& l, const ForumSpec& s) {
  check_new_id(l, s.id);
  check_text("--name", s.name, true);
  const Collaboration& c = existing<Collaboration>(l, s.collaboration);
  ForumType type = enum_option<ForumType>("--type", s.type);
  std::optional<ForumLevel> level;
  std::optional<Cadence> cadence;
  if (!s.level.empty()) level = enum_option<ForumLevel>("--level", s.level);
  if (!s.cadence.empty()) cadence = enum_option<Cadence>("--cadence", s.cadence);
  Lang lang = file_lang(l);
  Doc d(lang, "forum");
  d.key("any", "id").plain(s.id);
  d.key("forum", "name").text(s.name);
  d.key("forum", "collaboration").plain(s.collaboration);
  d.key("forum", "type").plain(enum_name(type));
  if (level) d.key("forum", "level").plain(enum_name(*level));
  if (cadence) d.key("forum", "cadence").plain(enum_name(*cadence));
  // One member per party of the collaboration, to fill in.
  d.key("forum", "members").begin_seq();
  for (const Text& p : c.parties.v) d.w().begin_map().key("organisation").plain(p.v).end_map();
  d.w().end_seq();
  return {"forums/" + s.id + ".yaml", d.str()};
}

NewFile new_meeting(const Loaded& l, const MeetingSpec& s) {
  const Forum& forum = existing<Forum>(l, s.forum);
  Date date = date_option(s.date);
  MeetingType type = s.type.empty() ? MeetingType::regular : enum_option<MeetingType>("--type", s.type);
  std::string id = s.forum + "-" + date.str();
  check_new_id(l, id);
  Lang lang = file_lang(l);

  // The forum's previous meeting: the latest before this date.
  const Meeting* previous = nullptr;
  for (const Meeting& m : l.repo.meetings)
    if (m.id && m.forum && *m.forum == s.forum && m.date && m.date.v < date &&
        (!previous || previous->date.v < m.date.v || (previous->date.v == m.date.v && *previous->id < *m.id)))
      previous = &m;
  std::vector<std::string> open_actions;
  if (previous)
    for (const Action& a : previous->actions.v)
      if (a.id && !invalid(a.status) && a.status_value() == ActionStatus::open)
        open_actions.push_back(*previous->id + "#" + *a.id);

  Doc d(lang, "meeting");
  d.key("any", "id").plain(id);
  d.key("meeting", "forum").plain(s.forum);
  d.key("meeting", "date").plain(date.str());
  d.key("meeting", "type").plain(enum_name(type));
  for (const Member& m : forum.members.v)
    if (m.chair && *m.chair && member_counts_at(m, date) && (m.name || m.role)) {
      d.key("meeting", "chair").text(m.name ? *m.name : *m.role);
      break;
    }
  bool any = false;
  for (const Member& m : forum.members.v)
    if (m.organisation && member_counts_at(m, date)) {
      if (!any) d.key("meeting", "attendees").begin_seq();
      any = true;
      d.w().begin_map().key("organisation").plain(*m.organisation);
      if (m.name) d.w().key("name").text(*m.name);
      if (m.role) d.w().key("role").text(*m.role);
      d.w().end_map();
    }
  if (any) d.w().end_seq();

  const Tr* agenda[] = {&msg::new_agenda_open,    &msg::new_agenda_adjuster, &msg::new_agenda_agenda,
                        &msg::new_agenda_previous, &msg::new_agenda_actions,  &msg::new_agenda_other,
                        &msg::new_agenda_next,     &msg::new_agenda_close};
  d.key("meeting", "items").begin_seq();
  int n = 0;
  for (const Tr* t : agenda) {
    d.w().begin_map().key("number").plain(std::to_string(++n)).key("title").text(t->get(lang));
    if (t == &msg::new_agenda_previous && previous) {
      d.w().key("refs");
      write_id_list(d.w(), {*previous->id});
    }
    if (t == &msg::new_agenda_actions && !open_actions.empty()) {
      d.w().key("refs");
      write_id_list(d.w(), open_actions);
    }
    d.w().end_map();
  }
  d.w().end_seq();
  return {"meetings/" + s.forum + "/" + date.str() + ".yaml", d.str()};
}

NewFile new_plan(const Loaded& l, const PlanSpec& s) {
  const Collaboration& c = existing<Collaboration>(l, s.collaboration);
  Period period = period_option(s.period);
  const Plan* from = nullptr;
  if (!s.from.empty()) {
    from = &existing<Plan>(l, s.from);
    if (!from->collaboration || *from->collaboration != s.collaboration)
      fail(msg_of(msg::new_from_other, s.from, from->collaboration ? *from->collaboration : "", s.collaboration));
  }
  Lang lang = file_lang(l);
  std::optional<std::string> id;
  if (from && from->period) id = id_for_period(s.from, from->period->text, period.text);
  if (!id) id = fmt::format("{}-{}-{}", msg::new_plan_id_prefix.get(lang), s.collaboration, lower(period.text));
  check_new_id(l, *id);

  Doc d(lang, "plan");
  d.key("any", "id").plain(*id);
  d.key("plan", "title").text(tr(lang, msg::new_plan_title, period.text, c.name ? *c.name : s.collaboration));
  d.key("plan", "collaboration").plain(s.collaboration);
  d.key("plan", "period").plain(period.text);
  d.key("plan", "status").plain(enum_name(PlanStatus::draft));
  if (from) {
    if (from->target_groups && !from->target_groups->empty()) {
      d.key("plan", "target_groups");
      write_texts(d.w(), from->target_groups);
    }
    if (from->needs && !from->needs->empty()) {
      d.key("plan", "needs");
      write_texts(d.w(), from->needs);
    }
  }
  std::vector<const Goal*> goals;
  std::vector<const Activity*> activities;
  if (from) {
    for (const Goal& g : from->goals.v)
      if (g.id && g.title) goals.push_back(&g);
    for (const Activity& a : from->activities.v)
      if (a.id && a.title && !activity_finished(a)) activities.push_back(&a);
  }
  d.key("plan", "goals", from ? tr(lang, msg::new_c_carried, s.from) : "");
  if (goals.empty()) d.w().begin_flow_seq();
  else d.w().begin_seq();
  for (const Goal* g : goals) write_goal(d.w(), *g);
  d.w().end_seq();
  d.key("plan", "activities");
  if (activities.empty()) d.w().begin_flow_seq();
  else d.w().begin_seq();
  for (const Activity* a : activities) write_activity(d.w(), *a);
  d.w().end_seq();

  // Follow-ups: the earlier plan's, moved to the new period; else one at the
  // end of each half-year within the period (the last one full-year).
  struct Follow {
    Date date;
    std::string forum, type;
  };
  std::vector<Follow> follows;
  if (from && from->period) {
    int years = period.start.y - from->period->start.y;
    for (const FollowUp& f : from->follow_ups.v) {
      if (!f.date) continue;
      Date at = years_on(*f.date, years);
      if (!period.contains(at)) continue;
      follows.push_back({at, f.forum ? *f.forum : "", f.type_value() ? *f.type : ""});
    }
  }
  if (follows.empty()) {
    const Forum* steering = steering_forum(l.repo, s.collaboration);
    std::string forum = steering ? *steering->id : "";
    Date mid{period.start.y, 6, 30};
    if (period.contains(mid) && mid < period.end && period.start < mid)
      follows.push_back({mid, forum, enum_name(FollowUpType::half_year)});
    follows.push_back({period.end, forum, enum_name(FollowUpType::full_year)});
  }
  d.key("plan", "follow_ups").begin_seq();
  for (const Follow& f : follows) {
    d.w().begin_map().key("date").plain(f.date.str());
    if (!f.forum.empty()) d.w().key("forum").plain(f.forum);
    if (!f.type.empty()) d.w().key("type").plain(f.type);
    d.w().end_map();
  }
  d.w().end_seq();
  return {"plans/" + s.collaboration + "/" + period.text + ".yaml", d.str()};
}

NewFile new_report(const Loaded& l, const ReportSpec& s) {
  existing<Collaboration>(l, s.collaboration);
  Period period = period_option(s.period);
  bool half = period.text.size() == 6 && period.text[4] == 'H';
  if (!half && period.text.size() != 4) fail(msg_of(msg::new_report_period, period.text));
  Lang lang = file_lang(l);
  // The id: the convention of the collaboration's earlier reports of the same
  // length, else the default.
  std::optional<std::string> id;
  for (const Report& r : l.repo.reports)
    if (r.id && r.collaboration && *r.collaboration == s.collaboration && r.period &&
        r.period->text.size() == period.text.size())
      if (auto i = id_for_period(*r.id, r.period->text, period.text); i && !l.repo.find(*i)) {
        if (!id || *i < *id) id = i;
      }
  if (!id)
    id = fmt::format("{}-{}-{}", (half ? msg::new_report_half_prefix : msg::new_report_year_prefix).get(lang),
                     s.collaboration, lower(period.text));
  check_new_id(l, *id);

  // Candidate highlights: the activities of the collaboration's plans completed in the period.
  std::vector<std::string> done;
  for (const Plan& p : l.repo.plans)
    if (p.id && p.collaboration && *p.collaboration == s.collaboration)
      for (const Activity& a : p.activities.v)
        if (a.id && a.title && a.status_value() == ActivityStatus::done && a.completed && period.contains(*a.completed))
          done.push_back(fmt::format("- {} ({}#{}, {})", *a.title, *p.id, *a.id, a.completed->str()));
  std::sort(done.begin(), done.end());

  Doc d(lang, "report");
  d.key("any", "id").plain(*id);
  d.key("report", "collaboration").plain(s.collaboration);
  d.key("report", "period").plain(period.text);
  d.key("report", "summary").text("");
  std::string candidates = done.empty() ? msg::new_c_highlight_none.get(lang)
                                        : std::string(msg::new_c_highlight_candidates.get(lang));
  for (const auto& line : done) candidates += "\n" + line;
  d.key("report", "highlights", candidates).begin_flow_seq().end_seq();
  d.key("report", "challenges").begin_flow_seq().end_seq();
  d.key("report", "next_steps").begin_flow_seq().end_seq();
  return {"reports/" + *id + ".yaml", d.str()};
}

}  // namespace sv::scaffold
