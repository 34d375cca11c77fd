// Progress of long work on stderr, for a person watching a terminal: one line
// rewritten in place, at most ten times a second, cleared when the work ends.
// Never in pipes, files or CI (stderr not a terminal, CI or TERM=dumb set).
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>

#include "core/messages.h"

namespace cli {

class Progress {
 public:
  // `text` takes the count as {0}.
  Progress(const sv::Tr& text, sv::Lang lang);
  ~Progress() { finish(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // The count so far; safe from any thread.
  void update(size_t count);
  // Clears the line (once); nothing is printed after.
  void finish();
  // For an options struct: null when progress is off.
  std::function<void(size_t)> callback();

 private:
  const sv::Tr& text_;
  sv::Lang lang_;
  std::atomic<bool> on_;
  bool shown_ = false;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace cli
