// Files compiled into the binary (lib/embed.cmake writes their tables).
#pragma once

#include <string_view>
#include <vector>

namespace sv {

struct EmbeddedFile {
  const char* name;  // the path below its folder, e.g. "plan.html.mustache", "sv/README.md"
  std::string_view text;
};

}  // namespace sv
