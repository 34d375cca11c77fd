// Hostile input for the text utilities: bounded work, and the same answers
// as the straightforward algorithms they replaced.
#include <doctest/doctest.h>

#include "core/text.h"

#include <algorithm>
#include <optional>
#include <random>
#include <set>
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

namespace {

// did_you_mean as it was: edit distance against every candidate.
std::optional<std::string> reference_did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  size_t best_d = 0;
  size_t limit = std::max<size_t>(1, std::min<size_t>(3, (word.size() + 2) / 3));
  if (word.size() > 100) return best;
  for (const auto& c : candidates) {
    size_t diff = word.size() > c.size() ? word.size() - c.size() : c.size() - word.size();
    bool maybe_prefix = word.size() >= 4 && c.size() > word.size();
    if (diff > limit && !maybe_prefix) continue;
    if (maybe_prefix && c.compare(0, word.size(), word) != 0 && diff > limit) continue;
    size_t d = edit_distance(word, c);
    bool prefix = word.size() >= 4 && c.size() > word.size() && c.compare(0, word.size(), word) == 0;
    if (d == 0) continue;
    if (d > limit && !prefix) continue;
    if (prefix && d > limit) d = limit;
    if (!best || d < best_d || (d == best_d && c < *best)) {
      best = c;
      best_d = d;
    }
  }
  return best;
}

// `text` without one of its `-`-separated words, each way (as suggest.cpp).
std::vector<std::string> reference_shortened(const std::string& text) {
  std::vector<std::string> words, out;
  size_t from = 0;
  for (size_t dash; (dash = text.find('-', from)) != std::string::npos; from = dash + 1)
    words.push_back(text.substr(from, dash - from));
  words.push_back(text.substr(from));
  if (words.size() < 3 || words.size() > 8 || text.size() > 100) return out;
  for (size_t drop = 0; drop < words.size(); ++drop) {
    std::vector<std::string> kept = words;
    kept.erase(kept.begin() + static_cast<long>(drop));
    std::string joined = kept[0];
    for (size_t i = 1; i < kept.size(); ++i) joined += "-" + kept[i];
    out.push_back(joined);
  }
  return out;
}

// The one candidate a word more or fewer away, as the Suggester's last resort.
std::optional<std::string> reference_one_word_apart(const std::string& word, const std::vector<std::string>& candidates) {
  if (word.size() < 4 || word.size() > 100) return std::nullopt;
  std::set<std::string> found;
  auto has = [](const std::vector<std::string>& list, const std::string& s) {
    return std::find(list.begin(), list.end(), s) != list.end();
  };
  for (const auto& c : candidates)
    if (has(reference_shortened(c), word) || has(reference_shortened(word), c)) found.insert(c);
  if (found.size() != 1) return std::nullopt;
  return *found.begin();
}

// A word near `from`: up to four random edits (insert, delete, substitute, swap).
std::string mangled(std::string word, std::mt19937& rng, std::string_view alphabet) {
  for (int edits = rng() % 5; edits > 0; --edits) {
    size_t at = word.empty() ? 0 : rng() % word.size();
    char letter = alphabet[rng() % alphabet.size()];
    switch (rng() % 4) {
      case 0: word.insert(word.begin() + at, letter); break;
      case 1: if (!word.empty()) word.erase(at, 1); break;
      case 2: if (!word.empty()) word[at] = letter; break;
      default: if (at + 1 < word.size()) std::swap(word[at], word[at + 1]);
    }
  }
  return word;
}

}  // namespace

TEST_CASE("the Suggester answers as did_you_mean always did") {
  std::mt19937 rng(2026);
  const std::string alphabet = "abcdeko-01\xc3\xa5";
  std::vector<std::string> candidates{"", "a", "ab", "nassjo-kommun", "eksjo-kommun", "region-jonkoping",
                                      "org_number", "name", "nassjo"};
  for (int i = 0; i < 400; ++i) candidates.push_back("kommun-" + std::to_string(rng() % 2000));
  for (int i = 0; i < 300; ++i) {
    std::string word;
    for (int n = 1 + rng() % 12; n > 0; --n) word += alphabet[rng() % alphabet.size()];
    candidates.push_back(word);
  }
  candidates.push_back(candidates[5]);  // a duplicate
  std::shuffle(candidates.begin(), candidates.end(), rng);
  Suggester suggester(candidates);
  for (int round = 0; round < 4000; ++round) {
    std::string word = round % 7 == 0 ? std::string(rng() % 3, 'k')
                                      : mangled(candidates[rng() % candidates.size()], rng, alphabet);
    if (round % 11 == 0) word = word.substr(0, word.size() / 2 + 1);  // prefixes
    CAPTURE(word);
    auto expected = reference_did_you_mean(word, candidates);
    if (!expected) expected = reference_one_word_apart(word, candidates);
    CHECK(suggester.suggest(word) == expected);
    if (round % 50 == 0) CHECK(did_you_mean(word, candidates) == expected);
  }
  CHECK_FALSE(suggester.suggest(std::string(101, 'a')).has_value());
  CHECK(Suggester({}).suggest("x") == std::nullopt);
}

namespace {

// A name of `count` words from `vocabulary`, joined by dashes.
std::string name_of_words(size_t count, const std::vector<std::string>& vocabulary, std::mt19937& rng) {
  std::string name = vocabulary[rng() % vocabulary.size()];
  while (--count > 0) name += "-" + vocabulary[rng() % vocabulary.size()];
  return name;
}

// `name` with one word dropped, added or replaced: the name misremembered.
std::string reworded(const std::string& name, const std::vector<std::string>& vocabulary, std::mt19937& rng) {
  std::vector<std::string> words;
  size_t from = 0;
  for (size_t dash; (dash = name.find('-', from)) != std::string::npos; from = dash + 1)
    words.push_back(name.substr(from, dash - from));
  words.push_back(name.substr(from));
  const auto at = static_cast<long>(rng() % words.size());
  switch (rng() % 3) {
    case 0: words.erase(words.begin() + at); break;
    case 1: words.insert(words.begin() + at, vocabulary[rng() % vocabulary.size()]); break;
    default: words[static_cast<size_t>(at)] = vocabulary[rng() % vocabulary.size()];
  }
  return join(words, "-");
}

}  // namespace

TEST_CASE("a name a word off gets the one candidate it is, as the reference finds it") {
  std::mt19937 rng(13);
  // A small vocabulary, so that names share words and some words are a word
  // off more than one candidate; empty words make `--` and edge dashes.
  const std::vector<std::string> vocabulary{"plan", "not", "approved", "meeting", "minutes", "goal",
                                            "without", "owner", "due", "date", "x", ""};
  std::vector<std::string> candidates;
  for (int i = 0; i < 300; ++i) candidates.push_back(name_of_words(1 + rng() % 5, vocabulary, rng));
  Suggester suggester(candidates);
  size_t by_word = 0, none = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string word = round % 9 == 0 ? name_of_words(1 + rng() % 9, vocabulary, rng)
                                      : reworded(candidates[rng() % candidates.size()], vocabulary, rng);
    CAPTURE(word);
    auto expected = reference_did_you_mean(word, candidates);
    if (!expected && (expected = reference_one_word_apart(word, candidates))) ++by_word;
    if (!expected) ++none;
    CHECK(suggester.suggest(word) == expected);
  }
  CHECK(by_word > 100);  // the rounds did reach the word-level answer
  CHECK(none > 100);     // and rounds where it found none, or more than one
}

TEST_CASE("the word-level answer is bounded: 20 000 names of 8 words, 10 000 names none of them is") {
  // Comparing each word with each candidate would be 200 million pairs; the
  // index of shortened names is built once, then each word costs a few look-ups.
  std::mt19937 rng(14);
  std::vector<std::string> vocabulary;
  for (int i = 0; i < 5000; ++i) vocabulary.push_back("w" + std::to_string(rng() % 100000));
  std::vector<std::string> candidates;
  for (int i = 0; i < 20000; ++i) candidates.push_back(name_of_words(8, vocabulary, rng));
  Suggester suggester(candidates);
  size_t found = 0;
  for (int round = 0; round < 10000; ++round) {
    const std::string word = round % 2 == 0 ? reworded(candidates[rng() % candidates.size()], vocabulary, rng)
                                            : name_of_words(1 + rng() % 12, vocabulary, rng) + "-" +
                                                  std::string(rng() % 40, '-');
    if (suggester.suggest(word)) ++found;
  }
  // A third of the halves reworded drop a word, found again; an added word
  // makes nine, more than are weighed, and a replaced one is no word fewer.
  CHECK(found > 1500);
  CHECK(found < 3000);  // and the unrelated names found nothing
}

TEST_CASE("lines end at LF, CRLF and CR alone") {
  CHECK(line_starts_of("a\nb\r\nc\rd") == std::vector<size_t>{0, 2, 5, 7});
  CHECK(line_starts_of("a\r") == std::vector<size_t>{0, 2});
  CHECK(line_starts_of("\r\r\n\n") == std::vector<size_t>{0, 1, 3, 4});
  CHECK(line_starts_of("") == std::vector<size_t>{0});
}
