// libFuzzer target: one data file's bytes through the loader (UTF-8 check,
// YAML parse, tree, decoding into entities). Any crash, sanitizer report or
// exception escaping load_file is a bug: bad input must become findings.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "load/load.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  sv::FileLoad out;
  sv::load_file(1, std::string_view(reinterpret_cast<const char*>(data), size), out, nullptr);
  return 0;
}
