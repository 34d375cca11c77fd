#include "history/history.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <set>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "load/cache.h"
#include "history/diff_json.h"
#include "load/git.h"
#include "load/git_ptr.h"
#include "load/load.h"
#include "core/parallel.h"
#include "core/text.h"
#include "core/msg/git.h"

namespace sv {

using namespace gitp;

const std::vector<EntityEvent>& History::of(const std::string& id) const {
  static const std::vector<EntityEvent> none;
  auto it = events.find(id);
  return it == events.end() ? none : it->second;
}

History no_history(const Tr& why) {
  History h;
  h.unavailable = &why;
  return h;
}

namespace {

using Flats = std::vector<Flat>;

struct FileChange {
  std::string path;
  std::optional<git_oid> before, after;
};

// Git's id of a blob with this content: the SHA-1 of "blob <size>\0" and the
// bytes. OpenSSL's SHA-1 (with the CPU's SHA instructions where there are
// some) is many times faster than libgit2's collision-detecting one, which
// counts when every file of a large repository is hashed; libgit2's is the
// fallback.
class BlobHasher {
 public:
  BlobHasher() : md_(EVP_MD_fetch(nullptr, "SHA1", nullptr)), ctx_(EVP_MD_CTX_new()) {}
  ~BlobHasher() {
    EVP_MD_CTX_free(ctx_);
    EVP_MD_free(md_);
  }
  BlobHasher(const BlobHasher&) = delete;
  BlobHasher& operator=(const BlobHasher&) = delete;

  std::optional<git_oid> operator()(std::string_view content) {
    git_oid id;
    char header[32];
    int n = std::snprintf(header, sizeof header, "blob %zu", content.size()) + 1;  // with its NUL
    unsigned char raw[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (md_ && ctx_ && EVP_DigestInit_ex2(ctx_, md_, nullptr) && EVP_DigestUpdate(ctx_, header, n) &&
        EVP_DigestUpdate(ctx_, content.data(), content.size()) && EVP_DigestFinal_ex(ctx_, raw, &len) &&
        len == GIT_OID_RAWSZ && git_oid_fromraw(&id, raw) == 0)
      return id;
    if (git_odb_hash(&id, content.data(), content.size(), GIT_OBJECT_BLOB) == 0) return id;
    return std::nullopt;
  }

 private:
  EVP_MD* md_;
  EVP_MD_CTX* ctx_;
};

// One entity of a blob: its kind and id, and what to flatten it from when a
// commit changed it (an entity already loaded, or the blob's own parse).
struct BlobEntity {
  Kind kind{};
  const std::string* id = nullptr;
  const Entity* known = nullptr;
  const Flat* flat = nullptr;
};
// The entities of one blob, as flatten order: kinds in order, then document
// order (a view into the Walker's storage).
struct BlobEntities {
  const BlobEntity* first = nullptr;
  size_t count = 0;
  const BlobEntity* begin() const { return first; }
  const BlobEntity* end() const { return first + count; }
};

// A blob at a path (the path is part of what a parse gives: Flat::file).
struct BlobKey {
  git_oid id;
  std::string_view path;
  bool operator==(const BlobKey& o) const { return git_oid_equal(&id, &o.id) && path == o.path; }
};
struct BlobKeyHash {
  size_t operator()(const BlobKey& k) const {
    size_t h;
    std::memcpy(&h, k.id.id, sizeof h);  // an object id is already a good hash
    return h ^ (std::hash<std::string_view>()(k.path) * 0x9E3779B97F4A7C15ULL);
  }
};

class Walker {
 public:
  Walker(git_repository* repo, const std::vector<std::string>& exclude) : repo_(repo), exclude_(exclude) {}

  // Data files that differ between two trees (either may be null), found by
  // comparing entries by object id, so unchanged folders cost nothing. The
  // entries of `a` come first, then those only in `b`, each by name.
  void changed(const git_tree* a, const git_tree* b, const std::string& rel, std::vector<FileChange>& out) {
    using Entry = std::pair<std::string_view, const git_tree_entry*>;
    auto entries = [](const git_tree* t) {
      std::vector<Entry> v;
      if (!t) return v;
      size_t n = git_tree_entrycount(t);
      v.reserve(n);
      for (size_t i = 0; i < n; ++i) {
        const git_tree_entry* e = git_tree_entry_byindex(t, i);
        v.emplace_back(git_tree_entry_name(e), e);
      }
      std::sort(v.begin(), v.end(), [](const Entry& x, const Entry& y) { return x.first < y.first; });
      return v;
    };
    auto lookup = [](const std::vector<Entry>& v, std::string_view name) -> const git_tree_entry* {
      auto it = std::lower_bound(v.begin(), v.end(), name, [](const Entry& x, std::string_view n) { return x.first < n; });
      return it != v.end() && it->first == name ? it->second : nullptr;
    };
    std::vector<Entry> ea = entries(a), eb = entries(b);
    auto visit = [&](std::string_view name, const git_tree_entry* x, const git_tree_entry* y) {
      if (name.empty() || name[0] == '.') return;
      if (rel.empty() && name == "samverkan.yaml") return;
      if (x && y && git_oid_equal(git_tree_entry_id(x), git_tree_entry_id(y)) &&
          git_tree_entry_filemode(x) == git_tree_entry_filemode(y))
        return;
      std::string path = rel.empty() ? std::string(name) : rel + "/" + std::string(name);
      if (excluded(path)) return;
      const git_tree* ta = as_tree(x);
      const git_tree* tb = as_tree(y);
      if (ta || tb) changed(ta, tb, path, out);
      bool fa = is_data(x, name), fb = is_data(y, name);
      if (fa || fb) {
        FileChange fc{std::move(path), {}, {}};
        if (fa) fc.before = *git_tree_entry_id(x);
        if (fb) fc.after = *git_tree_entry_id(y);
        out.push_back(std::move(fc));
      }
    };
    for (const auto& [name, x] : ea) visit(name, x, lookup(eb, name));
    for (const auto& [name, y] : eb)
      if (!lookup(ea, name)) visit(name, nullptr, y);
  }

  // Files already loaded: a blob with the same content as the file at its
  // path takes its entities from the model instead of being parsed. A file
  // is hashed only when a blob at its path is met.
  void seed(const Repo& r) { known_ = &r; }

  // Parsed blobs go through the per-file cache in `dir`, in the pack of
  // `scope` (opened when a blob must be parsed).
  void use_cache(std::string dir, std::string scope) {
    cache_dir_ = std::move(dir);
    cache_scope_ = std::move(scope);
  }
  void flush_cache() const {
    if (parse_cache_) parse_cache_->flush();
  }
  // Blobs parsed and decoded so far (History::parsed, decoded).
  size_t parsed() const { return parse_cache_ ? parse_cache_->misses() : loads_; }
  size_t decoded() const { return parse_cache_ ? parse_cache_->hits() : 0; }

  // Finds the entities of every blob that will be needed: those of files
  // already loaded from the model, the others parsed in parallel (blobs are
  // read here, since libgit2 handles stay on this thread, and parsed on
  // every core).
  void prefetch(const std::vector<std::pair<git_oid, const std::string*>>& wanted) {
    std::vector<std::pair<BlobKey, const std::string*>> todo;  // key, path
    std::vector<std::string> contents;
    // Reserved for a batch only: growing it by one for each single blob
    // would rehash it every time.
    if (wanted.size() > 1) cache_.reserve(cache_.size() + wanted.size());
    for (const auto& [id, given] : wanted) {
      const std::string* path = intern(*given);  // outlives the batch that named it
      BlobKey k{id, *path};
      auto [it, fresh] = cache_.try_emplace(k);  // a fresh entry is claimed: its entities come below
      it->second.stamp = ++clock_;
      if (!fresh) continue;
      if (auto file = known_file(id, *path)) {
        it->second.view = known_entities(*file);
        continue;
      }
      git_blob* b = nullptr;
      check(git_blob_lookup(&b, repo_, &id));
      Blob blob(b);
      contents.emplace_back(static_cast<const char*>(git_blob_rawcontent(b)), static_cast<size_t>(git_blob_rawsize(b)));
      todo.emplace_back(k, path);
    }
    if (todo.empty()) return;
    if (!cache_dir_.empty() && !parse_cache_) parse_cache_.emplace(cache_dir_, cache_scope_);
    const Cache* cache = parse_cache_ ? &*parse_cache_ : nullptr;
    std::vector<std::unique_ptr<Parsed>> parsed(todo.size());
    loads_ += todo.size();
    parallel_for(todo.size(), threads_for(todo.size(), 0, 8), [&](size_t i) {
      parsed[i] = std::make_unique<Parsed>();
      parse(contents[i], *todo[i].second, cache, *parsed[i]);
    });
    for (size_t i = 0; i < todo.size(); ++i) {
      Held& held = cache_[todo[i].first];
      held.view = BlobEntities{parsed[i]->list.data(), parsed[i]->list.size()};
      held.own = std::move(parsed[i]);
      held.bytes = contents[i].size();
    }
  }

  // Whether blob `id` at `path` is the loaded file there.
  bool is_known(const git_oid& id, const std::string& path) { return known_file(id, path).has_value(); }

  // A commit has been compared: its trees are kept for the next one only.
  void next_commit() {
    trees_last_ = std::move(trees_now_);
    trees_now_.clear();
  }

  // The walker's own copy of a path, which lives as long as it.
  const std::string* intern(const std::string& path) { return &*paths_.insert(path).first; }

  // Forgets the parsed blobs but those in `keep` (by path) and the most
  // recently used up to kRecentBytes of content, so what is held stays as
  // large as one batch, one tree and that budget, however long the history.
  // A blob met again soon (a change undone, a value set back) is not read
  // again; one met again later is decoded from the per-file cache, which
  // holds every blob parsed in this run.
  void keep_only(const std::unordered_map<std::string_view, git_oid>& keep) {
    std::vector<std::pair<size_t, const BlobKey*>> recent;  // stamp, key: the parsed blobs not kept
    for (const auto& [key, held] : cache_) {
      if (!held.own) continue;  // a loaded file's entities: held by the repository anyway
      auto it = keep.find(key.path);
      if (it != keep.end() && git_oid_equal(&it->second, &key.id)) continue;
      recent.emplace_back(held.stamp, &key);
    }
    std::sort(recent.begin(), recent.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    size_t bytes = 0;
    std::vector<BlobKey> gone;
    for (const auto& [stamp, key] : recent) {
      bytes += cache_.find(*key)->second.bytes;
      if (bytes > kRecentBytes) gone.push_back(*key);
    }
    for (const BlobKey& key : gone) cache_.erase(key);
  }

  // The entities of one blob (prefetched, or found now).
  BlobEntities entities(const git_oid& id, const std::string& path) {
    auto it = cache_.find(BlobKey{id, path});
    if (it == cache_.end()) {
      prefetch({{id, &path}});
      it = cache_.find(BlobKey{id, path});
    }
    it->second.stamp = ++clock_;
    return it->second.view;
  }

 private:
  bool excluded(const std::string& path) const {
    return std::any_of(exclude_.begin(), exclude_.end(), [&](const std::string& g) { return glob_match(g, path); });
  }
  // The tree of an entry (null for another kind), read once for this commit
  // and the one compared before it: the next older commit's trees are mostly
  // the ones just read as this one's parent's (libgit2's own cache is off).
  const git_tree* as_tree(const git_tree_entry* e) {
    if (!e || git_tree_entry_filemode(e) != GIT_FILEMODE_TREE) return nullptr;
    const git_oid* id = git_tree_entry_id(e);
    std::string key(reinterpret_cast<const char*>(id->id), GIT_OID_RAWSZ);
    if (auto it = trees_now_.find(key); it != trees_now_.end()) return it->second.get();
    if (auto it = trees_last_.find(key); it != trees_last_.end())
      return trees_now_.insert(trees_last_.extract(it)).position->second.get();
    git_tree* t = nullptr;
    check(git_tree_lookup(&t, repo_, id));
    return trees_now_.emplace(std::move(key), Tree(t)).first->second.get();
  }
  static bool is_data(const git_tree_entry* e, std::string_view name) {
    if (!e) return false;
    git_filemode_t m = git_tree_entry_filemode(e);
    return (m == GIT_FILEMODE_BLOB || m == GIT_FILEMODE_BLOB_EXECUTABLE) && is_data_file_name(std::string(name));
  }

  // The loaded file whose path is `path` and whose content is blob `id`.
  std::optional<size_t> known_file(const git_oid& id, const std::string& path) {
    if (!known_) return std::nullopt;
    if (!known_indexed_) index_known();
    auto it = known_paths_.find(path);
    if (it == known_paths_.end()) return std::nullopt;
    size_t i = it->second;
    if (!known_hashed_[i]) {
      known_ids_[i] = hasher_(known_->files[i].content);
      known_hashed_[i] = true;
    }
    if (!known_ids_[i] || !git_oid_equal(&*known_ids_[i], &id)) return std::nullopt;
    return i;
  }

  // The loaded files by path, and their entities (with an id) by file, in
  // one array: for_each_entity's order within each file.
  void index_known() {
    const Repo& r = *known_;
    size_t nfiles = r.files.size();
    std::vector<size_t> count(nfiles + 1, 0);
    auto counted = [&](const Entity& e) {
      return e.file > 0 && e.file < static_cast<int>(nfiles) && e.id.set && !e.id.v.empty();
    };
    r.for_each_entity([&](const Entity& e) {
      if (counted(e)) ++count[e.file + 1];
    });
    known_offsets_.assign(nfiles + 1, 0);
    for (size_t f = 0; f < nfiles; ++f) known_offsets_[f + 1] = known_offsets_[f] + count[f + 1];
    known_list_.resize(known_offsets_[nfiles]);
    std::vector<size_t> at(known_offsets_.begin(), known_offsets_.end() - 1);
    r.for_each_entity([&](const Entity& e) {
      if (counted(e)) known_list_[at[e.file]++] = BlobEntity{e.kind, &e.id.v, &e, nullptr};
    });
    known_ids_.assign(nfiles, std::nullopt);
    known_hashed_.assign(nfiles, false);
    known_paths_.reserve(nfiles);
    for (size_t i = 1; i < nfiles; ++i) known_paths_.emplace(r.files[i].path, i);  // files[0] is samverkan.yaml
    known_indexed_ = true;
  }

  BlobEntities known_entities(size_t file) const {
    return BlobEntities{known_list_.data() + known_offsets_[file], known_offsets_[file + 1] - known_offsets_[file]};
  }

  // A blob's own parse: its entities, flattened.
  struct Parsed {
    Flats flats;
    std::vector<BlobEntity> list;
  };
  static void parse(std::string_view content, const std::string& path, const Cache* cache, Parsed& out) {
    FileLoad fl;
    load_file(0, content, fl, cache);
    fl.for_each_entity([&](const Entity& e) {
      if (e.id.set && !e.id.v.empty()) out.flats.push_back(flatten(e, path));
    });
    for (const Flat& f : out.flats) out.list.push_back(BlobEntity{f.kind, &f.id, nullptr, &f});
  }

  // A blob's entities, and the parse they point into (none for a known
  // file); when it was last asked for, and its size (keep_only's budget).
  struct Held {
    BlobEntities view;
    std::unique_ptr<Parsed> own;
    size_t stamp = 0, bytes = 0;
  };
  static constexpr size_t kRecentBytes = 512 * 1024;

  git_repository* repo_;
  const std::vector<std::string>& exclude_;
  std::unordered_set<std::string> paths_;  // every path met: BlobKey points into it
  std::unordered_map<std::string, Tree> trees_now_, trees_last_;  // by raw object id: as_tree
  std::unordered_map<BlobKey, Held, BlobKeyHash> cache_;
  size_t clock_ = 0;  // Held::stamp
  size_t loads_ = 0;  // blobs handed to load_file
  const Repo* known_ = nullptr;
  bool known_indexed_ = false;  // the members below are filled on first use
  std::unordered_map<std::string_view, size_t> known_paths_;  // path → index into the known repo's files
  std::vector<BlobEntity> known_list_;                       // the files' entities...
  std::vector<size_t> known_offsets_;                        // ...file f's from [f] to [f + 1]
  std::vector<std::optional<git_oid>> known_ids_;            // the files' blob ids, once hashed
  std::vector<bool> known_hashed_;
  BlobHasher hasher_;
  std::string cache_dir_, cache_scope_;
  std::optional<Cache> parse_cache_;
};

CommitInfo info_of(const git_commit* c) {
  CommitInfo ci;
  ci.id = hex(git_commit_id(c));
  long long t = static_cast<long long>(git_commit_time(c)) + 60LL * git_commit_time_offset(c);
  long long days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
  ci.date = Date::from_days(static_cast<long>(days));
  const git_signature* a = git_commit_author(c);
  if (a) {
    ci.author = a->name ? a->name : "";
    ci.email = a->email ? a->email : "";
  }
  const char* s = git_commit_summary(const_cast<git_commit*>(c));
  ci.summary = s ? s : "";
  return ci;
}

// What the reader asks (HistoryOptions::query) and how much of it is still
// open: which entities, where each lives in the tree the walk has reached
// (the paths whose changes must be read), and when the walk may stop.
class Questions {
 public:
  explicit Questions(const HistoryQuery* q) : q_(q) {
    if (!q) return;
    for (const auto& id : q->newest) open_[id].newest = true;
    for (const auto& [id, day] : q->after) {
      Open& o = open_[id];
      o.after = true;
      o.since = day;
      if (day) by_day_.emplace(*day, id);
    }
  }

  bool everything() const { return !q_; }
  bool done() const { return q_ && open_.empty(); }
  bool search_absent() const { return q_ && q_->search_absent; }

  // Whether a commit that changed these files must be read: it changed a
  // path an open entity lives in (or one is looked for everywhere).
  bool wants(const std::vector<FileChange>& files) const {
    if (!q_ || unlocated_ > 0) return !files.empty();
    return std::any_of(files.begin(), files.end(), [&](const FileChange& fc) { return watchers_.count(fc.path) > 0; });
  }

  // Whether the change of `id` by a commit dated `date` is asked for.
  bool asks(std::string_view id, const Date& date) const {
    if (!q_) return true;
    auto it = open_.find(id);
    if (it == open_.end()) return false;
    const Open& o = it->second;
    return o.newest || (o.after && (!o.since || date > *o.since));
  }
  // That change was found: the questions it answers are closed. Whether it
  // was the newest asked for.
  bool take(std::string_view id) {
    if (!q_) return false;
    auto it = open_.find(id);
    if (it == open_.end()) return false;
    Open& o = it->second;
    bool newest = o.newest;
    o.newest = false;
    if (o.after && q_->max_events && ++o.taken >= q_->max_events) o.after = false;
    close_if_answered(it);
    return newest;
  }
  // Whether a change that answers no newest question is kept (HistoryQuery::keep).
  bool keeps(const EntityDiff& d) const { return !q_ || !q_->keep || q_->keep(d); }

  // `id` is in the file at `path` in the older tree of the commit being read.
  void seen_at(std::string_view id, const std::string* path) {
    if (!q_) return;
    auto it = open_.find(id);
    if (it == open_.end()) return;
    Open& o = it->second;
    if (!o.located) {
      o.located = true;
      --unlocated_;
    }
    if (std::find(o.paths.begin(), o.paths.end(), path) != o.paths.end()) return;
    o.paths.push_back(path);
    watchers_[*path].push_back(&it->first);
  }
  // A file an open entity lives in was created by a commit that removed
  // others: a rename, perhaps while the entity was away from it (removed,
  // later put back). The older history of the file it came from is read too:
  // the one with the same content, else the same name, else, when the commit
  // removed only a few, each of them. Reading more commits costs time, never
  // a wrong answer.
  void created(const std::vector<FileChange>& files, Walker& walker) {
    if (!q_ || watchers_.empty()) return;
    std::vector<const FileChange*> made, gone;
    for (const auto& fc : files) {
      if (!fc.before && fc.after && watchers_.count(fc.path)) made.push_back(&fc);
      if (fc.before && !fc.after) gone.push_back(&fc);
    }
    if (made.empty() || gone.empty()) return;
    auto raw = [](const git_oid& id) { return std::string_view(reinterpret_cast<const char*>(id.id), GIT_OID_RAWSZ); };
    std::unordered_map<std::string_view, std::vector<const FileChange*>> by_blob, by_name;
    for (const FileChange* g : gone) {
      by_blob[raw(*g->before)].push_back(g);
      by_name[file_name(g->path)].push_back(g);
    }
    for (const FileChange* m : made) {
      std::vector<const FileChange*> from;
      for (const auto* index : {&by_blob, &by_name}) {
        auto it = index->find(index == &by_blob ? raw(*m->after) : file_name(m->path));
        if (it != index->end()) {
          from = it->second;
          break;
        }
      }
      if (from.empty() && gone.size() <= kFewRemoved) from = gone;
      std::vector<const std::string*> ids = watchers_.find(m->path)->second;  // a copy: seen_at adds paths
      for (const std::string* id : ids)
        for (const FileChange* g : from) seen_at(*id, walker.intern(g->path));
    }
  }
  // Ids met, for HistoryQuery::search_absent's suggestion.
  void met(std::string_view id) {
    if (search_absent() && unlocated_ > 0) seen_.emplace(id);
  }

  // A commit dated `date` was read: the days the walk is now past (five
  // commits in a row on or before them) need no older commits.
  void passed(const Date& date) {
    if (!q_) return;
    recent_[read_++ % kSlop] = date;
    if (read_ < kSlop) return;
    Date newest = *std::max_element(recent_.begin(), recent_.end());
    while (!by_day_.empty() && by_day_.rbegin()->first >= newest) {
      auto last = std::prev(by_day_.end());
      auto it = open_.find(last->second);
      by_day_.erase(last);
      if (it == open_.end()) continue;
      it->second.after = false;
      close_if_answered(it);
    }
  }

  // Where each open entity lives in `tree`, the first tree the walk reads:
  // at its file in the loaded data where that file's blob holds it, else
  // wherever it is in the tree. One that is not there has no history, or is
  // looked for in every commit (search_absent).
  // `files` is for every data file of the tree, as if added (one walk of it).
  void locate(Walker& walker, const git_tree* tree, const Repo* known, std::vector<FileChange>& files) {
    if (!q_ || located_tree_) return;
    located_tree_ = true;
    unlocated_ = open_.size();
    if (tree) walker.changed(nullptr, tree, "", files);
    if (known) at_known_paths(walker, files, *known);
    if (unlocated_ > 0) {
      std::vector<std::pair<git_oid, const std::string*>> wanted;
      for (const auto& fc : files) wanted.emplace_back(*fc.after, &fc.path);
      walker.prefetch(wanted);
      for (const auto& fc : files)
        for (const BlobEntity& e : walker.entities(*fc.after, fc.path)) {
          met(*e.id);
          if (open_.count(*e.id)) seen_at(*e.id, walker.intern(fc.path));
        }
    }
    if (search_absent() || unlocated_ == 0) return;
    for (auto it = open_.begin(); it != open_.end();) {
      auto next = std::next(it);
      if (!it->second.located) {
        it->second = Open{};
        close_if_answered(it);
      }
      it = next;
    }
    unlocated_ = 0;
  }
  // A first commit (no parent) is all the history there is: it adds every
  // entity it has, so every file of it is read and nothing need be located.
  void locate_all() {
    located_tree_ = true;
    unlocated_ = open_.size();
  }
  bool located() const { return !q_ || located_tree_; }

  std::vector<std::string> seen() const { return {seen_.begin(), seen_.end()}; }

 private:
  static constexpr size_t kSlop = 5;
  static constexpr size_t kFewRemoved = 4;
  static std::string_view file_name(std::string_view path) {
    size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
  }
  struct Open {
    bool newest = false, after = false, located = false;
    std::optional<Date> since;
    size_t taken = 0;
    std::vector<const std::string*> paths;  // interned by the walker
  };
  struct IdHash {
    using is_transparent = void;
    size_t operator()(std::string_view id) const { return std::hash<std::string_view>()(id); }
  };
  using OpenMap = std::unordered_map<std::string, Open, IdHash, std::equal_to<>>;

  // The open entities found in the tree's file at the path they were loaded
  // from (most often all of them: the tree is the commit of the loaded data).
  void at_known_paths(Walker& walker, const std::vector<FileChange>& files, const Repo& known) {
    std::unordered_map<std::string_view, std::vector<const std::string*>> by_path;  // file → open ids it held when loaded
    known.for_each_entity([&](const Entity& e) {
      if (!e.id.set || e.file <= 0 || e.file >= static_cast<int>(known.files.size())) return;
      auto it = open_.find(e.id.v);
      if (it != open_.end()) by_path[known.files[e.file].path].push_back(&it->first);
    });
    std::vector<std::pair<git_oid, const std::string*>> differ;  // the tree's blob, where it is not the loaded file
    for (const auto& fc : files) {
      auto it = by_path.find(fc.path);
      if (it == by_path.end()) continue;
      if (!walker.is_known(*fc.after, fc.path)) {
        differ.emplace_back(*fc.after, &fc.path);
        continue;
      }
      const std::string* interned = walker.intern(fc.path);
      for (const std::string* id : it->second) seen_at(*id, interned);  // the same file: the same entities
    }
    walker.prefetch(differ);
    for (const auto& [blob, path] : differ) {
      std::unordered_set<std::string_view> in_blob;
      for (const BlobEntity& e : walker.entities(blob, *path)) in_blob.insert(*e.id);
      const std::string* interned = walker.intern(*path);
      for (const std::string* id : by_path[*path])
        if (in_blob.count(*id)) seen_at(*id, interned);
    }
  }

  void close_if_answered(OpenMap::iterator it) {
    const Open& o = it->second;
    if (o.newest || o.after) return;
    if (!o.located) --unlocated_;
    for (const std::string* path : o.paths) {
      auto w = watchers_.find(*path);
      if (w == watchers_.end()) continue;
      std::erase(w->second, &it->first);
      if (w->second.empty()) watchers_.erase(w);
    }
    open_.erase(it);
  }

  const HistoryQuery* q_;
  OpenMap open_;
  // path → the open entities living there (their ids: open_'s keys)
  std::unordered_map<std::string_view, std::vector<const std::string*>> watchers_;
  size_t unlocated_ = 0;                                // open entities not found in a tree yet
  bool located_tree_ = false;
  std::multimap<Date, std::string> by_day_;  // the after-questions with a day
  std::array<Date, kSlop> recent_{};         // the days of the last commits read
  size_t read_ = 0;
  std::set<std::string> seen_;
};

// What one commit did to each entity of the files it changed, before and
// after, matched by id (the first of a repeated id wins). Only an entity on
// both sides is flattened and compared; only what `questions` asks is kept.
void record_step(Walker& walker, const std::vector<FileChange>& files, Questions& questions, const Date& date,
                 const std::function<void(std::string_view, EntityDiff&&)>& emit) {
  struct Side {
    const BlobEntity* e;
    const std::string* path;
  };
  auto flat_of = [](const Side& s, std::optional<Flat>& tmp) -> const Flat& {
    if (s.e->flat) return *s.e->flat;
    return tmp.emplace(flatten(*s.e->known, *s.path));
  };
  auto one_sided = [](const Side& s, Change change) {
    EntityDiff d;
    d.kind = s.e->kind;
    d.id = *s.e->id;
    d.file = *s.path;
    d.change = change;
    return d;
  };
  std::unordered_map<std::string_view, Side> a, b;
  a.reserve(files.size());
  b.reserve(files.size());
  for (const auto& fc : files) {
    if (fc.before)
      for (const BlobEntity& e : walker.entities(*fc.before, fc.path)) a.try_emplace(*e.id, Side{&e, &fc.path});
    if (fc.after)
      for (const BlobEntity& e : walker.entities(*fc.after, fc.path)) b.try_emplace(*e.id, Side{&e, &fc.path});
  }
  // The events asked for (one per entity: a commit changes it once); then
  // where the open entities are in the older tree.
  auto record = [&](std::string_view eid, auto&& make) {
    questions.met(eid);
    if (!questions.asks(eid, date)) return;
    std::optional<EntityDiff> d = make();
    if (!d) return;  // the same before and after
    if (!questions.take(eid) && !questions.keeps(*d)) return;
    emit(eid, std::move(*d));
  };
  // (No structured bindings below: a lambda may not capture one before C++20's clang 16.)
  for (const auto& before : a) {
    const Side& x = before.second;
    auto y = b.find(before.first);
    if (y == b.end()) {
      record(before.first, [&] { return std::optional<EntityDiff>(one_sided(x, Change::removed)); });
      continue;
    }
    record(before.first, [&] {
      std::optional<Flat> tx, ty;
      return diff_entity(&flat_of(x, tx), &flat_of(y->second, ty));
    });
  }
  for (const auto& after : b)
    if (!a.count(after.first))
      record(after.first, [&] { return std::optional<EntityDiff>(one_sided(after.second, Change::added)); });
  for (const auto& [eid, x] : a) questions.seen_at(eid, walker.intern(*x.path));
  questions.created(files, walker);
}

// A batch of commits, newest first: the files each changed are found first
// (trees compared by id: cheap), then the blobs of those that the questions
// ask about are parsed together (in parallel), what each commit did is
// recorded, and the blobs are let go but the ones the next, older commits
// start from.
class Batches {
 public:
  Batches(Walker& walker, Questions& questions, const HistoryOptions& o)
      : walker_(walker), questions_(questions), on_event_(o.on_event) {}
  // Commits a batch: from a few, so that a walk whose questions are answered
  // at once stops at once, doubling up to enough to keep every core busy parsing.
  static constexpr size_t kFirst = 8, kMost = 256;

  // A commit whose changes are read (`files`), or only listed (null).
  void add(CommitInfo info, std::vector<FileChange>* files) {
    steps_.push_back(Step{std::move(info), files ? std::move(*files) : std::vector<FileChange>{}, files != nullptr});
  }
  bool full() const { return steps_.size() >= size_; }

  void flush(History& h) {
    std::vector<std::pair<git_oid, const std::string*>> wanted;
    for (const auto& step : steps_)
      if (step.read && questions_.wants(step.files))
        for (const auto& fc : step.files) {
          if (fc.before) wanted.emplace_back(*fc.before, &fc.path);
          if (fc.after) wanted.emplace_back(*fc.after, &fc.path);
        }
    walker_.prefetch(wanted);
    for (auto& step : steps_) {
      if (!step.read) continue;
      if (questions_.wants(step.files)) {
        size_t index = SIZE_MAX;  // the commit's in h.commits, once it has an event
        auto emit = [&](std::string_view id, EntityDiff&& d) {
          if (on_event_) return on_event_(std::string(id), step.info, std::move(d));
          if (index == SIZE_MAX) {
            index = h.commits.size();
            h.commits.push_back(step.info);
          }
          h.events[std::string(id)].push_back(EntityEvent{index, std::move(d)});
        };
        record_step(walker_, step.files, questions_, step.info.date, emit);
        ++h.read;
      }
      questions_.passed(step.info.date);
    }
    // The tree the next older commit changes is this batch's oldest parent's:
    // at each path, the last `before` met (none where the file was added).
    for (const auto& step : steps_)
      for (const auto& fc : step.files) {
        if (fc.before)
          frontier_[*walker_.intern(fc.path)] = *fc.before;
        else
          frontier_.erase(fc.path);
      }
    walker_.keep_only(frontier_);
    steps_.clear();
    size_ = std::min(kMost, size_ * 2);
  }

 private:
  struct Step {
    CommitInfo info;
    std::vector<FileChange> files;
    bool read = false;
  };
  Walker& walker_;
  Questions& questions_;
  const std::function<void(const std::string&, const CommitInfo&, EntityDiff&&)>& on_event_;
  std::vector<Step> steps_;
  size_t size_ = kFirst;
  std::unordered_map<std::string_view, git_oid> frontier_;  // path (interned by the walker) → blob
};

// The tree of the data in a commit (null where `root` is missing).
Tree data_tree(git_repository* repo, const git_commit* c, const std::string& root) {
  git_tree* t = nullptr;
  check(git_commit_tree(&t, c));
  Tree tree(t);
  return subtree(repo, tree.get(), root);
}

}  // namespace

History load_history(const GitRepo& git, const std::string& commit, const std::string& root,
                     const std::vector<std::string>& exclude, const HistoryOptions& o) {
  History h;
  h.available = true;
  git_repository* repo = git.raw();
  Walker walker(repo, exclude);
  if (o.known) walker.seed(*o.known);
  if (!o.cache_dir.empty()) {
    const char* dir = git_repository_commondir(repo);
    walker.use_cache(o.cache_dir, o.cache_scope + "\n" + (dir ? dir : "") + "\n" + root);
  }
  Questions questions(o.query);
  git_oid id;
  check(git_oid_fromstr(&id, commit.c_str()));
  git_commit* first = nullptr;
  check(git_commit_lookup(&first, repo, &id));
  Commit cur(first);
  Batches batches(walker, questions, o);
  Tree older;  // the parent's data tree, read last round: this round's own
  bool older_read = false;
  while (cur && !questions.done()) {
    Commit parent;
    if (git_commit_parentcount(cur.get()) > 0) {
      git_commit* p = nullptr;
      if (git_commit_parent(&p, cur.get(), 0) < 0) {
        // In a shallow clone the parent is not there: what this commit
        // changed is unknown, and the history stops here.
        if (!git.shallow()) check(-1);
        h.truncated = true;
        break;
      }
      parent.reset(p);
    }
    CommitInfo info = info_of(cur.get());
    if (++h.walked % 256 == 0 && o.progress) o.progress(h.walked);
    if (!o.until || info.date <= *o.until) {  // what later ones changed is not read
      Tree now = older_read ? std::move(older) : data_tree(repo, cur.get(), root);
      std::vector<FileChange> files;
      if (!questions.located()) {
        batches.flush(h);  // what the batch holds, before the questions change
        if (parent) {
          questions.locate(walker, now.get(), o.known, files);
          files.clear();
        } else {
          questions.locate_all();
        }
      }
      Tree before = parent ? data_tree(repo, parent.get(), root) : nullptr;
      walker.changed(before.get(), now.get(), "", files);
      walker.next_commit();
      batches.add(std::move(info), &files);
      older = std::move(before);
      older_read = true;
    } else {
      batches.add(std::move(info), nullptr);
    }
    if (batches.full()) batches.flush(h);
    cur = std::move(parent);
  }
  batches.flush(h);
  walker.flush_cache();
  h.parsed = walker.parsed();
  h.decoded = walker.decoded();
  h.seen = questions.seen();
  if (h.truncated || git.shallow()) {
    h.available = false;
    h.unavailable = &msg::git_reason_shallow;
  }
  return h;
}

History history_for(const std::string& path, const std::string& rev, const Repo& repo, HistoryOptions o) {
  const Config& config = repo.config;
  o.known = &repo;
  auto git = GitRepo::try_open(path);
  if (!git) return no_history(msg::git_reason_no_repo);
  std::vector<std::string> exclude;
  for (const auto& g : config.exclude.v) exclude.push_back(g.v);
  std::string root;
  if (rev.empty()) {
    auto rel = git->tree_path_of(find_root(path.empty() ? "." : path));
    if (!rel) return no_history(msg::git_reason_no_repo);
    root = *rel;
    git_oid head;
    if (git_reference_name_to_id(&head, git->raw(), "HEAD") < 0) {  // no commits yet
      History h;
      h.available = !git->shallow();
      return h;
    }
    return load_history(*git, hex(&head), root, exclude, o);
  }
  std::string commit = git->resolve(rev);
  return load_history(*git, commit, git->samverkan_root(commit, rev), exclude, o);
}

std::optional<Date> last_change(const History& h, const std::string& entity_id, std::optional<Date> until) {
  if (!h.available) return std::nullopt;
  for (const auto& e : h.of(entity_id))  // newest first
    if (!until || h.commits[e.commit].date <= *until) return h.commits[e.commit].date;
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// samverkan log

namespace {

bool about_nested(const ObjectChange& o, const std::pair<std::string, std::string>& nested) {
  return !o.path.empty() && o.path[0] == nested;
}

// Whether the object is in the entity after each commit is known only from
// the commits that touch it: an entity added brings it unless a later commit
// adds it, and one removed takes it along if it was there. `waiting` holds the
// entity's additions and removals whose answer is not known yet.
struct NestedWalk {
  enum class Has { no, yes, unknown };
  Has has;
  std::vector<size_t> waiting;
  std::vector<bool> shown;

  void settle(bool in) {
    for (size_t index : waiting) shown[index] = in;
    waiting.clear();
  }
  void object_event(const ObjectChange& o, size_t index) {
    shown[index] = true;
    bool whole = o.path.size() == 1;
    if (whole && o.change == Change::added) {
      if (has == Has::unknown) settle(false);
      has = Has::yes;
      return;
    }
    if (has == Has::unknown) settle(true);
    has = whole && o.change == Change::removed ? Has::no : Has::yes;
  }
};

}  // namespace

std::vector<EntityEvent> log_events(const History& h, const LogSubject& s) {
  const auto& all = h.of(s.id);
  if (!s.nested) return s.max_count && all.size() > s.max_count ? std::vector<EntityEvent>(all.begin(), all.begin() + static_cast<long>(s.max_count)) : all;
  NestedWalk walk{h.truncated ? NestedWalk::Has::unknown : NestedWalk::Has::no, {}, std::vector<bool>(all.size())};
  for (size_t index = all.size(); index-- > 0;) {  // oldest first
    const EntityDiff& d = all[index].diff;
    if (d.change == Change::added) {
      walk.has = NestedWalk::Has::unknown;
      walk.waiting.push_back(index);
    } else if (d.change == Change::removed) {
      if (walk.has == NestedWalk::Has::yes) walk.shown[index] = true;
      if (walk.has == NestedWalk::Has::unknown) walk.waiting.push_back(index);
      walk.has = NestedWalk::Has::no;
    } else {
      for (const auto& o : d.objects)
        if (about_nested(o, *s.nested)) walk.object_event(o, index);
    }
  }
  if (walk.has == NestedWalk::Has::unknown) walk.settle(s.present);
  std::vector<EntityEvent> out;
  for (size_t index = 0; index < all.size(); ++index) {
    if (!walk.shown[index]) continue;
    if (s.max_count && out.size() == s.max_count) break;
    EntityEvent event = all[index];
    std::erase_if(event.diff.objects, [&](const ObjectChange& o) { return !about_nested(o, *s.nested); });
    out.push_back(std::move(event));
  }
  return out;
}

void LogWriter::add(const CommitInfo& c, const EntityDiff& d) {
  if (!count_++) newest_kind_ = d.kind;
  if (json_) {
    using json = nlohmann::ordered_json;
    json commit = {{"commit", c.id},
                   {"date", c.date.str()},
                   {"author", c.author},
                   {"email", c.email},
                   {"summary", c.summary},
                   {"change", change_name(d.change)},
                   {"changes", changes_json(d)}};
    // As it stands in the whole document: an element of "commits", two
    // levels in (a string's line breaks are escaped, so every line is the
    // document's).
    std::string text = commit.dump(2, ' ', false, json::error_handler_t::replace);
    if (count_ > 1) body_ += ",\n";
    body_ += "    ";
    for (char ch : text) {
      body_ += ch;
      if (ch == '\n') body_ += "    ";
    }
    return;
  }
  body_ += fmt::format("\n{} {} {}: {}\n", c.id.substr(0, 10), c.date.str(), c.author, c.summary);
  if (d.change != Change::changed) {
    const Tr& t = d.change == Change::added ? msg::git_entity_added : msg::git_entity_removed;
    body_ += fmt::format("    {} {}\n", d.change == Change::added ? '+' : '-', tr(lang_, t, kind_label(d.kind, lang_), s_.id));
    return;
  }
  for (const auto& oc : d.objects) {
    char m = oc.change == Change::added ? '+' : oc.change == Change::removed ? '-' : '~';
    if (oc.change != Change::changed) {
      body_ += fmt::format("    {} {}\n", m, change_line(d.kind, oc, nullptr, lang_));
      continue;
    }
    for (const auto& f : oc.fields) body_ += fmt::format("    {} {}\n", m, change_line(d.kind, oc, &f, lang_));
  }
}

void LogWriter::finish(bool truncated, const std::function<void(std::string_view)>& out) const {
  auto body = [&] {
    constexpr size_t kPiece = 64 * 1024;
    for (size_t at = 0; at < body_.size(); at += kPiece) out(std::string_view(body_).substr(at, kPiece));
  };
  if (json_) {
    using json = nlohmann::ordered_json;
    json root = {{"entity", s_.id}};
    if (s_.nested) root["object"] = json::array({{{"type", s_.nested->first}, {"key", s_.nested->second}}});
    root["truncated"] = truncated;
    root["commits"] = json::array();
    std::string text = root.dump(2, ' ', false, json::error_handler_t::replace);  // ends in "[]\n}"
    if (!count_) return out(text + "\n");
    out(std::string_view(text).substr(0, text.size() - 3));  // up to the "["
    out("\n");
    body();
    out("\n  ]\n}\n");
    return;
  }
  if (count_) {
    std::string n = tr(lang_, count_ == 1 ? msg::git_log_commits_one : msg::git_log_commits, count_);
    std::string who = fmt::format("{} {}", kind_label(*newest_kind_, lang_), s_.id);
    if (s_.nested) who += " › " + object_label({*s_.nested}, lang_);
    out(tr(lang_, msg::git_log_header, who, n) + "\n");
  }
  body();
  if (truncated) out(std::string("\n") + msg::git_log_truncated.get(lang_) + "\n");
}

std::string LogWriter::finish(bool truncated) const {
  std::string text;
  finish(truncated, [&](std::string_view piece) { text += piece; });
  return text;
}

static std::string format_log(const History& h, const LogSubject& s, Lang lang, bool json) {
  LogWriter w(s, lang, json);
  for (const auto& e : log_events(h, s)) w.add(h.commits[e.commit], e.diff);
  return w.finish(h.truncated);
}

std::string format_log_text(const History& h, const LogSubject& s, Lang lang) { return format_log(h, s, lang, false); }
std::string format_log_json(const History& h, const LogSubject& s) { return format_log(h, s, Lang::sv, true); }

}  // namespace sv
