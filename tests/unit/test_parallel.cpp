#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/parallel.h"

TEST_CASE("parallel_for runs every item once, on any number of threads") {
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    std::vector<std::atomic<int>> runs(1000);
    sv::parallel_for(runs.size(), threads, [&](size_t i) { runs[i]++; });
    for (auto& r : runs) CHECK(r.load() == 1);
  }
  sv::parallel_for(0, 4, [](size_t) { FAIL("no items, no calls"); });
}

TEST_CASE("parallel_for rethrows the lowest failing item's error, whatever the timing") {
  for (unsigned threads : {1u, 2u, 4u}) {
    for (int round = 0; round < 20; ++round) {
      std::atomic<int> before_failure{0};
      try {
        sv::parallel_for(200, threads, [&](size_t i) {
          if (i == 150 || i == 37 || i == 90) throw std::runtime_error("item " + std::to_string(i));
          if (i < 37) before_failure++;
        });
        FAIL("no exception");
      } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()) == "item 37");
      }
      CHECK(before_failure.load() == 37);  // items before the failure all ran
    }
  }
}

TEST_CASE("threads_for: one per core unless asked, never more than the items allow") {
  CHECK(sv::threads_for(100, 3) == 3);
  CHECK(sv::threads_for(100, 3, 50) == 2);
  CHECK(sv::threads_for(5, 4, 8) == 1);
  CHECK(sv::threads_for(0, 4) == 1);
  CHECK(sv::threads_for(1000) >= 1);
}

TEST_CASE("Background runs its task beside the caller; wait() gives back its error") {
  std::atomic<int> ran{0};
  {
    sv::Background b([&] { ran = 1; });
    b.wait();
    CHECK(ran.load() == 1);
  }
  sv::Background failing([] { throw std::runtime_error("no"); });
  CHECK_THROWS_WITH_AS(failing.wait(), "no", std::runtime_error);
  failing.wait();  // said once
  { sv::Background joined_at_end([&] { ran = 2; }); }
  CHECK(ran.load() == 2);
}
