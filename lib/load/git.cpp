#include "load/git.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <functional>
#include <mutex>
#include <set>

#include "load/files.h"
#include "load/load.h"
#include "load/git_ptr.h"
#include "core/text.h"
#include "core/msg/core.h"
#include "core/msg/git.h"

namespace fs = std::filesystem;

namespace sv {

using namespace gitp;

namespace {

void init_libgit2() {
  static const int once = [] {
    git_libgit2_init();
    // libgit2 keeps the trees and commits it has read, up to 256 MB by
    // default: a walk of a long history would hold every one of them. Capped
    // (at 2 MB), it spends its time evicting; off, each object is read again
    // from the mapped pack when asked for, which measured faster for every
    // reader here (the history walk, which asks for each tree twice in a row
    // and reuses it instead, and a revision's files: bench/history.sh, docs/benchmark.md).
    git_libgit2_opts(GIT_OPT_ENABLE_CACHING, 0);
    // Nor does it hash every object it reads again to check its id (with the
    // slow collision-detecting SHA-1: an eighth of a long walk's time), which
    // git itself does not do on reading either; zlib's checksum of each
    // object still catches a damaged pack.
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
    // It maps pack files in windows of 1 GiB, up to 8 GiB in all, and lets
    // them go only at the limit: a walk of a long history touches most of
    // the pack, and each page it touched stays resident, so memory grew with
    // the history. In windows of 256 KiB, 2 MiB in all (the least recently
    // used let go first), what is mapped stays that size whatever the
    // pack's, at no measured cost in time (bench/history.sh, docs/benchmark.md).
    git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, size_t{256} * 1024);
    git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, size_t{2} * 1024 * 1024);
    return 0;
  }();
  (void)once;
}

std::string parent_of(const std::string& p) {
  size_t slash = p.rfind('/');
  return slash == std::string::npos ? "" : p.substr(0, slash);
}

std::string join_path(const std::string& a, const std::string& b) { return a.empty() ? b : b.empty() ? a : a + "/" + b; }

}  // namespace

std::optional<std::string> normalize_rel(const std::string& path) {
  std::vector<std::string> parts;
  size_t i = 0;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    std::string seg = path.substr(i, j - i);
    if (seg == "..") {
      if (parts.empty()) return std::nullopt;
      parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    i = j + 1;
  }
  return join(parts, "/");
}

std::shared_ptr<GitRepo> GitRepo::try_open(const std::string& path) {
  init_libgit2();
  std::error_code ec;
  std::string p = path.empty() ? "." : path;
  bool on_disk = fs::exists(p, ec);
  std::string from = on_disk ? p : ".";
  git_repository* r = nullptr;
  int rc = git_repository_open_ext(&r, from.c_str(), GIT_REPOSITORY_OPEN_FROM_ENV, nullptr);
  if (rc == GIT_ENOTFOUND) return nullptr;
  check(rc);
  std::shared_ptr<GitRepo> g(new GitRepo());
  g->repo_ = r;
  std::string base;
  if (!git_repository_is_bare(r)) {
    auto rel = g->tree_path_of(from);
    if (!rel) throw SystemError(msg_of(msg::git_outside, from));
    base = *rel;
  }
  if (!on_disk) {
    auto rel = normalize_rel(join_path(base, p));
    if (!rel || p[0] == '/') throw SystemError(msg_of(msg::git_outside, p));
    base = *rel;
  }
  g->start_ = base;
  return g;
}

std::shared_ptr<GitRepo> GitRepo::open(const std::string& path) {
  auto g = try_open(path);
  if (!g) throw SystemError(msg_of(msg::git_not_repo, path.empty() ? "." : path));
  return g;
}

void GitRepo::init(const std::string& dir) {
  init_libgit2();
  git_repository* r = nullptr;
  check(git_repository_init(&r, dir.c_str(), 0));
  git_repository_free(r);
}

GitRepo::~GitRepo() { git_repository_free(repo_); }

bool GitRepo::bare() const { return git_repository_is_bare(repo_) == 1; }
bool GitRepo::shallow() const { return git_repository_is_shallow(repo_) == 1; }

std::optional<std::string> GitRepo::tree_path_of(const std::string& disk_dir) const {
  const char* wd = git_repository_workdir(repo_);
  if (!wd) return std::nullopt;
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(fs::absolute(disk_dir, ec), ec);
  fs::path top = fs::weakly_canonical(fs::path(wd), ec);
  fs::path rel = dir.lexically_relative(top);
  std::string s = rel.generic_string();
  if (rel.empty() || s == "..") return std::nullopt;
  if (s.rfind("../", 0) == 0) return std::nullopt;
  return normalize_rel(s);
}

std::string GitRepo::merge_base(const std::string& a, const std::string& b) const {
  git_oid x, y, base;
  check(git_oid_fromstr(&x, a.c_str()));
  check(git_oid_fromstr(&y, b.c_str()));
  int rc = git_merge_base(&base, repo_, &x, &y);
  if (rc == GIT_ENOTFOUND) return a;
  check(rc);
  return hex(&base);
}

std::string GitRepo::resolve(const std::string& rev) const {
  git_object* o = nullptr;
  int rc = rev.empty() ? GIT_ENOTFOUND : git_revparse_single(&o, repo_, rev.c_str());
  Object obj(o);
  auto unknown = [&] { return SystemError(msg_of(msg::git_unknown_rev, rev), msg_of(msg::git_help_rev)); };
  if (rc == GIT_ENOTFOUND || rc == GIT_EINVALIDSPEC || rc == GIT_EAMBIGUOUS || rc == GIT_EUNBORNBRANCH) throw unknown();
  check(rc);
  git_object* c = nullptr;
  rc = git_object_peel(&c, obj.get(), GIT_OBJECT_COMMIT);
  Object commit(c);
  if (rc < 0) throw unknown();
  return hex(git_object_id(c));
}

namespace {

Tree commit_tree(git_repository* repo, const std::string& commit) {
  git_oid id;
  check(git_oid_fromstr(&id, commit.c_str()));
  git_commit* c = nullptr;
  check(git_commit_lookup(&c, repo, &id));
  Commit cm(c);
  git_tree* t = nullptr;
  check(git_commit_tree(&t, c));
  return Tree(t);
}

bool has_blob(const git_tree* tree, const std::string& path) {
  git_tree_entry* e = nullptr;
  if (git_tree_entry_bypath(&e, tree, path.c_str()) < 0) return false;
  TreeEntry entry(e);
  return git_tree_entry_type(e) == GIT_OBJECT_BLOB;  // a file, or a link (resolved when it is read)
}

}  // namespace

std::optional<std::string> GitRepo::find_samverkan_root(const std::string& commit) const {
  Tree tree = commit_tree(repo_, commit);
  for (std::string d = start_;; d = parent_of(d)) {
    if (has_blob(tree.get(), join_path(d, "samverkan.yaml"))) return d;
    if (d.empty()) break;
  }
  return std::nullopt;
}

std::string GitRepo::samverkan_root(const std::string& commit, const std::string& rev) const {
  if (auto root = find_samverkan_root(commit)) return *root;
  throw SystemError(msg_of(msg::git_config_missing, rev, start_.empty() ? "." : start_), msg_of(msg::help_init));
}

namespace {

// What a revision's tree and the index share: blobs read while listing (on
// the listing thread: libgit2 handles are not shared across the loader's
// threads, and a corrupt object is an error there), any other file resolved
// by the rules of files.h through look_up().
class BlobSource : public Source {
 public:
  explicit BlobSource(std::shared_ptr<GitRepo> git) : git_(std::move(git)) {}

  bool read(const std::string& path, std::string& out, ReadError& error) const override {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = contents_.find(path);
    if (it != contents_.end()) {
      out.swap(it->second);  // each file is read once
      contents_.erase(it);
      return true;
    }
    Resolved resolved = resolve(path);
    if (auto refused = read_error_of(resolved)) {
      error = std::move(*refused);
      return false;
    }
    git_oid id = blob_id(resolved.path);
    out = read_blob(&id);
    return true;
  }

  std::string root_dir() const override { return ""; }

 protected:
  // An entry as it is (a link's blob holds its target).
  virtual PathEntry look_up(const std::string& rel) const = 0;
  // The blob of a path that look_up() found to be a file.
  virtual git_oid blob_id(const std::string& rel) const = 0;

  // Reads the listed blobs (and sorts the listing).
  void keep_blobs(std::vector<Listed>& out, const std::vector<std::pair<std::string, git_oid>>& blobs) const {
    std::lock_guard<std::mutex> lock(mu_);
    for (const auto& [path, id] : blobs) contents_[path] = read_blob(&id);
    std::sort(out.begin(), out.end(), [](const Listed& a, const Listed& b) { return a.path < b.path; });
  }

  // A link met while listing: a problem, or nothing to list.
  void list_link(const std::string& path, const std::string& name, std::vector<Listed>& out) const {
    if (auto problem = link_problem(resolve(path), is_data_file_name(name)))
      out.push_back(Listed{path, problem->code, std::move(problem->message)});
  }

  std::string read_blob(const git_oid* id) const {
    git_blob* b = nullptr;
    check(git_blob_lookup(&b, git_->raw(), id));
    Blob blob(b);
    return std::string(static_cast<const char*>(git_blob_rawcontent(b)), static_cast<size_t>(git_blob_rawsize(b)));
  }

  PathEntry entry_of(git_filemode_t mode, const git_oid* id) const {
    switch (mode) {
      case GIT_FILEMODE_TREE: return PathEntry{PathEntry::Type::dir};
      case GIT_FILEMODE_BLOB:
      case GIT_FILEMODE_BLOB_EXECUTABLE: return PathEntry{PathEntry::Type::file};
      case GIT_FILEMODE_LINK: return PathEntry{PathEntry::Type::link, read_blob(id)};
      default: return PathEntry{PathEntry::Type::other};  // a submodule
    }
  }

  std::shared_ptr<GitRepo> git_;

 private:
  Resolved resolve(const std::string& rel) const {
    return resolve_path(rel, [this](const std::string& p) { return look_up(p); });
  }

  mutable std::mutex mu_;
  mutable std::map<std::string, std::string> contents_;
};

class GitSource : public BlobSource {
 public:
  GitSource(std::shared_ptr<GitRepo> git, const std::string& commit, const std::string& root)
      : BlobSource(std::move(git)), root_(root) {
    Tree top = commit_tree(git_->raw(), commit);
    tree_ = subtree(git_->raw(), top.get(), root);
    if (!tree_) throw SystemError(msg_of(msg::git_corrupt, root));
  }

  std::vector<Listed> list(const Excluded& excluded) const override {
    std::vector<Listed> out;
    std::vector<std::pair<std::string, git_oid>> blobs;
    walk(tree_.get(), "", excluded, out, blobs);
    keep_blobs(out, blobs);
    return out;
  }

  std::string cache_scope() const override {
    return std::string("git:") + git_repository_path(git_->raw()) + ":" + root_;
  }

 private:
  // The same rules as the work tree: hidden names skipped, samverkan.yaml at
  // the root is the configuration, symbolic links never followed while
  // listing, submodules (commits of other repositories) not part of the data.
  void walk(const git_tree* tree, const std::string& rel, const Excluded& excluded, std::vector<Listed>& out,
            std::vector<std::pair<std::string, git_oid>>& blobs) const {
    size_t n = git_tree_entrycount(tree);
    for (size_t i = 0; i < n; ++i) {
      const git_tree_entry* e = git_tree_entry_byindex(tree, i);
      std::string name = git_tree_entry_name(e);
      if (name.empty() || name[0] == '.') continue;
      std::string path = join_path(rel, name);
      if (rel.empty() && name == "samverkan.yaml") continue;
      if (excluded(path)) continue;
      git_filemode_t mode = git_tree_entry_filemode(e);
      if (mode == GIT_FILEMODE_LINK) {
        list_link(path, name, out);
      } else if (mode == GIT_FILEMODE_TREE) {
        git_tree* t = nullptr;
        check(git_tree_lookup(&t, git_->raw(), git_tree_entry_id(e)));
        Tree sub(t);
        walk(t, path, excluded, out, blobs);
      } else if ((mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE) && is_data_file_name(name)) {
        out.push_back(Listed{path, nullptr, {}});
        blobs.emplace_back(path, *git_tree_entry_id(e));
      }
    }
  }

  PathEntry look_up(const std::string& rel) const override {
    git_tree_entry* e = nullptr;
    int rc = git_tree_entry_bypath(&e, tree_.get(), rel.c_str());
    if (rc == GIT_ENOTFOUND) return PathEntry{};
    check(rc);
    TreeEntry entry(e);
    return entry_of(git_tree_entry_filemode(e), git_tree_entry_id(e));
  }

  git_oid blob_id(const std::string& rel) const override {
    git_tree_entry* e = nullptr;
    check(git_tree_entry_bypath(&e, tree_.get(), rel.c_str()));
    TreeEntry entry(e);
    return *git_tree_entry_id(e);
  }

  std::string root_;
  Tree tree_;
};

using Index = Ptr<git_index, git_index_free>;

// The index as a tree: its staged entries below the root, by path relative
// to it. Copied once, so that nothing shares the libgit2 index afterwards.
class IndexSource : public BlobSource {
 public:
  IndexSource(std::shared_ptr<GitRepo> git, const git_index* index, const std::string& root)
      : BlobSource(std::move(git)), root_(root) {
    std::string prefix = root.empty() ? "" : root + "/";
    size_t n = git_index_entrycount(index);
    for (size_t i = 0; i < n; ++i) {
      const git_index_entry* e = git_index_get_byindex(const_cast<git_index*>(index), i);
      std::string path = e->path;
      // A conflict is not staged yet; `git add -N` stages a name, no content.
      bool staged = git_index_entry_stage(e) == 0 && !(e->flags_extended & GIT_INDEX_ENTRY_INTENT_TO_ADD);
      if (!staged || path.compare(0, prefix.size(), prefix) != 0) continue;
      std::string rel = path.substr(prefix.size());
      entries_[rel] = {static_cast<git_filemode_t>(e->mode), e->id};
      for (std::string d = parent_of(rel); !d.empty() && dirs_.insert(d).second;) d = parent_of(d);
    }
  }

  // Every path is checked as the tree walk checks it, folder by folder:
  // hidden names and excluded folders hide what lies below them.
  std::vector<Listed> list(const Excluded& excluded) const override {
    std::vector<Listed> out;
    std::vector<std::pair<std::string, git_oid>> blobs;
    std::map<std::string, bool> skipped;  // folder → hidden or excluded, or below one that is
    std::function<bool(const std::string&, bool)> skip = [&](const std::string& path, bool is_dir) {
      if (is_dir)
        if (auto it = skipped.find(path); it != skipped.end()) return it->second;
      std::string parent = parent_of(path);
      std::string name = parent.empty() ? path : path.substr(parent.size() + 1);
      bool hidden = (!parent.empty() && skip(parent, true)) || name.empty() || name[0] == '.' || excluded(path);
      if (is_dir) skipped[path] = hidden;
      return hidden;
    };
    for (const auto& [path, entry] : entries_) {
      if (path == "samverkan.yaml" || skip(path, false)) continue;
      std::string parent = parent_of(path);
      std::string name = parent.empty() ? path : path.substr(parent.size() + 1);
      if (entry.mode == GIT_FILEMODE_LINK) {
        list_link(path, name, out);
      } else if ((entry.mode == GIT_FILEMODE_BLOB || entry.mode == GIT_FILEMODE_BLOB_EXECUTABLE) &&
                 is_data_file_name(name)) {
        out.push_back(Listed{path, nullptr, {}});
        blobs.emplace_back(path, entry.id);
      }
    }
    keep_blobs(out, blobs);
    return out;
  }

  std::string cache_scope() const override {
    return std::string("index:") + git_repository_path(git_->raw()) + ":" + root_;
  }

 private:
  struct Entry {
    git_filemode_t mode;
    git_oid id;
  };

  PathEntry look_up(const std::string& rel) const override {
    if (rel.empty() || dirs_.count(rel)) return PathEntry{PathEntry::Type::dir};
    auto it = entries_.find(rel);
    if (it == entries_.end()) return PathEntry{};
    return entry_of(it->second.mode, &it->second.id);
  }

  git_oid blob_id(const std::string& rel) const override { return entries_.at(rel).id; }

  std::string root_;
  std::map<std::string, Entry> entries_;
  std::set<std::string> dirs_;
};

// The samverkan root among the index's paths, from `start` upwards.
std::optional<std::string> index_root(git_index* index, const std::string& start) {
  for (std::string d = start;; d = parent_of(d)) {
    if (git_index_get_bypath(index, join_path(d, "samverkan.yaml").c_str(), 0)) return d;
    if (d.empty()) return std::nullopt;
  }
}

}  // namespace

std::unique_ptr<Source> open_git_index(std::shared_ptr<GitRepo> git) {
  git_index* raw = nullptr;
  check(git_repository_index(&raw, git->raw()));
  Index index(raw);
  auto root = index_root(raw, git->start());
  if (!root) throw SystemError(msg_of(msg::git_index_config_missing, git->start().empty() ? "." : git->start()),
                               msg_of(msg::help_init));
  return std::make_unique<IndexSource>(git, raw, *root);
}

std::unique_ptr<Source> open_git_revision(std::shared_ptr<GitRepo> git, const std::string& rev) {
  std::string commit = git->resolve(rev);
  std::string root = git->samverkan_root(commit, rev);
  return std::make_unique<GitSource>(std::move(git), commit, root);
}

std::unique_ptr<Source> open_git_revision(const std::string& path, const std::string& rev) {
  return open_git_revision(GitRepo::open(path), rev);
}

}  // namespace sv

std::string sv::git_library_version() {
  int major = 0, minor = 0, rev = 0;
  git_libgit2_version(&major, &minor, &rev);
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(rev);
}
