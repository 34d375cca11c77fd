#include "load/live.h"

#include <algorithm>
#include <exception>

#include "core/codes.h"
#include "core/msg/core.h"
#include "core/parallel.h"
#include "load/load.h"
#include "load/validate.h"

namespace sv {

namespace {

size_t file_slot(const Span& s, size_t files) {
  return s.file >= 0 && static_cast<size_t>(s.file) < files ? static_cast<size_t>(s.file) : 0;
}

// The part of a reference before '#': what named_by_ keys on.
std::string head_of(const std::string& ref) { return ref.substr(0, ref.find('#')); }

}  // namespace

LiveRepo::LiveRepo(std::shared_ptr<const Source> src, LoadOptions opt) : src_(std::move(src)), opt_(std::move(opt)) {
  reload();
}

void LiveRepo::reload() {
  loaded_ = load_files(*src_, opt_);
  Repo& repo = loaded_.repo;
  const size_t n = repo.files.size();
  load_.assign(n, {});
  for (auto& f : loaded_.findings) load_[file_slot(f.span, n)].push_back(std::move(f));
  loaded_.findings.clear();
  counts_.assign(n, Counts{});
  repo.for_each_list([&](const auto& list) {
    using T = typename std::decay_t<decltype(list)>::value_type;
    const size_t k = static_cast<size_t>(KindOf<T>::kind);
    for (const auto& e : list) ++counts_[file_slot(Span{e.file, 1, 1, 0}, n)][k];
  });
  named_by_.clear();
  for (size_t f = 0; f < n; ++f) note_refs(static_cast<int>(f), true);
  index_all();
}

void LiveRepo::index_all() {
  Repo& repo = loaded_.repo;
  const size_t n = repo.files.size();
  std::unordered_set<int> touched;
  rebuild_globals(touched);
  index_nested_ids(repo);
  references_.assign(n, {});
  ReferenceChecker checker(repo);
  parallel_for(n, threads_for(n, opt_.threads, 256), [&](size_t f) { checker.check(repo.refs[f], references_[f]); });
  per_file_.assign(n, {});
  for (size_t f = 0; f < n; ++f) {
    auto& all = per_file_[f];
    all = load_[f];
    all.insert(all.end(), references_[f].begin(), references_[f].end());
  }
  for (const auto& g : global_) per_file_[file_slot(g.span, n)].push_back(g);
  for (auto& all : per_file_) sort_findings(all, loaded_.lang);
  join_findings();
}

// Rebuilds the id index and the findings made over the whole repository;
// adds the files of the old and the new ones to `touched`.
void LiveRepo::rebuild_globals(std::unordered_set<int>& touched) {
  Repo& repo = loaded_.repo;
  const size_t n = repo.files.size();
  for (const auto& g : global_) touched.insert(static_cast<int>(file_slot(g.span, n)));
  duplicates_.clear();
  cycles_.clear();
  index_ids(repo, duplicates_);
  check_parent_cycles(repo, cycles_);
  duplicated_.clear();
  for (const auto& d : duplicates_) duplicated_.insert(d.entity);
  global_ = duplicates_;
  global_.insert(global_.end(), cycles_.begin(), cycles_.end());
  for (const auto& g : global_) touched.insert(static_cast<int>(file_slot(g.span, n)));
}

// Where the file's entities of kind k start in their list.
size_t LiveRepo::offset_of(int file, size_t k) const {
  size_t offset = 0;
  for (int g = 0; g < file; ++g) offset += counts_[g][k];
  return offset;
}

// Calls f(entity, its place) for each entity of the file, kinds in order,
// then as written.
template <class F>
void LiveRepo::for_each_in_file(int file, F&& f) const {
  loaded_.repo.for_each_list([&](const auto& list) {
    using T = typename std::decay_t<decltype(list)>::value_type;
    const size_t k = static_cast<size_t>(KindOf<T>::kind);
    const size_t offset = offset_of(file, k);
    for (size_t i = offset; i < offset + counts_[file][k]; ++i) f(list[i], EntityRef{KindOf<T>::kind, i});
  });
}

// The file's entities with their ids and places, in file order.
std::vector<std::pair<std::string, EntityRef>> LiveRepo::ids_of(int file) const {
  std::vector<std::pair<std::string, EntityRef>> out;
  for_each_in_file(file, [&](const Entity& e, EntityRef ref) {
    if (e.id.set) out.emplace_back(e.id.v, ref);
  });
  return out;
}

std::vector<std::pair<std::string, Nested>> LiveRepo::nested_of(int file) const {
  std::vector<std::pair<std::string, Nested>> out;
  for_each_in_file(file, [&](const Entity& e, EntityRef) {
    for_each_nested_id(e, [&](const Text& local, Nested kind) {
      if (local.set) out.emplace_back(e.id.v + "#" + local.v, kind);
    });
  });
  return out;
}

void LiveRepo::join_findings() {
  size_t total = 0;
  for (const auto& f : per_file_) total += f.size();
  loaded_.findings.clear();
  loaded_.findings.reserve(total);
  for (const auto& f : per_file_) loaded_.findings.insert(loaded_.findings.end(), f.begin(), f.end());
}

void LiveRepo::note_refs(int file, bool add) {
  const auto& refs = loaded_.repo.refs[file];
  for (const RefUse& r : refs) {
    std::string key = r.target.v.find('#') == std::string::npos && r.nested != Nested::none && r.nested != Nested::any
                          ? r.scope  // a bare local id: it depends on its scope
                          : head_of(r.target.v);
    auto& files = named_by_[key];
    if (add) {
      if (files.empty() || files.back() != file) files.push_back(file);
    } else {
      files.erase(std::remove(files.begin(), files.end(), file), files.end());
      if (files.empty()) named_by_.erase(key);
    }
  }
}

// What a file declares, as references see it: the id a reference names
// (an entity's, or a nested id's parent) and what is declared under it,
// sorted. Made from ids_of() and nested_of().
static std::vector<std::pair<std::string, std::string>> declarations(
    const std::vector<std::pair<std::string, EntityRef>>& ids, const std::vector<std::pair<std::string, Nested>>& nested) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& entry : ids) out.emplace_back(entry.first, kind_name(entry.second.kind));
  for (const auto& entry : nested) {
    const size_t hash = entry.first.find('#');
    out.emplace_back(entry.first.substr(0, hash),
                     entry.first.substr(hash) + ':' + std::to_string(static_cast<int>(entry.second)));
  }
  std::sort(out.begin(), out.end());
  return out;
}

int LiveRepo::file_index(const std::string& path) const {
  const auto& files = loaded_.repo.files;
  if (path == "samverkan.yaml") return 0;
  auto it = std::lower_bound(files.begin() + 1, files.end(), path,
                             [](const SourceFile& f, const std::string& p) { return f.path < p; });
  return it != files.end() && it->path == path ? static_cast<int>(it - files.begin()) : -1;
}

const std::vector<Finding>& LiveRepo::findings_of(int file) const {
  static const std::vector<Finding> none;
  return file >= 0 && static_cast<size_t>(file) < per_file_.size() ? per_file_[file] : none;
}

std::vector<int> LiveRepo::update(const std::string& path) {
  const int f = file_index(path);
  std::string content;
  ReadError error;
  auto everything = [&] {
    reload();
    std::vector<int> all(loaded_.repo.files.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
    return all;
  };
  if (f <= 0 || !src_->read(path, content, error)) return everything();

  Repo& repo = loaded_.repo;
  const size_t n = repo.files.size();
  FileLoad r;
  try {
    load_file(f, content, r);
  } catch (const std::exception& ex) {
    r = FileLoad{};
    r.findings.push_back(make_finding(code::file_unreadable, msg_of(msg::file_unreadable, ex.what()), Span{f, 0, 0, 0}));
  }
  const Counts old_counts = counts_[f];
  const auto old_ids = ids_of(f);
  const auto old_nested = nested_of(f);

  // The file's entities in place of the old ones: each kind's list holds
  // the files' entities in file order.
  Counts counts{};
  for_each_kind([&](auto type) {
    using T = typename decltype(type)::type;
    const size_t k = static_cast<size_t>(KindOf<T>::kind);
    std::vector<T>& list = repo.of<T>();
    std::vector<T>& fresh = r.of<T>();
    const size_t offset = offset_of(f, k);
    const size_t old_n = counts_[f][k];
    if (old_n == fresh.size()) {
      std::move(fresh.begin(), fresh.end(), list.begin() + offset);
    } else {
      list.erase(list.begin() + offset, list.begin() + offset + old_n);
      list.insert(list.begin() + offset, std::make_move_iterator(fresh.begin()), std::make_move_iterator(fresh.end()));
    }
    counts[k] = static_cast<uint32_t>(fresh.size());
  });
  counts_[f] = counts;
  repo.files[f].content = std::move(content);
  repo.files[f].not_text = r.not_text;
  note_refs(f, false);
  repo.refs[f] = std::move(r.refs);
  note_refs(f, true);
  load_[f] = std::move(r.findings);

  std::unordered_set<int> touched{f};
  // The indexes: changed in place when the file's entities kept their
  // places and no id involved is declared twice; else built again.
  const auto new_ids = ids_of(f);
  const auto new_nested = nested_of(f);
  bool in_place = counts == old_counts;
  for (const auto* list : {&old_ids, &new_ids})
    for (const auto& [id, ref] : *list)
      in_place = in_place && !id.empty() && !duplicated_.count(id);
  std::unordered_set<std::string> fresh_ids;
  for (const auto& [id, ref] : new_ids) in_place = in_place && fresh_ids.insert(id).second;
  for (const auto* list : {&old_nested, &new_nested})
    for (const auto& [key, kind] : *list) in_place = in_place && key.front() != '#';  // no id: "#local" may repeat
  for (const auto& entry : new_ids) {
    const std::string& id = entry.first;  // a plain name: clang 14 captures no structured binding
    auto it = repo.ids.find(id);
    bool own = it != repo.ids.end() && std::any_of(old_ids.begin(), old_ids.end(), [&](const auto& o) { return o.first == id; });
    in_place = in_place && (it == repo.ids.end() || own);
  }
  if (in_place) {
    for (const auto& [id, ref] : old_ids) repo.ids.erase(id);
    for (const auto& [id, ref] : new_ids) repo.ids.emplace(id, ref);
    for (const auto& [key, kind] : old_nested) repo.nested_ids.erase(key);
    for (const auto& [key, kind] : new_nested) repo.nested_ids.emplace(key, kind);
    for (const auto& g : cycles_) touched.insert(static_cast<int>(file_slot(g.span, n)));
    cycles_.clear();
    check_parent_cycles(repo, cycles_);
    for (const auto& g : cycles_) touched.insert(static_cast<int>(file_slot(g.span, n)));
    global_ = duplicates_;
    global_.insert(global_.end(), cycles_.begin(), cycles_.end());
  } else {
    rebuild_globals(touched);
    index_nested_ids(repo);
  }

  // What the other files name may have appeared, gone or changed kind: the
  // files that name it are checked again, and those with a reference that
  // names nothing (its did-you-mean may be another now).
  const auto before = declarations(old_ids, old_nested);
  const auto after = declarations(new_ids, new_nested);
  std::unordered_set<int> recheck{f};
  if (before != after) {
    std::vector<std::pair<std::string, std::string>> changed;
    std::set_symmetric_difference(before.begin(), before.end(), after.begin(), after.end(), std::back_inserter(changed));
    for (const auto& d : changed)
      if (auto it = named_by_.find(d.first); it != named_by_.end()) recheck.insert(it->second.begin(), it->second.end());
    for (size_t g = 0; g < n; ++g)
      if (!references_[g].empty()) recheck.insert(static_cast<int>(g));
  }
  ReferenceChecker checker(repo);
  for (int g : recheck) {
    references_[g].clear();
    checker.check(repo.refs[g], references_[g]);
    touched.insert(g);
  }
  std::unordered_map<int, std::vector<const Finding*>> global_of;
  for (const auto& x : global_) global_of[static_cast<int>(file_slot(x.span, n))].push_back(&x);
  for (int g : touched) {
    auto& all = per_file_[g];
    all = load_[g];
    all.insert(all.end(), references_[g].begin(), references_[g].end());
    if (auto it = global_of.find(g); it != global_of.end())
      for (const Finding* x : it->second) all.push_back(*x);
    sort_findings(all, loaded_.lang);
  }
  join_findings();
  std::vector<int> out(touched.begin(), touched.end());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace sv
