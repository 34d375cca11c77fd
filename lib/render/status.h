// How the pages show statuses and values: an activity status's css class,
// symbol and words, numbers as people write them, the unit after a value.
// What a status *is* (late, overdue, progress, the current plan) is decided
// once in core/status.h; enumerated values' labels come from core/enums.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/enums.h"
#include "core/messages.h"
#include "core/model.h"
#include "core/status.h"

namespace sv::render {

// The statuses and progress themselves are core/status.h (said once for
// reports and rules); what follows is how a page shows them.
const char* status_key(ActStatus status);    // css class: "late", "soon-late", ...
const char* status_symbol(ActStatus status);  // ✓ ◐ ○ ...
const Tr& status_label(ActStatus status);

// A number as people write it: no trailing zeros, decimal comma in Swedish.
std::string format_number(double value, Lang lang);

// What follows a goal's values for its unit is core's unit_suffix (core/enums.h):
// the diff says it too.

}  // namespace sv::render
