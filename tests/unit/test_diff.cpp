// The semantic diff on repositories loaded from strings.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/fields.h"
#include "history/diff.h"
#include "load/flatten.h"
#include "load/git.h"
#include "load/load.h"
#include "load/repository.h"
#include "load/source.h"

using namespace sv;

namespace {

template <class T>
void take(std::vector<T>& to, std::vector<T>& from) {
  for (auto& x : from) to.push_back(std::move(x));
}

// A repository of (path, text) files, loaded as the loader would.
Repo repo_of(const std::vector<std::pair<std::string, std::string>>& files) {
  Repo r;
  r.files.push_back(SourceFile{"samverkan.yaml", "name: Test\n"});
  for (const auto& [path, text] : files) {
    int i = static_cast<int>(r.files.size());
    r.files.push_back(SourceFile{path, text});
    FileLoad fl;
    load_file(i, text, fl);
    take(r.organisations, fl.organisations);
    take(r.plans, fl.plans);
    take(r.meetings, fl.meetings);
    take(r.forums, fl.forums);
  }
  return r;
}

const char* kPlan = R"(kind: plan
id: plan-2026
title: Handlingsplan 2026
collaboration: samverkan
period: 2026
goals:
  - id: g1
    title: Fler i arbete
    target: {value: 60, date: 2026-12-31}
  - id: g2
    title: Kortare väntan
activities:
  - id: a1
    title: Träff
    status: planned
)";

const char* kMeeting = R"(kind: meeting
id: mote-1
forum: styrgrupp
date: 2026-03-10
attendees:
  - organisation: kommunen
    role: Socialchef
items:
  - number: 1
    title: Öppnande
  - number: 2
    title: Planen
    decisions:
      - Planen fastställs.
actions:
  - id: atg1
    title: Skicka planen
)";

std::string replace(std::string s, const std::string& from, const std::string& to) {
  auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("a changed target is one field change, old → new, on the goal") {
  Repo a = repo_of({{"plans/2026.yaml", kPlan}});
  Repo b = repo_of({{"plans/2026.yaml", replace(kPlan, "value: 60", "value: 65")}});
  auto d = diff_repos(a, b);
  REQUIRE(d.size() == 1);
  CHECK(d[0].id == "plan-2026");
  CHECK(d[0].kind == Kind::plan);
  CHECK(d[0].change == Change::changed);
  REQUIRE(d[0].objects.size() == 1);
  const ObjectChange& o = d[0].objects[0];
  CHECK(o.path == ObjectPath{{"goal", "g1"}});
  REQUIRE(o.fields.size() == 1);
  CHECK(o.fields[0].field == "target.value");
  CHECK(o.fields[0].old_value == "60");
  CHECK(o.fields[0].new_value == "65");
  CHECK(change_line(Kind::plan, o, &o.fields[0], Lang::en) == "goal g1: target: 60 → 65");
  CHECK(change_line(Kind::plan, o, &o.fields[0], Lang::sv) == "mål g1: målvärde: 60 → 65");
}

TEST_CASE("entities are matched by id: moving or reordering is no change") {
  Repo a = repo_of({{"plans/2026.yaml", kPlan}});
  Repo moved = repo_of({{"plans/ny/plan.yaml", kPlan}});
  CHECK(diff_repos(a, moved).empty());
  // The goals in the other order.
  std::string reordered = replace(replace(kPlan, "  - id: g2\n    title: Kortare väntan\n", ""), "activities:",
                                  "  - id: g2\n    title: Kortare väntan\nactivities:");
  reordered = replace(reordered, "  - id: g1\n    title: Fler i arbete\n    target: {value: 60, date: 2026-12-31}\n", "");
  reordered = replace(reordered, "activities:", "  - id: g1\n    title: Fler i arbete\n    target: {value: 60, date: 2026-12-31}\nactivities:");
  Repo b = repo_of({{"plans/2026.yaml", reordered}});
  REQUIRE(b.plans.size() == 1);
  CHECK(b.plans[0].goals.v[0].id.v == "g2");
  CHECK(diff_repos(a, b).empty());
}

TEST_CASE("a field added or removed has no old or no new value") {
  Repo a = repo_of({{"p.yaml", kPlan}});
  Repo b = repo_of({{"p.yaml", replace(kPlan, "    status: planned\n", "    status: ongoing\n    due: 2026-06-30\n")}});
  auto d = diff_repos(a, b);
  REQUIRE(d.size() == 1);
  REQUIRE(d[0].objects.size() == 1);
  const auto& f = d[0].objects[0].fields;
  REQUIRE(f.size() == 2);
  CHECK(f[0].field == "due");
  CHECK_FALSE(f[0].old_value.has_value());
  CHECK(f[0].new_value == "2026-06-30");
  CHECK(f[1].field == "status");
  CHECK(change_line(Kind::plan, d[0].objects[0], &f[0], Lang::en) == "activity a1: due: – → 2026-06-30");
  CHECK(change_line(Kind::plan, d[0].objects[0], &f[1], Lang::sv) == "aktivitet a1: status: planerad → pågår");
}

TEST_CASE("a nested object added is one change, not one per field") {
  Repo a = repo_of({{"p.yaml", kPlan}});
  Repo b = repo_of({{"p.yaml", replace(kPlan, "activities:",
                                       "  - id: g3\n    title: Nytt\n    indicator: Antal\n    measurements:\n"
                                       "      - {date: 2026-04-30, value: 3}\nactivities:")}});
  auto d = diff_repos(a, b);
  REQUIRE(d.size() == 1);
  REQUIRE(d[0].objects.size() == 1);
  CHECK(d[0].objects[0].path == ObjectPath{{"goal", "g3"}});
  CHECK(d[0].objects[0].change == Change::added);
  CHECK(change_line(Kind::plan, d[0].objects[0], nullptr, Lang::sv) == "mål g3 har lagts till");
  auto back = diff_repos(b, a);
  REQUIRE(back.size() == 1);
  CHECK(back[0].objects[0].change == Change::removed);
}

TEST_CASE("meetings: items by number, decisions by text, actions by id, attendees by organisation") {
  Repo a = repo_of({{"m.yaml", kMeeting}});
  std::string changed = replace(kMeeting, "      - Planen fastställs.", "      - Planen fastställs med ändringar.");
  changed = replace(changed, "    title: Skicka planen\n", "    title: Skicka planen\n    status: done\n    completed: 2026-03-12\n");
  changed = replace(changed, "    role: Socialchef\n", "    role: Socialchef\n  - organisation: regionen\n");
  auto d = diff_repos(a, repo_of({{"m.yaml", changed}}));
  REQUIRE(d.size() == 1);
  std::vector<std::string> lines;
  for (const auto& o : d[0].objects) {
    if (o.change != Change::changed) {
      lines.push_back(change_line(Kind::meeting, o, nullptr, Lang::en));
      continue;
    }
    for (const auto& f : o.fields) lines.push_back(change_line(Kind::meeting, o, &f, Lang::en));
  }
  CHECK(lines == std::vector<std::string>{
                     "attendee regionen added",
                     "item §2 › decision «Planen fastställs med ändringar.» added",
                     "item §2 › decision «Planen fastställs.» removed",
                     "action atg1: completed: – → 2026-03-12",
                     "action atg1: status: open (default) → done",
                 });
}

TEST_CASE("entities added and removed, sorted by kind then id") {
  const char* org = "kind: organisation\nid: kommunen\nname: Kommunen\ntype: municipality\n";
  Repo a = repo_of({{"o.yaml", org}, {"m.yaml", kMeeting}});
  Repo b = repo_of({{"p.yaml", kPlan}, {"m.yaml", kMeeting}});
  auto d = diff_repos(a, b);
  REQUIRE(d.size() == 2);
  CHECK(d[0].id == "kommunen");
  CHECK(d[0].change == Change::removed);
  CHECK(d[0].file == "o.yaml");
  CHECK(d[1].id == "plan-2026");
  CHECK(d[1].change == Change::added);
  std::string text = format_diff_text(d, DiffOutput{"HEAD", "", Lang::en});
  CHECK(text ==
        "Changes from HEAD to the work tree\n"
        "\n- organisation kommunen removed (o.yaml)\n"
        "\n+ plan plan-2026 added (p.yaml)\n"
        "\n1 added, 1 removed, 0 changed\n");
  std::string json = format_diff_json(d, DiffOutput{"HEAD", "w", Lang::en});
  CHECK(json.find("\"change\": \"removed\"") != std::string::npos);
  CHECK(json.find("\"summary\": {\n    \"added\": 1,\n    \"removed\": 1,\n    \"changed\": 0\n  }") != std::string::npos);
  CHECK(format_diff_text({}, DiffOutput{"A", "B", Lang::sv}) == "Ändringar från A till B\nInga ändringar i datat.\n");
}

TEST_CASE("markdown escapes what Markdown would take as markup") {
  Repo a = repo_of({{"p.yaml", kPlan}});
  Repo b = repo_of({{"p.yaml", replace(kPlan, "title: Träff", "title: \"Träff *viktig* <b>\"")}});
  std::string md = format_diff_md(diff_repos(a, b), DiffOutput{"HEAD", "w", Lang::en});
  CHECK(md.find("  - activity a1: title: Träff → Träff \\*viktig\\* \\<b\\>\n") != std::string::npos);
}

TEST_CASE("values in a coordinator's words: units, labels of enums, defaults said as such") {
  std::string percent = replace(kPlan, "    title: Fler i arbete\n", "    title: Fler i arbete\n    unit: percent\n");
  Repo a = repo_of({{"p.yaml", percent}});
  std::string changed = replace(percent, "value: 60", "value: 62.5");
  changed = replace(changed, "date: 2026-12-31}\n", "date: 2026-12-31}\n    measurements:\n      - {date: 2026-04-30, value: 44}\n");
  changed = replace(changed, "    status: planned\n", "    budget: 1500000\n");
  auto d = diff_repos(a, repo_of({{"p.yaml", changed}}));
  REQUIRE(d.size() == 1);
  std::vector<std::string> sv_lines, en_lines;
  for (const auto& o : d[0].objects) {
    if (o.change != Change::changed) {
      sv_lines.push_back(change_line(Kind::plan, o, nullptr, Lang::sv));
      en_lines.push_back(change_line(Kind::plan, o, nullptr, Lang::en));
      continue;
    }
    for (const auto& f : o.fields) {
      sv_lines.push_back(change_line(Kind::plan, o, &f, Lang::sv));
      en_lines.push_back(change_line(Kind::plan, o, &f, Lang::en));
    }
  }
  CHECK(sv_lines == std::vector<std::string>{
                        "mål g1: målvärde: 60 % → 62,5 %",
                        "mål g1 › mätning 2026-04-30 har lagts till: värde 44 %",
                        "aktivitet a1: budget: – → 1500000 kr",
                        "aktivitet a1: status: planerad → planerad (standard)",
                    });
  CHECK(en_lines == std::vector<std::string>{
                        "goal g1: target: 60 % → 62.5 %",
                        "goal g1 › measurement 2026-04-30 added: value 44 %",
                        "activity a1: budget: – → 1500000 SEK",
                        "activity a1: status: planned → planned (default)",
                    });
  // The measurement removed says what it was.
  auto back = diff_repos(repo_of({{"p.yaml", changed}}), a);
  REQUIRE(back.size() == 1);
  CHECK(change_line(Kind::plan, back[0].objects[1], nullptr, Lang::sv) ==
        "mål g1 › mätning 2026-04-30 har tagits bort: värde 44 %");
  // A field the table does not know (an extension) keeps its YAML key.
  CHECK(field_label("plan", "x-intern", Lang::sv) == "x-intern");
}

TEST_CASE("every field the examples have is in the table of field labels") {
  auto known = table_fields();
  for (std::string example : {"hoglandet", "skaraborg"}) {
    auto loaded = load_repository(*open_worktree(find_root(std::string(SAMVERKAN_SOURCE_DIR) + "/examples/" + example)),
                                  LoadOptions{});
    for (const auto& [id, flat] : flatten(loaded.repo))
      for (const auto& [path, fields] : flat.objects)
        for (const auto& [field, value] : fields) {
          if (field.rfind("x-", 0) == 0) continue;
          std::string owner = path.empty() ? kind_name(flat.kind) : path.back().first;
          INFO(example, ": ", owner, " ", field);
          bool in_table = std::find(known.begin(), known.end(), std::pair<std::string_view, std::string_view>(owner, field)) !=
                          known.end();
          CHECK(in_table);
        }
  }
}

TEST_CASE("tree paths normalise lexically and never climb above their start") {
  CHECK(normalize_rel("a/./b/../c") == "a/c");
  CHECK(normalize_rel(".") == "");
  CHECK(normalize_rel("") == "");
  CHECK(normalize_rel("plans//2026.yaml") == "plans/2026.yaml");
  CHECK(normalize_rel("a/../..") == std::nullopt);
  CHECK(normalize_rel("../x") == std::nullopt);
}
