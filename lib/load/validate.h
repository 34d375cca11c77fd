// Cross-file validation: ids unique across the repository, every reference
// resolved and of the right kind, no parent loops. Fills Repo::ids.
#pragma once

#include <vector>

#include "core/finding.h"
#include "core/model.h"

namespace sv {

void index_and_validate(Repo& repo, std::vector<Finding>& findings, unsigned threads = 0);  // 0: one per core

// Resolves "id" or "id#local" to the entity it names (the parent for nested ids).
const Entity* resolve(const Repo& repo, const std::string& ref);

}  // namespace sv
