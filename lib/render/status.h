// What the pages say about statuses, progress and enumerated values: the
// rules that turn the model's written values and "today" into what is shown.
// Self-contained on purpose: these are to become calls into lib/core's status
// and enum tables, with the same signatures.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/messages.h"
#include "core/model.h"

namespace sv::render {

// An activity's status as shown, from its written status, its dates and today:
// done and cancelled as written; postponed as written; late when due < today;
// soon late when due is within 14 days; ongoing when start <= today or the
// status says ongoing; not started otherwise.
enum class ActStatus { not_started, ongoing, soon_late, late, done, cancelled, postponed };
inline constexpr int kSoonLateDays = 14;
ActStatus activity_status(const Activity& activity, const Date& today);
const char* status_key(ActStatus status);    // css class: "late", "soon-late", ...
const char* status_symbol(ActStatus status);  // ✓ ◐ ○ ...
const Tr& status_label(ActStatus status);

// How far a goal has come from its baseline towards its target, by its
// latest measurement (by date), in the goal's direction.
struct Progress {
  bool measured = false;    // there is a measurement
  bool computable = false;  // baseline and target allow a percentage
  int percent = 0;          // 0..100, when computable
  bool reached = false;     // the latest measurement meets the target
  double latest = 0;
  Date latest_date;
};
// Only measurements dated on or before `until` count, when given.
Progress goal_progress(const Goal& goal, const std::optional<Date>& until = {});

// An open action whose due date has passed.
bool action_overdue(const Action& action, const Date& today);

// The plan of a collaboration that is current on `today`: the one whose period
// holds today (approved before draft, then the latest start), else the latest.
const Plan* current_plan(const Repo& repo, std::string_view collaboration, const Date& today);

// The label of an enumerated value (field: "org", "forum", "meeting", ...);
// the value itself when it is not one the format knows.
std::string enum_text(std::string_view field, std::string_view value, Lang lang);

// A number as people write it: no trailing zeros, decimal comma in Swedish.
std::string format_number(double value, Lang lang);

// What follows a goal's values for its unit: " %", " dagar", ...; empty for none.
std::string unit_suffix(std::string_view unit, Lang lang);

}  // namespace sv::render
