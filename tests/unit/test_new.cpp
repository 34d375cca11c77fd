// samverkan new (lib/scaffold/new.h) and the writer under it: whatever text
// the user gives loads back, through the real loader, as exactly that text.
#include <doctest/doctest.h>

#include <map>
#include <random>
#include <set>
#include <string>

#include "core/errors.h"
#include "core/fields.h"
#include "core/status.h"
#include "core/text.h"
#include "load/repository.h"
#include "scaffold/new.h"
#include "scaffold/yaml_writer.h"

using namespace sv;

namespace {

const std::map<std::string, std::string> kBase = {
    {"samverkan.yaml", "name: Test\nlanguage: sv\n"},
    {"organisations/a.yaml", "kind: organisation\nid: kommun-a\nname: Kommun A\ntype: municipality\n"},
    {"organisations/b.yaml", "kind: organisation\nid: region-b\nname: Region B\ntype: region\n"},
    {"collaborations/c.yaml",
     "kind: collaboration\nid: samverkan-c\nname: Samverkan C\nparties: [kommun-a, region-b]\n"},
    {"forums/f.yaml",
     "kind: forum\nid: styrgrupp-c\nname: Styrgrupp C\ncollaboration: samverkan-c\ntype: steering\n"
     "members:\n  - organisation: kommun-a\n    role: Chef\n    chair: true\n  - organisation: region-b\n"
     "    name: Bo\n    until: 2026-01-31\n"},
    {"meetings/m.yaml",
     "kind: meeting\nid: styrgrupp-c-2026-01-10\nforum: styrgrupp-c\ndate: 2026-01-10\n"
     "actions:\n  - id: x1\n    title: Öppen\n  - id: x2\n    title: Klar\n    status: done\n    completed: 2026-01-20\n"},
    {"plans/p.yaml",
     "kind: plan\nid: handlingsplan-c-2026\ntitle: P\ncollaboration: samverkan-c\nperiod: 2026\n"
     "goals:\n  - id: m1\n    title: Mål\n    unit: count\n    direction: increase\n"
     "    baseline: {value: 1, date: 2025-12-31}\n    target: {value: 9, date: 2026-12-31}\n"
     "    measurements:\n      - {date: 2026-06-30, value: 5}\n      - {date: 2026-03-31, value: 3}\n"
     "activities:\n  - id: a1\n    title: Klar\n    status: done\n    completed: 2026-05-02\n"
     "  - id: a2\n    title: Pågår\n    status: ongoing\n    goals: [m1]\n    responsible: Koordinator\n"
     "  - id: a3\n    title: Inställd\n    status: cancelled\n  - id: a4\n    title: Planerad\n"
     "  - id: a5\n    title: Uppskjuten\n    status: postponed\n"
     "follow_ups:\n  - {date: 2026-08-31, forum: styrgrupp-c, type: tertial}\n"
     "  - {date: 2026-12-15, forum: styrgrupp-c, type: full-year}\n"}};

Loaded load_files(const std::map<std::string, std::string>& files) {
  LoadOptions opt;
  opt.threads = 1;
  return load_repository(MemorySource(files), opt);
}

// The findings of validation in one file.
std::vector<std::string> findings_in(const Loaded& l, const std::string& path) {
  std::vector<std::string> out;
  for (const Finding& f : l.findings)
    if (f.span.file >= 0 && l.repo.files.at(size_t(f.span.file)).path == path)
      out.push_back(f.code + " " + f.message.str(Lang::en));
  return out;
}

Loaded with(const scaffold::NewFile& f) {
  auto files = kBase;
  REQUIRE(files.count(f.path) == 0);
  files[f.path] = f.content;
  return load_files(files);
}

// Hostile text: pieces YAML gives meaning, joined at random.
std::string hostile(std::mt19937& rng) {
  static const char* pieces[] = {
      ": ", "#", " #", "'", "\"", "-", "- ", "\n", "\n\n", "\t", "\r\n", "\r", " ", "  ", "å", "Ä", "ö", "€", "𝄞",
      "yes", "No", "null", "~", "NULL", "true", "on", "123", "-1.5", "1e3", "0x1F", "0o7", ".inf", "2026-01-01",
      "12:30", "\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBB\xBF", "\\", "\\n", "{", "}", "[", "]", ",",
      "&a", "*a", "!tag", "%YAML", "@", "`", "|", ">", "?", "? ", "\x7F", "\x01", "\x1B[0m", "\xC2\x80",
      "---", "...", "x", "Nässjö kommun", "a b", "<b>", "&amp;", "%"};
  constexpr size_t n = sizeof(pieces) / sizeof(pieces[0]);
  std::uniform_int_distribution<size_t> count(0, 6), pick(0, n - 1);
  std::string s;
  for (size_t i = count(rng); i > 0; --i) s += pieces[pick(rng)];
  return s;
}

}  // namespace

TEST_CASE("new: every field written has a description in both languages") {
  std::set<std::string> seen;
  for (const auto& d : field_descriptions()) {
    CAPTURE(std::string(d.owner) + "." + std::string(d.field));
    CHECK(seen.insert(std::string(d.owner) + "." + std::string(d.field)).second);
    CHECK(std::string(d.text->sv).size() > 0);
    CHECK(std::string(d.text->en).size() > 0);
  }
  CHECK(field_description("meeting", "attendees") != nullptr);
  CHECK(field_description("meeting", "nope") == nullptr);
}

TEST_CASE("new: hostile text loads back as itself, through the writer and through new") {
  std::mt19937 rng(20261015);
  Loaded base = load_files(kBase);
  REQUIRE(base.findings.empty());
  for (int i = 0; i < 2000; ++i) {
    std::string name = hostile(rng), other = hostile(rng);
    CAPTURE(name);
    CAPTURE(other);
    // The writer alone: any text, the empty one too, in several places.
    scaffold::YamlWriter w;
    w.begin_map().key("kind").plain("organisation").key("id").plain("org-x");
    w.key("name").text("n" + name).key("type").plain("other").key("mandate").text(other);
    w.key("services").begin_seq().text(name).text(other).end_seq();
    w.key("contacts").begin_seq().begin_map().key("role").text(name + "r").end_map().end_seq().end_map();
    Loaded l = with({"organisations/org-x.yaml", w.str()});
    CHECK(join(findings_in(l, "organisations/org-x.yaml")) == "");
    const auto* o = l.repo.find_as<Organisation>("org-x");
    REQUIRE(o);
    CHECK(*o->name == "n" + name);
    CHECK(o->mandate.set);
    CHECK(*o->mandate == other);
    REQUIRE(o->services->size() == 2);
    CHECK(o->services->at(0).v == name);
    CHECK(o->services->at(1).v == other);
    REQUIRE(o->contacts->size() == 1);
    CHECK(*o->contacts->at(0).role == name + "r");
    if (name.find_first_not_of(" \t\r\n") == std::string::npos) continue;
    // Through new: organisation, collaboration and forum.
    Loaded lo = with(scaffold::new_organisation(base, {"org-y", name, "unit", "kommun-a", other}));
    CHECK(join(findings_in(lo, "organisations/org-y.yaml")) == "");
    const auto* y = lo.repo.find_as<Organisation>("org-y");
    REQUIRE(y);
    CHECK(*y->name == name);
    CHECK(*y->parent == "kommun-a");
    CHECK(y->short_name.set == !other.empty());
    if (!other.empty()) CHECK(*y->short_name == other);
    Loaded lc = with(scaffold::new_collaboration(base, {"coll-y", name, "", {"kommun-a", "region-b"}}));
    CHECK(join(findings_in(lc, "collaborations/coll-y.yaml")) == "");
    REQUIRE(lc.repo.find_as<Collaboration>("coll-y"));
    CHECK(*lc.repo.find_as<Collaboration>("coll-y")->name == name);
    Loaded lf = with(scaffold::new_forum(base, {"forum-y", name, "samverkan-c", "working", "", "monthly"}));
    CHECK(join(findings_in(lf, "forums/forum-y.yaml")) == "");
    REQUIRE(lf.repo.find_as<Forum>("forum-y"));
    CHECK(*lf.repo.find_as<Forum>("forum-y")->name == name);
  }
}

TEST_CASE("new: bad input is refused") {
  Loaded base = load_files(kBase);
  CHECK_THROWS_AS(scaffold::new_organisation(base, {"x", "bad \xC3(", "other", "", ""}), SystemError);
  CHECK_THROWS_AS(scaffold::new_organisation(base, {"x", "", "other", "", ""}), SystemError);
  CHECK_THROWS_AS(scaffold::new_organisation(base, {"x", " \n", "other", "", ""}), SystemError);
  CHECK_THROWS_AS(scaffold::new_organisation(base, {"x", "a\xEF\xBF\xBE", "other", "", ""}), SystemError);
  CHECK_THROWS_AS(scaffold::new_organisation(base, {"Bad_Id", "N", "other", "", ""}), SystemError);
  CHECK_THROWS_AS(scaffold::new_organisation(base, {"kommun-a", "N", "other", "", ""}), SystemError);  // taken
  CHECK_THROWS_AS(scaffold::new_organisation(base, {"x", "N", "kommun", "", ""}), SystemError);
  CHECK_THROWS_AS(scaffold::new_organisation(base, {"x", "N", "unit", "", ""}), SystemError);
  CHECK_THROWS_AS(scaffold::new_collaboration(base, {"x", "N", "", {"kommun-a", "kommun-a"}}), SystemError);
  CHECK_THROWS_AS(scaffold::new_meeting(base, {"styrgrupp-x", "2026-02-01", ""}), SystemError);
  CHECK_THROWS_AS(scaffold::new_meeting(base, {"styrgrupp-c", "2026-02-30", ""}), SystemError);
  CHECK_THROWS_AS(scaffold::new_meeting(base, {"styrgrupp-c", "2026-02-01", "ordinary"}), SystemError);
  CHECK_THROWS_AS(scaffold::new_meeting(base, {"styrgrupp-c", "2026-01-10", ""}), SystemError);  // taken
  CHECK_THROWS_AS(scaffold::new_plan(base, {"samverkan-c", "2027X", ""}), SystemError);
  CHECK_THROWS_AS(scaffold::new_plan(base, {"samverkan-c", "2027", "handlingsplan-c-2025"}), SystemError);
  CHECK_THROWS_AS(scaffold::new_report(base, {"samverkan-c", "2026Q1"}), SystemError);
  try {
    scaffold::new_meeting(base, {"styrgrupp-d", "2026-02-01", ""});
  } catch (const SystemError& e) {
    REQUIRE(e.help);
    CHECK(e.help->str(Lang::en) == "did you mean `styrgrupp-c`?");
  }
}

TEST_CASE("new meeting: attendees, agenda with the open actions of the previous meeting") {
  Loaded base = load_files(kBase);
  auto f = scaffold::new_meeting(base, {"styrgrupp-c", "2026-03-05", "extra"});
  CHECK(f.path == "meetings/styrgrupp-c/2026-03-05.yaml");
  Loaded l = with(f);
  CHECK(join(findings_in(l, f.path)) == "");
  const auto* m = l.repo.find_as<Meeting>("styrgrupp-c-2026-03-05");
  REQUIRE(m);
  CHECK(*m->type == "extra");
  CHECK(*m->chair == "Chef");
  REQUIRE(m->attendees->size() == 1);  // Bo left in January
  CHECK(*m->attendees->at(0).organisation == "kommun-a");
  REQUIRE(m->items->size() == 8);
  CHECK(*m->items->at(0).title == "Mötets öppnande");
  CHECK(*m->items->at(3).title == "Föregående protokoll");
  REQUIRE(m->items->at(4).refs->size() == 1);
  CHECK(m->items->at(4).refs->at(0).v == "styrgrupp-c-2026-01-10#x1");
  auto en = kBase;
  en["samverkan.yaml"] = "name: Test\nlanguage: en\n";
  auto fe = scaffold::new_meeting(load_files(en), {"styrgrupp-c", "2026-03-05", ""});
  CHECK(fe.content.find("Opening of the meeting") != std::string::npos);
  CHECK(fe.content.find("Mötets") == std::string::npos);
}

TEST_CASE("new plan --from: goals with their latest measurement, exactly the unfinished activities") {
  Loaded base = load_files(kBase);
  auto f = scaffold::new_plan(base, {"samverkan-c", "2027", "handlingsplan-c-2026"});
  CHECK(f.path == "plans/samverkan-c/2027.yaml");
  Loaded l = with(f);
  CHECK(join(findings_in(l, f.path)) == "");
  const auto* p = l.repo.find_as<Plan>("handlingsplan-c-2027");
  REQUIRE(p);
  CHECK(p->status_value() == PlanStatus::draft);
  CHECK(p->period->text == "2027");
  const auto* old = base.repo.find_as<Plan>("handlingsplan-c-2026");
  std::vector<std::string> expected, got;
  for (const auto& a : old->activities.v)
    if (!activity_finished(a)) expected.push_back(*a.id);
  for (const auto& a : p->activities.v) got.push_back(*a.id);
  CHECK(got == expected);
  CHECK(got == std::vector<std::string>{"a2", "a4", "a5"});
  REQUIRE(p->goals->size() == 1);
  CHECK(p->goals->at(0).baseline->value.v == 5);
  CHECK(p->goals->at(0).baseline->date.v.str() == "2026-06-30");
  CHECK(p->goals->at(0).measurements->empty());
  REQUIRE(p->follow_ups->size() == 2);
  CHECK(p->follow_ups->at(0).date->str() == "2027-08-31");
  CHECK(*p->activities->at(0).responsible->role == "Koordinator");
  // Without --from: a skeleton that validates.
  auto s = scaffold::new_plan(base, {"samverkan-c", "2028", ""});
  CHECK(join(findings_in(with(s), s.path)) == "");
}

TEST_CASE("new report: the period's completed activities as comments") {
  Loaded base = load_files(kBase);
  auto f = scaffold::new_report(base, {"samverkan-c", "2026H1"});
  CHECK(f.path == "reports/halvarsrapport-samverkan-c-2026h1.yaml");
  CHECK(f.content.find("# - Klar (handlingsplan-c-2026#a1, 2026-05-02)") != std::string::npos);
  Loaded l = with(f);
  CHECK(join(findings_in(l, f.path)) == "");
  const auto* r = l.repo.find_as<Report>("halvarsrapport-samverkan-c-2026h1");
  REQUIRE(r);
  CHECK(r->highlights->empty());
  auto y = scaffold::new_report(base, {"samverkan-c", "2026"});
  CHECK(y.path == "reports/helarsrapport-samverkan-c-2026.yaml");
}
