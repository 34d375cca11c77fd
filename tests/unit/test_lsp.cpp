// The language server's pieces on strings: framing, positions, URIs, and
// where the cursor is in a document being typed (lib/lsp/).
#include <doctest/doctest.h>

#include <string>
#include <unistd.h>

#include "lsp/place.h"
#include "lsp/protocol.h"

using namespace sv;
using namespace sv::lsp;

namespace {

// A Reader over bytes written to a pipe.
std::vector<std::pair<Reader::Status, std::string>> read_all(const std::string& bytes, size_t max_body = kMaxBody) {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  std::vector<std::pair<Reader::Status, std::string>> out;
  // Small inputs fit the pipe's buffer: write, close, then read.
  REQUIRE(bytes.size() < 60000);
  REQUIRE(write(fds[1], bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
  close(fds[1]);
  Reader r(fds[0], max_body);
  for (;;) {
    std::string body;
    Message problem;
    auto s = r.next(body, problem);
    if (s == Reader::Status::eof) break;
    out.emplace_back(s, s == Reader::Status::message ? body : problem.str(Lang::en));
  }
  close(fds[0]);
  return out;
}

std::string frame(const std::string& body) { return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body; }

Place place(const std::string& text, size_t line, size_t column) {
  LineIndex index(text);
  return place_at(index, line, column);
}

}  // namespace

TEST_CASE("framing: messages, garbage between them, a bad length, a body too large") {
  auto got = read_all(frame("{\"a\":1}") + "garbage line\r\n" + frame("{\"b\":2}"));
  REQUIRE(got.size() == 2);
  CHECK(got[0].second == "{\"a\":1}");
  CHECK(got[1].second == "{\"b\":2}");

  got = read_all("Content-Type: x\r\n\r\n" + frame("{}"));
  REQUIRE(got.size() == 2);
  CHECK(got[0].first == Reader::Status::skipped);
  CHECK(got[0].second.find("Content-Length") != std::string::npos);
  CHECK(got[1].second == "{}");

  got = read_all("Content-Length: 12x\r\n\r\n" + frame("{}"));
  REQUIRE(got.size() == 2);
  CHECK(got[0].first == Reader::Status::skipped);

  got = read_all(frame(std::string(100, 'x')) + frame("{}"), 50);
  REQUIRE(got.size() == 2);
  CHECK(got[0].first == Reader::Status::skipped);
  CHECK(got[0].second.find("100") != std::string::npos);
  CHECK(got[1].second == "{}");

  // Lower-case header names, LF line ends, a header line longer than any.
  got = read_all("content-length: 2\n\n{}" + std::string(20000, 'h') + "\r\n" + frame("[]"));
  REQUIRE(got.size() == 2);
  CHECK(got[0].second == "{}");
  CHECK(got[1].second == "[]");
  // Cut short: the end of input, nothing made up.
  CHECK(read_all("Content-Length: 10\r\n\r\n{}").empty());
}

TEST_CASE("positions: UTF-16, UTF-8 and code points") {
  const std::string text = "a: å😀b\nsecond\r\nthird";
  LineIndex l(text);
  CHECK(l.lines() == 3);
  CHECK(l.line(1) == "second");
  // Column 5 (0-based code points) is 'b', after "a: å😀".
  CHECK(l.character_of_column(0, 5, Encoding::utf16) == 6);  // 😀 is two units
  CHECK(l.character_of_column(0, 5, Encoding::utf8) == 9);   // å two bytes, 😀 four
  CHECK(l.character_of_column(0, 5, Encoding::utf32) == 5);
  CHECK(l.column_of_character(0, 6, Encoding::utf16) == 5);
  CHECK(l.column_of_character(0, 9, Encoding::utf8) == 5);
  CHECK(l.offset(0, 6, Encoding::utf16) == 9);
  // Past the end: clamped.
  CHECK(l.offset(0, 99, Encoding::utf16) == text.find('\n'));
  CHECK(l.offset(9, 0, Encoding::utf16) == text.size());

  std::string doc = "owner: nassjo\nx: 1\n";
  REQUIRE(apply_change(doc, Json::parse(R"({"range":{"start":{"line":0,"character":7},"end":{"line":0,"character":13}},"text":"eksjo"})"),
                       Encoding::utf16));
  CHECK(doc == "owner: eksjo\nx: 1\n");
  REQUIRE(apply_change(doc, Json::parse(R"({"text":"all new"})"), Encoding::utf16));
  CHECK(doc == "all new");
  CHECK_FALSE(apply_change(doc, Json::parse(R"({"range":{"start":{"line":0,"character":5}},"text":"x"})"), Encoding::utf16));
  CHECK_FALSE(apply_change(doc, Json::parse(R"({"range":{"start":{"line":0,"character":5},"end":{"line":0,"character":1}},"text":"x"})"),
                           Encoding::utf16));
  CHECK_FALSE(apply_change(doc, Json::parse(R"({"range":{"start":{"line":-1,"character":0},"end":{"line":0,"character":1}},"text":"x"})"),
                           Encoding::utf16));
  CHECK(doc == "all new");
}

TEST_CASE("file URIs") {
  CHECK(uri_to_path("file:///tmp/a%20b/c%C3%A5.yaml") == "/tmp/a b/cå.yaml");
  CHECK(uri_to_path("file://localhost/tmp/x") == "/tmp/x");
  CHECK_FALSE(uri_to_path("http://x/y"));
  CHECK_FALSE(uri_to_path("file://other/x"));
  CHECK_FALSE(uri_to_path("file:///a%2"));
  CHECK_FALSE(uri_to_path("file:///a%00b"));
  CHECK(path_to_uri("/tmp/a b/cå.yaml") == "file:///tmp/a%20b/c%C3%A5.yaml");
  CHECK(uri_to_path(path_to_uri("/x/y z#?%")) == "/x/y z#?%");
}

TEST_CASE("the cursor's place: keys, values, list items, the path above") {
  const std::string plan =
      "kind: plan\n"              // 0
      "id: p1\n"                  // 1
      "goals:\n"                  // 2
      "  - id: m1\n"              // 3
      "    title: Mål\n"          // 4
      "activities:\n"             // 5
      "  - id: a1\n"              // 6
      "    owner: nassjo\n"       // 7
      "    goals: [m1, m\n"       // 8
      "    du\n"                  // 9
      "    participants:\n"       // 10
      "      - eks\n"             // 11
      "    updates:\n"            // 12
      "      - date: 2026-01-01\n"  // 13
      "        st\n";             // 14
  Place p = place(plan, 7, 14);  // owner: nas|sjo
  CHECK(p.kind == "plan");
  CHECK(p.in_value);
  CHECK(p.key == "owner");
  CHECK(p.prefix == "nas");
  CHECK(p.prefix_column == 11);
  CHECK(p.path == std::vector<std::string>{"activities", "-"});
  CHECK(p.siblings == std::vector<std::string>{"goals", "id", "participants", "updates"});  // not its own

  p = place(plan, 8, 18);  // goals: [m1, m|
  CHECK(p.in_value);
  CHECK(p.key == "goals");
  CHECK(p.prefix == "m");

  p = place(plan, 9, 6);  // du|
  CHECK_FALSE(p.in_value);
  CHECK(p.typing_key);
  CHECK(p.prefix == "du");
  CHECK(p.path == std::vector<std::string>{"activities", "-"});

  p = place(plan, 11, 11);  // - eks|
  CHECK(p.item_start);
  CHECK(p.prefix == "eks");
  CHECK(p.path == std::vector<std::string>{"activities", "-", "participants", "-"});

  p = place(plan, 14, 10);  // an update's key
  CHECK(p.prefix == "st");
  CHECK(p.path == std::vector<std::string>{"activities", "-", "updates", "-"});
  CHECK(p.siblings == std::vector<std::string>{"date"});

  p = place(plan, 4, 4);  // a goal's key, at its start
  CHECK(p.path == std::vector<std::string>{"goals", "-"});
  CHECK(p.siblings == std::vector<std::string>{"id"});

  p = place(plan, 1, 0);
  CHECK(p.path.empty());

  // Documents in one file: each its own kind.
  p = place("kind: forum\nid: f\n---\nkind: plan\nid: x\n", 4, 2);
  CHECK(p.kind == "plan");
  p = place("kind: forum\nid: f\n---\nkind: plan\nid: x\n", 1, 2);
  CHECK(p.kind == "forum");
  // Nothing to read: no crash, an empty place.
  CHECK(place("", 5, 5).path.empty());
  CHECK(place("- - -\n:::\n  - : x", 2, 4).key.empty());
}
