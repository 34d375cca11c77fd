#include "lsp/protocol.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>

#include <unistd.h>

#include "core/msg/lsp.h"
#include "core/privacy.h"
#include "core/text.h"

namespace sv::lsp {

namespace {

// The length in bytes of the UTF-8 sequence starting at s[i] (1 for a byte
// that starts none), and how many UTF-16 units it counts for.
size_t step(std::string_view s, size_t i, size_t& utf16) {
  const auto c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (i + n > s.size()) n = 1;
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) n = 1;
  utf16 = n == 4 ? 2 : 1;
  return n;
}

size_t units(size_t bytes, size_t utf16, Encoding e) {
  return e == Encoding::utf8 ? bytes : e == Encoding::utf16 ? utf16 : 1;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

bool Reader::fill() {
  if (eof_) return false;
  if (pos_ > 0 && pos_ >= buf_.size() / 2) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  char chunk[65536];
  for (;;) {
    ssize_t n = ::read(fd_, chunk, sizeof chunk);
    if (n > 0) {
      buf_.append(chunk, static_cast<size_t>(n));
      return true;
    }
    if (n < 0 && errno == EINTR) continue;
    eof_ = true;
    return false;
  }
}

bool Reader::line(std::string& out, bool& too_long) {
  too_long = false;
  for (;;) {
    size_t nl = buf_.find('\n', pos_);
    if (nl != std::string::npos) {
      size_t end = nl > pos_ && buf_[nl - 1] == '\r' ? nl - 1 : nl;
      if (end - pos_ > kMaxHeaderLine) {
        too_long = true;
        out.clear();
      } else {
        out.assign(buf_, pos_, end - pos_);
      }
      pos_ = nl + 1;
      return true;
    }
    if (buf_.size() - pos_ > kMaxHeaderLine) {
      // A line longer than any header: drop what is held, keep looking for its end.
      too_long = true;
      pos_ = buf_.size();
    }
    if (!fill()) return false;
  }
}

Reader::Status Reader::next(std::string& body, Message& problem) {
  std::optional<size_t> length;
  bool any = false;
  std::string header;
  for (;;) {
    bool too_long = false;
    if (!line(header, too_long)) return Status::eof;
    if (too_long) continue;  // garbage: no header is that long
    if (header.empty()) {
      if (!any) continue;  // blank lines between messages
      break;
    }
    any = true;
    auto colon = header.find(':');
    if (colon == std::string::npos) continue;  // garbage between messages
    std::string_view name(header.data(), colon);
    std::string_view value(header.data() + colon + 1, header.size() - colon - 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    if (iequals(name, "Content-Length")) {
      size_t n = 0;
      auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec == std::errc() && p == value.data() + value.size()) length = n;
      else length.reset();
    }
  }
  if (!length) {
    problem = msg_of(msg::lsp_bad_header);
    return Status::skipped;
  }
  // Headers beside a good Content-Length are ignored, as the base protocol allows.
  if (*length > max_body_) {
    size_t left = *length;
    while (left > 0) {
      if (pos_ >= buf_.size() && !fill()) return Status::eof;
      size_t take = std::min(left, buf_.size() - pos_);
      pos_ += take;
      left -= take;
    }
    problem = msg_of(msg::lsp_too_large, *length, max_body_);
    return Status::skipped;
  }
  while (buf_.size() - pos_ < *length)
    if (!fill()) return Status::eof;
  body.assign(buf_, pos_, *length);
  pos_ += *length;
  return Status::message;
}

std::string repair_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    size_t bad = utf8_invalid_at(text);
    if (bad == std::string_view::npos) {
      out.append(text);
      break;
    }
    out.append(text.substr(0, bad));
    out.append("\xEF\xBF\xBD");
    text.remove_prefix(bad + 1);
  }
  return out;
}

bool write_message(const Json& body) {
  // Invalid UTF-8 in what the client sent is replaced, never thrown on.
  std::string text = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  privacy::out("Content-Length: " + std::to_string(text.size()) + "\r\n\r\n");
  privacy::out(text);
  privacy::out("\n");  // the edge holds text back to a line break; the newline is outside the body
  return privacy::flush_out();
}

const char* encoding_name(Encoding e) {
  switch (e) {
    case Encoding::utf8: return "utf-8";
    case Encoding::utf16: return "utf-16";
    case Encoding::utf32: return "utf-32";
  }
  return "utf-16";
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts_.push_back(i + 1);
}

std::string_view LineIndex::line(size_t line) const {
  if (line >= starts_.size()) return {};
  size_t b = starts_[line];
  size_t e = line + 1 < starts_.size() ? starts_[line + 1] - 1 : text_.size();
  if (e > b && text_[e - 1] == '\r') --e;
  return text_.substr(b, e - b);
}

size_t LineIndex::offset(size_t line_no, size_t character, Encoding e) const {
  if (line_no >= starts_.size()) return text_.size();
  std::string_view l = line(line_no);
  size_t i = 0, counted = 0;
  while (i < l.size() && counted < character) {
    size_t u16 = 0;
    size_t n = step(l, i, u16);
    counted += units(n, u16, e);
    i += n;
  }
  return starts_[line_no] + i;
}

size_t LineIndex::character_of_column(size_t line_no, size_t column, Encoding e) const {
  std::string_view l = line(line_no);
  size_t i = 0, counted = 0;
  for (size_t c = 0; c < column && i < l.size(); ++c) {
    size_t u16 = 0;
    size_t n = step(l, i, u16);
    counted += units(n, u16, e);
    i += n;
  }
  return counted;
}

size_t LineIndex::column_of_character(size_t line_no, size_t character, Encoding e) const {
  std::string_view l = line(line_no);
  size_t i = 0, counted = 0, column = 0;
  while (i < l.size() && counted < character) {
    size_t u16 = 0;
    size_t n = step(l, i, u16);
    counted += units(n, u16, e);
    i += n;
    ++column;
  }
  return column;
}

bool apply_change(std::string& text, const Json& change, Encoding e) {
  if (!change.is_object() || !change.contains("text") || !change["text"].is_string()) return false;
  const std::string& replacement = change["text"].get_ref<const std::string&>();
  if (!change.contains("range")) {
    text = replacement;
    return true;
  }
  const Json& range = change["range"];
  auto position = [&](const char* which, size_t& line, size_t& character) {
    if (!range.is_object() || !range.contains(which)) return false;
    const Json& p = range[which];
    if (!p.is_object() || !p.contains("line") || !p.contains("character") || !p["line"].is_number_unsigned() ||
        !p["character"].is_number_unsigned())
      return false;
    line = p["line"].get<size_t>();
    character = p["character"].get<size_t>();
    return true;
  };
  size_t l1 = 0, c1 = 0, l2 = 0, c2 = 0;
  if (!position("start", l1, c1) || !position("end", l2, c2)) return false;
  LineIndex index(text);
  size_t from = index.offset(l1, c1, e), to = index.offset(l2, c2, e);
  if (to < from) return false;
  text.replace(from, to - from, replacement);
  return true;
}

std::optional<std::string> uri_to_path(std::string_view uri) {
  constexpr std::string_view scheme = "file://";
  if (uri.substr(0, scheme.size()) != scheme) return std::nullopt;
  uri.remove_prefix(scheme.size());
  if (uri.empty() || uri.front() != '/') {
    // file://host/path: only localhost is this machine.
    constexpr std::string_view local = "localhost";
    if (uri.substr(0, local.size()) != local) return std::nullopt;
    uri.remove_prefix(local.size());
    if (uri.empty() || uri.front() != '/') return std::nullopt;
  }
  std::string out;
  for (size_t i = 0; i < uri.size(); ++i) {
    char c = uri[i];
    if (c == '?' || c == '#') break;
    if (c != '%') {
      out.push_back(c);
      continue;
    }
    auto hex = [](char h) -> int {
      if (h >= '0' && h <= '9') return h - '0';
      if (h >= 'a' && h <= 'f') return h - 'a' + 10;
      if (h >= 'A' && h <= 'F') return h - 'A' + 10;
      return -1;
    };
    if (i + 2 >= uri.size()) return std::nullopt;
    int hi = hex(uri[i + 1]), lo = hex(uri[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    char decoded = static_cast<char>(hi * 16 + lo);
    if (decoded == '\0') return std::nullopt;
    out.push_back(decoded);
    i += 2;
  }
  return out;
}

std::string path_to_uri(std::string_view path) {
  std::string out = "file://";
  static const char* hex = "0123456789ABCDEF";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

}  // namespace sv::lsp
