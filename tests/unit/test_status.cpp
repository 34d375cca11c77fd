// The shared status predicates (core/status): where a report's "late" and
// the rules' "overdue" differ, they differ exactly where status.h says.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

using namespace sv;

namespace {

const Date kToday{2026, 5, 20};

// An activity with `status` as written (nullptr: absent; "?": written but
// refused by the loader) and a due date `due_in` days from today.
Activity activity(const char* status, std::optional<int> due_in) {
  Activity a;
  if (status && std::string(status) == "?") a.status = Text{"later", Span{0, 3, 13, 5}, false};
  else if (status) a.status = Text{status, Span{0, 3, 13, 5}, true};
  if (due_in) a.due = Val<Date>{kToday.plus_days(*due_in), Span{0, 4, 10, 10}, true};
  return a;
}

Action action(const char* status, std::optional<int> due_in) {
  Action x;
  if (status && std::string(status) == "?") x.status = Text{"later", Span{0, 3, 13, 5}, false};
  else if (status) x.status = Text{status, Span{0, 3, 13, 5}, true};
  if (due_in) x.due = Val<Date>{kToday.plus_days(*due_in), Span{0, 4, 10, 10}, true};
  return x;
}

Plan plan(const char* id, const char* status, const char* period) {
  Plan p;
  if (id) p.id = Text{id, {}, true};
  p.collaboration = Text{"c", {}, true};
  if (status) p.status = Text{status, {}, true};
  if (auto per = parse_period(period)) p.period = Val<Period>{*per, {}, true};
  return p;
}

}  // namespace

TEST_CASE("late in a report and overdue for lint differ only for postponed and invalid statuses") {
  const char* statuses[] = {nullptr, "planned", "ongoing", "done", "postponed", "cancelled", "?"};
  const std::optional<int> dues[] = {std::nullopt, -30, -1, 0, 1, 14, 15, 100};
  for (const char* status : statuses)
    for (auto due : dues) {
      CAPTURE(status ? status : "(none)");
      CAPTURE(due.value_or(9999));
      Activity a = activity(status, due);
      bool late = activity_status(a, kToday) == ActStatus::late;
      bool overdue = activity_overdue_for_lint(a, kToday);
      bool past = due && *due < 0;
      std::string s = status ? status : "";
      if (past && s == "postponed") {
        CHECK(overdue);  // the rule wants a new `due`
        CHECK(activity_status(a, kToday) == ActStatus::postponed);
      } else if (past && s == "?") {
        CHECK_FALSE(overdue);  // the loader reported the status
        CHECK(late);           // shown as planned, so late
      } else {
        CHECK(late == overdue);
      }
    }
}

TEST_CASE("an overdue action: the same for report and lint, but for an invalid status") {
  const char* statuses[] = {nullptr, "open", "done", "cancelled", "?"};
  const std::optional<int> dues[] = {std::nullopt, -2, -1, 0, 3};
  for (const char* status : statuses)
    for (auto due : dues) {
      CAPTURE(status ? status : "(none)");
      CAPTURE(due.value_or(9999));
      Action x = action(status, due);
      bool shown = action_overdue(x, kToday);
      bool flagged = action_overdue_for_lint(x, kToday);
      bool past = due && *due < 0;
      std::string s = status ? status : "";
      CHECK(shown == (past && (s.empty() || s == "open" || s == "?")));
      CHECK(flagged == (shown && s != "?"));
    }
}

TEST_CASE("the current plan: a report prefers the approved one and falls back to the latest; lint does neither") {
  Repo repo;
  repo.plans.push_back(plan("p-2026-a", "approved", "2026"));
  repo.plans.push_back(plan("p-2026-b", "draft", "2026"));
  repo.plans.push_back(plan("p-2025", "approved", "2025"));
  std::vector<const Plan*> all;
  for (const auto& p : repo.plans) all.push_back(&p);

  REQUIRE(current_plan(repo, "c", kToday));
  CHECK(current_plan(repo, "c", kToday)->id.v == "p-2026-a");  // approved before draft
  PlansNow now = plans_now_for_lint(all, kToday);
  REQUIRE(now.current);
  CHECK(now.current->id.v == "p-2026-b");  // the status does not count: the greater id
  CHECK(now.latest->id.v == "p-2026-b");

  Date later{2027, 3, 1};  // no plan holds it
  CHECK(current_plan(repo, "c", later)->id.v == "p-2026-b");  // the latest (start, then id)
  now = plans_now_for_lint(all, later);
  CHECK_FALSE(now.current);
  CHECK(now.latest->id.v == "p-2026-b");

  CHECK_FALSE(current_plan(repo, "other", kToday));
}

TEST_CASE("a plan without an id: a report may show it, lint does not count it") {
  Repo repo;
  repo.plans.push_back(plan(nullptr, "approved", "2026"));
  std::vector<const Plan*> all{&repo.plans[0]};
  CHECK(current_plan(repo, "c", kToday) == &repo.plans[0]);
  PlansNow now = plans_now_for_lint(all, kToday);
  CHECK_FALSE(now.current);
  CHECK_FALSE(now.latest);
}

TEST_CASE("goal progress follows the typed direction; a refused direction is kept as written") {
  auto goal = [](const char* direction, bool set, double base, double target, double latest) {
    Goal g;
    if (direction) g.direction = Text{direction, {}, set};
    g.baseline = Val<DatedValue>{DatedValue{{}, Val<double>{base, {}, true}, {}, {}}, {}, true};
    g.target = Val<DatedValue>{DatedValue{{}, Val<double>{target, {}, true}, {}, {}}, {}, true};
    g.measurements.v.push_back(DatedValue{{}, Val<double>{latest, {}, true}, Val<Date>{kToday, {}, true}, {}});
    return g;
  };
  Progress p = goal_progress(goal(nullptr, false, 10, 4, 6));  // no direction: decrease, from the values
  CHECK(p.reached == false);
  CHECK(p.percent == 67);
  p = goal_progress(goal("decrease", true, 10, 4, 3));
  CHECK(p.reached);
  CHECK(p.percent == 100);
  p = goal_progress(goal("maintain", true, 10, 10, 9));
  CHECK(p.computable);
  CHECK(p.percent == 0);
  // Written but refused: not inferred, so neither decrease nor maintain.
  p = goal_progress(goal("down", false, 10, 4, 3));
  CHECK_FALSE(p.reached);
  CHECK(p.computable);
  CHECK(p.percent == 100);
}

TEST_CASE("a forum member counts for the meetings within its from and until") {
  Member always, joined, left;
  joined.from = Val<Date>{Date{2026, 4, 1}, Span{}, true};
  left.until = Val<Date>{Date{2026, 3, 31}, Span{}, true};
  for (const Date& day : {Date{2025, 1, 1}, Date{2026, 3, 31}, Date{2026, 4, 1}}) CHECK(member_counts_at(always, day));
  CHECK_FALSE(member_counts_at(joined, Date{2026, 3, 31}));
  CHECK(member_counts_at(joined, Date{2026, 4, 1}));  // both ends belong to it
  CHECK(member_counts_at(left, Date{2026, 3, 31}));
  CHECK_FALSE(member_counts_at(left, Date{2026, 4, 1}));
}
