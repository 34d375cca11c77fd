#include "load/validate.h"

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <tuple>

#include "core/parallel.h"
#include "core/text.h"
#include "core/msg/core.h"
#include "core/codes.h"

namespace sv {
namespace {

// "samarbete eller forum": the words of the kinds, translated when printed.
Arg kinds_words(uint8_t kinds) {
  std::optional<Arg> words;
  for (Kind k : kAllKinds)
    if (kinds & kind_bit(k)) words = words ? to_arg(msg_of(msg::w_either, *words, kind_word(k))) : to_arg(kind_word(k));
  return words.value_or(to_arg(msg::w_any_entity));
}

}  // namespace

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
  repo.ids.clear();
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
  repo.nested_ids.clear();
  size_t n = 0;
  for (const auto& c : repo.collaborations) n += c.target_groups.v.size();
  for (const auto& p : repo.plans) n += p.goals.v.size() + p.activities.v.size();
  for (const auto& m : repo.meetings) n += m.actions.v.size();
  repo.nested_ids.reserve(n);
  std::string key;
  repo.for_each_entity([&](const Entity& e) {
    for_each_nested_id(e, [&](const Text& local, Nested kind) {
      if (!local.set) return;
      key.assign(e.id.v).append(1, '#').append(local.v);
      repo.nested_ids.emplace(key, kind);
    });
  });
}

// Did-you-mean for the references that name nothing, from indexes made once
// and on first need: one Suggester per set of kinds a reference accepts, one
// per parent for its nested ids. Each answers as did_you_mean over the same
// candidates, but costs what the nearby candidates cost rather than a scan of
// every id per unknown reference. Shared by the threads checking references.
class Suggestions {
 public:
  explicit Suggestions(const Repo& repo) : repo_(repo) {}

  std::optional<Message> of(const std::string& word, uint8_t kinds) {
    return help(for_kinds(kinds).suggest(word));
  }
  std::optional<Message> nested(const std::string& parent, const std::string& local) {
    return help(for_parent(parent).suggest(local));
  }

 private:
  static std::optional<Message> help(std::optional<std::string> suggestion) {
    if (!suggestion) return std::nullopt;
    return msg_of(msg::help_did_you_mean, *suggestion);
  }
  const Suggester& for_kinds(uint8_t kinds) {
    std::call_once(kinds_once_[kinds], [&] {
      std::vector<std::string> candidates;
      for (const auto& [id, ref] : repo_.ids)
        if (kinds & kind_bit(ref.kind)) candidates.push_back(id);
      by_kinds_[kinds].emplace(std::move(candidates));
    });
    return *by_kinds_[kinds];
  }
  // The nested ids "parent#local", sorted once, so that each parent's are
  // one run of them.
  const Suggester& for_parent(const std::string& parent) {
    std::call_once(keys_once_, [&] {
      for (const auto& [key, kind] : repo_.nested_ids) keys_.push_back(key);
      std::sort(keys_.begin(), keys_.end());
    });
    std::lock_guard<std::mutex> lock(mutex_);
    auto [it, fresh] = by_parent_.try_emplace(parent);
    if (fresh) {
      const std::string prefix = parent + "#";
      std::vector<std::string> candidates;
      for (auto key = std::lower_bound(keys_.begin(), keys_.end(), prefix);
           key != keys_.end() && key->compare(0, prefix.size(), prefix) == 0; ++key)
        candidates.push_back(key->substr(prefix.size()));
      it->second = std::make_unique<Suggester>(std::move(candidates));
    }
    return *it->second;
  }

  const Repo& repo_;
  std::array<std::once_flag, 256> kinds_once_;
  std::array<std::optional<Suggester>, 256> by_kinds_;
  std::once_flag keys_once_;
  std::vector<std::string> keys_;
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<Suggester>> by_parent_;
};

namespace {

void check_ref(const Repo& repo, Suggestions& suggest, const RefUse& r, std::vector<Finding>& out) {
  const std::string& v = r.target.v;
  auto hash = v.find('#');
  if (hash == std::string::npos && r.nested != Nested::none && r.nested != Nested::any) {
    // A bare local id within `scope` (e.g. a target group of the plan's collaboration).
    if (r.scope.empty() || !repo.find(r.scope)) return;  // the scope's own reference is reported
    if (repo.nested_ids.count(r.scope + "#" + v)) return;
    const Entity& scope = *repo.find(r.scope);
    Finding f = make_finding(code::reference_unknown, msg_of(msg::reference_unknown_nested, v, kind_word(scope.kind), r.scope),
                     r.target.span, r.entity);
    f.help = suggest.nested(r.scope, v);
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
    f.help = suggest.of(head, r.kinds);
    out.push_back(std::move(f));
    return;
  }
  Kind k = it->second.kind;
  if (!(r.kinds & kind_bit(k))) {
    Finding f = make_finding(code::reference_wrong_kind, msg_of(msg::reference_wrong_kind, head, kind_word(k), kinds_words(r.kinds)),
                     r.target.span, r.entity);
    f.help = suggest.of(head, r.kinds);
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
  Finding f = make_finding(code::reference_unknown, msg_of(msg::reference_unknown_nested, local, kind_word(k), head),
                   r.target.span, r.entity);
  f.help = suggest.nested(head, local);
  out.push_back(std::move(f));
}

// Reports each loop of `parent` links once, at its member with the smallest
// id, in the order of those members. Each entity is walked past once: a walk
// stops at an entity an earlier walk went through (whatever loop lies beyond
// it was found then), and finds a loop when it comes back to its own path.
// A later declaration of a duplicate id is no part of the chains: references
// to the id name the first one.
template <class T>
void check_cycles(const Repo& repo, const std::vector<T>& items, std::vector<Finding>& out) {
  enum class Mark : unsigned char { unseen, on_path, done };
  std::vector<Mark> mark(items.size(), Mark::unseen);
  constexpr Kind kind = KindOf<T>::kind;
  // Where in `items` the entity with this id is; items.size() when none is.
  auto index_of = [&](const std::string& id) {
    auto it = repo.ids.find(id);
    return it != repo.ids.end() && it->second.kind == kind ? it->second.index : items.size();
  };
  std::vector<std::pair<size_t, Finding>> loops;  // (where its smallest member is, the finding)
  std::vector<size_t> path;
  for (size_t start = 0; start < items.size(); ++start) {
    if (mark[start] != Mark::unseen || index_of(items[start].id.v) != start) continue;
    path.clear();
    size_t at = start;
    while (at < items.size() && mark[at] == Mark::unseen) {
      mark[at] = Mark::on_path;
      path.push_back(at);
      at = items[at].parent.set ? index_of(items[at].parent.v) : items.size();
    }
    if (at < items.size() && mark[at] == Mark::on_path) {
      auto loop_start = std::find(path.begin(), path.end(), at);
      auto smallest = std::min_element(loop_start, path.end(),
                                       [&](size_t x, size_t y) { return items[x].id.v < items[y].id.v; });
      // The chain from the smallest member round to it again.
      std::vector<std::string> chain;
      for (auto it = smallest; it != path.end(); ++it) chain.push_back(items[*it].id.v);
      for (auto it = loop_start; it != smallest; ++it) chain.push_back(items[*it].id.v);
      chain.push_back(items[*smallest].id.v);
      const T& first = items[*smallest];
      loops.emplace_back(*smallest, make_finding(code::parent_cycle, msg_of(msg::parent_cycle, join(chain, " → ")),
                                                 first.parent.span, first.id.v));
    }
    for (size_t member : path) mark[member] = Mark::done;
  }
  std::sort(loops.begin(), loops.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  for (auto& loop : loops) out.push_back(std::move(loop.second));
}

}  // namespace

const Entity* resolve(const Repo& repo, const std::string& ref) {
  auto hash = ref.find('#');
  return repo.find(hash == std::string::npos ? ref : ref.substr(0, hash));
}

ReferenceChecker::ReferenceChecker(const Repo& repo) : repo_(repo), suggest_(std::make_unique<Suggestions>(repo)) {}
ReferenceChecker::~ReferenceChecker() = default;

void ReferenceChecker::check(const std::vector<RefUse>& refs, std::vector<Finding>& out) {
  for (const RefUse& r : refs) check_ref(repo_, *suggest_, r, out);
}

void check_parent_cycles(const Repo& repo, std::vector<Finding>& findings) {
  check_cycles(repo, repo.organisations, findings);
  check_cycles(repo, repo.collaborations, findings);
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
  ReferenceChecker checker(repo);
  auto run = [&](size_t part) {
    for (size_t i = cut[part]; i < cut[part + 1]; ++i) checker.check(refs[i], found[part]);
  };
  parallel_for(found.size(), static_cast<unsigned>(found.size()), run);
  for (auto& f : found) findings.insert(findings.end(), std::make_move_iterator(f.begin()), std::make_move_iterator(f.end()));
  check_parent_cycles(repo, findings);
}

}  // namespace sv
