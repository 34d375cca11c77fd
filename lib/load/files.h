// Repository files: how a path of the repository is resolved and opened.
// Every reader of a repository file goes through Source::read, and both
// sources (the work tree in source.cpp, a git revision in git.cpp) resolve
// paths here, so a symbolic link means the same everywhere: it is followed
// only while its target stays inside the root. This file and the cache's
// own pack (cache.cpp) are the only places that open a file to read it
// (tests/unit/test_files.cpp holds the rest of the code to that).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "load/source.h"

namespace sv {

// One path of a tree as it is, a link not followed.
struct PathEntry {
  enum class Type { missing, dir, file, link, other, unreadable };
  Type type = Type::missing;
  std::string target;  // a link's target, as written
  int error = 0;       // unreadable: the errno
};
// Looks up a path relative to the root ('/'-separated, no "." or "..").
// A submodule (another repository) is `other`.
using LookUp = std::function<PathEntry(const std::string& rel)>;

// Links followed in one path at most, as Linux does; more is a loop.
inline constexpr int kMaxLinks = 40;

// Where a path leads.
struct Resolved {
  std::string path;  // relative to the root, with no link on it
  PathEntry::Type type = PathEntry::Type::missing;  // what `path` is: never link
  Code code;            // null, or symlink_outside / symlink_loop when a link was refused
  std::string target;   // the target of the last link met ("" when none); of the first for a loop
  int error = 0;        // unreadable: the errno
};

// Resolves `rel` component by component as the system would, with one rule
// more: a link is followed only when its target is relative and does not
// climb above the root (an absolute one names something else on every
// machine, and nothing in a git revision); more than kMaxLinks links, which
// is what a loop comes to, is symlink_loop.
Resolved resolve_path(const std::string& rel, const LookUp& look_up);

// What reading `resolved` as a file gives: nullopt when it is a file, else
// the error (a refused or broken link, nothing there, not a regular file).
std::optional<ReadError> read_error_of(const Resolved& resolved);

// What a link met while listing says: a link out of the root or a loop is
// always a problem; one whose target is missing only when it is named like
// a data file (`symlink-broken`); one that leads somewhere inside is none,
// as its target is read where it lives.
std::optional<ReadError> link_problem(const Resolved& resolved, bool data_name);

// The files of a work tree: its root opened once, every path resolved from it.
class WorkTreeFiles {
 public:
  explicit WorkTreeFiles(const std::string& root);
  ~WorkTreeFiles();
  WorkTreeFiles(const WorkTreeFiles&) = delete;
  WorkTreeFiles& operator=(const WorkTreeFiles&) = delete;

  PathEntry look_up(const std::string& rel) const;
  Resolved resolve(const std::string& rel) const;
  // Resolved, then opened following no link at all (O_NOFOLLOW on every
  // component), so that a link that appears meanwhile is not followed either.
  bool read(const std::string& rel, std::string& out, ReadError& error) const;
  // The same for a path the listing found as a regular file below real
  // folders (no link, no submodule): it needs no resolving, and the open
  // still refuses a link met on the way.
  bool read_listed(const std::string& rel, std::string& out, ReadError& error) const;

 private:
  int fd_ = -1;
  int error_ = 0;  // why the root could not be opened
};

// Reads a file named on the command line (a baseline). One inside the work
// tree at `root` ("" when there is none) is a repository file, read by its
// rules; one outside is the user's own, read as named. Only regular files
// are read, never blocking on a FIFO.
bool read_named_file(const std::string& root, const std::string& path, std::string& out, ReadError& error);

}  // namespace sv
