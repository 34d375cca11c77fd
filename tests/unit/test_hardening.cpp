// Hostile input for the text utilities: bounded work, and the same answers
// as the straightforward algorithms they replaced.
#include <doctest/doctest.h>

#include "core/text.h"

#include <random>
#include <string>
#include <vector>

using namespace sv;

namespace {

std::string repeat(std::string_view unit, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += unit;
  return out;
}

// The backtracking matcher glob_match used to be, as the reference for its
// answers (exponential in repeated `**`, so only for short patterns).
std::vector<std::string> segments_of(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t slash = s.find('/', start);
    if (slash == std::string::npos) slash = s.size();
    if (slash > start) out.push_back(s.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

bool reference_parts(const std::vector<std::string>& p, size_t i, const std::vector<std::string>& s, size_t j) {
  while (i < p.size()) {
    if (p[i] == "**") {
      for (size_t k = j; k <= s.size(); ++k)
        if (reference_parts(p, i + 1, s, k)) return true;
      return false;
    }
    // One segment: a whole-segment glob_match of a pattern without '/' at depth 0.
    if (j >= s.size() || !glob_match("./" + p[i] + "/x", s[j] + "/x")) return false;
    ++i;
    ++j;
  }
  return j == s.size();
}

bool reference_glob(const std::string& pattern, const std::string& path) {
  auto p = segments_of(pattern);
  auto s = segments_of(path);
  if (p.empty()) return false;
  if (pattern.find('/') == std::string::npos) p.insert(p.begin(), "**");
  if (reference_parts(p, 0, s, 0)) return true;
  p.push_back("**");
  return reference_parts(p, 0, s, 0);
}

}  // namespace

TEST_CASE("exclude globs with many ** finish and still match") {
  std::string path = repeat("d/", 25) + "x.yaml";
  std::string hostile = repeat("**/", 12) + "nothing";
  CHECK_FALSE(glob_match(hostile, path));
  CHECK_FALSE(glob_match(repeat("**/", 48) + "y", repeat("d/", 100) + "x.yaml"));
  CHECK(glob_match(repeat("**/", 12) + "x.yaml", path));
  CHECK(glob_match(repeat("**/d/", 12) + "**", path));
  CHECK_FALSE(glob_match(repeat("**/d/", 26) + "**", path));
  CHECK(glob_match(repeat("*", 40) + "x", repeat("d/", 25) + repeat("a", 60) + "x"));
}

TEST_CASE("exclude globs give the answers of the backtracking matcher") {
  // Short random patterns and paths over a small alphabet, so that many match.
  std::mt19937 rng(12);
  const std::vector<std::string> pattern_parts{"**", "*", "a", "b", "a*", "?", "[ab]", "[!a]", "ab"};
  const std::vector<std::string> path_parts{"a", "b", "ab", "ba", "c"};
  auto pick = [&](const std::vector<std::string>& from) { return from[rng() % from.size()]; };
  for (int round = 0; round < 3000; ++round) {
    std::string pattern, path;
    for (int k = 0, n = 1 + rng() % 4; k < n; ++k) pattern += (k ? "/" : "") + pick(pattern_parts);
    for (int k = 0, n = 1 + rng() % 5; k < n; ++k) path += (k ? "/" : "") + pick(path_parts);
    CAPTURE(pattern);
    CAPTURE(path);
    CHECK(glob_match(pattern, path) == reference_glob(pattern, path));
  }
}
