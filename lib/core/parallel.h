// Work spread over the cores: the one way samverkan runs things in parallel
// (loading files, parsing old versions, checking references, running lint
// rules, writing a site; reading the cache while files are listed).
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace sv {

// How many threads to use for `count` items: `wanted` (0: one per core),
// but no more than leaves each thread `min_each` items, and at least one.
inline unsigned threads_for(size_t count, unsigned wanted = 0, size_t min_each = 1) {
  unsigned n = wanted ? wanted : std::max(1u, std::thread::hardware_concurrency());
  size_t most = std::max<size_t>(1, count / std::max<size_t>(1, min_each));
  return static_cast<unsigned>(std::min<size_t>(n, most));
}

// Calls body(i) for each i in [0, count) on up to `threads` threads (the
// caller's among them), each taking the next index. When items throw, the
// exception of the lowest index is rethrown once every thread has stopped;
// items after a failed one are skipped (they cannot change which error that
// is), so what fails is the same on every run. A thread that cannot be
// started leaves its share to the others.
template <class F>
void parallel_for(size_t count, unsigned threads, F&& body) {
  std::atomic<size_t> next{0};
  std::atomic<size_t> failed_at{SIZE_MAX};
  std::mutex mu;
  std::exception_ptr error;
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < count;) {
      if (i > failed_at.load()) continue;
      try {
        body(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mu);
        if (i < failed_at.load()) {
          failed_at = i;
          error = std::current_exception();
        }
      }
    }
  };
  std::vector<std::thread> pool;
  try {
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  } catch (...) {
    // No more threads to be had: the ones started and this one do it all.
  }
  work();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

// A task run beside the caller: on a thread of its own when one can be
// started, else at once. wait() joins it and rethrows what it threw; the
// destructor joins it (an error then goes unsaid: call wait()).
class Background {
 public:
  explicit Background(std::function<void()> task) : task_(std::move(task)) {
    try {
      thread_ = std::thread([this] { run(); });
    } catch (...) {
      run();
    }
  }
  ~Background() {
    if (thread_.joinable()) thread_.join();
  }
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;
  void wait() {
    if (thread_.joinable()) thread_.join();
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
  }

 private:
  void run() {
    try {
      task_();
    } catch (...) {
      error_ = std::current_exception();
    }
  }
  std::function<void()> task_;
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace sv
