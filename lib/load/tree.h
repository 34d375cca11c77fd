// The loader's own tree: a YAML document as plain nodes with spans. Built by
// load_yaml.cpp (the only file that includes a YAML parser) or from the cache
// (cache.cpp), read by load_decode.cpp. Private to the loader.
#pragma once

#include <cstdint>
#include <algorithm>
#include <memory>
#include <memory_resource>
#include <new>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/model.h"
#include "load/source.h"

namespace sv {

struct RawNode {
  enum class Type : uint8_t { null, scalar, seq, map };
  Type type = Type::null;
  bool quoted = false;  // quoted, block or !!str-tagged scalar: always text
  Span span;
  std::string_view value;  // scalars (the text lives in the file's arena)
  // Sequence items; for a mapping, key and value alternate. Nodes reached
  // through an alias are shared, never copied. The list lives in the arena.
  std::span<const RawNode* const> kids;
  uint32_t weight = 1;  // nodes in this subtree, counting what aliases repeat (saturates)
  uint32_t index = 0;   // its place in RawFile::nodes

  bool is_map() const { return type == Type::map; }
  bool is_seq() const { return type == Type::seq; }
  bool is_scalar() const { return type == Type::scalar; }
  bool is_null() const { return type == Type::null; }
  size_t pairs() const { return kids.size() / 2; }
  const RawNode* key(size_t i) const { return kids[2 * i]; }
  const RawNode* val(size_t i) const { return kids[2 * i + 1]; }
};

// The memory of one file's tree: nodes, scalar text and lists of children,
// taken from large blocks and given back all at once with the file (a file
// has thousands of small pieces; one allocation each was a fifth of a run).
class RawArena {
 public:
  // `hint`: about how many bytes the tree will take.
  explicit RawArena(size_t hint = 4096) : hint_(hint) {}
  RawNode* node() { return new (take(sizeof(RawNode), alignof(RawNode))) RawNode(); }
  std::string_view text(std::string_view s) {
    if (s.empty()) return {};
    char* p = static_cast<char*>(take(s.size(), 1));
    std::copy(s.begin(), s.end(), p);
    return {p, s.size()};
  }
  // Room for a list of `n` children, filled by the caller.
  const RawNode** list(size_t n) {
    return n ? static_cast<const RawNode**>(take(n * sizeof(const RawNode*), alignof(const RawNode*))) : nullptr;
  }
  std::span<const RawNode* const> list(std::span<const RawNode* const> kids) {
    const RawNode** p = list(kids.size());
    std::copy(kids.begin(), kids.end(), p);
    return {p, kids.size()};
  }

 private:
  void* take(size_t bytes, size_t align) {
    if (!mem_) mem_ = std::make_unique<std::pmr::monotonic_buffer_resource>(hint_);
    return mem_->allocate(bytes, align);
  }
  size_t hint_;
  std::unique_ptr<std::pmr::monotonic_buffer_resource> mem_;  // stays put when the file moves
};

struct RawDoc {
  const RawNode* root = nullptr;  // null for an empty document
  Span start;
};

struct RawFile {
  explicit RawFile(size_t hint = 4096) : arena(hint) {}
  RawArena arena;
  std::vector<RawNode*> nodes;  // every node, in the order made (as the cache stores them)
  RawNode& make() {
    RawNode* n = nodes.emplace_back(arena.node());
    n->index = static_cast<uint32_t>(nodes.size() - 1);
    return *n;
  }
  std::vector<RawDoc> docs;
  // Lines of the text, for comment scanning and spans.
  std::vector<size_t> line_starts;
};

// Limits that keep hostile input from costing more than it should.
inline constexpr uint64_t kAliasBudget = 100000;  // nodes that aliases may repeat, per document

// What parsing one file gave: its tree and its own findings. `parsed` is
// false when the bytes could not be parsed at all (binary, not UTF-8, too large).
struct ParsedFile {
  explicit ParsedFile(size_t hint = 4096) : raw(hint) {}
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

}  // namespace sv
