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

namespace {

Val<Date> on(int y, int m, int d) { return Val<Date>{Date{y, m, d}, {}, true}; }

Goal period_total_goal(std::optional<double> base, double target, std::vector<std::pair<Date, double>> values) {
  Goal g;
  g.measure = Text{"period-total", {}, true};
  g.direction = Text{"increase", {}, true};
  if (base) g.baseline = Val<DatedValue>{DatedValue{{}, Val<double>{*base, {}, true}, on(2025, 12, 31), {}}, {}, true};
  g.target = Val<DatedValue>{DatedValue{{}, Val<double>{target, {}, true}, on(2026, 12, 31), {}}, {}, true};
  for (auto& [date, value] : values)
    g.measurements.v.push_back(DatedValue{{}, Val<double>{value, {}, true}, Val<Date>{date, {}, true}, {}});
  return g;
}

}  // namespace

TEST_CASE("period-total: value ÷ target, the baseline only for comparison") {
  // The case: last year's total 14, target 30, 6 counted by June.
  Goal g = period_total_goal(14, 30, {{Date{2026, 6, 30}, 6}});
  Period year = *parse_period("2026");
  Progress p = goal_progress(g, std::nullopt, year);
  CHECK(p.period_total);
  CHECK(p.computable);
  CHECK(p.percent == 20);  // level would say 0 % (6 is below the baseline 14)
  CHECK_FALSE(p.reached);
  g.measure = Text{"level", {}, true};
  CHECK(goal_progress(g, std::nullopt, year).percent == 0);
  // Reached at the target; clamped at 100 %.
  Goal full = period_total_goal(14, 30, {{Date{2026, 11, 30}, 34}});
  CHECK(goal_progress(full, std::nullopt, year).reached);
  CHECK(goal_progress(full, std::nullopt, year).percent == 100);
  // A measurement before the plan's period does not count; `until` cuts as for level.
  Goal early = period_total_goal(14, 30, {{Date{2025, 12, 31}, 14}, {Date{2026, 4, 30}, 3}, {Date{2026, 8, 31}, 12}});
  CHECK(goal_progress(early, Date{2026, 6, 30}, year).percent == 10);
  CHECK(goal_progress(early, Date{2026, 6, 30}, year).latest == 3);
  CHECK(goal_progress(early, Date{2026, 1, 15}, year).measured == false);
  // Without a baseline, still a percentage; decrease and a target of 0: reached or not only.
  CHECK(goal_progress(period_total_goal(std::nullopt, 30, {{Date{2026, 6, 30}, 15}}), std::nullopt, year).percent == 50);
  Goal fewer = period_total_goal(14, 10, {{Date{2026, 6, 30}, 4}});
  fewer.direction = Text{"decrease", {}, true};
  CHECK_FALSE(goal_progress(fewer, std::nullopt, year).computable);
  CHECK(goal_progress(fewer, std::nullopt, year).reached);
  CHECK_FALSE(goal_progress(period_total_goal(0, 0, {{Date{2026, 6, 30}, 0}}), std::nullopt, year).computable);
}

TEST_CASE("an activity's status as of a past date: a status dated later does not count yet") {
  Activity a;
  a.status = Text{"done", {}, true};
  a.start = on(2026, 2, 1);
  a.due = on(2026, 9, 30);
  a.completed = on(2026, 8, 20);
  auto update = [](Date date, const char* status) {
    Update u;
    u.date = Val<Date>{date, {}, true};
    if (status) u.status = Text{status, {}, true};
    return u;
  };
  CHECK(activity_status_as_of(a, Date{2026, 12, 1}) == ActStatus::done);
  CHECK(activity_status_as_of(a, Date{2026, 8, 20}) == ActStatus::done);
  CHECK(activity_status_as_of(a, Date{2026, 6, 30}) == ActStatus::ongoing);      // started, done only in August
  CHECK(activity_status_as_of(a, Date{2026, 1, 15}) == ActStatus::not_started);
  a.updates.v = {update(Date{2026, 3, 1}, "postponed"), update(Date{2026, 5, 1}, nullptr), update(Date{2026, 8, 20}, "done")};
  CHECK(activity_status_as_of(a, Date{2026, 6, 30}) == ActStatus::postponed);  // the latest dated status before
  CHECK(activity_status_as_of(a, Date{2026, 2, 15}) == ActStatus::ongoing);    // before any: by the dates
  // Nothing dated after the date: as activity_status.
  Activity b;
  b.status = Text{"cancelled", {}, true};
  b.due = on(2026, 3, 1);
  CHECK(activity_status_as_of(b, Date{2026, 6, 30}) == activity_status(b, Date{2026, 6, 30}));
  Activity late;
  late.due = on(2026, 3, 1);
  CHECK(activity_status_as_of(late, Date{2026, 6, 30}) == ActStatus::late);
}

TEST_CASE("an action open as of a date, and the decisions a report leaves out") {
  Action x;
  x.status = Text{"done", {}, true};
  x.completed = on(2026, 8, 1);
  CHECK(action_open_at(x, Date{2026, 6, 30}));
  CHECK_FALSE(action_open_at(x, Date{2026, 8, 1}));
  x.completed = Val<Date>{};
  CHECK_FALSE(action_open_at(x, Date{2026, 6, 30}));  // closed without a date: closed
  CHECK(action_open_at(Action{}, Date{2026, 6, 30}));  // open by default

  Item opening;
  opening.title = Text{"Mötets öppnande och val av justerare", {}, true};
  CHECK(decision_procedural(opening, "Till justerare valdes Eva Ek."));
  Item english;
  english.title = Text{"approval of the agenda", {}, true};
  CHECK(decision_procedural(english, "Approved."));
  Item content;
  content.title = Text{"Handlingsplan 2026", {}, true};
  CHECK(decision_procedural(content, "Dagordningen fastställdes."));
  CHECK(decision_procedural(content, "  The agenda was approved."));
  CHECK_FALSE(decision_procedural(content, "Styrgruppen fastställer Handlingsplan 2026."));
  Item next;
  next.title = Text{"Nästa möte", {}, true};  // may carry content: kept
  CHECK_FALSE(decision_procedural(next, "Nästa möte hålls i Eksjö."));
  Item upper;
  upper.title = Text{"MÖTETS AVSLUTNING", {}, true};
  CHECK(decision_procedural(upper, "Ordföranden avslutade mötet."));
}
