// Loading a whole repository from disk: the result never depends on threads.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "output.h"
#include "repository.h"

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
