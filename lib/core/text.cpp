#include "core/text.h"

#include "core/dates.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>

namespace sv {

size_t utf8_invalid_at(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    // Eight ASCII bytes at a time: most of the text is ASCII.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) { ++i; continue; }
    size_t len;
    unsigned cp;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return i;
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
      return i;
    i += len;
  }
  return std::string_view::npos;
}

std::string printable(std::string_view s) {
  static const char kReplacement[] = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    size_t bad = utf8_invalid_at(s);
    std::string_view ok = s.substr(0, bad);
    for (size_t i = 0; i < ok.size(); ++i) {
      unsigned char c = ok[i];
      bool c1 = c == 0xC2 && i + 1 < ok.size() && static_cast<unsigned char>(ok[i + 1]) < 0xA0;
      // Bidirectional overrides and isolates (U+202A–202E, U+2066–2069) can
      // make a terminal show text other than what is there.
      // U+FFFE and U+FFFF are not characters (and not allowed in XML).
      if (c == 0xEF && i + 2 < ok.size() && static_cast<unsigned char>(ok[i + 1]) == 0xBF &&
          static_cast<unsigned char>(ok[i + 2]) >= 0xBE) {
        out += kReplacement;
        i += 2;
        continue;
      }
      if (c == 0xE2 && i + 2 < ok.size()) {
        unsigned char b1 = ok[i + 1], b2 = ok[i + 2];
        if ((b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9)) {
          out += kReplacement;
          i += 2;
          continue;
        }
      }
      if ((c < 0x20 && c != '\t') || c == 0x7F) {
        out += kReplacement;
      } else if (c1) {
        out += kReplacement;
        ++i;
      } else {
        out += static_cast<char>(c);
      }
    }
    if (bad == std::string_view::npos) break;
    out += kReplacement;
    s.remove_prefix(bad + 1);
  }
  return out;
}

std::string printable_lines(std::string_view s) {
  std::string out;
  size_t start = 0;
  for (;;) {
    size_t nl = s.find_first_of("\r\n", start);
    out += printable(s.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
    if (nl == std::string_view::npos) return out;
    out += s[nl];
    start = nl + 1;
  }
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool is_valid_id(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  char prev = 0;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && prev == '-')) return false;
    prev = c;
  }
  return true;
}

std::string suggest_id(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    if (c == 0xC3 && i + 1 < s.size()) {
      unsigned char d = s[i + 1];
      // å ä Å Ä → a; ö Ö → o; é É → e
      if (d == 0xA5 || d == 0xA4 || d == 0x85 || d == 0x84) out += 'a';
      else if (d == 0xB6 || d == 0x96) out += 'o';
      else if (d == 0xA9 || d == 0x89) out += 'e';
      ++i;
      continue;
    }
    if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

bool luhn_ok(std::string_view digits) {
  if (digits.empty()) return false;
  int sum = 0;
  bool dbl = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (!std::isdigit(static_cast<unsigned char>(*it))) return false;
    int d = *it - '0';
    if (dbl) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
    dbl = !dbl;
  }
  return sum % 10 == 0;
}

OrgNumberProblem check_org_number(std::string_view s) {
  if (s.size() != 11 || s[6] != '-') return OrgNumberProblem::shape;
  std::string d;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i == 6) continue;
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return OrgNumberProblem::shape;
    d += s[i];
  }
  if (d[2] < '2') return OrgNumberProblem::third_digit;
  return luhn_ok(d) ? OrgNumberProblem::none : OrgNumberProblem::check_digit;
}

bool is_plausible_email(std::string_view s) {
  auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos)
    return false;
  auto domain = s.substr(at + 1);
  auto dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size()) return false;
  if (domain.find("..") != std::string_view::npos || domain.front() == '.') return false;
  for (unsigned char c : s)
    if (c <= ' ' || c == '<' || c == '>' || c == ',' || c == ';' || c == '"') return false;
  return true;
}

bool is_http_url(std::string_view s) {
  std::string_view rest;
  if (s.substr(0, 7) == "http://") rest = s.substr(7);
  else if (s.substr(0, 8) == "https://") rest = s.substr(8);
  else return false;
  auto host = rest.substr(0, rest.find_first_of("/?#"));
  if (host.empty() || (host.find('.') == std::string_view::npos && host.substr(0, 9) != "localhost"))
    return false;
  for (unsigned char c : s)
    if (c <= ' ' || c == '<' || c == '>' || c == '"') return false;
  return true;
}

// Matches one path segment against one pattern segment (no '/').
static bool match_segment(std::string_view p, std::string_view s) {
  size_t pi = 0, si = 0, star_p = std::string_view::npos, star_s = 0;
  while (si < s.size()) {
    if (pi < p.size() && p[pi] == '[') {
      size_t close = p.find(']', pi + 1);
      if (close != std::string_view::npos) {
        bool neg = pi + 1 < close && (p[pi + 1] == '!' || p[pi + 1] == '^');
        bool hit = false;
        for (size_t k = pi + 1 + neg; k < close; ++k) {
          if (k + 2 < close && p[k + 1] == '-') {
            if (s[si] >= p[k] && s[si] <= p[k + 2]) hit = true;
            k += 2;
          } else if (p[k] == s[si]) {
            hit = true;
          }
        }
        if (hit != neg) { pi = close + 1; ++si; continue; }
      }
    } else if (pi < p.size() && (p[pi] == '?' || p[pi] == s[si])) {
      ++pi; ++si; continue;
    } else if (pi < p.size() && p[pi] == '*') {
      star_p = pi++; star_s = si; continue;
    }
    if (star_p == std::string_view::npos) return false;
    pi = star_p + 1;
    si = ++star_s;
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

static std::vector<std::string_view> split_path(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t slash = s.find('/', start);
    if (slash == std::string_view::npos) slash = s.size();
    if (slash > start) out.push_back(s.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

// Which prefixes of the path the pattern's segments can consume, one
// segment at a time: a set of reachable positions instead of backtracking,
// so repeated `**` cost O(pattern segments × path segments), never more.
static bool match_parts(const std::vector<std::string_view>& pattern,
                        const std::vector<std::string_view>& path) {
  std::vector<char> reach(path.size() + 1, 0), next(path.size() + 1, 0);
  reach[0] = 1;
  for (std::string_view segment : pattern) {
    bool any = false;
    if (segment == "**") {
      // Zero or more whole segments: every position at or after a reachable one.
      char from = 0;
      for (size_t j = 0; j <= path.size(); ++j) next[j] = from = from | reach[j];
      any = from;
    } else {
      next[0] = 0;
      for (size_t j = 0; j < path.size(); ++j) {
        next[j + 1] = reach[j] && match_segment(segment, path[j]);
        any = any || next[j + 1];
      }
    }
    if (!any) return false;
    std::swap(reach, next);
  }
  return reach[path.size()];
}

bool glob_match(std::string_view pattern, std::string_view path) {
  while (pattern.substr(0, 2) == "./") pattern.remove_prefix(2);
  bool anchored = pattern.find('/') != std::string_view::npos;
  auto p = split_path(pattern);
  if (p.empty()) return false;
  if (!anchored) p.insert(p.begin(), "**");
  // A pattern naming a directory also matches everything under it (and a
  // trailing `**` matches zero segments too, so the path itself as well).
  p.push_back("**");
  return match_parts(p, split_path(path));
}

size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment distance: insert, delete, substitute, transpose.
  std::vector<size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    prev2 = prev;
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// Reads n digits at s[i..] into out; false if any is not a digit.
static bool digits_at(std::string_view s, size_t i, size_t n, std::string& out) {
  if (i + n > s.size()) return false;
  for (size_t k = i; k < i + n; ++k) {
    if (!std::isdigit(static_cast<unsigned char>(s[k]))) return false;
    out += s[k];
  }
  return true;
}

// The ten-digit form YYMMDDNNNC (and the full year, if known) of a match.
static bool valid_personal(const std::string& ten, int full_year, bool& coordination) {
  int yy = std::stoi(ten.substr(0, 2)), mm = std::stoi(ten.substr(2, 2)), dd = std::stoi(ten.substr(4, 2));
  // YY alone: 19YY and 20YY are leap years alike, except 1900/2000; accept either.
  int year = full_year ? full_year : 2000 + yy;
  coordination = dd > 60;
  if (coordination) dd -= 60;
  if (mm < 1 || mm > 12 || dd < 1 || dd > days_in_month(year, mm)) return false;
  return luhn_ok(ten);
}

std::vector<PersonalNumber> find_personal_numbers(std::string_view s) {
  std::vector<PersonalNumber> out;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  auto is_digit = [&](size_t i) { return i < s.size() && digit(s[i]); };
  // Whether any of eight bytes is an ASCII digit: for each byte without its
  // top bit, adding 0x50 sets that bit from '0' up and adding 0x46 from ':' up.
  auto any_digit = [](uint64_t w) {
    uint64_t t = w & 0x7F7F7F7F7F7F7F7FULL;
    return ((t + 0x5050505050505050ULL) & ~(t + 0x4646464646464646ULL) & ~w & 0x8080808080808080ULL) != 0;
  };
  // The loop never stops inside a digit run: a digit at i starts one.
  for (size_t i = 0; i < s.size(); ++i) {
    for (uint64_t w; i + 8 <= s.size() && (std::memcpy(&w, s.data() + i, 8), !any_digit(w));) i += 8;
    if (i >= s.size()) break;
    if (!digit(s[i])) continue;
    size_t run = i + 1;
    while (run < s.size() && digit(s[run])) ++run;
    // Every form starts with at least six digits: shorter runs (dates, amounts) are skipped whole.
    if (run - i < 6) {
      i = run;  // s[run] is no digit (or the end)
      continue;
    }
    // Forms, longest first: YYYYMMDD[-+]NNNC, YYYYMMDDNNNC, YYMMDD[-+]NNNC, YYMMDDNNNC.
    for (int century : {1, 0}) {
      size_t head = century ? 8 : 6;
      std::string d;
      if (!digits_at(s, i, head, d)) continue;
      size_t j = i + head;
      bool sep = j < s.size() && (s[j] == '-' || s[j] == '+');
      if (sep) ++j;
      if (!digits_at(s, j, 4, d) || is_digit(j + 4)) continue;
      int full_year = century ? std::stoi(d.substr(0, 4)) : 0;
      if (century && (full_year < 1800 || full_year > 2199)) continue;
      std::string ten = century ? d.substr(2) : d;
      PersonalNumber p;
      if (!valid_personal(ten, full_year, p.coordination)) continue;
      p.pos = i;
      p.len = j + 4 - i;
      p.masked = std::string(s.substr(i, head)) + (sep ? std::string(1, s[i + head]) : std::string()) + "****";
      out.push_back(p);
      break;
    }
    // After a number, on from its end (no digit follows it); else past the run.
    i = out.empty() || out.back().pos != i ? run : out.back().pos + out.back().len - 1;
  }
  return out;
}

std::string mask_personal_numbers(std::string_view text, size_t* count) {
  auto found = find_personal_numbers(text);
  if (count) *count += found.size();
  if (found.empty()) return std::string(text);
  std::string out;
  size_t at = 0;
  for (const auto& p : found) {
    out.append(text.substr(at, p.pos - at));
    out += p.masked;
    at = p.pos + p.len;
  }
  out.append(text.substr(at));
  return out;
}

std::vector<size_t> line_starts_of(std::string_view text) {
  // Line breaks as YAML has them: LF, CRLF (one break) and CR alone (old Mac files).
  std::vector<size_t> starts{0};
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
      starts.push_back(i + 1);
  return starts;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

}  // namespace sv
