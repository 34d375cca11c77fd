#include "core/privacy.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <iostream>


#include "core/fsutil.h"
#include "core/text.h"

namespace sv::privacy {

namespace {

std::atomic<size_t> masked_total{0};
std::string held_back;  // standard output after its last line break

}  // namespace

std::string mask(std::string_view text) {
  size_t found = 0;
  std::string masked = mask_personal_numbers(text, &found);
  if (found) masked_total += found;
  return masked;
}

size_t masked_count() { return masked_total.load(); }

void out(std::string_view text) {
  held_back.append(text);
  size_t line_end = held_back.rfind('\n');
  if (line_end == std::string::npos) return;
  std::string ready = mask(std::string_view(held_back).substr(0, line_end + 1));
  std::cout.write(ready.data(), static_cast<std::streamsize>(ready.size()));
  held_back.erase(0, line_end + 1);
}

bool flush_out() {
  if (!held_back.empty()) {
    std::string rest = mask(held_back);
    std::cout.write(rest.data(), static_cast<std::streamsize>(rest.size()));
    held_back.clear();
  }
  std::cout.flush();
  return std::cout && std::fflush(stdout) == 0;
}

void err(std::string_view text) {
  std::string masked = mask(text);
  std::cerr.write(masked.data(), static_cast<std::streamsize>(masked.size()));
  std::cerr.flush();
}

bool create_data_file(const std::string& path, std::string_view content, bool replace) {
  if (!replace) return create_file_atomic(path, std::string(content), true);
  write_file_atomic(path, std::string(content), true);
  return true;
}

void write_file(const std::string& path, std::string_view content, bool make_dirs, bool sync) {
  write_file_atomic(path, mask(content), make_dirs, sync);
}

void write_binary_file(const std::string& path, std::string_view bytes, bool make_dirs) {
  write_file_atomic(path, std::string(bytes), make_dirs, true);
}

bool append_file(const std::string& path, std::string_view content) { return append_to_file(path, mask(content)); }

// ---- Numbers that YAML's double-quoted scalars hide ----

namespace {

// A double-quoted scalar's text as YAML reads it, each byte with the raw
// bytes [begin, end) it was decoded from.
struct Decoded {
  std::string text;
  std::vector<std::pair<size_t, size_t>> from;

  void put(char c, size_t begin, size_t end) {
    text += c;
    from.emplace_back(begin, end);
  }
  void put_code_point(uint32_t cp, size_t begin, size_t end) {
    char bytes[4];
    size_t n = 0;
    if (cp < 0x80) {
      bytes[n++] = static_cast<char>(cp);
    } else if (cp < 0x800) {
      bytes[n++] = static_cast<char>(0xC0 | (cp >> 6));
      bytes[n++] = static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      bytes[n++] = static_cast<char>(0xE0 | (cp >> 12));
      bytes[n++] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      bytes[n++] = static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      bytes[n++] = static_cast<char>(0xF0 | ((cp >> 18) & 0x07));
      bytes[n++] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      bytes[n++] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      bytes[n++] = static_cast<char>(0x80 | (cp & 0x3F));
    }
    for (size_t k = 0; k < n; ++k) put(bytes[k], begin, end);
  }
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_break(std::string_view y, size_t at) { return at < y.size() && (y[at] == '\n' || y[at] == '\r'); }
bool is_blank(std::string_view y, size_t at) { return at < y.size() && (y[at] == ' ' || y[at] == '\t'); }
size_t after_break(std::string_view y, size_t at) { return y[at] == '\r' && at + 1 < y.size() && y[at + 1] == '\n' ? at + 2 : at + 1; }
size_t after_blanks(std::string_view y, size_t at) {
  while (is_blank(y, at)) ++at;
  return at;
}
size_t line_end(std::string_view y, size_t at) {
  size_t e = y.find_first_of("\r\n", at);
  return e == std::string_view::npos ? y.size() : e;
}

// Decodes the double-quoted scalar whose opening quote is y[open] into d;
// returns where the scalar ends (after its closing quote). Only digits,
// '-' and '+' matter here: every other escape decodes to a byte that is none.
size_t decode_double_quoted(std::string_view y, size_t open, Decoded& d) {
  size_t i = open + 1;
  while (i < y.size() && y[i] != '"') {
    if (is_break(y, i)) {  // a line fold: a space (or line breaks), never nothing
      d.put(' ', i, i + 1);
      i = after_blanks(y, after_break(y, i));
      continue;
    }
    if (y[i] != '\\' || i + 1 >= y.size()) {
      d.put(y[i], i, i + 1);
      ++i;
      continue;
    }
    char e = y[i + 1];
    if (is_break(y, i + 1)) {  // an escaped line break joins the lines
      i = after_blanks(y, after_break(y, i + 1));
      continue;
    }
    size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
    if (digits == 0) {
      bool literal = e == '"' || e == '\\' || e == '/' || e == ' ' || e == '\t';
      d.put(literal ? e : '\x01', i, i + 2);
      i += 2;
      continue;
    }
    uint32_t cp = 0;
    size_t k = i + 2;
    for (; k < i + 2 + digits && k < y.size() && hex_value(y[k]) >= 0; ++k) cp = cp * 16 + static_cast<uint32_t>(hex_value(y[k]));
    if (k != i + 2 + digits || cp > 0x10FFFF) cp = 1;  // malformed: the parser reports it
    d.put_code_point(cp, i, k);
    i = k;
  }
  return i < y.size() ? i + 1 : i;
}

// After a block scalar's indicator (| or >) at y[at]: only indentation and
// chomping indicators, blanks and a comment may follow on its line.
bool is_block_header(std::string_view y, size_t at, size_t eol) {
  size_t k = at + 1;
  while (k < eol && (y[k] == '-' || y[k] == '+' || (y[k] >= '1' && y[k] <= '9'))) ++k;
  k = after_blanks(y, k);
  return k >= eol || y[k] == '#';
}

// Where a single-quoted scalar opened at y[open] ends.
size_t skip_single_quoted(std::string_view y, size_t open) {
  for (size_t k = open + 1; k < y.size(); ++k) {
    if (y[k] != '\'') continue;
    if (k + 1 < y.size() && y[k + 1] == '\'') {
      ++k;
      continue;
    }
    return k + 1;
  }
  return y.size();
}

// Calls found(d) for every double-quoted scalar of a YAML text: those that
// start where a value or key may (a line's start, after ": ", "- ", "? ",
// "[", "{", ",", a tag or an anchor), outside comments, single-quoted and
// block scalars. A quote inside a plain scalar is text, not a scalar.
template <class F>
void for_each_double_quoted(std::string_view y, F&& found) {
  bool in_block = false;
  size_t block_indent = 0;
  for (size_t i = 0; i < y.size();) {
    size_t eol = line_end(y, i);
    size_t text_at = after_blanks(y, i);
    bool blank = text_at >= eol;
    if (in_block && (blank || text_at - i > block_indent)) {
      i = eol < y.size() ? after_break(y, eol) : eol;
      continue;
    }
    in_block = false;
    size_t indent = text_at - i;
    bool value_start = true;
    for (size_t k = text_at; k < eol;) {
      char c = y[k];
      bool then_blank = k + 1 >= eol || is_blank(y, k + 1);
      if (is_blank(y, k)) {
        ++k;
      } else if (c == '#' && (k == i || is_blank(y, k - 1))) {
        break;
      } else if (c == ',' || c == '[' || c == '{' || ((c == ':' || c == '-' || c == '?') && then_blank && (value_start || c == ':'))) {
        value_start = true;
        ++k;
      } else if (!value_start) {
        ++k;
      } else if (c == '"' || c == '\'') {
        size_t end = c == '"' ? 0 : skip_single_quoted(y, k);
        if (c == '"') {
          Decoded d;
          end = decode_double_quoted(y, k, d);
          found(d);
        }
        k = end;
        eol = line_end(y, k);  // a quoted scalar may go on over lines
        value_start = false;
      } else if ((c == '|' || c == '>') && is_block_header(y, k, eol)) {
        in_block = true;
        block_indent = indent;
        break;
      } else if (c == '!' || c == '&') {
        while (k < eol && !is_blank(y, k)) ++k;  // a tag or anchor: the value follows
      } else {
        value_start = false;
        ++k;
      }
    }
    i = eol < y.size() ? after_break(y, eol) : eol;
  }
}

}  // namespace

std::vector<HiddenNumber> find_hidden_personal_numbers(std::string_view yaml) {
  std::vector<HiddenNumber> hidden;
  // Without a backslash nothing is escaped or joined: a line fold decodes to
  // a space, which no number holds.
  if (yaml.find('\\') == std::string_view::npos) return hidden;
  for_each_double_quoted(yaml, [&](const Decoded& d) {
    for (const auto& p : find_personal_numbers(d.text)) {
      size_t first = d.from[p.pos].first;
      bool as_written = true;
      for (size_t k = 0; k < p.len && as_written; ++k)
        as_written = d.from[p.pos + k] == std::make_pair(first + k, first + k + 1);
      if (as_written) continue;  // the plain scan finds it
      HiddenNumber h{first, d.from[p.pos + p.len - 1].second - first, p.masked, p.coordination, {}};
      for (size_t k = p.pos + p.len - 4; k < p.pos + p.len; ++k)
        if (h.secret.empty() || h.secret.back() != d.from[k]) h.secret.push_back(d.from[k]);
      hidden.push_back(std::move(h));
    }
  });
  return hidden;
}

std::string mask_yaml_source(std::string_view yaml) {
  std::string masked(yaml);
  for (const auto& p : find_personal_numbers(yaml))
    for (size_t k = p.pos + p.len - 4; k < p.pos + p.len; ++k) masked[k] = '*';
  for (const auto& h : find_hidden_personal_numbers(yaml))
    for (const auto& [begin, end] : h.secret)
      for (size_t k = begin; k < end; ++k) masked[k] = '*';
  return masked;
}

}  // namespace sv::privacy
