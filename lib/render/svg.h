// Pictures as inline SVG, made by the program: every text in them escaped,
// each with a <title> and <desc> for screen readers.
#pragma once

#include <string>
#include <vector>

#include "core/dates.h"
#include "core/messages.h"

namespace sv::render {

struct GanttRow {
  std::string label;   // shown at the left (the activity's id)
  std::string title;   // the activity's title, in the bar's tooltip
  Date start, end;     // inclusive
  std::string status;  // css class of the status
  std::string symbol;  // shown after the bar, so status is not colour alone
  std::string status_text;
};
// A Gantt chart over [from, to] with a line for today when it falls inside.
std::string gantt_svg(const std::string& id, const std::string& title, const std::string& desc,
                      const std::vector<GanttRow>& rows, Date from, Date to, Date today, Lang lang);

struct WheelEvent {
  Date date;
  int category = 0;  // 0 meeting, 1 follow-up, 2 deadline, 3 obligation (ring, outside in)
  std::string text;
};
// The year as a wheel of twelve months with a dot per event on its ring.
std::string wheel_svg(const std::string& id, const std::string& title, const std::string& desc,
                      int year, const std::vector<WheelEvent>& events, Date today, Lang lang);

}  // namespace sv::render
