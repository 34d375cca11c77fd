#include "progress.h"

#include <unistd.h>

#include <cstdlib>
#include <string_view>

#include "core/privacy.h"

namespace cli {

static bool progress_wanted() {
  const char* ci = std::getenv("CI");
  if (ci && *ci) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return ::isatty(STDERR_FILENO) == 1;
}

Progress::Progress(const sv::Tr& text, sv::Lang lang) : text_(text), lang_(lang), on_(progress_wanted()) {}

void Progress::update(size_t count) {
  if (!on_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  auto now = std::chrono::steady_clock::now();
  if (shown_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  shown_ = true;
  sv::privacy::err("\r\033[K" + sv::tr(lang_, text_, count));
}

void Progress::finish() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (on_ && shown_) sv::privacy::err("\r\033[K");
  on_ = false;
}

std::function<void(size_t)> Progress::callback() {
  if (!on_) return nullptr;
  return [this](size_t count) { update(count); };
}

}  // namespace cli
