#include "render/status.h"

#include <algorithm>
#include <cmath>

#include "core/msg/render.h"

namespace sv::render {

const char* status_key(ActStatus status) {
  switch (status) {
    case ActStatus::not_started: return "not-started";
    case ActStatus::ongoing: return "ongoing";
    case ActStatus::soon_late: return "soon-late";
    case ActStatus::late: return "late";
    case ActStatus::done: return "done";
    case ActStatus::cancelled: return "cancelled";
    case ActStatus::postponed: return "postponed";
  }
  return "";
}

const char* status_symbol(ActStatus status) {
  switch (status) {
    case ActStatus::not_started: return "○";
    case ActStatus::ongoing: return "◐";
    case ActStatus::soon_late: return "⚠";
    case ActStatus::late: return "●";
    case ActStatus::done: return "✓";
    case ActStatus::cancelled: return "✗";
    case ActStatus::postponed: return "↷";
  }
  return "";
}

const Tr& status_label(ActStatus status) {
  switch (status) {
    case ActStatus::not_started: return msg::r_st_not_started;
    case ActStatus::ongoing: return msg::r_st_ongoing;
    case ActStatus::soon_late: return msg::r_st_soon_late;
    case ActStatus::late: return msg::r_st_late;
    case ActStatus::done: return msg::r_st_done;
    case ActStatus::cancelled: return msg::r_st_cancelled;
    case ActStatus::postponed: return msg::r_st_postponed;
  }
  return msg::r_st_not_started;
}

std::string format_number(double value, Lang lang) {
  std::string text = fmt::format("{:.2f}", value);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  if (text == "-0") text = "0";
  size_t dot = text.find('.');
  std::string frac = dot == std::string::npos ? "" : (lang == Lang::sv ? "," : ".") + text.substr(dot + 1);
  std::string whole = text.substr(0, dot);
  size_t digits = whole.size() - (whole[0] == '-');
  if (digits > 4) {  // 10 000 and up in groups of three: "1 500 000" / "1,500,000"
    const char* sep = lang == Lang::sv ? "\u00a0" : ",";
    std::string grouped;
    for (size_t i = 0; i < whole.size(); ++i) {
      size_t left = whole.size() - i;
      if (i > (whole[0] == '-' ? 1u : 0u) && left % 3 == 0) grouped += sep;
      grouped += whole[i];
    }
    whole = grouped;
  }
  return whole + frac;
}

}  // namespace sv::render
