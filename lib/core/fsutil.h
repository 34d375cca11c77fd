// Writing files safely.
#pragma once

#include <string>

namespace sv {

// Writes `content` to `path` atomically: a temporary file in the same
// directory, flushed, then renamed over the target. Creates missing parent
// directories when `make_dirs`. `sync` flushes the data to disk before the
// rename (off for caches). Throws SystemError on failure; the target is then
// untouched.
void write_file_atomic(const std::string& path, const std::string& content, bool make_dirs = false,
                       bool sync = true);

}  // namespace sv
