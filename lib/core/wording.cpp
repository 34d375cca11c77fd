#include "core/wording.h"

namespace sv {

std::string join_quoted(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", `" : "`") + items[i] + "`";
  return out;
}

}  // namespace sv
