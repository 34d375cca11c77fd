// The loader's own tree: a YAML document as plain nodes with spans. Built by
// load_yaml.cpp (the only file that includes yaml-cpp), read by load_decode.cpp.
// Private to the loader.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "finding.h"
#include "model.h"
#include "source.h"

namespace sv {

struct RawNode {
  enum class Type : uint8_t { null, scalar, seq, map };
  Type type = Type::null;
  bool quoted = false;  // quoted, block or !!str-tagged scalar: always text
  Span span;
  std::string value;  // scalars
  // Sequence items; for a mapping, key and value alternate. Nodes reached
  // through an alias are shared, never copied.
  std::vector<const RawNode*> kids;
  uint64_t weight = 1;  // nodes in this subtree, counting what aliases repeat

  bool is_map() const { return type == Type::map; }
  bool is_seq() const { return type == Type::seq; }
  bool is_scalar() const { return type == Type::scalar; }
  bool is_null() const { return type == Type::null; }
  size_t pairs() const { return kids.size() / 2; }
  const RawNode* key(size_t i) const { return kids[2 * i]; }
  const RawNode* val(size_t i) const { return kids[2 * i + 1]; }
};

struct RawDoc {
  const RawNode* root = nullptr;  // null for an empty document
  Span start;
};

struct RawFile {
  std::deque<RawNode> arena;
  std::vector<RawDoc> docs;
  // Lines of the text, for comment scanning and spans.
  std::vector<size_t> line_starts;
};

// Limits that keep hostile input from costing more than it should.
inline constexpr uint64_t kAliasBudget = 100000;  // nodes that aliases may repeat, per document

// What parsing one file gave: its tree and its own findings. `parsed` is
// false when the bytes could not be parsed at all (binary, not UTF-8, too large).
struct ParsedFile {
  RawFile raw;
  std::vector<Finding> findings;
  bool parsed = false;
};
ParsedFile parse_file(int file, std::string_view content);

// Parses one file's text (valid UTF-8, BOM already removed). Documents that
// parse are appended to `out`; a syntax error is a finding and ends the file.
void parse_yaml(int file, std::string_view text, RawFile& out, std::vector<Finding>& findings);

// Checks bytes before parsing: size, NUL bytes, UTF-8. Returns false (with a
// finding) when the file cannot be parsed. `text` is set to the content
// without a UTF-8 byte order mark.
bool precheck_text(int file, std::string_view content, std::string_view& text,
                   std::vector<Finding>& findings);

// Computes a span from a byte offset into text (1-based line, code-point column).
Span span_at(int file, std::string_view text, const std::vector<size_t>& line_starts, size_t pos,
             size_t len_bytes = 0);
std::vector<size_t> line_starts_of(std::string_view text);

}  // namespace sv
