// The language server's wire: JSON-RPC messages framed by a Content-Length
// header (LSP 3.17, "Base Protocol"), positions in the encoding the client
// and the server agreed on, and file URIs.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/messages.h"

namespace sv::lsp {

using Json = nlohmann::json;

// The largest message body read (a 64 MiB file, the most the loader reads,
// escaped as JSON, fits); a larger
// one is read past and dropped, never held.
inline constexpr size_t kMaxBody = size_t(96) << 20;
// The longest header line; a longer one is garbage.
inline constexpr size_t kMaxHeaderLine = 8192;

// Reads framed messages from a file descriptor.
class Reader {
 public:
  explicit Reader(int fd, size_t max_body = kMaxBody) : fd_(fd), max_body_(max_body) {}
  enum class Status { message, eof, skipped };
  // The next message's body. `skipped`: a malformed or too large message
  // was passed over, `problem` says why; reading goes on after it.
  Status next(std::string& body, Message& problem);

 private:
  bool fill();                       // more bytes into buf_; false at end of input
  bool line(std::string& out, bool& too_long);  // one header line without its line break
  int fd_;
  size_t max_body_;
  std::string buf_;
  size_t pos_ = 0;
  bool eof_ = false;
};

// Writes one message (the body as JSON) to standard output through the
// privacy edge, and flushes it. False when standard output failed.
bool write_message(const Json& body);

// The text with every byte that starts no valid UTF-8 sequence replaced by U+FFFD.
std::string repair_utf8(std::string_view text);

// How the client counts a position's `character`.
enum class Encoding { utf16, utf8, utf32 };
const char* encoding_name(Encoding e);

// A text's lines, to turn (line, character) into byte offsets and back.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  size_t lines() const { return starts_.size(); }
  // Line `line` (0-based) without its line break; empty past the end.
  std::string_view line(size_t line) const;
  // The byte offset of a position; clamped to the line's end and the text's.
  size_t offset(size_t line, size_t character, Encoding e) const;
  // The `character` of a 0-based code-point column (a Span's col - 1) on a line.
  size_t character_of_column(size_t line, size_t column, Encoding e) const;
  // The 0-based code-point column of a `character` on a line.
  size_t column_of_character(size_t line, size_t character, Encoding e) const;

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
};

// Applies an LSP content change ({range, text} or {text}) to `text`.
// False, and `text` unchanged, when the change is malformed.
bool apply_change(std::string& text, const Json& change, Encoding e);

// file:///a/b%20c → /a/b c; nullopt for another scheme or a malformed URI.
std::optional<std::string> uri_to_path(std::string_view uri);
std::string path_to_uri(std::string_view path);

}  // namespace sv::lsp
