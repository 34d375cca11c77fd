// Where the data comes from: a work tree on disk, a git revision (git.h), or
// files held in memory. A source lists candidate data files and reads them;
// it knows nothing of YAML.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/codes.h"
#include "core/errors.h"
#include "core/messages.h"

namespace sv {

// Files larger than this are not read (a source reads at most one byte more,
// so that the loader can tell).
inline constexpr size_t kMaxFileBytes = size_t(64) << 20;

// A listed path; `code` is set when the path cannot be read as data.
struct Listed {
  std::string path;          // relative to the root, '/'-separated
  Code code;  // e.g. code::symlink_outside; none (null) when the path is data
  Message problem;
};

// Why a file of the repository was not read.
struct ReadError {
  Code code = code::file_unreadable;  // or symlink_outside, symlink_loop, symlink_broken
  Message message;
  bool missing = false;  // nothing at the path (and no link leading there): code is file_unreadable
};

// Says whether a relative path (file or directory) is excluded.
using Excluded = std::function<bool(const std::string& rel)>;

class Source {
 public:
  virtual ~Source() = default;
  // Data file candidates (*.yaml, *.yml; not hidden, not samverkan.yaml,
  // not excluded), sorted by path, with problems found while listing.
  virtual std::vector<Listed> list(const Excluded& excluded) const = 0;
  // Reads a file of the repository: data, samverkan.yaml, a template, a
  // baseline. The one way anything reads one: a symbolic link on the path is
  // followed only while it stays inside the root (files.h), the same in the
  // work tree and at a revision. Safe to call from several threads at once.
  virtual bool read(const std::string& path, std::string& out, ReadError& error) const = 0;
  // The root directory on disk, or "" when there is none (a git revision).
  virtual std::string root_dir() const = 0;
  // Names this source for the cache: one pack of entries per scope.
  virtual std::string cache_scope() const { return root_dir(); }
};

// The nearest directory, from `start` upwards, holding samverkan.yaml.
// Throws SystemError when there is none.
std::string find_root(const std::string& start);

// The work tree at `root` (an absolute path with no symbolic link in it, as
// find_root gives). A folder holding `.git` below the root is another
// repository (a submodule): neither listed nor read, as at a revision.
std::unique_ptr<Source> open_worktree(const std::string& root);

// Files held in memory, path ('/'-separated, relative to the root) →
// content: for tests, the fuzz targets and an editor's unsaved buffers. It
// lists as the work tree does (data file names only; nothing hidden or
// excluded, nor below a hidden or excluded folder; samverkan.yaml at the
// root apart) and has no links, so it reads its files and nothing else.
class MemorySource : public Source {
 public:
  explicit MemorySource(std::map<std::string, std::string> files) : files_(std::move(files)) {}
  std::vector<Listed> list(const Excluded& excluded) const override;
  bool read(const std::string& path, std::string& out, ReadError& error) const override;
  std::string root_dir() const override { return ""; }

 private:
  std::map<std::string, std::string> files_;  // sorted by path, as list() gives them
};

// A source with some files' text replaced: an editor's open documents over
// the work tree. A path held here reads as its text, on disk or not; the
// rest reads from the base. Listing adds the held data files the base does
// not list, by MemorySource's rules. set() and drop() must not run while a
// load reads the source.
class OverlaySource : public Source {
 public:
  explicit OverlaySource(std::unique_ptr<Source> base) : base_(std::move(base)) {}
  std::vector<Listed> list(const Excluded& excluded) const override;
  bool read(const std::string& path, std::string& out, ReadError& error) const override;
  std::string root_dir() const override { return base_->root_dir(); }
  std::string cache_scope() const override { return base_->cache_scope(); }
  void set(const std::string& path, std::string text) { texts_[path] = std::move(text); }
  void drop(const std::string& path) { texts_.erase(path); }
  bool holds(const std::string& path) const { return texts_.count(path) > 0; }

 private:
  std::unique_ptr<Source> base_;
  std::map<std::string, std::string> texts_;
};

inline bool is_data_file_name(const std::string& name) {
  auto ends = [&](const char* s) {
    std::string_view x(s);
    return name.size() > x.size() && name.compare(name.size() - x.size(), x.size(), x) == 0;
  };
  return ends(".yaml") || ends(".yml");
}

}  // namespace sv
