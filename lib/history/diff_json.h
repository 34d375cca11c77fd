// The JSON form of an entity's changes, shared by `diff` and `log`. Private
// to lib/ (nlohmann is not part of the library's interface).
#pragma once

#include <nlohmann/json.hpp>

#include "history/diff.h"

namespace sv {

// [{"object": [{"type", "key"}...], "change", "fields": [{"field", "old", "new"}]}]
nlohmann::ordered_json changes_json(const EntityDiff& e);

}  // namespace sv
