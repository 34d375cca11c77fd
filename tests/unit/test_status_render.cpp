// core/status holds copies of render's status logic (render/view.cpp) until
// render uses core/status; meanwhile, the copies must agree. Delete this file
// together with render's copies.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "render/view.h"

using namespace sv;

TEST_CASE("core/status agrees with render's copies: activity status and overdue actions") {
  const Date today{2026, 5, 20};
  const char* statuses[] = {nullptr, "planned", "ongoing", "done", "postponed", "cancelled", "?"};
  const std::optional<int> offsets[] = {std::nullopt, -30, -1, 0, 1, 14, 15, 100};
  for (const char* status : statuses)
    for (auto start : offsets)
      for (auto due : offsets) {
        Activity a;
        if (status) a.status = Text{status[0] == '?' ? "later" : status, Span{0, 1, 1, 1}, status[0] != '?'};
        if (start) a.start = Val<Date>{today.plus_days(*start), {}, true};
        if (due) a.due = Val<Date>{today.plus_days(*due), {}, true};
        CHECK(static_cast<int>(sv::activity_status(a, today)) == static_cast<int>(sv::render::activity_status(a, today)));
      }
  for (const char* status : {static_cast<const char*>(nullptr), "open", "done", "cancelled"})
    for (auto due : offsets) {
      Action x;
      if (status) x.status = Text{status, {}, true};
      if (due) x.due = Val<Date>{today.plus_days(*due), {}, true};
      CHECK(sv::action_overdue(x, today) == sv::render::action_overdue(x, today));
    }
}

TEST_CASE("core/status agrees with render's copies: goal progress and the current plan") {
  const Date today{2026, 5, 20};
  for (const char* direction : {static_cast<const char*>(nullptr), "increase", "decrease", "maintain", "down"})
    for (double base : {0.0, 10.0})
      for (double target : {4.0, 10.0, 20.0})
        for (double latest : {3.0, 10.0, 15.0, 25.0})
          for (bool with_base : {false, true}) {
            Goal g;
            if (direction) g.direction = Text{direction, {}, std::string(direction) != "down"};
            if (with_base) g.baseline = Val<DatedValue>{DatedValue{{}, Val<double>{base, {}, true}, {}, {}}, {}, true};
            g.target = Val<DatedValue>{DatedValue{{}, Val<double>{target, {}, true}, {}, {}}, {}, true};
            g.measurements.v.push_back(DatedValue{{}, Val<double>{latest, {}, true}, Val<Date>{today, {}, true}, {}});
            Progress mine = sv::goal_progress(g);
            render::Progress theirs = sv::render::goal_progress(g);
            CHECK(mine.measured == theirs.measured);
            CHECK(mine.computable == theirs.computable);
            CHECK(mine.percent == theirs.percent);
            CHECK(mine.reached == theirs.reached);
            CHECK(mine.latest == theirs.latest);
          }
  Repo repo;
  auto add = [&](const char* id, const char* status, const char* period) {
    Plan p;
    p.id = Text{id, {}, true};
    p.collaboration = Text{"c", {}, true};
    if (status) p.status = Text{status, {}, true};
    p.period = Val<Period>{*parse_period(period), {}, true};
    repo.plans.push_back(p);
  };
  add("a", "approved", "2026");
  add("b", nullptr, "2026");
  add("c", "approved", "2025");
  add("d", "archived", "2027");
  for (Date d : {Date{2024, 1, 1}, Date{2025, 6, 1}, today, Date{2027, 2, 1}, Date{2028, 1, 1}})
    CHECK(sv::current_plan(repo, "c", d) == sv::render::current_plan(repo, "c", d));
}
