// The project's own sources, for the tests that hold a rule over every one of
// them: codes as constants (test_codes), one opener (test_files), one way out
// (test_privacy).
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace source_tree {

inline const std::filesystem::path kRoot = SAMVERKAN_SOURCE_DIR;

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Calls f(path relative to the root, text) for every .cpp and .h under lib/
// and cli/, in path order; returns how many.
template <class F>
size_t for_each_source(F&& f) {
  std::vector<std::filesystem::path> files;
  for (const char* dir : {"lib", "cli"})
    for (const auto& e : std::filesystem::recursive_directory_iterator(kRoot / dir)) {
      std::string ext = e.path().extension().string();
      if (ext == ".cpp" || ext == ".h") files.push_back(e.path());
    }
  std::sort(files.begin(), files.end());
  for (const auto& p : files) f(std::filesystem::relative(p, kRoot).generic_string(), slurp(p));
  return files.size();
}

}  // namespace source_tree
