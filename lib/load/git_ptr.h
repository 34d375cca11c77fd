// libgit2 handles as unique_ptrs, and its errors as SystemError. Private to
// git.cpp and history.cpp, the only files that include git2.h.
#pragma once

#include <git2.h>

#include <memory>
#include <string>

#include "core/errors.h"
#include "core/msg/git.h"

namespace sv::gitp {

template <class T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
template <class T, void (*Free)(T*)>
using Ptr = std::unique_ptr<T, Deleter<T, Free>>;

using Object = Ptr<git_object, git_object_free>;
using Tree = Ptr<git_tree, git_tree_free>;
using TreeEntry = Ptr<git_tree_entry, git_tree_entry_free>;
using Blob = Ptr<git_blob, git_blob_free>;
using Commit = Ptr<git_commit, git_commit_free>;

// The last libgit2 error's text.
inline std::string last_error() {
  const git_error* e = git_error_last();
  return e && e->message ? e->message : "?";
}

// Throws SystemError (corrupt or unreadable repository) when rc < 0.
inline void check(int rc) {
  if (rc < 0) throw SystemError(msg_of(msg::git_corrupt, last_error()));
}

inline std::string hex(const git_oid* id) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, id);
  return buf;
}

// The subtree at `path` ("" for the tree itself), or null when there is none.
inline Tree subtree(git_repository* repo, const git_tree* root, const std::string& path) {
  git_tree* t = nullptr;
  if (path.empty()) {
    check(git_tree_dup(&t, const_cast<git_tree*>(root)));
    return Tree(t);
  }
  git_tree_entry* e = nullptr;
  if (git_tree_entry_bypath(&e, root, path.c_str()) < 0) return nullptr;
  TreeEntry entry(e);
  if (git_tree_entry_type(e) != GIT_OBJECT_TREE) return nullptr;
  check(git_tree_lookup(&t, repo, git_tree_entry_id(e)));
  return Tree(t);
}

}  // namespace sv::gitp
