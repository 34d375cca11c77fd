// The kinds table (core/kinds.def): names, words, the lists and the loops
// made from it agree with each other and with the loader.
#include <doctest/doctest.h>

#include <string>
#include <type_traits>
#include <vector>

#include "core/messages.h"
#include "core/model.h"
#include "load/load.h"

using namespace sv;

TEST_CASE("every kind round-trips name and enum, in the table's order") {
  size_t i = 0;
  for (Kind k : kAllKinds) {
    CAPTURE(kind_name(k));
    CHECK(static_cast<size_t>(k) == i++);
    Kind back{};
    REQUIRE(kind_from_name(kind_name(k), back));
    CHECK(back == k);
    CHECK(std::string(kind_word(k).sv).size() > 0);
    CHECK(std::string(kind_word(k).en).size() > 0);
  }
  CHECK(i == kKindCount);
  Kind k{};
  CHECK_FALSE(kind_from_name("plans", k));
  CHECK_FALSE(kind_from_name("", k));
  CHECK(std::string(kind_name(Kind::plan)) == "plan");
  CHECK(std::string(kind_word(Kind::plan).sv) == "handlingsplan");
  CHECK(std::string(kind_word(Kind::collaboration).sv) == "samarbete");
  CHECK(std::string(kind_word(Kind::meeting).en) == "meeting");
}

TEST_CASE("the kinds' words are catalogue texts with their old ids") {
  for (Kind k : kAllKinds) {
    bool found = false;
    for (const Tr* t : catalogue()) found |= t == &kind_word(k);
    CHECK(found);
    CHECK(std::string(kind_word(k).id) == std::string("git_k_") + kind_name(k));
  }
}

TEST_CASE("types, kinds and lists agree: for_each_kind, KindOf, visit_kind, of<T>") {
  std::vector<Kind> seen;
  for_each_kind([&](auto type) {
    using T = typename decltype(type)::type;
    static_assert(std::is_base_of_v<Entity, T>);
    Kind k = KindOf<T>::kind;
    seen.push_back(k);
    Kind visited = visit_kind(k, [](auto t) { return KindOf<typename decltype(t)::type>::kind; });
    CHECK(visited == k);
    EntityLists lists;
    CHECK(&lists.of<T>() == &(lists.*KindOf<T>::member));
  });
  CHECK(seen == std::vector<Kind>(std::begin(kAllKinds), std::end(kAllKinds)));
  EntityLists lists;
  CHECK(&lists.of<Plan>() == &lists.plans);
  CHECK(&lists.of<Organisation>() == &lists.organisations);
}

TEST_CASE("a document of each kind lands in its kind's list; entity() and the loops find it") {
  for (Kind k : kAllKinds) {
    CAPTURE(kind_name(k));
    FileLoad fl;
    load_file(0, std::string("kind: ") + kind_name(k) + "\nid: x\n", fl);
    REQUIRE(fl.entity_count() == 1);
    visit_kind(k, [&](auto type) {
      using T = typename decltype(type)::type;
      REQUIRE(fl.of<T>().size() == 1);
      CHECK(fl.of<T>()[0].kind == k);
      CHECK(&fl.entity(EntityRef{k, 0}) == &fl.of<T>()[0]);
    });
    int calls = 0;
    fl.for_each_entity([&](const Entity& e) {
      ++calls;
      CHECK(e.kind == k);
      CHECK(e.id.v == "x");
    });
    CHECK(calls == 1);
  }
}

TEST_CASE("for_each_entity goes kind by kind in the table's order, then in file order") {
  std::string text;
  // Written in reverse order of the kinds, two of each.
  for (size_t i = kKindCount; i-- > 0;)
    for (int n = 1; n <= 2; ++n)
      text += std::string("---\nkind: ") + kind_name(kAllKinds[i]) + "\nid: " + kind_name(kAllKinds[i]) + "-" +
              std::to_string(n) + "\n";
  FileLoad fl;
  load_file(0, text, fl);
  CHECK(fl.entity_count() == 2 * kKindCount);
  std::vector<std::string> order;
  fl.for_each_entity([&](const Entity& e) { order.push_back(e.id.v); });
  std::vector<std::string> want;
  for (Kind k : kAllKinds)
    for (int n = 1; n <= 2; ++n) want.push_back(std::string(kind_name(k)) + "-" + std::to_string(n));
  CHECK(order == want);
  size_t lists = 0;
  fl.for_each_list([&](const auto& list) {
    CHECK(list.size() == 2);
    ++lists;
  });
  CHECK(lists == kKindCount);
}

TEST_CASE("a set of kinds is a bit per kind") {
  uint8_t all = 0;
  for (Kind k : kAllKinds) {
    CHECK((all & kind_bit(k)) == 0);
    all |= kind_bit(k);
  }
  CHECK(kind_bit(Kind::organisation) == 1);
}
