// Small text utilities: UTF-8, identifiers, checksums, globs, suggestions.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sv {

// Offset of the first byte that is not valid UTF-8, or npos.
size_t utf8_invalid_at(std::string_view s);
// Text safe to print on a terminal: invalid UTF-8 and control characters
// (but tab) become U+FFFD, so data can never send escape sequences.
std::string printable(std::string_view s);
// The same, keeping line breaks (CR and LF) for formats that escape them.
std::string printable_lines(std::string_view s);
// Number of code points in s (s must be valid UTF-8).
size_t utf8_length(std::string_view s);

// ^[a-z0-9]+(-[a-z0-9]+)*$
bool is_valid_id(std::string_view s);
// Suggests an id-shaped spelling of s (lower-case, å/ä/ö → a/a/o, spaces → -).
std::string suggest_id(std::string_view s);

// Luhn check over a string of digits.
bool luhn_ok(std::string_view digits);
// Organisationsnummer NNNNNN-NNNN with third digit >= 2 and a Luhn check digit.
enum class OrgNumberProblem { none, shape, third_digit, check_digit };
OrgNumberProblem check_org_number(std::string_view s);

bool is_plausible_email(std::string_view s);
bool is_http_url(std::string_view s);

// Glob matching for `exclude`: `*` and `?` within a path segment, `**` across
// segments, `[...]` classes. A pattern without '/' matches the name at any depth.
bool glob_match(std::string_view pattern, std::string_view path);

// The candidate closest to `word` by edit distance, if close enough to be a
// plausible typo; nullopt otherwise. Asking one Suggester for many words is
// cheaper than asking this for each.
std::optional<std::string> did_you_mean(std::string_view word,
                                        const std::vector<std::string>& candidates);

// did_you_mean's answers from candidates indexed once, for asking about many
// words: a word's cost depends on how many candidates are near it, not on how
// many there are. Closest by edit distance wins, then the alphabetically
// first; at most 1 edit away for words of up to 3 bytes, 2 up to 6, else 3; a
// candidate that extends a word of 4 bytes or more counts as at most that
// far. Failing all that, a word of 4 bytes or more gets the one candidate
// that is it with one `-`-separated word more or fewer (plan-approved →
// plan-not-approved), when only one is and the two share two words or more.
// const, so threads can share one.
class Suggester {
 public:
  explicit Suggester(std::vector<std::string> candidates);
  ~Suggester();
  Suggester(Suggester&&) noexcept;
  Suggester& operator=(Suggester&&) noexcept;
  std::optional<std::string> suggest(std::string_view word) const;

 private:
  struct Index;
  std::unique_ptr<const Index> index_;
};
size_t edit_distance(std::string_view a, std::string_view b);

// A personnummer or samordningsnummer found in a text: where (bytes), and the
// number with its last four digits masked ("640823-****").
struct PersonalNumber {
  size_t pos = 0, len = 0;
  std::string masked;
  bool coordination = false;  // samordningsnummer (day + 60)
};
std::vector<PersonalNumber> find_personal_numbers(std::string_view text);

// The text with every personnummer/samordningsnummer in it masked: no
// output of samverkan ever repeats one (IMY; OSL 26:1). Adds how many it
// masked to *count, if given. (What is written is masked at the edge,
// core/privacy.h; this is for keys compared before then.)
std::string mask_personal_numbers(std::string_view text, size_t* count = nullptr);

// The byte offset where each line of `text` starts (the first is 0); LF,
// CRLF and CR alone each end a line, as in YAML.
std::vector<size_t> line_starts_of(std::string_view text);

// Joins items with ", ".
std::string join(const std::vector<std::string>& items, std::string_view sep = ", ");

}  // namespace sv
