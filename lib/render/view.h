// The view model: what the pages show, computed from the model and "today".
// Every value is plain text; the templates escape it for their format.
#pragma once

#include <kainjow/mustache.hpp>
#include <memory>
#include <optional>
#include <unordered_map>
#include <string>
#include <vector>

#include "core/messages.h"
#include "core/model.h"

namespace sv::render {

using Data = kainjow::mustache::data;

// An activity's status as shown, from its written status, its dates and today:
// done and cancelled as written; postponed as written; late when due < today;
// soon late when due is within 14 days; ongoing when start <= today or the
// status says ongoing; not started otherwise.
enum class ActStatus { not_started, ongoing, soon_late, late, done, cancelled, postponed };
inline constexpr int kSoonLateDays = 14;
ActStatus activity_status(const Activity& a, const Date& today);
const char* status_key(ActStatus s);    // css class: "late", "soon-late", ...
const char* status_symbol(ActStatus s);  // ✓ ◐ ○ ...
const Tr& status_label(ActStatus s);

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
Progress goal_progress(const Goal& g, const std::optional<Date>& until = {});

// An open action whose due date has passed.
bool action_overdue(const Action& a, const Date& today);

// The plan of a collaboration that is current on `today`: the one whose period
// holds today (approved before draft, then the latest start), else the latest.
const Plan* current_plan(const Repo& repo, std::string_view collaboration, const Date& today);

// The label of an enumerated value (field: "org", "forum", "meeting", ...);
// the value itself when it is not one the format knows.
std::string enum_text(std::string_view field, std::string_view value, Lang lang);

// A number as people write it: no trailing zeros, decimal comma in Swedish.
std::string format_number(double v, Lang lang);

// What belongs to each collaboration, found once per rendering.
struct Index {
  std::unordered_map<std::string, std::vector<const Meeting*>> meetings;  // by date, id
  std::unordered_map<std::string, std::vector<const Plan*>> plans;        // by period start, id
  std::unordered_map<std::string, std::vector<const Forum*>> forums;      // in file order
};

struct View {
  const Repo& repo;
  Lang lang;
  Date today;
  std::shared_ptr<const Index> index;
};
View make_view(const Repo& repo, Lang lang, const Date& today);

// Page data. Each has "title"; HTML pages also get "svg_*" strings made by svg.cpp.
Data index_view(const View& v);
Data collaboration_view(const View& v, const Collaboration& c);
Data plan_view(const View& v, const Plan& p);
Data meeting_view(const View& v, const Meeting& m);
// A report for a collaboration and period; `narrative` is the written report, if any.
Data report_view(const View& v, const Collaboration& c, const Period& period, const Report* narrative);
Data organisation_view(const View& v, const Organisation& o);
Data directory_view(const View& v);

// The labels of the render catalogue, as "t.<name>" for templates.
Data labels(Lang lang);

// Page file names in the site, from ids; empty for an id that is not id-shaped.
std::string page_of(Kind k, std::string_view id);

}  // namespace sv::render
