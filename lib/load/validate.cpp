#include "load/validate.h"

#include <algorithm>
#include <set>
#include <thread>
#include <tuple>

#include "core/parallel.h"
#include "core/text.h"
#include "core/msg/core.h"
#include "core/codes.h"

namespace sv {
namespace {

std::string kinds_words(uint8_t kinds) {
  std::vector<std::string> names;
  for (Kind k : kAllKinds)
    if (kinds & kind_bit(k)) names.emplace_back(kind_name(k));
  return join(names, " / ");
}

void index_ids(Repo& repo, std::vector<Finding>& findings) {
  struct Decl {
    const Entity* e;
    EntityRef ref;
  };
  std::vector<Decl> decls;
  auto add = [&](const auto& vec, Kind k) {
    for (size_t i = 0; i < vec.size(); ++i)
      if (vec[i].id.set && !vec[i].id.v.empty()) decls.push_back(Decl{&vec[i], EntityRef{k, i}});
  };
  repo.for_each_list([&](const auto& vec) { add(vec, KindOf<typename std::decay_t<decltype(vec)>::value_type>::kind); });
  // The first declaration in file order keeps the id.
  std::stable_sort(decls.begin(), decls.end(), [&](const Decl& a, const Decl& b) {
    return std::make_tuple(a.e->file, a.e->id.span.line, a.e->id.span.col) <
           std::make_tuple(b.e->file, b.e->id.span.line, b.e->id.span.col);
  });
  repo.ids.reserve(decls.size());
  for (const auto& d : decls) {
    auto [it, fresh] = repo.ids.emplace(d.e->id.v, d.ref);
    if (fresh) continue;
    Finding f = make_finding(code::id_duplicate, msg_of(msg::id_duplicate, d.e->id.v), d.e->id.span, d.e->id.v);
    f.notes.push_back(Note{msg_of(msg::note_first_here), repo.entity(it->second).id.span});
    findings.push_back(std::move(f));
  }
}

void index_nested_ids(Repo& repo) {
  size_t n = 0;
  for (const auto& c : repo.collaborations) n += c.target_groups.v.size();
  for (const auto& p : repo.plans) n += p.goals.v.size() + p.activities.v.size();
  for (const auto& m : repo.meetings) n += m.actions.v.size();
  repo.nested_ids.reserve(n);
  std::string key;
  auto nest = [&](const std::string& parent, const Text& local, Nested kind) {
    if (!local.set) return;
    key.assign(parent).append(1, '#').append(local.v);
    repo.nested_ids.emplace(key, kind);
  };
  for (const auto& c : repo.collaborations)
    for (const auto& t : c.target_groups.v) nest(c.id.v, t.id, Nested::target_group);
  for (const auto& p : repo.plans) {
    for (const auto& g : p.goals.v) nest(p.id.v, g.id, Nested::goal);
    for (const auto& a : p.activities.v) nest(p.id.v, a.id, Nested::activity);
  }
  for (const auto& m : repo.meetings)
    for (const auto& a : m.actions.v) nest(m.id.v, a.id, Nested::action);
}

std::optional<Message> suggest(const Repo& repo, const std::string& word, uint8_t kinds) {
  std::vector<std::string> cands;
  for (const auto& [id, ref] : repo.ids)
    if (kinds & kind_bit(ref.kind)) cands.push_back(id);
  std::sort(cands.begin(), cands.end());
  if (auto s = did_you_mean(word, cands)) return msg_of(msg::help_did_you_mean, *s);
  return std::nullopt;
}

std::optional<Message> suggest_nested(const Repo& repo, const std::string& parent, const std::string& local) {
  std::vector<std::string> cands;
  std::string prefix = parent + "#";
  for (const auto& [id, kind] : repo.nested_ids)
    if (id.compare(0, prefix.size(), prefix) == 0) cands.push_back(id.substr(prefix.size()));
  std::sort(cands.begin(), cands.end());
  if (auto s = did_you_mean(local, cands)) return msg_of(msg::help_did_you_mean, *s);
  return std::nullopt;
}

void check_ref(const Repo& repo, const RefUse& r, std::vector<Finding>& out) {
  const std::string& v = r.target.v;
  auto hash = v.find('#');
  if (hash == std::string::npos && r.nested != Nested::none && r.nested != Nested::any) {
    // A bare local id within `scope` (e.g. a target group of the plan's collaboration).
    if (r.scope.empty() || !repo.find(r.scope)) return;  // the scope's own reference is reported
    if (repo.nested_ids.count(r.scope + "#" + v)) return;
    const Entity& scope = *repo.find(r.scope);
    Finding f = make_finding(code::reference_unknown, msg_of(msg::reference_unknown_nested, v, kind_name(scope.kind), r.scope),
                     r.target.span, r.entity);
    f.help = suggest_nested(repo, r.scope, v);
    out.push_back(std::move(f));
    return;
  }
  std::string head = hash == std::string::npos ? v : v.substr(0, hash);
  auto it = repo.ids.find(head);
  if (it == repo.ids.end()) {
    Finding f = r.kinds == 0xff
                    ? make_finding(code::reference_unknown, msg_of(msg::reference_unknown, head), r.target.span, r.entity)
                    : make_finding(code::reference_unknown, msg_of(msg::reference_unknown_kind, head, kinds_words(r.kinds)),
                           r.target.span, r.entity);
    f.help = suggest(repo, head, r.kinds);
    out.push_back(std::move(f));
    return;
  }
  Kind k = it->second.kind;
  if (!(r.kinds & kind_bit(k))) {
    Finding f = make_finding(code::reference_wrong_kind, msg_of(msg::reference_wrong_kind, head, kind_name(k), kinds_words(r.kinds)),
                     r.target.span, r.entity);
    f.help = suggest(repo, head, r.kinds);
    f.notes.push_back(Note{msg_of(msg::note_defined_here), repo.entity(it->second).id.span});
    out.push_back(std::move(f));
    return;
  }
  if (hash == std::string::npos) return;
  std::string local = v.substr(hash + 1);
  auto nit = repo.nested_ids.find(v);
  bool ok = nit != repo.nested_ids.end() &&
            (r.nested == Nested::any || r.nested == Nested::none || nit->second == r.nested);
  if (ok) return;
  Finding f = make_finding(code::reference_unknown, msg_of(msg::reference_unknown_nested, local, kind_name(k), head),
                   r.target.span, r.entity);
  f.help = suggest_nested(repo, head, local);
  out.push_back(std::move(f));
}

// Reports each loop of `parent` links once, at its member with the smallest id.
template <class T>
void check_cycles(const Repo& repo, const std::vector<T>& items, std::vector<Finding>& out) {
  for (const auto& e : items) {
    if (!e.parent.set) continue;
    std::vector<std::string> chain{e.id.v};
    std::set<std::string> seen{e.id.v};
    const T* cur = &e;
    bool cycle = false;
    while (cur->parent.set) {
      const T* next = repo.template find_as<T>(cur->parent.v);
      if (!next) break;
      chain.push_back(next->id.v);
      if (next->id.v == e.id.v) {
        cycle = true;
        break;
      }
      if (!seen.insert(next->id.v).second) break;  // a loop not through e
      cur = next;
    }
    if (!cycle) continue;
    if (*std::min_element(chain.begin(), chain.end()) != e.id.v) continue;
    out.push_back(make_finding(code::parent_cycle, msg_of(msg::parent_cycle, join(chain, " → ")), e.parent.span, e.id.v));
  }
}

}  // namespace

const Entity* resolve(const Repo& repo, const std::string& ref) {
  auto hash = ref.find('#');
  return repo.find(hash == std::string::npos ? ref : ref.substr(0, hash));
}

void index_and_validate(Repo& repo, std::vector<Finding>& findings, unsigned threads) {
  // The two indexes are independent: built side by side.
  Background nested([&repo] { index_nested_ids(repo); });
  index_ids(repo, findings);
  nested.wait();
  const auto& refs = repo.refs;
  // References on every core, each thread a run of files with about its
  // share of them; the runs' findings are joined in file order, so the
  // result is the same as one after the other.
  size_t total = 0;
  for (const auto& f : refs) total += f.size();
  const size_t n = total < 4096 ? 1 : threads_for(total, threads);
  std::vector<size_t> cut{0};
  for (size_t i = 0, seen = 0; i < refs.size(); ++i) {
    seen += refs[i].size();
    if (seen * n >= total * cut.size() && cut.size() < n) cut.push_back(i + 1);
  }
  cut.push_back(refs.size());
  std::vector<std::vector<Finding>> found(cut.size() - 1);
  auto run = [&](size_t part) {
    for (size_t i = cut[part]; i < cut[part + 1]; ++i)
      for (const RefUse& r : refs[i]) check_ref(repo, r, found[part]);
  };
  parallel_for(found.size(), static_cast<unsigned>(found.size()), run);
  for (auto& f : found) findings.insert(findings.end(), std::make_move_iterator(f.begin()), std::make_move_iterator(f.end()));
  check_cycles(repo, repo.organisations, findings);
  check_cycles(repo, repo.collaborations, findings);
}

}  // namespace sv
