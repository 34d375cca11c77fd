// `samverkan init`'s files (lib/scaffold/init.h): complete, filled in, and a
// repository that validates and lints clean on the day it is made, whatever
// the day, in both languages.
#include <doctest/doctest.h>

#include <set>

#include "core/model.h"
#include "lint/lint.h"
#include "load/repository.h"
#include "load/source.h"
#include "scaffold/init.h"

using namespace sv;
using namespace sv::scaffold;

namespace {

std::vector<std::string> findings_of(const std::vector<GeneratedFile>& files, Date today, Loaded* out = nullptr) {
  std::map<std::string, std::string> data;
  for (const auto& f : files) data[f.path] = f.content;
  MemorySource src(data);
  Loaded l = load_repository(src, LoadOptions{Lang::en, 1});
  run_lint(l, LintOptions{today});
  std::vector<std::string> shown;
  for (const auto& f : l.findings)
    if (f.code != "history-unavailable")  // in memory: no git
      shown.push_back(f.code + ": " + f.message.str(Lang::en));
  if (out) *out = std::move(l);
  return shown;
}

}  // namespace

TEST_CASE("init: every placeholder is filled, every path is unique, the layout of format.md §1") {
  for (Lang lang : {Lang::sv, Lang::en})
    for (Ci ci : {Ci::github, Ci::gitlab, Ci::none})
      for (bool example : {false, true}) {
        CAPTURE(static_cast<int>(lang));
        CAPTURE(example);
        auto files = init_files({"Samverkan Test", lang, ci, example, Date{2026, 12, 2}});
        std::set<std::string> paths;
        for (const auto& f : files) {
          CAPTURE(f.path);
          CHECK(paths.insert(f.path).second);
          CHECK(f.path.find("{{") == std::string::npos);
          if (f.path.rfind(".github/", 0) != 0)  // GitHub's expressions: ${{ … }}
            CHECK(f.content.find("{{") == std::string::npos);
          CHECK(!f.content.empty());
          CHECK(f.content.back() == '\n');
        }
        for (const char* folder : {"organisations", "collaborations", "forums", "plans", "meetings", "reports"})
          CHECK(paths.count(std::string(folder) + "/README.md") == 1);
        for (const char* p : {"samverkan.yaml", "README.md", ".gitignore", ".pre-commit-config.yaml",
                              ".vscode/settings.json", ".vscode/samverkan.schema.json"})
          CHECK(paths.count(p) == 1);
        CHECK(paths.count(".github/workflows/samverkan.yml") == (ci == Ci::github));
        CHECK(paths.count(".gitlab-ci.yml") == (ci == Ci::gitlab));
        CHECK(paths.count("plans/samverkan-exempelby/2026.yaml") == example);
        CHECK(paths.count("meetings/styrgrupp-exempelby/2026-12-02.yaml") == example);
      }
}

TEST_CASE("init --example: validates and lints without a finding on the day it is made, any day of the year") {
  // Every day of a leap year and the days around a year's turn: the
  // example's dates count from today.
  for (long d = Date{2027, 12, 25}.days(); d <= Date{2028, 12, 31}.days(); d += 3) {
    Date today = Date::from_days(d);
    for (Lang lang : {Lang::sv, Lang::en}) {
      CAPTURE(today.str());
      auto found = findings_of(init_files({"Samverkan Test", lang, Ci::github, true, today}), today);
      CHECK(found.empty());
      if (!found.empty()) MESSAGE(found.front());
    }
  }
  Loaded l;
  CHECK(findings_of(init_files({"Samverkan Test", Lang::sv, Ci::none, true, Date{2026, 12, 2}}), Date{2026, 12, 2}, &l).empty());
  CHECK(l.repo.organisations.size() == 4);
  CHECK(l.repo.collaborations.size() == 1);
  CHECK(l.repo.forums.size() == 2);
  CHECK(l.repo.plans.size() == 1);
  CHECK(l.repo.meetings.size() == 2);
}

TEST_CASE("init without --example: an empty repository, clean") {
  CHECK(findings_of(init_files({"Samverkan Test", Lang::sv, Ci::github, false, Date{2026, 12, 2}}), Date{2026, 12, 2}).empty());
}

TEST_CASE("init --name: samverkan.yaml reads back the name as given, whatever it holds") {
  const char* names[] = {"Samverkan: Höglandet # 1", "\"quoted\"", "'single'", "- dash", "yes", "null", "~", "2026-01-01",
                         "  spaces  ", "tab\there", "line\nbreak", "NEL\xC2\x85LS\xE2\x80\xA8", "{a: b}", "[x]", "&anchor",
                         "*alias", "!tag", "%dir", "@at", "`tick`", "back\\slash", "0x1F", "1e3", "Åre–Östersund"};
  for (const char* name : names) {
    CAPTURE(name);
    Loaded l;
    auto found = findings_of(init_files({name, Lang::sv, Ci::none, false, Date{2026, 12, 2}}), Date{2026, 12, 2}, &l);
    CHECK(found.empty());
    CHECK(l.repo.config.name.v == name);
  }
}
