#include "lsp/navigate.h"

#include <algorithm>
#include <tuple>

#include "core/text.h"

namespace sv::lsp {

namespace {

size_t cps(const std::string& s) { return utf8_length(s); }

bool contains(const Span& s, int file, int line, int col) {
  return s.file == file && s.line == line && col >= s.col && col <= s.col + std::max(s.len, 1);
}

// The word of a nested kind, as Named::nested says it.
const char* nested_name(Nested n) {
  switch (n) {
    case Nested::goal: return "goal";
    case Nested::activity: return "activity";
    case Nested::action: return "action";
    case Nested::target_group: return "target_group";
    default: return "";
  }
}

template <class F>
void for_each_nested(const Entity& e, F&& f) {
  for_each_nested_id(e, [&](const Text& id, Nested n) { f(id, nested_name(n)); });
}

// Calls f(Occurrence) for every declaration.
template <class F>
void for_each_declaration(const Repo& repo, F&& f) {
  repo.for_each_entity([&](const Entity& e) {
    if (!e.id.set || e.id.v.empty()) return;
    f(Occurrence{e.file, e.id.span, e.id.v, true, 0, cps(e.id.v), 0});
    for_each_nested(e, [&](const Text& id, const char*) {
      if (id.set && !id.v.empty()) f(Occurrence{e.file, id.span, e.id.v + "#" + id.v, true, 0, cps(id.v), 0});
    });
  });
}

// The occurrence a reference is: what it names, and where in its text.
Occurrence of_ref(int file, const RefUse& r) {
  const std::string& v = r.target.v;
  auto hash = v.find('#');
  Occurrence o{file, r.target.span, v, false, 0, cps(v), r.kinds};
  if (hash == std::string::npos && r.nested != Nested::none && r.nested != Nested::any && !r.scope.empty()) {
    o.key = r.scope + "#" + v;  // a bare local id: in its scope
    o.kinds = 0;
  } else if (hash != std::string::npos) {
    o.from = cps(v.substr(0, hash + 1));
    o.length = cps(v.substr(hash + 1));
    o.kinds = 0;
  }
  return o;
}

// Calls f(Occurrence) for every reference; an activity's goals are bare ids
// of its plan's goals.
template <class F>
void for_each_reference(const Repo& repo, F&& f) {
  for (size_t file = 0; file < repo.refs.size(); ++file)
    for (const RefUse& r : repo.refs[file]) f(of_ref(static_cast<int>(file), r));
  for (const Plan& p : repo.plans) {
    if (!p.id.set) continue;
    for (const auto& a : p.activities.v)
      for (const auto& g : a.goals.v)
        if (g.set) f(Occurrence{p.file, g.span, p.id.v + "#" + g.v, false, 0, cps(g.v), 0});
  }
}

void sort_places(std::vector<Occurrence>& v) {
  std::sort(v.begin(), v.end(), [](const Occurrence& a, const Occurrence& b) {
    return std::tie(a.file, a.span.line, a.span.col, a.from) < std::tie(b.file, b.span.line, b.span.col, b.from);
  });
}

}  // namespace

std::optional<Occurrence> occurrence_at(const Repo& repo, int file, int line, int col) {
  if (file < 0 || static_cast<size_t>(file) >= repo.refs.size()) return std::nullopt;
  for (const RefUse& r : repo.refs[file]) {
    if (!contains(r.target.span, file, line, col)) continue;
    Occurrence o = of_ref(file, r);
    // On the `id` of "id#local": the entity.
    auto hash = r.target.v.find('#');
    if (hash != std::string::npos && col < r.target.span.col + static_cast<int>(o.from)) {
      o.key = r.target.v.substr(0, hash);
      o.from = 0;
      o.length = cps(o.key);
      o.kinds = r.kinds;
    }
    return o;
  }
  std::optional<Occurrence> found;
  auto consider = [&](const Occurrence& o) {
    if (!found && contains(o.span, file, line, col)) found = o;
  };
  for (const Plan& p : repo.plans)
    if (p.file == file && p.id.set)
      for (const auto& a : p.activities.v)
        for (const auto& g : a.goals.v)
          if (g.set) consider(Occurrence{p.file, g.span, p.id.v + "#" + g.v, false, 0, cps(g.v), 0});
  repo.for_each_entity([&](const Entity& e) {
    if (e.file != file || !e.id.set || e.id.v.empty()) return;
    consider(Occurrence{e.file, e.id.span, e.id.v, true, 0, cps(e.id.v), 0});
    for_each_nested(e, [&](const Text& id, const char*) {
      if (id.set && !id.v.empty()) consider(Occurrence{e.file, id.span, e.id.v + "#" + id.v, true, 0, cps(id.v), 0});
    });
  });
  return found;
}

std::optional<Occurrence> declaration_of(const Repo& repo, const std::string& key) {
  Named n = named(repo, key);
  if (!n.entity) return std::nullopt;
  if (n.nested.empty())
    return Occurrence{n.entity->file, n.entity->id.span, key, true, 0, cps(n.entity->id.v), 0};
  std::optional<Occurrence> out;
  const std::string local = key.substr(key.find('#') + 1);
  for_each_nested(*n.entity, [&](const Text& id, const char*) {
    if (!out && id.set && id.v == local) out = Occurrence{n.entity->file, id.span, key, true, 0, cps(id.v), 0};
  });
  return out;
}

std::vector<Occurrence> occurrences_of(const Repo& repo, const std::string& key, bool with_declaration) {
  std::vector<Occurrence> out;
  const bool entity = key.find('#') == std::string::npos;
  for_each_reference(repo, [&](Occurrence o) {
    if (o.key == key) {
      out.push_back(std::move(o));
      return;
    }
    // "id#local" names the entity `id` in its first part.
    if (entity && o.from > 0 && o.key.size() > key.size() && o.key.compare(0, key.size(), key) == 0 &&
        o.key[key.size()] == '#' && o.span.valid()) {
      // Only a reference written "id#local" (not a bare local id) has `id` in its text.
      o.length = cps(key);
      o.from = 0;
      o.key = key;
      out.push_back(std::move(o));
    }
  });
  sort_places(out);
  if (with_declaration)
    if (auto d = declaration_of(repo, key)) out.insert(out.begin(), *d);
  return out;
}

Named named(const Repo& repo, const std::string& key) {
  Named n;
  auto hash = key.find('#');
  n.entity = repo.find(hash == std::string::npos ? key : key.substr(0, hash));
  if (!n.entity || hash == std::string::npos) return n;
  const std::string local = key.substr(hash + 1);
  bool hit = false;
  size_t seen_goal = 0, seen_activity = 0, seen_group = 0, seen_action = 0;
  for_each_nested(*n.entity, [&](const Text& id, const char* what) {
    std::string w = what;
    size_t& counter = w == "goal" ? seen_goal : w == "activity" ? seen_activity : w == "action" ? seen_action : seen_group;
    if (!hit && id.set && id.v == local) {
      hit = true;
      n.nested = w;
      n.index = counter;
    }
    ++counter;
  });
  if (!hit) n.entity = nullptr;
  return n;
}

}  // namespace sv::lsp
