// The history (history.h) on the fixtures of the history rules: the shortcuts
// lint takes (entities of loaded files instead of parsing their blobs again,
// no events for commits after `until`) give the same events as the full walk.
#include <doctest/doctest.h>

#include "load/git.h"
#include "history/history.h"
#include "load/repository.h"

using namespace sv;

namespace {

struct Fixture {
  std::shared_ptr<GitRepo> git;
  std::string commit, root;
  Loaded loaded;
};

Fixture open_fixture(const char* name) {
  Fixture f;
  f.git = GitRepo::open(std::string(SAMVERKAN_SOURCE_DIR) + "/tests/rules/" + name + "/repo");
  f.commit = f.git->resolve("main");
  f.root = f.git->samverkan_root(f.commit, "main");
  f.loaded = load_repository(*open_git_revision(f.git, "main"), LoadOptions{});
  return f;
}

// Every entity's events, as `samverkan log --format json` shows them.
std::string all_events(const History& h) {
  std::string out;
  for (const auto& [id, ev] : h.events) out += format_log_json(h, LogSubject{id});
  return out;
}

const char* const kFixtures[] = {"minutes-changed-after-approval", "plan-changed-after-approval"};

}  // namespace

TEST_CASE("history: entities of loaded files give the same events as parsing every blob") {
  for (const char* name : kFixtures) {
    CAPTURE(name);
    Fixture f = open_fixture(name);
    History parsed = load_history(*f.git, f.commit, f.root, {});
    History known = load_history(*f.git, f.commit, f.root, {}, HistoryOptions{&f.loaded.repo});
    CHECK(parsed.events.size() > 1);
    CHECK(all_events(known) == all_events(parsed));
  }
}

TEST_CASE("history: commits after `until` are listed without events; the others keep theirs") {
  for (const char* name : kFixtures) {
    CAPTURE(name);
    Fixture f = open_fixture(name);
    History full = load_history(*f.git, f.commit, f.root, {}, HistoryOptions{&f.loaded.repo});
    REQUIRE(full.commits.size() > 2);
    // Each commit's date as the last day: the events up to it, and none after.
    for (const CommitInfo& at : full.commits) {
      History cut = load_history(*f.git, f.commit, f.root, {}, HistoryOptions{&f.loaded.repo, at.date});
      REQUIRE(cut.commits.size() == full.commits.size());
      History expected = full;
      for (auto it = expected.events.begin(); it != expected.events.end();) {
        std::erase_if(it->second, [&](const EntityEvent& e) { return full.commits[e.commit].date > at.date; });
        it = it->second.empty() ? expected.events.erase(it) : std::next(it);
      }
      CHECK(all_events(cut) == all_events(expected));
    }
  }
}
