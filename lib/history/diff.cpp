#include "history/diff.h"

#include <algorithm>

#include "history/diff_json.h"

#include "core/fields.h"
#include "core/text.h"
#include "core/msg/git.h"

namespace sv {

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

// The unit of the goal an object belongs to (the object itself or one above
// it), as written; "" for none.
std::string goal_unit(const Flat& flat, const ObjectPath& path) {
  for (size_t depth = path.size(); depth > 0; --depth) {
    if (path[depth - 1].first != kUnitGroup) continue;
    auto goal = flat.objects.find(ObjectPath(path.begin(), path.begin() + static_cast<std::ptrdiff_t>(depth)));
    if (goal == flat.objects.end()) return "";
    auto unit = goal->second.find(std::string(kUnitField));
    return unit == goal->second.end() ? "" : unit->second;
  }
  return "";
}

// An object added or removed, with its own fields as they are or were.
ObjectChange whole_object(const ObjectPath& path, const std::map<std::string, std::string>& fields, bool added) {
  ObjectChange change{path, added ? Change::added : Change::removed, {}, {}, {}};
  for (const auto& [name, value] : fields)
    change.fields.push_back(added ? FieldChange{name, std::nullopt, value} : FieldChange{name, value, std::nullopt});
  return change;
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
    d.objects.push_back(
        ObjectChange{{}, Change::changed, {FieldChange{"kind", kind_name(before->kind), kind_name(after->kind)}}, {}, {}});
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
        d.objects.push_back(whole_object(p, take_a ? a->second : b->second, take_b));
        if (in_groups(p, {"goal"})) {
          if (take_a) d.objects.back().unit_before = goal_unit(*before, p);
          else d.objects.back().unit_after = goal_unit(*after, p);
        }
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
    if (!oc.fields.empty()) {
      if (in_groups(oc.path, {"goal"})) {
        oc.unit_before = goal_unit(*before, oc.path);
        oc.unit_after = goal_unit(*after, oc.path);
      }
      d.objects.push_back(std::move(oc));
    }
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

}  // namespace

std::string object_label(const ObjectPath& p, Lang lang) {
  std::string out;
  for (const auto& [group, key] : p) {
    if (!out.empty()) out += " › ";
    const Tr* t = group_tr(group);
    std::string k = is_prose_group(group) ? "«" + one_line(key) + "»" : group == "item" ? "§" + key : key;
    out += t ? tr(lang, *t, k) : group + " " + k;
  }
  return out;
}

const char* kind_label(Kind k, Lang lang) { return kind_word(k).get(lang); }

namespace {

// Where a field of the object is, for core/fields.h: the kind for the
// entity's own fields, else the object's group.
std::string_view owner_of(Kind k, const ObjectPath& path) {
  if (path.empty()) return kind_name(k);
  return path.back().first;  // not through ?:, which would make a temporary std::string
}

// The fields said with an object added or removed: "värde 44 %".
std::string summary_of(Kind k, const ObjectChange& o, Lang lang) {
  std::string out;
  std::string_view owner = owner_of(k, o.path);
  for (const auto& f : o.fields) {
    if (!field_in_summary(owner, f.field)) continue;
    const auto& value = o.change == Change::added ? f.new_value : f.old_value;
    const std::string& unit = o.change == Change::added ? o.unit_after : o.unit_before;
    if (!out.empty()) out += ", ";
    out += field_label(owner, f.field, lang) + " " + one_line(field_value(owner, f.field, value, unit, lang));
  }
  return out;
}

}  // namespace

std::string change_line(Kind k, const ObjectChange& o, const FieldChange* f, Lang lang) {
  std::string who = object_label(o.path, lang);
  if (o.change != Change::changed) {
    std::string summary = summary_of(k, o, lang);
    bool added = o.change == Change::added;
    if (summary.empty()) return tr(lang, added ? msg::git_object_added : msg::git_object_removed, who);
    return tr(lang, added ? msg::git_object_added_with : msg::git_object_removed_with, who, summary);
  }
  std::string_view owner = owner_of(k, o.path);
  std::string what = fmt::format("{}: {} → {}", field_label(owner, f->field, lang),
                                 one_line(field_value(owner, f->field, f->old_value, o.unit_before, lang)),
                                 one_line(field_value(owner, f->field, f->new_value, o.unit_after, lang)));
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
      out += fmt::format("    {} {}\n", m, change_line(e.kind, oc, f, o.lang));
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
      out += "  - " + md_escape(change_line(e.kind, oc, f, o.lang)) + "\n";
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
