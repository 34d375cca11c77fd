#include "render/escape.h"

#include "core/privacy.h"

namespace sv::render {

std::string escape_html(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        // Control characters other than tab and line breaks are not text.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
    }
  }
  return out;
}

// Where s starts (after spaces) with something Markdown reads as a block
// marker — a heading (#), quote, list item (- + 1. 1)), thematic break or
// setext underline (--- ===) — the offset of the character to escape.
static size_t block_marker_at(std::string_view s) {
  size_t i = s.find_first_not_of(' ');
  if (i == std::string_view::npos) return i;
  auto ends_marker = [&](size_t j) { return j >= s.size() || s[j] == ' ' || s[j] == '\t' || s[j] == '\n'; };
  char c = s[i];
  if (c == '#' || c == '-' || c == '+' || c == '=')
    return ends_marker(i + 1) || s[i + 1] == c ? i : std::string_view::npos;
  size_t j = i;
  while (j < s.size() && j - i < 9 && s[j] >= '0' && s[j] <= '9') ++j;
  if (j > i && j < s.size() && (s[j] == '.' || s[j] == ')') && ends_marker(j + 1)) return j;
  return std::string_view::npos;
}

std::string escape_md(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  size_t marker = block_marker_at(s);
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (i == marker) {
      out += '\\';
      out += c;
      continue;
    }
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']':
      case '<': case '>': case '|': case '~': case '&':
        out += '\\';
        out += c;
        break;
      case '\r':
        if (i + 1 < s.size() && s[i + 1] == '\n') break;
        out += "<br>";
        break;
      case '\n': out += "<br>"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t') break;
        out += c;
    }
  }
  return out;
}

std::string escape_ics(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\r':
        if (i + 1 < s.size() && s[i + 1] == '\n') break;
        out += "\\n";
        break;
      case '\n': out += "\\n"; break;
      default:
        // Other control characters are not allowed in TEXT.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t') break;
        out += c;
    }
  }
  return out;
}

std::string fold_ics(std::string_view unmasked) {
  // Masked before it is cut: a number folded over two lines is not found at the edge.
  std::string masked = privacy::mask(unmasked);
  std::string_view line = masked;
  std::string out;
  size_t limit = 75;  // octets on the first physical line; 74 after the leading space
  while (line.size() > limit) {
    size_t cut = limit;
    // Never split a UTF-8 sequence: back up over continuation bytes.
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = 74;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

}  // namespace sv::render

namespace sv::render {

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word_byte(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}
constexpr std::string_view kEnDash = "\u2013";
// The length of a joiner ("-" or "–") at s[i], else 0.
size_t joiner_at(std::string_view s, size_t i) {
  if (s[i] == '-' || s[i] == ':') return 1;  // 2026-03-12, 19–29, 13:00–15:30
  if (s.substr(i, kEnDash.size()) == kEnDash) return kEnDash.size();
  return 0;
}
}  // namespace

std::string keep_numbers_whole(std::string_view html) {
  std::string out;
  out.reserve(html.size() + html.size() / 16);
  size_t i = 0;
  int svg_depth = 0;
  while (i < html.size()) {
    char c = html[i];
    if (c == '<') {  // markup is copied as it is; nothing inside <svg> is touched
      size_t end = html.find('>', i);
      if (end == std::string_view::npos) end = html.size() - 1;
      std::string_view tag = html.substr(i, end + 1 - i);
      if (tag.starts_with("<svg")) ++svg_depth;
      else if (tag.starts_with("</svg") && svg_depth > 0) --svg_depth;
      out += tag;
      i = end + 1;
      continue;
    }
    if (svg_depth == 0 && is_digit(c) && (i == 0 || (!is_word_byte(html[i - 1]) && html[i - 1] != '-' && html[i - 1] != ':'))) {
      // digits, then one or more (joiner, digits): a date, a range, a phone number
      size_t j = i;
      while (j < html.size() && is_digit(html[j])) ++j;
      size_t end = j;
      int groups = 0;
      while (j < html.size()) {
        size_t n = joiner_at(html, j);
        if (n == 0 || j + n >= html.size() || !is_digit(html[j + n])) break;
        j += n;
        while (j < html.size() && is_digit(html[j])) ++j;
        end = j;
        ++groups;
      }
      // "23 %": the number and its sign on one line.
      if (html.substr(end, 2) == " %") {
        end += 2;
        ++groups;
      }
      if (groups > 0 && (end == html.size() || !is_word_byte(html[end]))) {
        out += "<span class=\"nowrap\">";
        out += html.substr(i, end - i);
        out += "</span>";
      } else {
        out += html.substr(i, end - i);
      }
      i = end;
      continue;
    }
    out += c;
    ++i;
  }
  return out;
}

}  // namespace sv::render
