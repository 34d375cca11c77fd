// The per-file cache: what comes back is what went in, and nothing damaged,
// truncated or foreign is ever trusted.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "load/cache.h"
#include "load/load.h"
#include "load/tree.h"
#include "output/output.h"

using namespace sv;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() : path(fs::temp_directory_path() / ("samverkan-cache-" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

const char* kText =
    "kind: plan\nid: p\ntitle: Plan\ncollaboration: c\nperiod: 2026\n"
    "goals:\n  - &g {id: g1, title: Mål}\n  - id: g2\n    title: [bad]\nname: x\nname: y\n";

std::string describe(const FileLoad& l) {
  Repo repo;
  repo.files.push_back(SourceFile{"p.yaml", kText});
  std::string s = format_json(repo, l.findings, Lang::en);
  for (const auto& p : l.plans) {
    s += p.id.v + ":" + std::to_string(p.goals.v.size());
    for (const auto& g : p.goals.v) s += " " + g.id.v + "@" + std::to_string(g.id.span.line) + ":" + std::to_string(g.id.span.col);
  }
  return s;
}

void flip_byte(const std::string& path, long from_end) {
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  f.seekg(from_end, std::ios::end);
  char c;
  f.get(c);
  f.seekp(from_end, std::ios::end);
  f.put(static_cast<char>(c ^ 0x5a));
}

}  // namespace

TEST_CASE("a cached parse gives the same model and findings as a fresh one") {
  TempDir dir;
  FileLoad fresh;
  load_file(0, kText, fresh);
  CHECK(!fresh.findings.empty());
  {
    Cache c(dir.path.string(), "/repo");
    FileLoad l;
    load_file(0, kText, l, &c);  // miss: parse and remember
    CHECK(describe(l) == describe(fresh));
    c.flush();
    CHECK(fs::exists(c.pack_path()));
  }
  Cache c(dir.path.string(), "/repo");
  ParsedFile p;
  CHECK(c.get(Cache::key_of(kText), 0, p));  // hit
  FileLoad l;
  load_file(0, kText, l, &c);
  CHECK(describe(l) == describe(fresh));
  // Other bytes, another key: an edit is never answered from the cache.
  CHECK_FALSE(c.get(Cache::key_of(std::string(kText) + "\n"), 0, p));
}

TEST_CASE("damaged, truncated and foreign packs are ignored") {
  TempDir dir;
  std::string pack;
  {
    Cache c(dir.path.string(), "/repo");
    FileLoad l;
    load_file(0, kText, l, &c);
    c.flush();
    pack = c.pack_path();
  }
  std::string good;
  {
    std::ifstream in(pack, std::ios::binary);
    good.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  auto write = [&](const std::string& bytes) { std::ofstream(pack, std::ios::binary | std::ios::trunc) << bytes; };
  auto hit = [&] {
    Cache c(dir.path.string(), "/repo");
    ParsedFile p;
    return c.get(Cache::key_of(kText), 0, p);
  };
  CHECK(hit());
  flip_byte(pack, -20);  // inside the payload: the checksum catches it
  CHECK_FALSE(hit());
  write(good.substr(0, good.size() - 3));  // truncated
  CHECK_FALSE(hit());
  write(good.substr(0, 20));  // truncated in the header
  CHECK_FALSE(hit());
  write("not a samverkan cache at all, just text");
  CHECK_FALSE(hit());
  std::string other_salt = good;
  other_salt[8 + 4] ^= 1;  // the salt: another version of the tool
  write(other_salt);
  CHECK_FALSE(hit());
  write(good);
  CHECK(hit());
  // A damaged entry is parsed again and the pack repaired.
  flip_byte(pack, -20);
  {
    Cache c(dir.path.string(), "/repo");
    FileLoad l, fresh;
    load_file(0, kText, l, &c);
    load_file(0, kText, fresh);
    CHECK(describe(l) == describe(fresh));
    c.flush();
  }
  CHECK(hit());
}

TEST_CASE("an unwritable cache directory never fails loading") {
  Cache c("/proc/version/not-a-dir", "/repo");
  FileLoad l;
  load_file(0, kText, l, &c);
  c.flush();
  CHECK(l.plans.size() == 1);
}

namespace {

// A tree as text: every node with its place, type, span and value; a node
// reached twice (an alias) shows the same place.
void dump(const RawNode* n, std::string& out, int depth) {
  out += std::string(depth * 2, ' ') + "#" + std::to_string(n->index) + " t" +
         std::to_string(static_cast<int>(n->type)) + (n->quoted ? " q" : "") + " " +
         std::to_string(n->span.line) + ":" + std::to_string(n->span.col) + "+" + std::to_string(n->span.len) +
         " '" + std::string(n->value) + "'\n";
  for (const RawNode* k : n->kids) dump(k, out, depth + 1);
}
// Writes `parsed` as the cache's entry for `text`, in a pack of its own.
void store(const TempDir& dir, const std::string& text, const ParsedFile& parsed) {
  Cache c(dir.path.string(), "/repo");
  c.put(Cache::key_of(text), parsed);
  c.flush();
}

std::string dump(const RawFile& f) {
  std::string out;
  for (const RawDoc& d : f.docs) {
    out += "doc " + std::to_string(d.start.line) + "\n";
    if (d.root) dump(d.root, out, 1);
  }
  return out;
}

}  // namespace

TEST_CASE("the cache gives back the same tree: shared aliases, merge keys, quoting, spans") {
  const std::string text =
      "kind: forum\nid: f\nbase: &b {type: steering, level: \"management\"}\n"
      "other:\n  <<: *b\n  type: working\nlist: [*b, *b, ~, 'x']\nnotes: |\n  två\n  rader\n---\nkind: plan\n";
  ParsedFile fresh = parse_file(0, text);
  REQUIRE(fresh.parsed);
  REQUIRE(fresh.raw.docs.size() == 2);
  std::string expected = dump(fresh.raw);
  // The alias items are the anchored node itself, not copies.
  const RawNode* root = fresh.raw.docs[0].root;
  const RawNode* list = root->val(4);
  REQUIRE(list->kids.size() == 4);
  CHECK(list->kids[0] == root->val(2));
  CHECK(list->kids[1] == root->val(2));

  TempDir dir;
  store(dir, text, fresh);
  Cache c(dir.path.string(), "/repo");
  ParsedFile back;
  REQUIRE(c.get(Cache::key_of(text), 0, back));
  CHECK(dump(back.raw) == expected);
  const RawNode* broot = back.raw.docs[0].root;
  CHECK(broot->val(4)->kids[0] == broot->val(2));  // still shared after the round trip
  CHECK(back.findings.size() == fresh.findings.size());
}

TEST_CASE("an entry whose positions lie outside any file is not trusted") {
  TempDir dir;
  ParsedFile p = parse_file(0, kText);
  REQUIRE(!p.findings.empty());
  p.findings[0].span.col = 1 << 30;  // a crafted pack: a caret a gigabyte to the right
  store(dir, kText, p);
  Cache c(dir.path.string(), "/repo");
  ParsedFile back;
  CHECK_FALSE(c.get(Cache::key_of(kText), 0, back));
  FileLoad l, fresh;
  load_file(0, kText, l, &c);  // parsed again instead
  load_file(0, kText, fresh);
  CHECK(describe(l) == describe(fresh));
}
