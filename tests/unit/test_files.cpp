// Repository files (load/files.h): one rule for symbolic links, the same in
// the work tree and at a git revision, and no other code that opens a file.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <sys/stat.h>
#include <unistd.h>

#include "load/files.h"
#include "source_tree.h"
#include "load/git.h"

using namespace sv;
namespace fs = std::filesystem;

namespace {

using Type = PathEntry::Type;

// A tree in memory: path → entry.
Resolved resolve_in(const std::map<std::string, PathEntry>& tree, const std::string& rel) {
  return resolve_path(rel, [&](const std::string& p) {
    auto it = tree.find(p);
    return it == tree.end() ? PathEntry{} : it->second;
  });
}

PathEntry link(std::string target) { return PathEntry{Type::link, std::move(target)}; }

const std::map<std::string, PathEntry> kTree = {
    {"data", {Type::dir}},
    {"data/a.yaml", {Type::file}},
    {"data/in.yaml", link("a.yaml")},
    {"data/up.yaml", link("../data/./a.yaml")},
    {"data/out.yaml", link("../../x")},
    {"data/abs.yaml", link("/etc/hostname")},
    {"data/ping.yaml", link("pong.yaml")},
    {"data/pong.yaml", link("ping.yaml")},
    {"data/self.yaml", link("self.yaml")},
    {"data/gone.yaml", link("nothing.yaml")},
    {"data/sub", {Type::dir}},
    {"data/sub/inner", {Type::dir}},
    {"data/sub/x.yaml", {Type::file}},
    {"data/deep", link("sub/inner")},
    {"data/grow", link("grow/x")},
    {"alias", link("data")},
    {"module", {Type::other}},  // a submodule
};

}  // namespace

TEST_CASE("resolve_path: a link is followed while it stays inside the root") {
  CHECK(resolve_in(kTree, "data/a.yaml").path == "data/a.yaml");
  for (const char* p : {"data/in.yaml", "data/up.yaml", "alias/a.yaml", "alias/in.yaml", "./data//a.yaml"}) {
    CAPTURE(p);
    Resolved r = resolve_in(kTree, p);
    CHECK(!r.code);
    CHECK(r.type == Type::file);
    CHECK(r.path == "data/a.yaml");
  }
  // ".." after a link is physical, as the system does: the link's target's parent.
  Resolved physical = resolve_in(kTree, "data/deep/../x.yaml");
  CHECK(physical.path == "data/sub/x.yaml");
  CHECK(physical.type == Type::file);
}

TEST_CASE("resolve_path: out of the root, absolute targets and loops are refused") {
  for (const char* p : {"data/out.yaml", "data/abs.yaml", "../x", "data/../../x"}) {
    CAPTURE(p);
    CHECK(resolve_in(kTree, p).code == code::symlink_outside);
  }
  for (const char* p : {"data/ping.yaml", "data/pong.yaml", "data/self.yaml", "data/grow"}) {
    CAPTURE(p);
    Resolved r = resolve_in(kTree, p);
    CHECK(r.code == code::symlink_loop);
    CHECK(read_error_of(r)->code == code::symlink_loop);
  }
  CHECK(resolve_in(kTree, "data/ping.yaml").target == "pong.yaml");  // the path's own link
  CHECK(resolve_in(kTree, "data/self.yaml").target == "self.yaml");
}

TEST_CASE("resolve_path: a chain of kMaxLinks links is followed, one more is a loop") {
  std::map<std::string, PathEntry> chain = {{"end.yaml", {Type::file}}};
  for (int i = 0; i < kMaxLinks + 1; ++i)
    chain["l" + std::to_string(i)] = link(i == 0 ? "end.yaml" : "l" + std::to_string(i - 1));
  Resolved ok = resolve_in(chain, "l" + std::to_string(kMaxLinks - 1));
  CHECK(!ok.code);
  CHECK(ok.path == "end.yaml");
  CHECK(resolve_in(chain, "l" + std::to_string(kMaxLinks)).code == code::symlink_loop);
}

TEST_CASE("read_error_of: what a resolved path gives when read as a file") {
  CHECK(!read_error_of(resolve_in(kTree, "data/in.yaml")));
  auto broken = read_error_of(resolve_in(kTree, "data/gone.yaml"));
  CHECK(broken->code == code::symlink_broken);
  CHECK(!broken->missing);
  auto missing = read_error_of(resolve_in(kTree, "data/none.yaml"));
  CHECK(missing->code == code::file_unreadable);
  CHECK(missing->missing);
  CHECK(read_error_of(resolve_in(kTree, "data"))->code == code::file_unreadable);
  // Nothing is read through a submodule.
  CHECK(read_error_of(resolve_in(kTree, "module/x.yaml"))->missing);
  CHECK(!read_error_of(resolve_in(kTree, "module"))->missing);
}

namespace {

struct Scratch {
  fs::path dir;
  explicit Scratch(const std::string& name)
      : dir(fs::temp_directory_path() / ("samverkan-files-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Scratch() { fs::remove_all(dir); }
  void write(const std::string& rel, const std::string& text) const {
    fs::create_directories((dir / rel).parent_path());
    std::ofstream(dir / rel, std::ios::binary) << text;
  }
  void symlink(const std::string& target, const std::string& rel) const {
    fs::create_directories((dir / rel).parent_path());
    fs::create_symlink(target, dir / rel);
  }
};

struct Outcome {
  bool ok;
  std::string text;
  std::string code;
  bool operator==(const Outcome&) const = default;
};

Outcome read_from(const Source& source, const std::string& rel) {
  std::string text;
  ReadError error;
  bool ok = source.read(rel, text, error);
  return Outcome{ok, ok ? text : "", ok ? "" : std::string(error.code.id) + (error.missing ? " (missing)" : "")};
}

// The cases both sources are asked, and what each must give.
const std::vector<std::pair<std::string, Outcome>> kCases = {
    {"samverkan.yaml", {true, "name: T\n", ""}},
    {"data/a.yaml", {true, "A\n", ""}},
    {"data/in.yaml", {true, "A\n", ""}},
    {"data/up.yaml", {true, "A\n", ""}},
    {"alias/a.yaml", {true, "A\n", ""}},
    {"data/deep/../x.yaml", {true, "X\n", ""}},
    {"data/out.yaml", {false, "", "symlink-outside"}},
    {"data/abs.yaml", {false, "", "symlink-outside"}},
    {"templates/style.css", {false, "", "symlink-outside"}},
    {"data/ping.yaml", {false, "", "symlink-loop"}},
    {"data/self.yaml", {false, "", "symlink-loop"}},
    {"data/gone.yaml", {false, "", "symlink-broken"}},
    {"data/none.yaml", {false, "", "file-unreadable (missing)"}},
};

void make_links_repository(const Scratch& s) {
  s.write("samverkan.yaml", "name: T\n");
  s.write("data/a.yaml", "A\n");
  s.write("data/sub/x.yaml", "X\n");
  s.write("data/sub/inner/keep", "");
  s.symlink("a.yaml", "data/in.yaml");
  s.symlink("../data/./a.yaml", "data/up.yaml");
  s.symlink("../../x", "data/out.yaml");
  s.symlink("/etc/hostname", "data/abs.yaml");
  s.symlink("pong.yaml", "data/ping.yaml");
  s.symlink("ping.yaml", "data/pong.yaml");
  s.symlink("self.yaml", "data/self.yaml");
  s.symlink("nothing.yaml", "data/gone.yaml");
  s.symlink("sub/inner", "data/deep");
  s.symlink("data", "alias");
  s.symlink("/etc/passwd", "templates/style.css");
}

}  // namespace

TEST_CASE("the work tree and a git revision read every path alike") {
  Scratch s("agree");
  make_links_repository(s);
  auto work_tree = open_worktree(s.dir.string());
  for (const auto& [rel, expected] : kCases) {
    CAPTURE(rel);
    CHECK(read_from(*work_tree, rel) == expected);
  }
  std::string git = "cd '" + s.dir.string() + "' && git init -q && git add -A && " +
                    "git -c user.name=t -c user.email=t@example.org commit -qm t >/dev/null 2>&1";
  if (std::system(git.c_str()) != 0) {
    MESSAGE("git is not available: the revision side is not checked");
    return;
  }
  auto revision = open_git_revision(s.dir.string(), "HEAD");
  for (const auto& [rel, expected] : kCases) {
    CAPTURE(rel);
    CHECK(read_from(*revision, rel) == expected);
  }
}

TEST_CASE("the work tree: a FIFO never blocks, a submodule is not read, a named file") {
  Scratch s("worktree");
  s.write("samverkan.yaml", "name: T\n");
  s.write("vendor/other/.git", "gitdir: ../../.git/modules/other\n");
  s.write("vendor/other/x.yaml", "kind: organisation\n");
  REQUIRE(::mkfifo((s.dir / "pipe.yaml").c_str(), 0600) == 0);
  WorkTreeFiles files(s.dir.string());
  std::string text;
  ReadError error;
  CHECK(!files.read("pipe.yaml", text, error));
  CHECK(error.code == code::file_unreadable);
  CHECK(!files.read("vendor/other/x.yaml", text, error));
  CHECK(error.missing);
  auto listed = open_worktree(s.dir.string())->list([](const std::string&) { return false; });
  for (const auto& l : listed) CHECK(l.path.rfind("vendor/", 0) != 0);

  // A named file inside the root is a repository file; outside, the user's own.
  s.symlink("/etc/hostname", "baseline.json");
  CHECK(!read_named_file(s.dir.string(), (s.dir / "baseline.json").string(), text, error));
  CHECK(error.code == code::symlink_outside);
  Scratch outside("outside");
  outside.write("b.json", "{}");
  outside.symlink((outside.dir / "b.json").string(), "link.json");
  CHECK(read_named_file(s.dir.string(), (outside.dir / "link.json").string(), text, error));
  CHECK(text == "{}");
  CHECK(!read_named_file(s.dir.string(), (s.dir / "pipe.yaml").string(), text, error));
}

TEST_CASE("nothing but load/files.cpp opens a file to read it") {
  // The calls that open, list or follow something on disk.
  static const std::regex opens(
      R"(\bifstream\b|std::fstream\b|\bf?reopen\s*\(|\bfopen\s*\(|(^|[^\w:])::open\s*\(|\bopen\s*\([^;]*\bO_|)"
      R"(\bopenat2?\s*\(|SYS_openat2|\bopendir\s*\(|\bscandir\s*\(|directory_iterator|\breadlink(at)?\s*\(|)"
      R"(\bread_symlink\b|\bmmap\s*\()");
  // The others that may, and why.
  static const std::map<std::string, std::string> allowed = {
      {"lib/load/files.cpp", "the one opener of repository files"},
      {"lib/load/source.cpp", "lists the work tree's folders (opendir); reads through files.cpp"},
      {"lib/load/cache.cpp", "the cache's own pack, outside the repository"},
      {"lib/core/fsutil.cpp", "writes files (O_WRONLY)"},
      {"lib/export/engine.cpp", "reads what an engine wrote into its own private temporary directory, never a repository file"},
  };
  source_tree::for_each_source([&](const std::string& rel, const std::string& text) {
    if (allowed.count(rel)) return;
    std::smatch m;
    CAPTURE(rel);
    if (std::regex_search(text, m, opens)) CHECK_MESSAGE(false, "read through Source::read (load/files.h): " << m.str());
  });
}
