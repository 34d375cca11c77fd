// Cross-file validation: ids unique across the repository, every reference
// resolved and of the right kind, no parent loops. Fills Repo::ids.
#pragma once

#include <memory>
#include <vector>

#include "core/finding.h"
#include "core/model.h"

namespace sv {

void index_and_validate(Repo& repo, std::vector<Finding>& findings, unsigned threads = 0);  // 0: one per core

// The steps of index_and_validate, for a repository kept in memory and
// changed a file at a time (live.h).
// Fills Repo::ids (cleared first); a later declaration of an id is `id-duplicate`.
void index_ids(Repo& repo, std::vector<Finding>& findings);
// Fills Repo::nested_ids (cleared first).
void index_nested_ids(Repo& repo);
// Checks references against the indexes; it reads the repository as it is
// when check() is called, so make a new one after the indexes change.
class Suggestions;
class ReferenceChecker {
 public:
  explicit ReferenceChecker(const Repo& repo);
  ~ReferenceChecker();
  // Safe to call from several threads at once.
  void check(const std::vector<RefUse>& refs, std::vector<Finding>& out);

 private:
  const Repo& repo_;
  std::unique_ptr<Suggestions> suggest_;
};
// Loops of `parent` links among organisations and collaborations.
void check_parent_cycles(const Repo& repo, std::vector<Finding>& findings);

// Resolves "id" or "id#local" to the entity it names (the parent for nested ids).
const Entity* resolve(const Repo& repo, const std::string& ref);

}  // namespace sv
