// The privacy boundary (core/privacy.h): every way out of the tool goes
// through it, and what it masks in YAML source is masked in every encoding.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "core/privacy.h"
#include "core/text.h"
#include "source_tree.h"

using namespace sv;
namespace fs = std::filesystem;

namespace {

// The code of a source file without its // comments (which may name what
// they forbid) and string literals' contents (which may hold "//").
std::string code_of(const std::string& text) {
  std::string out;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false, out += c;
      continue;
    }
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      i = text.find('\n', i);
      if (i == std::string::npos) break;
      out += '\n';
      continue;
    }
    if (c == '"' && (i == 0 || text[i - 1] != '\'')) in_string = true;
    out += c;
  }
  return out;
}

}  // namespace

TEST_CASE("privacy: nothing in cli/ or lib/ writes past the boundary") {
  // What may write directly, and why: the edge itself; the atomic writer
  // it uses; the cache, a private copy of the input in the user's own cache
  // directory that the loader reads back (never output, never published).
  const std::map<std::string, std::set<std::string>> allowed = {
      {"lib/core/privacy.cpp", {"std::cout", "std::cerr", "::write(", "write_file_atomic(", "create_file_atomic("}},
      {"lib/core/fsutil.cpp", {"::write(", "write_file_atomic(", "create_file_atomic("}},
      {"lib/core/fsutil.h", {"write_file_atomic(", "create_file_atomic("}},
      {"lib/load/cache.cpp", {"write_file_atomic("}},
  };
  static const std::regex direct(
      R"((std::cout|std::cerr|std::clog|std::wcout|std::wcerr|ofstream|std::fstream|\bfwrite\b|\bfputs\b|\bputs\b|\bputchar\b|\bf?printf\s*\(|fmt::print\b|::write\(|write_file_atomic\(|create_file_atomic\(|\bstdout\b|\bstderr\b))");
  size_t files = source_tree::for_each_source([&](const std::string& rel, const std::string& text) {
    std::string code = code_of(text);
    auto ok = allowed.find(rel);
    for (auto it = std::sregex_iterator(code.begin(), code.end(), direct); it != std::sregex_iterator(); ++it) {
      std::string what = (*it)[1].str();
      if (ok != allowed.end() && ok->second.count(what)) continue;
      if (rel == "lib/core/privacy.cpp" && what == "stdout") continue;  // fflush(stdout)
      CAPTURE(rel);
      CAPTURE(what);
      FAIL_CHECK("write through core/privacy.h (privacy::out, err, write_file, append_file)");
    }
  });
  CHECK(files > 50);
}

TEST_CASE("privacy: mask counts what it masks") {
  size_t before = privacy::masked_count();
  CHECK(privacy::mask("Gäller 640823-3234 och 811218-9876.") == "Gäller 640823-**** och 811218-****.");
  CHECK(privacy::masked_count() - before == 2);
  CHECK(privacy::mask("inget nummer 2026-10-15") == "inget nummer 2026-10-15");
  CHECK(privacy::masked_count() - before == 2);
}

TEST_CASE("privacy: numbers hidden in double-quoted YAML scalars") {
  struct Case {
    const char* yaml;
    const char* masked;  // mask_yaml_source
  };
  const Case cases[] = {
      {"notes: \"\\x36\\x34\\x30\\x38\\x32\\x33-\\x33\\x32\\x33\\x34\"\n",
       "notes: \"\\x36\\x34\\x30\\x38\\x32\\x33-****************\"\n"},
      {"notes: \"640823-\\u0033\\u003234\"\n", "notes: \"640823-**************\"\n"},
      {"notes: \"640823-\\U00000033234\"\n", "notes: \"640823-*************\"\n"},
      {"notes: \"6408\\\n    23-3234\"\n", "notes: \"6408\\\n    23-****\"\n"},
      {"notes: \"640823-32\\\r\n  34\"\n", "notes: \"640823-**\\\r\n  **\"\n"},
      {"- {name: \"x\", notes: !!str \"64082332\\x33\\x34\"}\n", "- {name: \"x\", notes: !!str \"640823**********\"}\n"},
      {"a: &anchor \"6408233234\\\n\"\n", "a: &anchor \"640823****\\\n\"\n"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.yaml);
    CHECK(privacy::find_hidden_personal_numbers(c.yaml).size() + find_personal_numbers(c.yaml).size() >= 1);
    CHECK(privacy::mask_yaml_source(c.yaml) == c.masked);
  }
  // Not decoded: a block scalar, a comment, a single-quoted string and a
  // quote inside a plain scalar are read as written.
  const char* as_written[] = {
      "notes: |\n  \"\\x36\\x34\\x30\\x38\\x32\\x33-\\x33\\x32\\x33\\x34\"\nnext: 1\n",
      "# \"\\x36\\x34\\x30\\x38\\x32\\x33-\\x33\\x32\\x33\\x34\"\n",
      "notes: '\\x36\\x34\\x30\\x38\\x32\\x33-\\x33\\x32\\x33\\x34'\n",
      "notes: he said \"\\x36\\x34\\x30\\x38\\x32\\x33-\\x33\\x32\\x33\\x34\"\n",
      // A fold is a space: no number.
      "notes: \"640823\n  -3234\"\n",
  };
  for (const char* y : as_written) {
    CAPTURE(y);
    CHECK(privacy::find_hidden_personal_numbers(y).empty());
  }
  // After a block scalar, decoding resumes.
  CHECK(privacy::find_hidden_personal_numbers("a: >-\n  text\nb: \"64082332\\x33\\x34\"\n").size() == 1);
}
