#include "history/diff.h"

#include <algorithm>
#include <set>

#include "history/diff_json.h"

#include "core/text.h"
#include "core/msg/git.h"

namespace sv {

// ---------------------------------------------------------------------------
// Flattening: an entity → objects → fields with their text.

namespace {

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Keys that are numbers (§ numbers, positions) sort as numbers.
bool key_less(const std::string& a, const std::string& b) {
  if (all_digits(a) && all_digits(b) && a.size() != b.size()) return a.size() < b.size();
  return a < b;
}

std::string num(double d) { return fmt::format("{}", d); }

class Obj {
 public:
  // The object's fields are looked up once: a std::map keeps its elements in place.
  Obj(Flat& flat, ObjectPath path) : flat_(flat), path_(std::move(path)), fields_(flat_.objects[path_]) {}

  void put(const std::string& name, const std::string& v) { fields_[name] = v; }
  void put(const std::string& name, const Text& t) {
    if (t.set) put(name, t.v);
  }
  void put(const std::string& name, const Val<double>& t) {
    if (t.set) put(name, num(t.v));
  }
  void put(const std::string& name, const Val<Date>& t) {
    if (t.set) put(name, t.v.str());
  }
  void put(const std::string& name, const Val<bool>& t) {
    if (t.set) put(name, t.v ? "true" : "false");
  }
  void put(const std::string& name, const Val<TimeOfDay>& t) {
    if (t.set) put(name, t.v.str());
  }
  void put(const std::string& name, const Val<Period>& t) {
    if (t.set) put(name, t.v.text);
  }
  // A list of ids or short words: one field, items joined.
  void put(const std::string& name, const List<Text>& l) {
    if (!l.set) return;
    std::vector<std::string> items;
    for (const auto& t : l.v) items.push_back(t.v);
    put(name, join(items));
  }
  void put(const std::string& name, const Val<DatedValue>& d) {
    if (!d.set) return;
    put(name + ".value", d.v.value);
    put(name + ".date", d.v.date);
    put(name + ".note", d.v.note);
  }
  void put(const std::string& name, const Val<Contact>& c) {
    if (c.set) contact(name + ".", c.v);
  }
  void contact(const std::string& prefix, const Contact& c) {
    put(prefix + "name", c.name);
    put(prefix + "role", c.role);
    put(prefix + "email", c.email);
    put(prefix + "phone", c.phone);
  }
  void extensions(const std::vector<Extension>& ext) {
    for (const auto& x : ext) put(x.key, x.value);
  }

  // A nested object in `group`; repeated keys get " (2)", " (3)", ...
  Obj child(const char* group, std::string key) {
    ObjectPath p = path_;
    std::string base = key;
    for (int n = 2;; ++n) {
      p.push_back({group, key});
      if (!flat_.objects.count(p)) break;
      p.pop_back();
      key = fmt::format("{} ({})", base, n);
    }
    return Obj(flat_, std::move(p));
  }
  // A list of prose (needs, decisions, ...): each text is an object of its
  // own, so that an added or removed one shows as such.
  void prose(const char* group, const List<Text>& l) {
    for (const auto& t : l.v) child(group, t.v);
  }

 private:
  Flat& flat_;
  ObjectPath path_;
  std::map<std::string, std::string>& fields_;
};

// The key of a list element: its id, else a fallback, else its position.
std::string key_of(const Text& id, size_t pos) { return id.set && !id.v.empty() ? id.v : fmt::format("#{}", pos + 1); }

void flatten_fields(Obj& o, const Organisation& e) {
  o.put("name", e.name);
  o.put("type", e.type);
  o.put("parent", e.parent);
  o.put("short_name", e.short_name);
  o.put("org_number", e.org_number);
  o.put("mandate", e.mandate);
  o.put("website", e.website);
  o.put("tags", e.tags);
  o.prose("service", e.services);
  for (size_t i = 0; i < e.contacts.v.size(); ++i) {
    const Contact& c = e.contacts.v[i];
    Obj k = o.child("contact", c.name.set ? c.name.v : c.role.set ? c.role.v : fmt::format("#{}", i + 1));
    k.contact("", c);
  }
}

void flatten_fields(Obj& o, const Collaboration& e) {
  o.put("name", e.name);
  o.put("parent", e.parent);
  o.put("area", e.area);
  o.put("integration_level", e.integration_level);
  o.put("purpose", e.purpose);
  o.put("parties", e.parties);
  o.put("tags", e.tags);
  o.prose("need", e.needs);
  for (size_t i = 0; i < e.target_groups.v.size(); ++i) {
    const TargetGroup& t = e.target_groups.v[i];
    Obj k = o.child("target_group", key_of(t.id, i));
    k.put("name", t.name);
    k.put("description", t.description);
  }
  if (e.coordinator.set) {
    const Coordinator& c = e.coordinator.v;
    o.contact("coordinator.", c);
    o.put("coordinator.organisation", c.organisation);
    o.put("coordinator.fte", c.fte);
  }
  if (e.agreement.set) {
    const Agreement& a = e.agreement.v;
    o.put("agreement.signed", a.signed_on);
    o.put("agreement.valid_until", a.valid_until);
    o.put("agreement.form", a.form);
    o.put("agreement.document", a.document);
  }
}

void flatten_fields(Obj& o, const Forum& e) {
  o.put("name", e.name);
  o.put("collaboration", e.collaboration);
  o.put("type", e.type);
  o.put("level", e.level);
  o.put("cadence", e.cadence);
  o.put("mandate", e.mandate);
  for (const auto& m : e.members.v) {
    std::string who = m.name.set ? m.name.v : m.role.set ? m.role.v : "";
    Obj k = o.child("member", m.organisation.v + (who.empty() ? "" : ": " + who));
    k.put("name", m.name);
    k.put("role", m.role);
    k.put("deputy", m.deputy);
    k.put("chair", m.chair);
  }
}

void flatten_fields(Obj& o, const Plan& e) {
  o.put("title", e.title);
  o.put("collaboration", e.collaboration);
  o.put("status", e.status);
  o.put("period", e.period);
  if (e.approved.set) {
    o.put("approved.forum", e.approved.v.forum);
    o.put("approved.date", e.approved.v.date);
    o.put("approved.meeting", e.approved.v.meeting);
  }
  o.put("revised", e.revised);
  o.put("target_groups", e.target_groups);
  o.prose("need", e.needs);
  for (size_t i = 0; i < e.goals.v.size(); ++i) {
    const Goal& g = e.goals.v[i];
    Obj k = o.child("goal", key_of(g.id, i));
    k.put("title", g.title);
    k.put("description", g.description);
    k.put("indicator", g.indicator);
    k.put("unit", g.unit);
    k.put("direction", g.direction);
    k.put("baseline", g.baseline);
    k.put("target", g.target);
    for (size_t j = 0; j < g.measurements.v.size(); ++j) {
      const DatedValue& m = g.measurements.v[j];
      Obj mk = k.child("measurement", m.date.set ? m.date.v.str() : fmt::format("#{}", j + 1));
      mk.put("value", m.value);
      mk.put("note", m.note);
    }
  }
  for (size_t i = 0; i < e.activities.v.size(); ++i) {
    const Activity& a = e.activities.v[i];
    Obj k = o.child("activity", key_of(a.id, i));
    k.put("title", a.title);
    k.put("description", a.description);
    k.put("owner", a.owner);
    k.put("responsible", a.responsible);
    k.put("goals", a.goals);
    k.put("participants", a.participants);
    k.put("start", a.start);
    k.put("due", a.due);
    k.put("status", a.status);
    k.put("completed", a.completed);
    k.put("budget", a.budget);
    for (size_t j = 0; j < a.updates.v.size(); ++j) {
      const Update& u = a.updates.v[j];
      Obj uk = k.child("update", u.date.set ? u.date.v.str() : fmt::format("#{}", j + 1));
      uk.put("status", u.status);
      uk.put("note", u.note);
    }
  }
  for (size_t i = 0; i < e.follow_ups.v.size(); ++i) {
    const FollowUp& f = e.follow_ups.v[i];
    Obj k = o.child("follow_up", f.date.set ? f.date.v.str() : fmt::format("#{}", i + 1));
    k.put("forum", f.forum);
    k.put("type", f.type);
  }
}

void flatten_people(Obj& o, const char* group, const List<Attendee>& l) {
  for (const auto& a : l.v) {
    std::string who = a.name.set ? a.name.v : a.role.set ? a.role.v : "";
    Obj k = o.child(group, a.organisation.v + (who.empty() ? "" : ": " + who));
    k.put("name", a.name);
    k.put("role", a.role);
  }
}

void flatten_fields(Obj& o, const Meeting& e) {
  o.put("forum", e.forum);
  o.put("date", e.date);
  o.put("start", e.start);
  o.put("end", e.end);
  o.put("type", e.type);
  o.put("location", e.location);
  o.put("chair", e.chair);
  o.put("secretary", e.secretary);
  o.put("next_meeting", e.next_meeting);
  flatten_people(o, "attendee", e.attendees);
  flatten_people(o, "absent", e.absent);
  for (const auto& it : e.items.v) {
    Obj k = o.child("item", std::to_string(it.number));
    k.put("title", it.title);
    k.put("notes", it.notes);
    k.put("refs", it.refs);
    k.prose("decision", it.decisions);
  }
  for (size_t i = 0; i < e.actions.v.size(); ++i) {
    const Action& a = e.actions.v[i];
    Obj k = o.child("action", key_of(a.id, i));
    k.put("title", a.title);
    k.put("owner", a.owner);
    k.put("responsible", a.responsible);
    k.put("due", a.due);
    k.put("status", a.status);
    k.put("completed", a.completed);
    k.put("item", a.item);
  }
  if (e.minutes.set) {
    o.put("minutes.approved_by", e.minutes.v.approved_by);
    o.put("minutes.approved", e.minutes.v.approved);
  }
}

void flatten_fields(Obj& o, const Report& e) {
  o.put("collaboration", e.collaboration);
  o.put("period", e.period);
  o.put("author", e.author);
  o.put("submitted", e.submitted);
  o.put("recipient", e.recipient);
  o.put("summary", e.summary);
  o.prose("highlight", e.highlights);
  o.prose("challenge", e.challenges);
  o.prose("next_step", e.next_steps);
}

template <class T>
void flatten_as(Obj& o, const Entity& e) {
  flatten_fields(o, static_cast<const T&>(e));
}

}  // namespace

// Nested groups in the order the format lists them.
static int group_rank(const std::string& g) {
  static const char* const order[] = {"contact", "service",  "need",   "target_group", "member",    "goal",
                                      "measurement", "activity", "update", "follow_up",    "attendee",  "absent",
                                      "item",    "decision", "action", "highlight",    "challenge", "next_step"};
  for (size_t i = 0; i < std::size(order); ++i)
    if (g == order[i]) return static_cast<int>(i);
  return static_cast<int>(std::size(order));
}

bool ObjectPathLess::operator()(const ObjectPath& a, const ObjectPath& b) const {
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (a[i].first != b[i].first) {
      int ra = group_rank(a[i].first), rb = group_rank(b[i].first);
      return ra != rb ? ra < rb : a[i].first < b[i].first;
    }
    if (a[i].second != b[i].second) return key_less(a[i].second, b[i].second);
  }
  return a.size() < b.size();
}

Flat flatten(const Entity& e, const std::string& file) {
  Flat f;
  f.kind = e.kind;
  f.id = e.id.v;
  f.file = file;
  Obj o(f, {});
  switch (e.kind) {
    case Kind::organisation: flatten_as<Organisation>(o, e); break;
    case Kind::collaboration: flatten_as<Collaboration>(o, e); break;
    case Kind::forum: flatten_as<Forum>(o, e); break;
    case Kind::plan: flatten_as<Plan>(o, e); break;
    case Kind::meeting: flatten_as<Meeting>(o, e); break;
    case Kind::report: flatten_as<Report>(o, e); break;
  }
  o.extensions(e.extensions);
  return f;
}

std::map<std::string, Flat> flatten(const Repo& repo) {
  std::map<std::string, Flat> out;
  repo.for_each_entity([&](const Entity& e) {
    if (!e.id.set || e.id.v.empty() || out.count(e.id.v)) return;
    std::string file = e.file >= 0 && e.file < static_cast<int>(repo.files.size()) ? repo.files[e.file].path : "";
    out.emplace(e.id.v, flatten(e, file));
  });
  return out;
}

// ---------------------------------------------------------------------------
// Comparing.

const char* change_name(Change c) {
  switch (c) {
    case Change::added: return "added";
    case Change::removed: return "removed";
    case Change::changed: return "changed";
  }
  return "?";
}

namespace {

bool has_prefix(const ObjectPath& p, const ObjectPath& prefix) {
  return p.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), p.begin());
}

}  // namespace

std::optional<EntityDiff> diff_entity(const Flat* before, const Flat* after) {
  if (!before && !after) return std::nullopt;
  EntityDiff d;
  const Flat& any = after ? *after : *before;
  d.kind = any.kind;
  d.id = any.id;
  d.file = any.file;
  if (!before || !after) {
    d.change = before ? Change::removed : Change::added;
    return d;
  }
  if (before->kind != after->kind) {
    // The id now names another kind: to a reader, one went and another came.
    d.change = Change::changed;
    d.objects.push_back(ObjectChange{{}, Change::changed, {FieldChange{"kind", kind_name(before->kind), kind_name(after->kind)}}});
  }
  // Walk both sorted maps together; an object under an added or removed one
  // is not listed on its own.
  auto a = before->objects.begin(), b = after->objects.begin();
  ObjectPathLess less;
  std::optional<ObjectPath> skip;
  auto skipped = [&](const ObjectPath& p) { return skip && has_prefix(p, *skip); };
  while (a != before->objects.end() || b != after->objects.end()) {
    bool take_a = b == after->objects.end() || (a != before->objects.end() && less(a->first, b->first));
    bool take_b = a == before->objects.end() || (b != after->objects.end() && less(b->first, a->first));
    if (take_a || take_b) {
      const ObjectPath& p = take_a ? a->first : b->first;
      if (!skipped(p)) {
        d.objects.push_back(ObjectChange{p, take_a ? Change::removed : Change::added, {}});
        skip = p;
      }
      if (take_a) ++a; else ++b;
      continue;
    }
    ObjectChange oc{a->first, Change::changed, {}};
    auto fa = a->second.begin(), fb = b->second.begin();
    while (fa != a->second.end() || fb != b->second.end()) {
      if (fb == b->second.end() || (fa != a->second.end() && fa->first < fb->first)) {
        oc.fields.push_back(FieldChange{fa->first, fa->second, std::nullopt});
        ++fa;
      } else if (fa == a->second.end() || fb->first < fa->first) {
        oc.fields.push_back(FieldChange{fb->first, std::nullopt, fb->second});
        ++fb;
      } else {
        if (fa->second != fb->second) oc.fields.push_back(FieldChange{fa->first, fa->second, fb->second});
        ++fa, ++fb;
      }
    }
    if (!oc.fields.empty()) d.objects.push_back(std::move(oc));
    ++a, ++b;
  }
  if (d.objects.empty()) return std::nullopt;
  return d;
}

std::vector<EntityDiff> diff_flats(const std::map<std::string, Flat>& before, const std::map<std::string, Flat>& after) {
  std::vector<EntityDiff> out;
  auto add = [&](const Flat* x, const Flat* y) {
    if (auto d = diff_entity(x, y)) out.push_back(std::move(*d));
  };
  for (const auto& [id, f] : before) {
    auto it = after.find(id);
    add(&f, it == after.end() ? nullptr : &it->second);
  }
  for (const auto& [id, f] : after)
    if (!before.count(id)) add(nullptr, &f);
  std::sort(out.begin(), out.end(), [](const EntityDiff& x, const EntityDiff& y) {
    if (x.kind != y.kind) return x.kind < y.kind;
    return x.id < y.id;
  });
  return out;
}

std::vector<EntityDiff> diff_repos(const Repo& before, const Repo& after) {
  return diff_flats(flatten(before), flatten(after));
}

void keep_changed(std::vector<Finding>& findings, const Repo& now, const Repo& base) {
  std::set<std::string> ids;
  for (const auto& d : diff_repos(base, now)) ids.insert(d.id);
  std::map<std::string, const std::string*> before;
  for (const auto& f : base.files) before[f.path] = &f.content;
  std::vector<bool> file_changed(now.files.size());
  for (size_t i = 0; i < now.files.size(); ++i) {
    auto it = before.find(now.files[i].path);
    file_changed[i] = it == before.end() || *it->second != now.files[i].content;
  }
  std::erase_if(findings, [&](const Finding& f) {
    if (!f.entity.empty()) return !ids.count(f.entity);
    if (f.span.file < 0 || f.span.file >= static_cast<int>(file_changed.size())) return false;
    return !file_changed[f.span.file];
  });
}

bool in_groups(const ObjectPath& p, std::initializer_list<const char*> groups) {
  if (p.empty()) return false;
  for (const char* g : groups)
    if (p[0].first == g) return true;
  return false;
}

// ---------------------------------------------------------------------------
// Printing.

namespace {

const Tr* group_tr(const std::string& g) {
  static const std::pair<const char*, const Tr*> table[] = {
      {"absent", &msg::git_g_absent},         {"action", &msg::git_g_action},
      {"activity", &msg::git_g_activity},     {"attendee", &msg::git_g_attendee},
      {"challenge", &msg::git_g_challenge},   {"contact", &msg::git_g_contact},
      {"decision", &msg::git_g_decision},     {"follow_up", &msg::git_g_follow_up},
      {"goal", &msg::git_g_goal},             {"highlight", &msg::git_g_highlight},
      {"item", &msg::git_g_item},             {"measurement", &msg::git_g_measurement},
      {"member", &msg::git_g_member},         {"need", &msg::git_g_need},
      {"next_step", &msg::git_g_next_step},   {"service", &msg::git_g_service},
      {"target_group", &msg::git_g_target_group}, {"update", &msg::git_g_update},
  };
  for (const auto& [name, t] : table)
    if (g == name) return t;
  return nullptr;
}

// Values on one line: line breaks of block text become spaces.
std::string one_line(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string shown(const std::optional<std::string>& v) { return v ? one_line(*v) : "–"; }

}  // namespace

std::string object_label(const ObjectPath& p, Lang lang) {
  std::string out;
  for (const auto& [group, key] : p) {
    if (!out.empty()) out += " › ";
    const Tr* t = group_tr(group);
    bool prose = group == "decision" || group == "need" || group == "highlight" || group == "challenge" ||
                 group == "next_step" || group == "service";
    std::string k = prose ? "«" + one_line(key) + "»" : group == "item" ? "§" + key : key;
    out += t ? tr(lang, *t, k) : group + " " + k;
  }
  return out;
}

const char* kind_label(Kind k, Lang lang) { return kind_word(k).get(lang); }

std::string change_line(const ObjectChange& o, const FieldChange* f, Lang lang) {
  std::string who = object_label(o.path, lang);
  if (o.change == Change::added) return tr(lang, msg::git_object_added, who);
  if (o.change == Change::removed) return tr(lang, msg::git_object_removed, who);
  std::string what = fmt::format("{}: {} → {}", f->field, shown(f->old_value), shown(f->new_value));
  return who.empty() ? what : who + ": " + what;
}

namespace {

// Calls f(object change, field or nullptr) for every line of an entity's diff.
template <class F>
void each_line(const EntityDiff& e, F&& f) {
  for (const auto& o : e.objects) {
    if (o.change != Change::changed) {
      f(o, nullptr);
      continue;
    }
    for (const auto& fc : o.fields) f(o, &fc);
  }
}

std::string summary_counts(const std::vector<EntityDiff>& d, Lang lang) {
  size_t n[3] = {0, 0, 0};
  for (const auto& e : d) ++n[static_cast<int>(e.change)];
  return tr(lang, msg::git_diff_summary, n[0], n[1], n[2]);
}

const Tr& entity_change_tr(Change c) {
  return c == Change::added ? msg::git_entity_added : c == Change::removed ? msg::git_entity_removed : msg::git_entity_changed;
}

std::string md_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\`*_[]<>|#").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

// The compared side as text: a revision, or the work tree.
static std::string side_label(const std::string& rev, Lang lang, bool code) {
  if (rev.empty()) return msg::git_worktree.get(lang);
  return code ? "`" + rev + "`" : rev;
}

std::string format_diff_text(const std::vector<EntityDiff>& d, const DiffOutput& o) {
  std::string out = tr(o.lang, msg::git_diff_header, o.from, side_label(o.to, o.lang, false)) + "\n";
  if (d.empty()) return out + msg::git_diff_none.get(o.lang) + std::string("\n");
  for (const auto& e : d) {
    char mark = e.change == Change::added ? '+' : e.change == Change::removed ? '-' : '~';
    out += fmt::format("\n{} {} ({})\n", mark, tr(o.lang, entity_change_tr(e.change), kind_label(e.kind, o.lang), e.id), e.file);
    each_line(e, [&](const ObjectChange& oc, const FieldChange* f) {
      char m = oc.change == Change::added ? '+' : oc.change == Change::removed ? '-' : '~';
      out += fmt::format("    {} {}\n", m, change_line(oc, f, o.lang));
    });
  }
  return out + "\n" + summary_counts(d, o.lang) + "\n";
}

std::string format_diff_md(const std::vector<EntityDiff>& d, const DiffOutput& o) {
  std::string out =
      "### " + tr(o.lang, msg::git_diff_header, side_label(o.from, o.lang, true), side_label(o.to, o.lang, true)) + "\n\n";
  if (d.empty()) return out + msg::git_diff_none.get(o.lang) + std::string("\n");
  for (const auto& e : d) {
    std::string title = tr(o.lang, entity_change_tr(e.change), kind_label(e.kind, o.lang), "`" + e.id + "`");
    out += fmt::format("- **{}** — `{}`\n", title, e.file);
    each_line(e, [&](const ObjectChange& oc, const FieldChange* f) {
      std::string who = object_label(oc.path, o.lang);
      std::string line;
      if (!f) {
        line = md_escape(change_line(oc, f, o.lang));
      } else {
        line = fmt::format("`{}`: {} → {}", f->field, md_escape(shown(f->old_value)), md_escape(shown(f->new_value)));
        if (!who.empty()) line = md_escape(who) + ": " + line;
      }
      out += "  - " + line + "\n";
    });
  }
  return out + "\n" + summary_counts(d, o.lang) + "\n";
}

nlohmann::ordered_json changes_json(const EntityDiff& e) {
  using json = nlohmann::ordered_json;
  json changes = json::array();
  for (const auto& oc : e.objects) {
    json path = json::array();
    for (const auto& [g, k] : oc.path) path.push_back({{"type", g}, {"key", k}});
    json c = {{"object", path}, {"change", change_name(oc.change)}};
    if (oc.change == Change::changed) {
      json fields = json::array();
      for (const auto& f : oc.fields)
        fields.push_back({{"field", f.field},
                          {"old", f.old_value ? json(*f.old_value) : json(nullptr)},
                          {"new", f.new_value ? json(*f.new_value) : json(nullptr)}});
      c["fields"] = std::move(fields);
    }
    changes.push_back(std::move(c));
  }
  return changes;
}

std::string format_diff_json(const std::vector<EntityDiff>& d, const DiffOutput& o) {
  using json = nlohmann::ordered_json;
  json entities = json::array();
  size_t n[3] = {0, 0, 0};
  for (const auto& e : d) {
    ++n[static_cast<int>(e.change)];
    entities.push_back({{"kind", kind_name(e.kind)},
                        {"id", e.id},
                        {"file", e.file},
                        {"change", change_name(e.change)},
                        {"changes", changes_json(e)}});
  }
  json root = {{"from", o.from},
               {"to", o.to.empty() ? json(nullptr) : json(o.to)},  // null: the work tree
               {"entities", std::move(entities)},
               {"summary", {{"added", n[0]}, {"removed", n[1]}, {"changed", n[2]}}}};
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace sv
