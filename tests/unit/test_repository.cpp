// Loading a whole repository from disk: the result never depends on threads.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "output/output.h"
#include "load/repository.h"

using namespace sv;
namespace fs = std::filesystem;

TEST_CASE("parallel loading gives the same model and findings as one thread") {
  fs::path dir = fs::temp_directory_path() / "samverkan-unit-parallel";
  fs::remove_all(dir);
  fs::create_directories(dir / "o");
  std::ofstream(dir / "samverkan.yaml") << "name: Parallel\nlanguage: en\n";
  for (int i = 0; i < 200; ++i) {
    std::ofstream f(dir / "o" / ("org-" + std::to_string(i) + ".yaml"));
    f << "kind: organisation\nid: org-" << i % 150 << "\nname: Org " << i << "\ntype: "
      << (i % 7 == 0 ? "regin" : "region") << "\n";
    if (i % 11 == 0) f << "parent: org-" << (i + 1) % 150 << "\nnmae: x\n";
  }
  auto src = open_worktree(dir.string());
  Loaded one = load_repository(*src, LoadOptions{std::nullopt, 1});
  std::string expected = format_json(one.repo, one.findings, one.lang);
  CHECK(one.findings.size() > 50);
  for (unsigned threads : {2u, 3u, 8u}) {
    Loaded many = load_repository(*src, LoadOptions{std::nullopt, threads});
    CHECK(format_json(many.repo, many.findings, many.lang) == expected);
    REQUIRE(many.repo.organisations.size() == one.repo.organisations.size());
    for (size_t i = 0; i < many.repo.organisations.size(); ++i)
      CHECK(many.repo.organisations[i].name.v == one.repo.organisations[i].name.v);
  }
  fs::remove_all(dir);
}

#include "lint/lint.h"

TEST_CASE("references are checked in parallel runs, and lint rules on threads, with the same result") {
  fs::path dir = fs::temp_directory_path() / "samverkan-unit-parallel-refs";
  fs::remove_all(dir);
  fs::create_directories(dir / "o");
  std::ofstream(dir / "samverkan.yaml") << "name: Parallel\nlanguage: en\n";
  // 300 files of 20 organisations each: 6 000 references, enough to be split.
  for (int f = 0; f < 300; ++f) {
    std::ofstream out(dir / "o" / ("orgs-" + std::to_string(f) + ".yaml"));
    for (int k = 0; k < 20; ++k) {
      int i = f * 20 + k;
      out << "---\nkind: organisation\nid: org-" << i << "\nname: Org " << i << "\ntype: region\nparent: "
          << (i % 97 == 0 ? "saknas-" : "org-") << (i + 1) % 6000 << "\n";
      if (i % 501 == 0) out << "# anteckning: 640823-3234\n";
    }
  }
  auto src = open_worktree(dir.string());
  Loaded one = load_repository(*src, LoadOptions{std::nullopt, 1});
  size_t refs = 0;
  for (const auto& r : one.repo.refs) refs += r.size();
  CHECK(refs >= 6000);
  LintOptions lo{Date{2026, 10, 15}, std::nullopt, false, {}};
  lo.threads = 1;
  run_lint(one, lo);
  std::string expected = format_json(one.repo, one.findings, one.lang);
  CHECK(expected.find("reference-unknown") != std::string::npos);
  CHECK(expected.find("personal-identity-number") != std::string::npos);
  for (unsigned threads : {2u, 3u, 8u}) {
    Loaded many = load_repository(*src, LoadOptions{std::nullopt, threads});
    lo.threads = threads;
    run_lint(many, lo);
    CHECK(format_json(many.repo, many.findings, many.lang) == expected);
  }
  fs::remove_all(dir);
}
