// Cross-file validation with bounded work: the same findings as the
// straightforward algorithms it replaced (kept here as the reference).
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/msg/core.h"
#include "core/text.h"
#include "load/validate.h"

using namespace sv;

namespace {

Text text(std::string value, int line = 1) {
  Text t;
  t.v = std::move(value);
  t.set = true;
  t.span = Span{0, line, 1, 1};
  return t;
}

// The cycle check as it was: a walk from every organisation, reporting the
// loop through it when it has the smallest id in it.
std::vector<std::string> reference_cycles(const Repo& repo) {
  std::vector<std::string> out;
  for (const auto& e : repo.organisations) {
    if (!e.parent.set) continue;
    std::vector<std::string> chain{e.id.v};
    std::set<std::string> seen{e.id.v};
    const Organisation* cur = &e;
    bool cycle = false;
    while (cur->parent.set) {
      const Organisation* next = repo.find_as<Organisation>(cur->parent.v);
      if (!next) break;
      chain.push_back(next->id.v);
      if (next->id.v == e.id.v) {
        cycle = true;
        break;
      }
      if (!seen.insert(next->id.v).second) break;
      cur = next;
    }
    if (cycle && *std::min_element(chain.begin(), chain.end()) == e.id.v)
      out.push_back(msg_of(msg::parent_cycle, join(chain, " → ")).str(Lang::en));
  }
  return out;
}

std::vector<std::string> messages(const std::vector<Finding>& findings, const std::string& code) {
  std::vector<std::string> out;
  for (const auto& f : findings)
    if (f.code == code) out.push_back(f.message.str(Lang::en));
  return out;
}

}  // namespace

TEST_CASE("parent cycles are found once each, as the walk from every entity found them") {
  std::mt19937 rng(12);
  size_t loops = 0;
  for (int round = 0; round < 300; ++round) {
    Repo repo;
    const int count = 1 + static_cast<int>(rng() % 40);
    std::vector<int> names(count);
    for (int i = 0; i < count; ++i) names[i] = i;
    std::shuffle(names.begin(), names.end(), rng);  // ids not in the order of the list
    for (int i = 0; i < count; ++i) {
      Organisation o;
      o.kind = Kind::organisation;
      o.id = text("org-" + std::to_string(names[i]), i + 1);
      o.file = 0;
      // Mostly a parent among the others (loops, tails into loops, self
      // loops), sometimes none, sometimes one that does not exist.
      if (const auto pick = rng() % 10; pick < 8)
        o.parent = text("org-" + std::to_string(names[rng() % count]), i + 1);
      else if (pick == 8)
        o.parent = text("missing", i + 1);
      repo.organisations.push_back(std::move(o));
    }
    std::vector<Finding> findings;
    index_and_validate(repo, findings, 1);
    CAPTURE(round);
    const auto expected = reference_cycles(repo);
    CHECK(messages(findings, "parent-cycle") == expected);
    loops += expected.size();
  }
  CHECK(loops > 300);  // the rounds made loops to find
}

TEST_CASE("a parent chain of 100 000 is checked in one walk") {
  Repo repo;
  const int count = 100000;
  for (int i = 0; i < count; ++i) {
    Organisation o;
    o.kind = Kind::organisation;
    o.id = text("org-" + std::to_string(i), i + 1);
    o.parent = text("org-" + std::to_string((i + 1) % count), i + 1);
    repo.organisations.push_back(std::move(o));
  }
  std::vector<Finding> findings;
  index_and_validate(repo, findings, 1);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].code == std::string("parent-cycle"));
  CHECK(findings[0].entity == "org-0");
}

TEST_CASE("unknown references get did_you_mean's suggestion among the ids of their kinds") {
  std::mt19937 rng(7);
  Repo repo;
  std::vector<std::string> organisations, forums;
  for (int i = 0; i < 300; ++i) {
    Organisation o;
    o.kind = Kind::organisation;
    o.id = text("kommun-" + std::to_string(rng() % 5000), i + 1);
    organisations.push_back(o.id.v);
    repo.organisations.push_back(std::move(o));
    Forum f;
    f.kind = Kind::forum;
    f.id = text("forum-" + std::to_string(rng() % 5000), i + 1);
    forums.push_back(f.id.v);
    repo.forums.push_back(std::move(f));
  }
  Plan plan;
  plan.kind = Kind::plan;
  plan.id = text("plan");
  for (int i = 0; i < 50; ++i) {
    Goal goal;
    goal.id = text("g" + std::to_string(rng() % 300));
    plan.goals.v.push_back(goal);
  }
  repo.plans.push_back(plan);
  std::vector<std::pair<RefUse, std::optional<std::string>>> expected;
  std::vector<std::string> everything = organisations, goals;
  everything.insert(everything.end(), forums.begin(), forums.end());
  everything.push_back("plan");
  for (const auto& g : plan.goals.v) goals.push_back(g.id.v);
  repo.refs.emplace_back();
  for (int i = 0; i < 2000; ++i) {
    RefUse use;
    const int shape = static_cast<int>(rng() % 3);
    const std::string number = std::to_string(rng() % 5000);
    use.target = text(shape == 0 ? "kommun-" + number : shape == 1 ? "forum-" + number : "plan#g" + number);
    use.kinds = shape == 0 ? kind_bit(Kind::organisation) : 0xff;
    std::optional<std::string> suggestion;
    const bool known = std::find(everything.begin(), everything.end(), use.target.v) != everything.end() ||
                       (shape == 2 && std::find(goals.begin(), goals.end(), use.target.v.substr(5)) != goals.end());
    if (!known) {
      suggestion = shape == 0   ? did_you_mean(use.target.v, organisations)
                   : shape == 1 ? did_you_mean(use.target.v, everything)
                                : did_you_mean(use.target.v.substr(5), goals);
      expected.emplace_back(use, suggestion);
    }
    repo.refs.back().push_back(use);
  }
  std::vector<Finding> findings;
  index_and_validate(repo, findings, 2);
  std::vector<Finding> unknown;
  for (auto& f : findings)
    if (f.code == std::string("reference-unknown")) unknown.push_back(f);
  REQUIRE(unknown.size() == expected.size());
  for (size_t i = 0; i < unknown.size(); ++i) {
    CAPTURE(expected[i].first.target.v);
    auto help = expected[i].second ? std::optional(msg_of(msg::help_did_you_mean, *expected[i].second).str(Lang::en))
                                   : std::nullopt;
    CHECK((unknown[i].help ? std::optional(unknown[i].help->str(Lang::en)) : std::nullopt) == help);
  }
}

#include "lint/rule_util.h"

namespace {

// The chain walks as they were, one per question.
const Organisation* reference_root(const Repo& repo, std::string_view org) {
  const Organisation* o = repo.find_as<Organisation>(org);
  std::set<std::string> seen;
  while (o && o->parent.set && seen.insert(o->id.v).second) {
    const Organisation* up = repo.find_as<Organisation>(o->parent.v);
    if (!up) break;
    o = up;
  }
  return o;
}

const Organisation* reference_party(const Repo& repo, const Collaboration& collab, std::string_view org) {
  const Organisation* o = repo.find_as<Organisation>(org);
  std::set<std::string> seen;
  while (o && seen.insert(o->id.v).second) {
    for (const auto& p : collab.parties.v)
      if (p.v == o->id.v) return o;
    if (!o->parent.set) break;
    o = repo.find_as<Organisation>(o->parent.v);
  }
  return nullptr;
}

}  // namespace

TEST_CASE("organisation chains answer as a walk up each chain did") {
  std::mt19937 rng(3);
  for (int round = 0; round < 200; ++round) {
    Repo repo;
    const int count = 1 + static_cast<int>(rng() % 30);
    auto name = [](unsigned n) { return "org-" + std::to_string(n); };
    for (int i = 0; i < count; ++i) {
      Organisation o;
      o.kind = Kind::organisation;
      o.id = text(name(rng() % (count + 3)), i + 1);  // some ids twice, some parents unknown
      if (rng() % 6) o.parent = text(name(rng() % (count + 3)), i + 1);
      repo.organisations.push_back(std::move(o));
    }
    Forum forum;  // an id of another kind, as a parent
    forum.kind = Kind::forum;
    forum.id = text(name(count + 2));
    repo.forums.push_back(forum);
    std::vector<Finding> findings;
    index_and_validate(repo, findings, 1);
    Collaboration collab;
    for (int k = static_cast<int>(rng() % 5); k > 0; --k) collab.parties.v.push_back(text(name(rng() % (count + 3))));
    rules::OrgChains chains(repo);
    for (int n = 0; n < count + 3; ++n) {
      CAPTURE(round);
      CAPTURE(n);
      CHECK(chains.root(name(n)) == reference_root(repo, name(n)));
      CHECK(chains.party(collab, name(n)) == reference_party(repo, collab, name(n)));
    }
  }
}
