// Suppression comments: which `#` starts a YAML comment.
#include <doctest/doctest.h>

#include <string>

#include "lint/suppress.h"

using namespace sv;

// "line:col:text" of each comment, joined by " | ".
static std::string texts(const std::string& yaml) {
  std::string out;
  for (const auto& c : yaml_comments(yaml))
    out += (out.empty() ? "" : " | ") + std::to_string(c.line) + ":" + std::to_string(c.col) + ":" + std::string(c.text);
  return out;
}

TEST_CASE("comments start at a line's start or after a space, outside quotes") {
  CHECK(texts("# a\nkey: v # b\nkey: v#c\n") == "1:1: a | 2:8: b");
  CHECK(texts("t: \"x # y\" # z\n") == "1:12: z");
  CHECK(texts("t: 'it''s # y' # z\n") == "1:16: z");
  CHECK(texts("t: \"a \\\" # b\" #c\n") == "1:15:c");
  CHECK(texts("t: it's # real\n") == "1:9: real");
  CHECK(texts("- [a, 'b # c', \"d\"] # e\n") == "1:21: e");
  CHECK(texts("t: \"two\n  # lines\" # end\n") == "2:12: end");
}

TEST_CASE("block scalars hold no comments") {
  std::string y =
      "a: |\n"
      "  # text\n"
      "\n"
      "  more # text\n"
      "b: x # after\n"
      "list:\n"
      "  - note: >-\n"
      "      # text\n"
      "    title: y # sibling\n"
      "  - |\n"
      "    # text\n"
      "  - z # item\n";
  CHECK(texts(y) == "5:6: after | 9:14: sibling | 12:7: item");
}

TEST_CASE("columns count code points, CRLF and a BOM are fine") {
  CHECK(texts("\xEF\xBB\xBFtitle: Å # x\r\nb: 1 #y\r\n") == "1:10: x | 2:6:y");
}

TEST_CASE("any bytes scan without crashing, and every comment lies within its line") {
  const char alphabet[] = "ab #'\"\\|>-:,[]{}\n\r\t \xC3\xA5";
  unsigned seed = 12345;
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    size_t n = seed % 80;
    for (size_t i = 0; i < n; ++i) {
      seed = seed * 1103515245 + 12345;
      s += alphabet[(seed >> 16) % (sizeof alphabet - 1)];
    }
    seed = seed * 1103515245 + 12345;
    for (const auto& c : yaml_comments(s)) {
      CHECK(c.line >= 1);
      CHECK(c.col >= 1);
      CHECK(c.text.find('\n') == std::string_view::npos);
    }
  }
}
