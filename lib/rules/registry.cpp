// The table of every lint rule, sorted by id: one line per rule.
#include <algorithm>

#include "rules/rule.h"

namespace sv::rules {

extern const Rule activity_without_owner;
extern const Rule goal_not_measurable;
extern const Rule minutes_changed_after_approval;
extern const Rule plan_changed_after_approval;

const std::vector<const Rule*>& all_rules() {
  static const std::vector<const Rule*> table = {
      &activity_without_owner,
      &goal_not_measurable,
      &minutes_changed_after_approval,
      &plan_changed_after_approval,
  };
  return table;
}

const Rule* find_rule(std::string_view id) {
  for (const Rule* r : all_rules())
    if (id == r->id) return r;
  return nullptr;
}

}  // namespace sv::rules
