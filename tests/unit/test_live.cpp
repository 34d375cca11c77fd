// A repository kept in memory and changed a file at a time (load/live.h)
// gives what loading the whole repository again gives: after every edit of a
// long random sequence — ids renamed, duplicated and removed, references
// broken and mended, documents added, YAML broken, files emptied — the
// findings, the entities and the indexes are the same as a fresh load's.
#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <random>
#include <string>

#include "load/live.h"
#include "output/output.h"

using namespace sv;

namespace {

std::map<std::string, std::string> fixture() {
  std::map<std::string, std::string> f;
  f["samverkan.yaml"] = "name: Live\nlanguage: en\n";
  for (int i = 0; i < 8; ++i)
    f["organisations/o" + std::to_string(i) + ".yaml"] = "kind: organisation\nid: org-" + std::to_string(i) +
                                                        "\nname: Org " + std::to_string(i) + "\ntype: municipality\n" +
                                                        (i > 0 ? "parent: org-" + std::to_string(i - 1) + "\n" : "");
  for (int c = 0; c < 3; ++c) {
    std::string id = "collab-" + std::to_string(c);
    f["collaborations/" + id + ".yaml"] = "kind: collaboration\nid: " + id + "\nname: C\nparties: [org-" +
                                         std::to_string(c) + ", org-" + std::to_string(c + 1) +
                                         "]\ntarget_groups:\n  - id: unga\n    name: Unga\n";
    f["forums/f" + std::to_string(c) + ".yaml"] = "kind: forum\nid: forum-" + std::to_string(c) +
                                                 "\nname: F\ncollaboration: " + id + "\ntype: steering\nmembers:\n  - organisation: org-" +
                                                 std::to_string(c) + "\n";
    f["plans/p" + std::to_string(c) + ".yaml"] =
        "kind: plan\nid: plan-" + std::to_string(c) + "\ntitle: P\ncollaboration: " + id +
        "\nperiod: 2026\ntarget_groups: [unga]\ngoals:\n  - id: g1\n    title: G\n  - id: g2\n    title: H\n"
        "activities:\n  - id: a1\n    title: A\n    goals: [g1]\n    owner: org-" + std::to_string(c) + "\n";
    for (int m = 0; m < 3; ++m)
      f["meetings/m" + std::to_string(c) + std::to_string(m) + ".yaml"] =
          "kind: meeting\nid: meeting-" + std::to_string(c) + "-" + std::to_string(m) + "\nforum: forum-" +
          std::to_string(c) + "\ndate: 2026-0" + std::to_string(m + 1) + "-10\nitems:\n  - title: T\n    refs: [plan-" +
          std::to_string(c) + "#g" + std::to_string(m % 2 + 1) + ", plan-" + std::to_string(c) + "#a1]\nactions:\n  - id: x1\n    title: X\n    owner: org-" +
          std::to_string(m) + "\n";
  }
  return f;
}

std::string replace_first(std::string s, const std::string& from, const std::string& to) {
  auto at = s.find(from);
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

// What a repository says, for comparing: every finding in full, and the ids.
std::string summary(const Loaded& l) {
  std::string out = format_json(l.repo, l.findings, l.lang);
  std::map<std::string, std::string> ids;
  for (const auto& [id, ref] : l.repo.ids) ids[id] = std::string(kind_name(ref.kind)) + ":" + l.repo.entity(ref).id.v;
  for (const auto& [id, what] : ids) out += id + "=" + what + "\n";
  std::map<std::string, int> nested;
  for (const auto& [id, k] : l.repo.nested_ids) nested[id] = static_cast<int>(k);
  for (const auto& [id, k] : nested) out += id + "~" + std::to_string(k) + "\n";
  l.repo.for_each_entity([&](const Entity& e) { out += e.id.v + "@" + std::to_string(e.file) + "\n"; });
  return out;
}

}  // namespace

TEST_CASE("a live repository after each edit is what a fresh load is") {
  auto files = fixture();
  const auto original = files;
  auto overlay = std::make_shared<OverlaySource>(std::make_unique<MemorySource>(files));
  LiveRepo live(overlay, LoadOptions{std::nullopt, 1});
  CHECK(summary(live.loaded()) == summary(load_repository(*overlay, LoadOptions{std::nullopt, 1})));
  CHECK(live.loaded().findings.empty());

  std::mt19937 rng(20261202);
  std::vector<std::string> paths;
  for (const auto& [p, t] : files)
    if (p != "samverkan.yaml") paths.push_back(p);
  const std::vector<std::pair<std::string, std::string>> edits = {
      {"id: org-", "id: orgx-"},          // an id renamed: what names it breaks
      {"id: plan-", "id: org-"},          // a duplicate id of another kind
      {"id: g1", "id: g2"},               // a duplicate nested id; g1 gone
      {"owner: org-", "owner: org-9"},    // a reference to nothing
      {"forum: forum-", "forum: collab-"},  // a reference of the wrong kind
      {"parent: org-", "parent: org-7"},  // a loop of parents, at times
      {"title: ", "title: [oops"},        // YAML broken
      {"kind: ", "kind: plan\n---\nkind: "},  // a second document
      {"\n", "\n  bad indent: x\n"},
  };
  for (int step = 0; step < 300; ++step) {
    const std::string& path = paths[rng() % paths.size()];
    std::string& text = files[path];
    switch (rng() % 5) {
      case 0: text = original.at(path); break;
      case 1: text.clear(); break;
      default: {
        const auto& [from, to] = edits[rng() % edits.size()];
        text = replace_first(text, from, to);
      }
    }
    overlay->set(path, text);
    std::vector<int> touched = live.update(path);
    CHECK(std::is_sorted(touched.begin(), touched.end()));
    Loaded fresh = load_repository(*overlay, LoadOptions{std::nullopt, 1});
    INFO("step " << step << ": " << path);
    REQUIRE(summary(live.loaded()) == summary(fresh));
    // Each file's findings are the whole list's, in their file.
    size_t n = 0;
    for (size_t f = 0; f < fresh.repo.files.size(); ++f) n += live.findings_of(static_cast<int>(f)).size();
    CHECK(n == fresh.findings.size());
  }
}

TEST_CASE("a live repository reloads for a file it did not hold and for samverkan.yaml") {
  auto files = fixture();
  auto overlay = std::make_shared<OverlaySource>(std::make_unique<MemorySource>(files));
  LiveRepo live(overlay, LoadOptions{std::nullopt, 1});
  const size_t before = live.loaded().repo.files.size();
  overlay->set("organisations/new.yaml", "kind: organisation\nid: org-new\nname: N\ntype: region\n");
  auto touched = live.update("organisations/new.yaml");
  CHECK(live.loaded().repo.files.size() == before + 1);
  CHECK(touched.size() == before + 1);
  CHECK(live.loaded().repo.find("org-new") != nullptr);
  overlay->set("samverkan.yaml", "name: Live\nlanguage: en\nexclude: [meetings/**]\n");
  live.update("samverkan.yaml");
  CHECK(live.loaded().repo.meetings.empty());
  CHECK(summary(live.loaded()) == summary(load_repository(*overlay, LoadOptions{std::nullopt, 1})));
}
