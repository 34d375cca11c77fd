// Reading the data from git (libgit2): a revision's tree as a Source, without
// a checkout and in bare repositories too.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "load/source.h"

struct git_repository;

namespace sv {

class GitRepo {
 public:
  // Opens the git repository that holds `path`, found like git does (from the
  // path upwards; GIT_DIR and GIT_CEILING_DIRECTORIES are honoured). When
  // `path` does not exist on disk, the repository is found from the current
  // directory and `path` names a folder in its trees (so a bare repository
  // can be given a folder: `-C repo.git validate --rev HEAD examples/x`).
  // Throws SystemError when there is no repository.
  static std::shared_ptr<GitRepo> open(const std::string& path);
  // The same, but null when there is no git repository.
  static std::shared_ptr<GitRepo> try_open(const std::string& path);
  // Makes a new, empty repository in the folder `dir` (git init), with the
  // branch name git's configuration gives (init.defaultBranch). Throws SystemError.
  static void init(const std::string& dir);
  ~GitRepo();
  GitRepo(const GitRepo&) = delete;
  GitRepo& operator=(const GitRepo&) = delete;

  git_repository* raw() const { return repo_; }
  bool bare() const;
  bool shallow() const;
  // Where `path` lies in the repository's trees ('/'-separated, "" for the top).
  const std::string& start() const { return start_; }
  // The commit id (hex) a revision names. Throws SystemError for an unknown
  // revision, or one that names no commit.
  std::string resolve(const std::string& rev) const;
  // The samverkan root in the tree of `commit`: the nearest folder, from
  // start() upwards, holding samverkan.yaml. Throws SystemError; `rev` is
  // only for the message.
  std::string samverkan_root(const std::string& commit, const std::string& rev) const;
  // The same; nullopt when there is none.
  std::optional<std::string> find_samverkan_root(const std::string& commit) const;
  // The newest common ancestor of two commits (hex), as `git diff A...B`
  // compares from; `a` itself when they have none.
  std::string merge_base(const std::string& a, const std::string& b) const;
  // A folder on disk as a path in the trees; nullopt when it is outside the
  // work tree (or the repository is bare).
  std::optional<std::string> tree_path_of(const std::string& disk_dir) const;

 private:
  GitRepo() = default;
  git_repository* repo_ = nullptr;
  std::string start_;
};

// The data of a revision: the samverkan root found in its tree from `path`
// upwards (see GitRepo::open). Every blob is read while listing, so read() is
// thread-safe and a corrupt object stops the command (SystemError) instead of
// turning into a finding. Paths are relative to the samverkan root.
std::unique_ptr<Source> open_git_revision(const std::string& path, const std::string& rev);
std::unique_ptr<Source> open_git_revision(std::shared_ptr<GitRepo> git, const std::string& rev);

// The data staged in git's index (what the next commit will hold), for a
// pre-commit check: the samverkan root is found among the index's paths from
// GitRepo::start() upwards, and blobs are read from the object database, so
// unstaged edits in the work tree are not seen. The same rules as a revision
// (hidden names, links, submodules); conflicted paths (not staged yet) are
// not part of it. Throws SystemError when there is no index (a bare
// repository) or no samverkan.yaml in it.
std::unique_ptr<Source> open_git_index(std::shared_ptr<GitRepo> git);

// Lexically normalised '/'-separated relative path ("a/./b/../c" → "a/c",
// "." → ""); nullopt when it climbs above its start.
std::optional<std::string> normalize_rel(const std::string& path);

}  // namespace sv
