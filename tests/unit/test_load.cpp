// The loader on strings: spans, types, and hostile YAML.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "load/load.h"

using namespace sv;

static FileLoad load(const std::string& text) {
  FileLoad out;
  load_file(0, text, out);
  return out;
}

static const Finding* find(const FileLoad& l, const std::string& code) {
  auto it = std::find_if(l.findings.begin(), l.findings.end(), [&](const Finding& f) { return f.code == code; });
  return it == l.findings.end() ? nullptr : &*it;
}

static const char* kOrg =
    "kind: organisation\n"
    "id: nassjo-kommun\n"
    "name: Nässjö kommun\n"
    "type: municipality\n";

TEST_CASE("a clean organisation loads with spans for its values") {
  auto l = load(kOrg);
  CHECK(l.findings.empty());
  REQUIRE(l.organisations.size() == 1);
  const auto& o = l.organisations[0];
  CHECK(o.id.v == "nassjo-kommun");
  CHECK(o.id.span.line == 2);
  CHECK(o.id.span.col == 5);
  CHECK(o.id.span.len == 13);
  CHECK(o.name.v == "Nässjö kommun");
  CHECK(o.name.span.len == 13);  // code points, not bytes
}

TEST_CASE("BOM and CRLF are accepted with the right positions") {
  std::string text = "\xEF\xBB\xBFkind: organisation\r\nid: a\r\nname: Å\r\ntype: region\r\nnmae: x\r\n";
  auto l = load(text);
  REQUIRE(l.findings.size() == 1);
  CHECK(l.findings[0].code == "field-unknown");
  CHECK(l.findings[0].span.line == 5);
  CHECK(l.findings[0].span.col == 1);
  CHECK(l.organisations.at(0).name.v == "Å");
}

TEST_CASE("columns count code points after non-ASCII text") {
  auto l = load("kind: organisation\nid: a\nname: Åsa\ntype: region\ncontacts: [{name: Å, email: fel}]\n");
  const Finding* f = find(l, "email-invalid");
  REQUIRE(f);
  CHECK(f->span.line == 5);
  CHECK(f->span.col == 29);
  CHECK(f->span.len == 3);
}

TEST_CASE("duplicate keys are found, the first is kept") {
  auto l = load(std::string(kOrg) + "name: Eksjö kommun\n");
  const Finding* f = find(l, "yaml-duplicate-key");
  REQUIRE(f);
  CHECK(f->span.line == 5);
  REQUIRE(f->notes.size() == 1);
  CHECK(f->notes[0].span.line == 3);
  CHECK(l.organisations.at(0).name.v == "Nässjö kommun");
}

TEST_CASE("several documents per file; empty ones are ignored") {
  auto l = load(std::string("---\n---\n") + kOrg + "---\n# only a comment\n---\nkind: organisation\nid: b\nname: B\ntype: region\n");
  CHECK(l.findings.empty());
  CHECK(l.organisations.size() == 2);
}

TEST_CASE("documents that are not mappings, or have no or an unknown kind") {
  CHECK(find(load("- a\n- b\n"), "document-not-mapping"));
  CHECK(find(load("just text\n"), "document-not-mapping"));
  CHECK(find(load("id: x\nname: y\n"), "kind-missing"));
  auto l = load("kind: organistion\nid: x\n");
  const Finding* f = find(l, "kind-unknown");
  REQUIRE(f);
  REQUIRE(f->help);
  CHECK(f->help->str(Lang::en) == "did you mean `organisation`?");
}

TEST_CASE("wrong types are findings, not crashes") {
  auto l = load("kind: organisation\nid: a\nname: [x, y]\ntype: {a: 1}\nservices: text\n");
  CHECK(std::count_if(l.findings.begin(), l.findings.end(), [](const Finding& f) { return f.code == "type-mismatch"; }) == 3);
  auto c = load("kind: collaboration\nid: c\nname: C\nparties: [a, b]\ncoordinator: {role: x, fte: \"0.5\"}\n");
  CHECK(find(c, "type-mismatch"));
  auto r = load("kind: collaboration\nid: c\nname: C\nparties: [a, b]\ncoordinator: {role: x, fte: 1.5}\n");
  CHECK(find(r, "value-out-of-range"));
}

TEST_CASE("x- fields are accepted anywhere and kept at the top") {
  auto l = load(std::string(kOrg) + "x-color: blue\ncontacts:\n  - role: Kansli\n    x-note: hi\n");
  CHECK(l.findings.empty());
  REQUIRE(l.organisations.at(0).extensions.size() == 1);
  CHECK(l.organisations[0].extensions[0].value == "blue");
}

TEST_CASE("merge keys apply, explicit keys win") {
  auto l = load(
      "kind: forum\nid: f\nname: F\ncollaboration: c\ntype: working\n"
      "members:\n  - &m {organisation: a, role: Handläggare}\n  - <<: *m\n    organisation: b\n");
  CHECK(l.findings.empty());
  REQUIRE(l.forums.at(0).members.v.size() == 2);
  CHECK(l.forums[0].members.v[1].organisation.v == "b");
  CHECK(l.forums[0].members.v[1].role.v == "Handläggare");
}

TEST_CASE("alias bombs are stopped, never expanded") {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  std::string prev = "a";
  for (char c = 'b'; c <= 'j'; ++c) {
    text += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) text += (i ? ", *" : "*") + prev;
    text += "]\n";
    prev = std::string(1, c);
  }
  auto l = load(text);
  CHECK(find(l, "yaml-alias-bomb"));
}

TEST_CASE("an anchor that contains its own alias is a cycle") {
  auto l = load("kind: organisation\nid: a\nname: &n [1, *n]\n");
  CHECK(find(l, "yaml-anchor-cycle"));
}

TEST_CASE("deep nesting is a finding, not a stack overflow") {
  auto l = load(std::string(100000, '[') + std::string(100000, ']'));
  CHECK(find(l, "yaml-too-deep"));
  std::string block;
  for (int i = 0; i < 5000; ++i) block += std::string(2 * i, ' ') + "a:\n";
  CHECK(find(load(block), "yaml-too-deep"));
}

TEST_CASE("tabs in indentation, syntax errors, bad bytes") {
  const Finding* tab = nullptr;
  auto t = load("kind: organisation\nid: a\ncontacts:\n\t- role: x\n");
  tab = find(t, "yaml-tab-indent");
  REQUIRE(tab);
  CHECK(tab->span.line == 4);
  CHECK(find(load("kind: organisation\nid: [a\n"), "yaml-syntax"));
  auto u = load("kind: organisation\nid: a\nname: N\xe4ssj\xf6\n");
  const Finding* f = find(u, "utf8-invalid");
  REQUIRE(f);
  CHECK(f->span.line == 3);
  CHECK(f->span.col == 8);
  CHECK(find(load(std::string("kind: x\0\x01\x02", 10)), "file-binary"));
}

TEST_CASE("the parser's problems are ours: translated, at the right place, with where it began") {
  auto l = load("kind: organisation\nid: a\nname: \"Nässjö\ntype: region\n");
  const Finding* f = find(l, "yaml-syntax");
  REQUIRE(f);
  CHECK(f->span.line == 5);  // the file ends inside the quotes
  CHECK(f->message.str(Lang::sv) == "ogiltig YAML: filen tar slut mitt i ett värde");
  CHECK(f->message.str(Lang::en) == "invalid YAML: the file ends in the middle of a value");
  REQUIRE(f->notes.size() == 1);
  CHECK(f->notes[0].span.line == 3);
  CHECK(f->notes[0].span.col == 7);
  // `: ` inside an unquoted value: the column after the multi-byte text is right.
  auto m = load("kind: organisation\nid: a\nname: Åsa: Ö\n");
  f = find(m, "yaml-syntax");
  REQUIRE(f);
  CHECK(f->span.line == 3);
  CHECK(f->span.col == 10);
  REQUIRE(f->help);
  CHECK(f->help->str(Lang::en) == "put the value in quotes");
  // A raw control character is not YAML; its escape in double quotes is.
  auto c = load("kind: organisation\nid: a\nname: A\x7f\ntype: region\n");
  f = find(c, "yaml-syntax");
  REQUIRE(f);
  CHECK(f->span.line == 3);
  CHECK(f->span.col == 8);
  auto e = load("kind: organisation\nid: a\nname: \"A\\u007f\"\ntype: region\n");
  CHECK(e.findings.empty());
  CHECK(e.organisations.at(0).name.v == "A\x7f");
}

TEST_CASE("an alias without its anchor is a finding") {
  auto l = load("kind: organisation\nid: a\nname: *nowhere\ntype: region\n");
  const Finding* f = find(l, "yaml-syntax");
  REQUIRE(f);
  CHECK(f->span.line == 3);
  CHECK(f->span.col == 7);
  CHECK(f->message.str(Lang::en) == "alias *nowhere has no anchor &nowhere before it in the document");
  // Anchors do not reach across documents.
  CHECK(find(load("kind: organisation\nid: a\nname: &n N\ntype: region\n---\nkind: organisation\nid: b\nname: *n\n"
                  "type: region\n"),
             "yaml-syntax"));
}

TEST_CASE("a duplicate key made by an alias is shown where the alias is written") {
  auto l = load("kind: organisation\nid: &k a\nname: N\ntype: region\n*k : b\n");
  const Finding* f = find(l, "yaml-duplicate-key");
  REQUIRE(f == nullptr);  // the alias names the value `a`, not the key `id`: no duplicate
  l = load("kind: organisation\n&k id: a\nname: N\ntype: region\n*k : b\n");
  f = find(l, "yaml-duplicate-key");
  REQUIRE(f);
  CHECK(f->span.line == 5);
  CHECK(f->span.col == 1);
  CHECK(f->span.len == 2);
  REQUIRE(f->notes.size() == 1);
  CHECK(f->notes[0].span.line == 2);
  REQUIRE(l.organisations.size() == 1);
  CHECK(l.organisations[0].id.v == "a");  // the first is kept
}

TEST_CASE("null, empty and quoted values") {
  auto l = load("kind: organisation\nid: a\nname: 'null'\ntype: region\ndescription: ~\n");
  CHECK(l.organisations.at(0).name.v == "null");
  CHECK(!find(l, "field-type"));
  auto q = load("kind: organisation\nid: \"2026\"\nname: N\ntype: region\n");
  CHECK(q.findings.empty());
  CHECK(find(load("kind: organisation\nid: a\nname:\ntype: region\n"), "field-required"));
}

TEST_CASE("a syntax error keeps the documents before it") {
  auto l = load(std::string(kOrg) + "---\nkind: organisation\nid: [b\n");
  CHECK(l.organisations.size() == 1);
  CHECK(find(l, "yaml-syntax"));
}

TEST_CASE("plan details: nested ids, local goal references, date order, conditions") {
  auto l = load(
      "kind: plan\nid: p\ntitle: P\ncollaboration: c\nperiod: {start: 2025-03-01, end: 2025-02-01}\n"
      "status: approved\n"
      "goals:\n  - id: g1\n    title: G\n  - id: g1\n    title: H\n"
      "activities:\n  - id: a1\n    title: A\n    goals: [g2]\n    start: 2025-05-01\n    due: 2025-04-01\n"
      "    status: done\n");
  CHECK(find(l, "date-order"));
  CHECK(find(l, "id-duplicate"));
  CHECK(find(l, "reference-unknown"));
  CHECK(std::count_if(l.findings.begin(), l.findings.end(), [](const Finding& f) { return f.code == "field-required"; }) == 2);
}

TEST_CASE("items of lists are named in the reader's language, with their ids") {
  auto l = load("kind: plan\nid: p\ntitle: P\ncollaboration: c\nperiod: 2026\n"
                "goals:\n  - id: g1\n    title: G\n    mätt: ja\n"
                "activities:\n  - title: A\n    ägare: x\n");
  std::vector<std::string> sv, en;
  for (const auto& f : l.findings)
    if (f.code == "field-unknown") {
      sv.push_back(f.message.str(Lang::sv));
      en.push_back(f.message.str(Lang::en));
    }
  REQUIRE(sv.size() == 2);
  CHECK(sv[0] == "okänt fält `mätt` i mål `g1`");
  CHECK(en[0] == "unknown field `mätt` in goal `g1`");
  CHECK(sv[1] == "okänt fält `ägare` i aktivitet");  // no id yet: the word alone
  CHECK(en[1] == "unknown field `ägare` in activity");
  // An entity keeps its kind's keyword, as written in `kind:`.
  auto o = load("kind: organisation\nid: o\nname: O\ntype: region\nfärg: blå\n");
  REQUIRE(find(o, "field-unknown"));
  CHECK(find(o, "field-unknown")->message.str(Lang::sv) == "okänt fält `färg` i organisation `o`");
}
