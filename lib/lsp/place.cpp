#include "lsp/place.h"

#include <algorithm>

namespace sv::lsp {

namespace {

// One line as the block style shows it.
struct Shape {
  bool blank = true;       // nothing but spaces or a comment
  bool boundary = false;   // `---` or `...`: a document starts or ends
  size_t indent = 0;       // where its content starts, after `- ` markers (bytes; keys are ASCII)
  std::vector<size_t> markers;  // where each `- ` stands
  bool has_key = false;
  std::string key;
  size_t value_at = 0;     // where the value starts (after `: `)
};

bool key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
}

Shape shape_of(std::string_view l) {
  Shape s;
  if (l.substr(0, 3) == "---" || l.substr(0, 3) == "...") {
    s.boundary = true;
    return s;
  }
  size_t i = 0;
  for (;;) {
    while (i < l.size() && l[i] == ' ') ++i;
    if (i < l.size() && l[i] == '-' && (i + 1 == l.size() || l[i + 1] == ' ')) {
      s.markers.push_back(i);
      ++i;
      continue;
    }
    break;
  }
  s.indent = i;
  if (i >= l.size() || l[i] == '#') {
    s.blank = s.markers.empty();
    return s;
  }
  s.blank = false;
  size_t k = i;
  while (k < l.size() && key_char(l[k])) ++k;
  if (k > i && k < l.size() && l[k] == ':' && (k + 1 == l.size() || l[k + 1] == ' ')) {
    s.has_key = true;
    s.key.assign(l.substr(i, k - i));
    s.value_at = k + 1;
    while (s.value_at < l.size() && l[s.value_at] == ' ') ++s.value_at;
  }
  return s;
}

// Bytes of the first `column` code points of a line.
size_t bytes_of(std::string_view l, size_t column) {
  size_t i = 0;
  for (size_t c = 0; c < column && i < l.size(); ++c) {
    ++i;
    while (i < l.size() && (static_cast<unsigned char>(l[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

size_t columns_of(std::string_view l, size_t bytes) {
  size_t c = 0;
  for (size_t i = 0; i < bytes && i < l.size(); ++i)
    if ((static_cast<unsigned char>(l[i]) & 0xC0) != 0x80) ++c;
  return c;
}

std::string unquote_start(std::string_view v, size_t& skipped) {
  skipped = 0;
  if (!v.empty() && (v.front() == '"' || v.front() == '\'')) {
    skipped = 1;
    v.remove_prefix(1);
  }
  return std::string(v);
}

}  // namespace

Place place_at(const LineIndex& text, size_t line, size_t column) {
  Place p;
  if (line >= text.lines()) return p;
  // The document the line is in.
  size_t first = line;
  while (first > 0 && !shape_of(text.line(first)).boundary) --first;
  if (shape_of(text.line(first)).boundary && first < line) ++first;
  size_t last = line;
  while (last + 1 < text.lines() && !shape_of(text.line(last + 1)).boundary) ++last;
  for (size_t i = first; i <= last; ++i) {
    Shape s = shape_of(text.line(i));
    if (!(s.has_key && s.indent == 0 && s.markers.empty() && s.key == "kind")) continue;
    std::string v(text.line(i).substr(s.value_at));
    if (auto hash = v.find(" #"); hash != std::string::npos) v.resize(hash);
    while (!v.empty() && (v.back() == ' ' || v.back() == '"' || v.back() == '\'')) v.pop_back();
    while (!v.empty() && (v.front() == '"' || v.front() == '\'')) v.erase(0, 1);
    p.kind = v;
  }

  std::string_view l = text.line(line);
  const size_t at = bytes_of(l, column);
  const std::string_view before = l.substr(0, at);
  const Shape here = shape_of(before);
  const size_t level = here.indent;  // where the keys of the cursor's mapping start
  if (here.has_key) {
    p.in_value = true;
    p.key = here.key;
    std::string_view value = before.substr(std::min(here.value_at, before.size()));
    // In a flow list, what is typed is the last item.
    size_t cut = value.find_last_of("[,");
    size_t from = cut == std::string_view::npos ? 0 : cut + 1;
    while (from < value.size() && value[from] == ' ') ++from;
    size_t skipped = 0;
    p.prefix = unquote_start(value.substr(from), skipped);
    p.prefix_column = columns_of(l, here.value_at + from + skipped);
  } else {
    std::string_view typed = before.substr(level);
    size_t skipped = 0;
    std::string word = unquote_start(typed, skipped);
    if (word.find(' ') == std::string::npos && word.find(':') == std::string::npos) {
      p.prefix = word;
      p.prefix_column = columns_of(l, level + skipped);
      p.item_start = !here.markers.empty();
      p.typing_key = skipped == 0;
    }
  }

  // The mapping's other keys: below the cursor to the end of the mapping,
  // above it to the line that starts it.
  bool starts_here = !here.markers.empty();
  for (size_t i = line + 1; i <= last; ++i) {
    Shape s = shape_of(text.line(i));
    if (s.blank) continue;
    if (s.boundary || s.indent < level || (s.indent == level && !s.markers.empty())) break;
    if (s.indent == level && s.has_key) p.siblings.push_back(s.key);
  }
  if (!starts_here) {
    for (size_t i = line; i-- > first;) {
      Shape s = shape_of(text.line(i));
      if (s.blank) continue;
      if (s.boundary || s.indent < level) break;
      if (s.indent == level && s.has_key) p.siblings.push_back(s.key);
      if (s.indent == level && !s.markers.empty()) break;  // the item's first line
    }
  }

  // The keys above: a line whose content starts left of the mapping holds
  // its parent; a `- ` makes the mapping an item of a list.
  std::vector<std::string> up;
  size_t col = level;
  auto enter_items = [&](const Shape& s) {
    for (size_t m = 0; m < s.markers.size(); ++m) up.push_back("-");
    col = s.markers.front();
  };
  if (!here.markers.empty()) enter_items(here);
  for (size_t i = line; col > 0 && i-- > first;) {
    Shape s = shape_of(text.line(i));
    if (s.blank) continue;
    if (s.boundary) break;
    if (s.indent == col && !s.markers.empty() && s.has_key) {
      enter_items(s);  // `- key: x` starts the item the mapping is
      continue;
    }
    if (s.indent >= col) continue;  // a sibling, or deeper inside one
    if (!s.markers.empty() && s.markers.front() >= col) continue;
    if (!s.has_key) break;  // not the block style this reads
    up.push_back(s.key);
    if (!s.markers.empty()) enter_items(s);
    else col = s.indent;
  }
  std::reverse(up.begin(), up.end());
  p.path = std::move(up);
  std::sort(p.siblings.begin(), p.siblings.end());
  p.siblings.erase(std::unique(p.siblings.begin(), p.siblings.end()), p.siblings.end());
  return p;
}

}  // namespace sv::lsp
