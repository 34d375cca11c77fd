// Where the cursor is in a YAML document, read from its lines: the keys
// above it, whether it is on a key or in a value, what is typed so far. The
// text is read as lines, not parsed, because while it is being typed it
// often does not parse; the format is block-style YAML, which the lines show.
#pragma once

#include <string>
#include <vector>

#include "lsp/protocol.h"

namespace sv::lsp {

struct Place {
  // The keys from the document's top to the mapping the cursor is in; "-"
  // for an item of a list.
  std::vector<std::string> path;
  bool in_value = false;  // after `key:`
  // Right after a list's `- `: an item of a list of scalars, or the first
  // key of a list item; the list's schema tells which.
  bool item_start = false;
  bool typing_key = false;  // at the start of a line: a key is being typed
  std::string key;        // the key typed, or whose value the cursor is in
  std::string prefix;     // what is typed of the key or value before the cursor
  size_t prefix_column = 0;  // where it starts (0-based code points)
  std::string kind;          // the document's `kind:`, "" when none
  std::vector<std::string> siblings;  // the keys the mapping already has
};

// The place at a 0-based line and code-point column.
Place place_at(const LineIndex& text, size_t line, size_t column);

}  // namespace sv::lsp
