// The table of every lint rule, sorted by id: one line per rule (and its
// `extern` above). lib/lint/rules/new-rule.sh adds both for a new rule.
#include <algorithm>
#include <iterator>

#include "lint/rule.h"

namespace sv::rules {

extern const Rule action_overdue;
extern const Rule action_without_due_date;
extern const Rule action_without_owner;
extern const Rule activity_overdue;
extern const Rule activity_owner_not_party;
extern const Rule activity_without_due_date;
extern const Rule activity_without_goal;
extern const Rule activity_without_owner;
extern const Rule agreement_not_valid;
// baseline_stale and unused_suppression: declared in lint/rule.h.
extern const Rule calendar_obligation_missed;
extern const Rule collaboration_without_steering;
extern const Rule forum_meets_cadence;
extern const Rule goal_not_measurable;
extern const Rule goal_without_activity;
extern const Rule goal_without_baseline;
extern const Rule meeting_item_numbering;
extern const Rule meeting_minutes_not_approved;
extern const Rule minutes_changed_after_approval;
extern const Rule organisation_without_contact;
extern const Rule organisation_without_mandate;
extern const Rule party_absent_repeatedly;
extern const Rule party_missing_from_steering;
extern const Rule party_missing_from_working_group;
extern const Rule personal_identity_number;
extern const Rule plan_changed_after_approval;
extern const Rule plan_not_approved;
extern const Rule plan_outdated;
extern const Rule plan_without_follow_up;
extern const Rule plan_without_target_group;
extern const Rule report_missing;

const std::vector<const Rule*>& every_rule() {
  static const std::vector<const Rule*> table = {
      &action_overdue,
      &action_without_due_date,
      &action_without_owner,
      &activity_overdue,
      &activity_owner_not_party,
      &activity_without_due_date,
      &activity_without_goal,
      &activity_without_owner,
      &agreement_not_valid,
      &baseline_stale,
      &calendar_obligation_missed,
      &collaboration_without_steering,
      &forum_meets_cadence,
      &goal_not_measurable,
      &goal_without_activity,
      &goal_without_baseline,
      &meeting_item_numbering,
      &meeting_minutes_not_approved,
      &minutes_changed_after_approval,
      &organisation_without_contact,
      &organisation_without_mandate,
      &party_absent_repeatedly,
      &party_missing_from_steering,
      &party_missing_from_working_group,
      &personal_identity_number,
      &plan_changed_after_approval,
      &plan_not_approved,
      &plan_outdated,
      &plan_without_follow_up,
      &plan_without_target_group,
      &report_missing,
      &unused_suppression,
  };
  return table;
}

const std::vector<const Rule*>& all_rules() {
  static const std::vector<const Rule*> checked = [] {
    std::vector<const Rule*> out;
    std::copy_if(every_rule().begin(), every_rule().end(), std::back_inserter(out),
                 [](const Rule* r) { return r->check != nullptr; });
    return out;
  }();
  return checked;
}

const Rule* find_rule(std::string_view id) {
  for (const Rule* r : all_rules())
    if (id == r->id) return r;
  return nullptr;
}

}  // namespace sv::rules
