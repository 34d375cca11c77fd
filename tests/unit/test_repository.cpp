// Loading a whole repository from disk: the result never depends on threads;
// files held in memory list and read as the same files on disk.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

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

TEST_CASE("files in memory list and read as the same files in a work tree") {
  // Hidden names, excluded folders, names that are not data, samverkan.yaml
  // at the root and below it: what the walk skips, MemorySource skips.
  const std::map<std::string, std::string> files{
      {"samverkan.yaml", "name: M\n"},      {"a.yaml", "a"},           {"b.yml", "b"},
      {"notes.txt", "n"},                   {".hidden.yaml", "h"},     {".git/x.yaml", "g"},
      {"sub/.dot/y.yaml", "d"},             {"sub/c.yaml", "c"},       {"sub/samverkan.yaml", "s"},
      {"old/z.yaml", "z"},                  {"sub/old/w.yaml", "w"},   {"sub/skip.yaml", "k"},
      {"templates/plan.md", "t"},           {"deep/er/still/f.yaml", "f"}};
  fs::path dir = fs::temp_directory_path() / "samverkan-unit-memory";
  fs::remove_all(dir);
  for (const auto& [path, text] : files) {
    fs::create_directories((dir / path).parent_path());
    std::ofstream(dir / path) << text;
  }
  const Excluded excluded = [](const std::string& rel) { return rel == "old" || rel == "sub/old" || rel == "sub/skip.yaml"; };
  auto paths = [&](const Source& source) {
    std::vector<std::string> out;
    for (const auto& listed : source.list(excluded)) out.push_back(listed.path + (listed.code ? " !" : ""));
    return out;
  };
  MemorySource memory(files);
  auto worktree = open_worktree(dir.string());
  CHECK(paths(memory) == paths(*worktree));
  CHECK(paths(memory) == std::vector<std::string>{"a.yaml", "b.yml", "deep/er/still/f.yaml", "sub/c.yaml",
                                                  "sub/samverkan.yaml"});
  for (const char* path : {"samverkan.yaml", "templates/plan.md", "nope.yaml", "sub"}) {
    CAPTURE(path);
    std::string from_memory, from_disk;
    ReadError memory_error, disk_error;
    const bool read = memory.read(path, from_memory, memory_error);
    CHECK(read == worktree->read(path, from_disk, disk_error));
    CHECK(from_memory == from_disk);
    if (!read && std::string(path) != "sub") {  // a folder is no file in memory at all
      CHECK(memory_error.missing == disk_error.missing);
      CHECK(memory_error.code == disk_error.code);
      CHECK(memory_error.message.str(Lang::en) == disk_error.message.str(Lang::en));
    }
  }
  fs::remove_all(dir);
}
