#include "scaffold/yaml_writer.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace sv::scaffold {

namespace {

// YAML 1.1's words for booleans and null (libyaml reads YAML 1.1): a text
// spelled like one is quoted, so no reader takes it for a boolean.
constexpr std::array<std::string_view, 26> kWords = {
    "y",    "Y",    "n",    "N",     "yes",   "Yes", "YES", "no",  "No",  "NO",   "true", "True", "TRUE",
    "false", "False", "FALSE", "on", "On",  "ON",  "off", "Off", "OFF", "null", "Null", "NULL", "~"};

bool is_word(std::string_view v) { return std::find(kWords.begin(), kWords.end(), v) != kWords.end(); }

bool ascii_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// What must be escaped for the reader to see it: the line breaks and marks
// YAML gives meaning beyond ASCII (NEL, LS, PS, BOM), and what YAML does not
// allow written as it is and the Emitter leaves so unless told to escape
// beyond ASCII (DEL, U+FFFE, U+FFFF).
bool has_special_unicode(std::string_view v) {
  return v.find("\xC2\x85") != v.npos || v.find("\xE2\x80\xA8") != v.npos || v.find("\xE2\x80\xA9") != v.npos ||
         v.find("\xEF\xBB\xBF") != v.npos || v.find('\x7F') != v.npos || v.find("\xEF\xBF\xBE") != v.npos ||
         v.find("\xEF\xBF\xBF") != v.npos;
}

}  // namespace

bool plain_is_safe(std::string_view v) {
  if (v.empty() || is_word(v)) return false;
  unsigned char first = static_cast<unsigned char>(v.front());
  if (!ascii_letter(first) && first < 0x80) return false;  // digits, indicators, spaces
  if (v.back() == ' ') return false;
  for (unsigned char c : v) {
    if (c < 0x20 || c == 0x7F) return false;
    switch (c) {
      case ':': case '#': case ',': case '[': case ']': case '{': case '}': case '"': case '\'': case '\\':
        return false;
      default:
        break;
    }
  }
  return !has_special_unicode(v);
}

YamlWriter::YamlWriter() : e_(std::make_unique<YAML::Emitter>()) {
  e_->SetIndent(2);
  e_->SetSeqFormat(YAML::Block);
  e_->SetMapFormat(YAML::Block);
}

YamlWriter::~YamlWriter() = default;

YamlWriter& YamlWriter::comment(std::string_view text) { return comment_lines(text, false); }

// Each line after a line break of its own: comments in a row would share a line.
YamlWriter& YamlWriter::note(std::string_view text) { return comment_lines(text, true); }

YamlWriter& YamlWriter::comment_lines(std::string_view text, bool own_line) {
  // One comment per line: the Emitter writes a comment's line breaks as they are.
  size_t from = 0;
  while (from <= text.size()) {
    size_t to = text.find('\n', from);
    if (to == text.npos) to = text.size();
    if (own_line) *e_ << YAML::Newline;
    *e_ << YAML::Comment(std::string(text.substr(from, to - from)));
    from = to + 1;
  }
  return *this;
}

YamlWriter& YamlWriter::begin_map() { return *e_ << YAML::BeginMap, *this; }
YamlWriter& YamlWriter::end_map() { return *e_ << YAML::EndMap, *this; }
YamlWriter& YamlWriter::begin_seq() { return *e_ << YAML::BeginSeq, *this; }
YamlWriter& YamlWriter::end_seq() { return *e_ << YAML::EndSeq, *this; }
YamlWriter& YamlWriter::begin_flow_seq() { return *e_ << YAML::Flow << YAML::BeginSeq, *this; }
YamlWriter& YamlWriter::key(std::string_view k) { return *e_ << YAML::Key << std::string(k) << YAML::Value, *this; }

YamlWriter& YamlWriter::text(std::string_view v) {
  if (plain_is_safe(v)) return *e_ << std::string(v), *this;
  // Escaped beyond ASCII only when a character there would read as a line
  // break or be dropped; else å, ä and ö stay readable.
  if (has_special_unicode(v)) *e_ << YAML::EscapeNonAscii;
  *e_ << YAML::DoubleQuoted << std::string(v);
  if (has_special_unicode(v)) *e_ << YAML::EmitNonAscii;
  return *this;
}

YamlWriter& YamlWriter::plain(std::string_view v) { return *e_ << std::string(v), *this; }

YamlWriter& YamlWriter::blank_line() { return *e_ << YAML::Newline, *this; }

std::string YamlWriter::str() const {
  if (!e_->good()) throw std::logic_error("YAML writer: " + e_->GetLastError());
  std::string s = e_->c_str();
  if (s.empty() || s.back() != '\n') s += '\n';
  return s;
}

}  // namespace sv::scaffold
