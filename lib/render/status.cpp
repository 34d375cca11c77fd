#include "render/status.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "core/msg/render.h"

namespace sv::render {

ActStatus activity_status(const Activity& activity, const Date& today) {
  std::string written = activity.status_or_default();
  if (written == "done") return ActStatus::done;
  if (written == "cancelled") return ActStatus::cancelled;
  if (written == "postponed") return ActStatus::postponed;
  if (activity.due && activity.due.v < today) return ActStatus::late;
  if (activity.due && activity.due.v.days() - today.days() <= kSoonLateDays) return ActStatus::soon_late;
  if ((activity.start && activity.start.v <= today) || written == "ongoing") return ActStatus::ongoing;
  return ActStatus::not_started;
}

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

Progress goal_progress(const Goal& goal, const std::optional<Date>& until) {
  Progress progress;
  const DatedValue* latest = nullptr;
  for (const auto& measurement : goal.measurements.v) {
    if (!measurement.value || (until && (!measurement.date || *until < measurement.date.v))) continue;
    if (!latest || (measurement.date && (!latest->date || latest->date.v <= measurement.date.v)))
      latest = &measurement;
  }
  if (!latest) return progress;
  progress.measured = true;
  progress.latest = latest->value.v;
  progress.latest_date = latest->date.v;
  if (!goal.target || !goal.target->value) return progress;
  double target = goal.target->value.v;
  std::string direction = goal.direction.v;
  bool has_base = goal.baseline && goal.baseline->value;
  double base = has_base ? goal.baseline->value.v : 0;
  if (direction.empty() && has_base) direction = target >= base ? "increase" : "decrease";
  if (direction == "decrease") progress.reached = progress.latest <= target;
  else progress.reached = progress.latest >= target;  // increase, maintain: at or above the target
  if (direction != "maintain" && has_base && target != base) {
    double fraction = (progress.latest - base) / (target - base);
    progress.computable = true;
    progress.percent = static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * 100));
  } else if (direction == "maintain") {
    progress.computable = true;
    progress.percent = progress.reached ? 100 : 0;
  }
  return progress;
}

bool action_overdue(const Action& action, const Date& today) {
  return action.status_or_default() == "open" && action.due && action.due.v < today;
}

const Plan* current_plan(const Repo& repo, std::string_view collaboration, const Date& today) {
  const Plan* best = nullptr;
  auto rank = [&](const Plan& plan) {
    bool holds = plan.period && plan.period->contains(today);
    bool approved = plan.status_or_default() == "approved";
    return std::tuple(holds, holds && approved, plan.period.v.start, plan.id.v);
  };
  for (const auto& plan : repo.plans) {
    if (plan.collaboration.v != collaboration || !plan.period) continue;
    if (!best || rank(*best) < rank(plan)) best = &plan;
  }
  return best;
}

namespace {

struct EnumText {
  const char* field;
  const char* value;
  const Tr* label;
};
const EnumText kEnums[] = {
    {"org", "municipality", &msg::r_org_municipality},
    {"org", "region", &msg::r_org_region},
    {"org", "state-agency", &msg::r_org_state_agency},
    {"org", "coordination-association", &msg::r_org_coordination_association},
    {"org", "municipal-association", &msg::r_org_municipal_association},
    {"org", "unit", &msg::r_org_unit},
    {"org", "other", &msg::r_other},
    {"integration", "coordination", &msg::r_int_coordination},
    {"integration", "consultation", &msg::r_int_consultation},
    {"integration", "collaboration", &msg::r_int_collaboration},
    {"integration", "integration", &msg::r_int_integration},
    {"forum", "steering", &msg::r_forum_steering},
    {"forum", "working", &msg::r_forum_working},
    {"forum", "network", &msg::r_forum_network},
    {"forum", "information", &msg::r_forum_information},
    {"forum", "board", &msg::r_forum_board},
    {"forum", "other", &msg::r_other},
    {"level", "political", &msg::r_level_political},
    {"level", "management", &msg::r_level_management},
    {"level", "operational", &msg::r_level_operational},
    {"cadence", "weekly", &msg::r_cad_weekly},
    {"cadence", "biweekly", &msg::r_cad_biweekly},
    {"cadence", "monthly", &msg::r_cad_monthly},
    {"cadence", "bimonthly", &msg::r_cad_bimonthly},
    {"cadence", "quarterly", &msg::r_cad_quarterly},
    {"cadence", "semiannual", &msg::r_cad_semiannual},
    {"cadence", "annual", &msg::r_cad_annual},
    {"cadence", "ad-hoc", &msg::r_cad_ad_hoc},
    {"plan", "draft", &msg::r_plan_draft},
    {"plan", "approved", &msg::r_plan_approved},
    {"plan", "archived", &msg::r_plan_archived},
    {"follow", "tertial", &msg::r_fu_tertial},
    {"follow", "half-year", &msg::r_fu_half_year},
    {"follow", "full-year", &msg::r_fu_full_year},
    {"follow", "other", &msg::r_other},
    {"meeting", "regular", &msg::r_mt_regular},
    {"meeting", "extra", &msg::r_mt_extra},
    {"meeting", "planning-day", &msg::r_mt_planning_day},
    {"meeting", "information", &msg::r_mt_information},
    {"meeting", "follow-up", &msg::r_mt_follow_up},
    {"action", "open", &msg::r_act_open},
    {"action", "done", &msg::r_st_done},
    {"action", "cancelled", &msg::r_st_cancelled},
    {"activity", "planned", &msg::r_as_planned},
    {"activity", "ongoing", &msg::r_st_ongoing},
    {"activity", "done", &msg::r_st_done},
    {"activity", "postponed", &msg::r_st_postponed},
    {"activity", "cancelled", &msg::r_st_cancelled},
    {"form", "written", &msg::r_form_written},
    {"form", "oral", &msg::r_form_oral},
    {"direction", "increase", &msg::r_dir_increase},
    {"direction", "decrease", &msg::r_dir_decrease},
    {"direction", "maintain", &msg::r_dir_maintain},
};

}  // namespace

std::string enum_text(std::string_view field, std::string_view value, Lang lang) {
  for (const auto& entry : kEnums)
    if (value == entry.value && field == entry.field) return entry.label->get(lang);
  return std::string(value);
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

std::string unit_suffix(std::string_view unit, Lang lang) {
  if (unit == "percent") return " %";
  if (unit == "days") return " " + std::string(msg::r_unit_days.get(lang));
  if (unit == "sek") return " " + std::string(msg::r_unit_sek.get(lang));
  if (unit == "score") return " " + std::string(msg::r_unit_score.get(lang));
  return "";
}

}  // namespace sv::render
