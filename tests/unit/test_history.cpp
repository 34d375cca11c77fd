// The history (history.h) on the fixtures of the history rules: the shortcuts
// lint takes (entities of loaded files instead of parsing their blobs again,
// no events for commits after `until`) give the same events as the full walk.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

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

TEST_CASE("history: commits after `until` have no events; the others keep theirs") {
  for (const char* name : kFixtures) {
    CAPTURE(name);
    Fixture f = open_fixture(name);
    History full = load_history(*f.git, f.commit, f.root, {}, HistoryOptions{&f.loaded.repo});
    REQUIRE(full.commits.size() > 2);
    // Each commit's date as the last day: the events up to it, and none after.
    for (const CommitInfo& at : full.commits) {
      History cut = load_history(*f.git, f.commit, f.root, {}, HistoryOptions{&f.loaded.repo, at.date});
      History expected = full;
      for (auto it = expected.events.begin(); it != expected.events.end();) {
        std::erase_if(it->second, [&](const EntityEvent& e) { return full.commits[e.commit].date > at.date; });
        it = it->second.empty() ? expected.events.erase(it) : std::next(it);
      }
      CHECK(all_events(cut) == all_events(expected));
    }
  }
}

// ---------------------------------------------------------------------------
// Questions (HistoryQuery): the walk reads only the commits that change what
// is asked and stops when it is answered; the answers are the full walk's.

namespace {

// A generated history of organisations in three files, with edits, moves
// between files within a commit, removals, re-additions in the file they
// left, renamed files and commits that change nothing asked about.
struct Generated {
  std::filesystem::path dir;
  std::vector<std::string> ids;
  std::vector<Date> dates;  // of the commits, oldest first
  ~Generated() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

bool generate(Generated& g, unsigned seed, int commits) {
  g.dir = std::filesystem::temp_directory_path() / ("samverkan-history-" + std::to_string(::getpid()) + "-" + std::to_string(seed));
  std::filesystem::remove_all(g.dir);
  std::filesystem::create_directories(g.dir / "orgs");
  auto run = [&](const std::string& cmd) { return std::system(("cd '" + g.dir.string() + "' && " + cmd).c_str()) == 0; };
  if (!run("git init -q -b main")) return false;
  std::ofstream(g.dir / "samverkan.yaml") << "name: T\n";
  struct Placed {
    std::string id;
    int version;
  };
  std::vector<std::string> files = {"orgs/a.yaml", "orgs/b.yaml", "orgs/c.yaml"};
  std::vector<std::vector<Placed>> in(files.size());
  std::vector<std::pair<std::string, size_t>> removed;  // id, the file it left
  for (int i = 0; i < 8; ++i) {
    g.ids.push_back("e" + std::to_string(i));
    in[i % files.size()].push_back({g.ids.back(), 0});
  }
  unsigned state = seed;
  auto next = [&](unsigned n) {
    state = state * 1103515245u + 12345u;
    return (state >> 16) % n;
  };
  int other = 0;
  for (int c = 0; c < commits; ++c) {
    std::string mv;
    size_t f = next(files.size());
    switch (next(10)) {
      case 5:  // a move to another file, in one commit
        if (!in[f].empty()) {
          Placed p = in[f][next(in[f].size())];
          std::erase_if(in[f], [&](const Placed& x) { return x.id == p.id; });
          in[(f + 1 + next(files.size() - 1)) % files.size()].push_back(p);
        }
        break;
      case 6:  // a removal
        if (!in[f].empty()) {
          size_t k = next(in[f].size());
          removed.emplace_back(in[f][k].id, f);
          in[f].erase(in[f].begin() + static_cast<long>(k));
        }
        break;
      case 7:  // back in the file it left
        if (!removed.empty()) {
          auto [id, from] = removed.back();
          removed.pop_back();
          in[from].push_back({id, c});
        }
        break;
      case 8: {  // a renamed file
        std::string to = "orgs/r" + std::to_string(c) + ".yaml";
        if (std::filesystem::exists(g.dir / files[f])) mv = "git mv " + files[f] + " " + to + " && ";
        files[f] = to;
        break;
      }
      case 9:  // nothing asked about
        std::ofstream(g.dir / "notes.yaml") << "kind: organisation\nid: notes\nname: N" << ++other << "\ntype: other\n";
        break;
      default:
        if (!in[f].empty()) in[f][next(in[f].size())].version = c;
    }
    if (!mv.empty() && !run(mv.substr(0, mv.size() - 4))) return false;
    for (size_t k = 0; k < files.size(); ++k) {
      std::string text;
      for (const Placed& p : in[k])
        text += std::string(text.empty() ? "" : "---\n") + "kind: organisation\nid: " + p.id + "\nname: Org " + p.id + " v" +
                std::to_string(p.version) + "\ntype: municipality\n";
      std::ofstream(g.dir / files[k]) << text;
    }
    Date day = Date{2024, 1, 1}.plus_days(c);
    g.dates.push_back(day);
    std::string when = day.str() + "T12:00:00+00:00";
    if (!run("git add -A && GIT_AUTHOR_DATE=" + when + " GIT_COMMITTER_DATE=" + when +
             " git -c user.name=t -c user.email=t@example.org commit -q --allow-empty -m c" + std::to_string(c)))
      return false;
  }
  return true;
}

// The full walk's events of `id`, as the query would keep them.
std::string expected(const History& full, const std::string& id, bool newest, std::optional<Date> after, bool asked_after) {
  History h = full;
  auto& ev = h.events[id];
  std::vector<EntityEvent> kept;
  for (size_t i = 0; i < ev.size(); ++i) {
    const Date& day = full.commits[ev[i].commit].date;
    if ((newest && i == 0) || (asked_after && (!after || day > *after))) kept.push_back(ev[i]);
  }
  ev = kept;
  return format_log_json(h, LogSubject{id});
}

}  // namespace

// A generated history, opened: its git, head, the data at main, and the
// full walk (every change of every entity); nullopt when git is missing.
struct Walked {
  std::shared_ptr<GitRepo> git;
  std::string head;
  Loaded loaded;
  History full;
};
std::optional<Walked> walk_generated(Generated& g, unsigned seed, int commits) {
  if (!generate(g, seed, commits)) {
    MESSAGE("git is not available: not checked");
    return std::nullopt;
  }
  Walked w;
  w.git = GitRepo::open(g.dir.string());
  w.head = w.git->resolve("main");
  w.loaded = load_repository(*open_git_revision(w.git, "main"), LoadOptions{});
  w.full = load_history(*w.git, w.head, "", {});
  return w;
}

TEST_CASE("history: a query's answers are the full walk's, found from fewer commits") {
  for (unsigned seed : {1u, 7u, 42u}) {
    CAPTURE(seed);
    Generated g;
    auto walked = walk_generated(g, seed, 80);
    if (!walked) return;
    auto& [git, head, loaded, full] = *walked;
    for (const std::string& id : g.ids) {
      CAPTURE(id);
      bool at_head = loaded.repo.ids.count(id) > 0;
      for (const Date& day : {g.dates[10], g.dates[40], g.dates[70]}) {
        CAPTURE(day.str());
        HistoryQuery q;
        q.newest.insert(id);
        q.after[id] = day;
        History h = load_history(*git, head, "", {}, HistoryOptions{&loaded.repo, std::nullopt, "", "history", &q});
        CHECK(format_log_json(h, LogSubject{id}) == (at_head ? expected(full, id, true, day, true) : format_log_json(History{}, LogSubject{id})));
      }
      HistoryQuery every;
      every.after[id] = std::nullopt;
      every.search_absent = true;
      History h = load_history(*git, head, "", {}, HistoryOptions{nullptr, std::nullopt, "", "history", &every});
      CHECK(format_log_json(h, LogSubject{id}) == expected(full, id, false, std::nullopt, true));
    }
    // Every question at once, as lint asks them.
    HistoryQuery all;
    for (const std::string& id : g.ids) {
      all.newest.insert(id);
      all.after[id] = g.dates[60];
    }
    History h = load_history(*git, head, "", {}, HistoryOptions{&loaded.repo, std::nullopt, "", "history", &all});
    for (const std::string& id : g.ids)
      if (loaded.repo.ids.count(id)) CHECK(format_log_json(h, LogSubject{id}) == expected(full, id, true, g.dates[60], true));
    CHECK(full.walked == 80);
    // Only changes after a day: the walk stops once past it, and reads only
    // the commits that changed the files asked about.
    HistoryQuery late;
    late.after[g.ids[0]] = g.dates[60];
    History recent = load_history(*git, head, "", {}, HistoryOptions{&loaded.repo, std::nullopt, "", "history", &late});
    if (loaded.repo.ids.count(g.ids[0]))
      CHECK(format_log_json(recent, LogSubject{g.ids[0]}) == expected(full, g.ids[0], false, g.dates[60], true));
    CHECK(recent.walked < full.walked);  // 8 + 16 + 32 commits at most: the batches double
    CHECK(recent.read < recent.walked);
    // Data loaded from a work tree that moved an entity since the commit: the
    // entity is found where the commit has it.
    const Organisation& first = loaded.repo.organisations.front();
    std::string moved_id = first.id.v;
    std::filesystem::rename(g.dir / loaded.repo.files[first.file].path, g.dir / "orgs" / "moved.yaml");
    Loaded work = load_repository(*open_worktree(g.dir.string()), LoadOptions{});
    HistoryQuery one;
    one.newest.insert(moved_id);
    one.after[moved_id] = g.dates[30];
    History from_work = load_history(*git, head, "", {}, HistoryOptions{&work.repo, std::nullopt, "", "history", &one});
    CHECK(format_log_json(from_work, LogSubject{moved_id}) == expected(full, moved_id, true, g.dates[30], true));
  }
}

// A history of `commits` commits, each setting orgs/a.yaml to version
// `commit % versions` of itself: entity e0 named after the version, beside
// `others` organisations that make the file larger. Written with git
// fast-import; the directory is removed with `g`.
bool generate_cycling(Generated& g, int commits, int versions, int others) {
  g.dir = std::filesystem::temp_directory_path() / ("samverkan-cycling-" + std::to_string(::getpid()) + "-" + std::to_string(versions));
  std::filesystem::remove_all(g.dir);
  std::filesystem::create_directories(g.dir);
  std::string stream;
  auto data = [&](const std::string& text) { stream += "data " + std::to_string(text.size()) + "\n" + text + "\n"; };
  for (int c = 0; c < commits; ++c) {
    std::string file = "kind: organisation\nid: e0\nname: Org v" + std::to_string(c % versions) + "\ntype: municipality\n";
    for (int k = 1; k <= others; ++k)
      file += "---\nkind: organisation\nid: e" + std::to_string(k) + "\nname: Organisationen nummer " + std::to_string(k) +
              " i en lång fil\ntype: region\n";
    stream += "commit refs/heads/main\ncommitter t <t@example.org> " + std::to_string(1700000000 + c * 3600) + " +0000\n";
    data("c" + std::to_string(c));
    stream += "M 100644 inline samverkan.yaml\n";
    data("name: T\n");
    stream += "M 100644 inline orgs/a.yaml\n";
    data(file);
  }
  std::ofstream(g.dir / "stream") << stream;
  std::string cmd = "cd '" + g.dir.string() + "' && git init -q -b main && git fast-import --quiet < stream && rm stream";
  return std::system(cmd.c_str()) == 0;
}

TEST_CASE("history: a blob is parsed once, however many commits hold it") {
  // Two versions met again at once are kept in memory; forty of 20 kB each,
  // more than is kept, are decoded from the per-file cache, which holds what
  // this run parsed. Either way, every blob is parsed once.
  for (int versions : {2, 40}) {
    CAPTURE(versions);
    if (std::system("git --version >/dev/null 2>&1") != 0) {
      MESSAGE("git is not available: not checked");
      return;
    }
    Generated g;
    REQUIRE(generate_cycling(g, 240, versions, 150));
    auto git = GitRepo::open(g.dir.string());
    std::string head = git->resolve("main");
    HistoryQuery every;
    every.after["e0"] = std::nullopt;
    every.search_absent = true;
    History plain = load_history(*git, head, "", {}, HistoryOptions{nullptr, std::nullopt, "", "log", &every});
    std::string cache = (g.dir / "cache").string();
    History cached = load_history(*git, head, "", {}, HistoryOptions{nullptr, std::nullopt, cache, "log", &every});
    CHECK(cached.walked == 240);
    CHECK(plain.of("e0").size() == 240);  // each commit renamed it; the first added it
    CHECK(format_log_json(cached, LogSubject{"e0"}) == format_log_json(plain, LogSubject{"e0"}));
    CHECK(cached.parsed == static_cast<size_t>(versions));
    if (versions == 2) {
      CHECK(plain.parsed == 2);
      CHECK(cached.decoded == 0);
    } else {
      CHECK(cached.decoded > 0);
      CHECK(cached.parsed + cached.decoded < 240);
    }
    // Run again, the cache has every blob: none is parsed.
    History again = load_history(*git, head, "", {}, HistoryOptions{nullptr, std::nullopt, cache, "log", &every});
    CHECK(again.parsed == 0);
    CHECK(format_log_json(again, LogSubject{"e0"}) == format_log_json(plain, LogSubject{"e0"}));
  }
}

TEST_CASE("history: a query keeps of the changes only those it says matter, and always the newest") {
  Generated g;
  auto walked = walk_generated(g, 3, 60);
  if (!walked) return;
  auto& [git, head, loaded, full] = *walked;
  size_t checked = 0;
  for (const std::string& id : g.ids) {
    if (!loaded.repo.ids.count(id) || full.of(id).size() < 3) continue;
    CAPTURE(id);
    ++checked;
    HistoryQuery q;
    q.newest.insert(id);
    q.after[id] = std::nullopt;
    q.keep = [](const EntityDiff& d) { return d.change != Change::changed; };
    History h = load_history(*git, head, "", {}, HistoryOptions{&loaded.repo, std::nullopt, "", "history", &q});
    const auto& all = full.of(id);
    std::vector<std::string> want, got;
    for (size_t i = 0; i < all.size(); ++i)
      if (i == 0 || all[i].diff.change != Change::changed) want.push_back(full.commits[all[i].commit].id);
    for (const auto& e : h.of(id)) got.push_back(h.commits[e.commit].id);
    CHECK(got == want);
    CHECK(got.size() < all.size());
  }
  CHECK(checked > 0);
}
