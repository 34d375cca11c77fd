// Writing files safely.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sv {

// Writes `content` to `path` atomically: a temporary file in the same
// directory, flushed, then renamed over the target. Creates missing parent
// directories when `make_dirs`. `sync` flushes the data to disk before the
// rename (off for caches). Throws SystemError on failure; the target is then
// untouched.
// Appends to a file (made if missing), retrying short writes; false with
// errno set when it could not be written. Use privacy::append_file, which masks.
bool append_to_file(const std::string& path, std::string_view content);

// Writes a new file atomically as write_file_atomic does, but never over an
// existing one: false (nothing written) when something is at `path`. Throws
// SystemError on any other failure.
bool create_file_atomic(const std::string& path, const std::string& content, bool make_dirs = false);

void write_file_atomic(const std::string& path, const std::string& content, bool make_dirs = false,
                       bool sync = true);
// The same, for content in pieces (written one after the other).
void write_file_atomic(const std::string& path, const std::vector<std::string_view>& content,
                       bool make_dirs = false, bool sync = true);

}  // namespace sv
