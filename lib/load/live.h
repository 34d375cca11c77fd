// A repository kept in memory and changed one file at a time: what the
// language server checks as the user types. An update re-reads that file,
// puts its entities in place of the old ones, rebuilds the id indexes and
// re-checks the references of that file and of the files that name what it
// declared or declares; everything else keeps its findings. The result is
// the same as loading the whole repository again (tests/unit/test_live.cpp
// holds it to that).
#pragma once

#include <array>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/finding.h"
#include "core/model.h"
#include "load/repository.h"
#include "load/source.h"

namespace sv {

class LiveRepo {
 public:
  // Loads everything from `src` (SystemError when samverkan.yaml cannot be read).
  LiveRepo(std::shared_ptr<const Source> src, LoadOptions opt);

  // The repository with its findings: `findings` holds the validation
  // findings of every file, sorted (after update() as after a full load).
  const Loaded& loaded() const { return loaded_; }
  // For the lint engine, which adds its findings to `findings` for a while:
  // the caller puts them back as they were (lint_findings() does).
  Loaded& loaded_for_lint() { return loaded_; }

  // The file's index in Repo::files, or -1 when the repository has no such file.
  int file_index(const std::string& path) const;

  // Reads one file again from the source. Returns the files whose findings
  // may have changed, sorted. A file the repository does not hold, or
  // samverkan.yaml, means a reload() (its result: every file).
  std::vector<int> update(const std::string& path);
  // Loads everything again: files added or removed, samverkan.yaml changed.
  void reload();

  // The validation findings of one file, sorted.
  const std::vector<Finding>& findings_of(int file) const;

 private:
  static constexpr size_t kKinds = kKindCount;
  using Counts = std::array<uint32_t, kKinds>;
  void index_all();
  void check_file(int file);
  void rebuild_globals(std::unordered_set<int>& touched);
  void join_findings();
  void note_refs(int file, bool add);
  size_t offset_of(int file, size_t k) const;
  template <class F>
  void for_each_in_file(int file, F&& f) const;
  std::vector<std::pair<std::string, EntityRef>> ids_of(int file) const;
  std::vector<std::pair<std::string, Nested>> nested_of(int file) const;

  std::shared_ptr<const Source> src_;
  LoadOptions opt_;
  Loaded loaded_;
  std::vector<Counts> counts_;                    // entities of each kind per file
  std::vector<std::vector<Finding>> load_;        // each file's own findings
  std::vector<std::vector<Finding>> references_;  // each file's reference findings
  std::vector<Finding> global_;                   // duplicate ids, parent loops
  std::vector<Finding> duplicates_, cycles_;      // the two parts of global_
  std::unordered_set<std::string> duplicated_;    // the ids declared more than once
  std::vector<std::vector<Finding>> per_file_;    // all three, per file, sorted
  // Which files name an id (the part before '#'), for re-checking them.
  std::unordered_map<std::string, std::vector<int>> named_by_;
};

}  // namespace sv
