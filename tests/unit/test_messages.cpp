#include <doctest/doctest.h>

#include <regex>
#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "core/messages.h"
#include "core/wording.h"
#include "core/msg/core.h"

using namespace sv;

static std::set<std::string> placeholders(const char* s) {
  std::set<std::string> out;
  std::regex re("\\{[0-9]+\\}");
  std::string str(s);
  for (auto it = std::sregex_iterator(str.begin(), str.end(), re); it != std::sregex_iterator(); ++it)
    out.insert(it->str());
  return out;
}

TEST_CASE("every catalogue entry has both languages with the same placeholders") {
  std::set<std::string> ids;
  for (const Tr* t : catalogue()) {
    CAPTURE(t->id);
    CHECK(ids.insert(t->id).second);
    CHECK(std::string(t->sv).size() > 0);
    CHECK(std::string(t->en).size() > 0);
    CHECK(placeholders(t->sv) == placeholders(t->en));
  }
  CHECK(catalogue().size() > 50);
}

TEST_CASE("messages format in the language asked for, and nested words translate") {
  CHECK(tr(Lang::en, msg::field_required, "name", "organisation `x`") == "organisation `x` is missing `name`");
  CHECK(tr(Lang::sv, msg::field_required, "name", "organisation `x`") == "`name` saknas i organisation `x`");
  Message m = msg_of(msg::type_mismatch, "fte", msg::w_number, msg::w_list);
  CHECK(m.str(Lang::en) == "`fte` must be a number, but is a list");
  CHECK(m.str(Lang::sv) == "`fte` ska vara ett tal, men är en lista");
  Lang l;
  CHECK(parse_lang("sv_SE.UTF-8", l));
  CHECK(l == Lang::sv);
  CHECK_FALSE(parse_lang("de", l));
}

TEST_CASE("plural forms: a NAME_one text for exactly one, NAME for any other count") {
  CHECK(&plural(1, msg::w_goal, msg::w_activity) == &msg::w_goal);
  CHECK(&plural(0, msg::w_goal, msg::w_activity) == &msg::w_activity);
  CHECK(&plural(2, msg::w_goal, msg::w_activity) == &msg::w_activity);
  // Every singular has its plural, which has every placeholder the singular
  // has (a singular may leave out the count: "ett fynd").
  std::map<std::string, const Tr*> by_id;
  for (const Tr* t : catalogue()) by_id[t->id] = t;
  size_t pairs = 0;
  for (const auto& [id, t] : by_id) {
    if (id.size() < 4 || id.compare(id.size() - 4, 4, "_one") != 0) continue;
    CAPTURE(id);
    auto other = by_id.find(id.substr(0, id.size() - 4));
    REQUIRE(other != by_id.end());
    auto singular = placeholders(t->sv), many = placeholders(other->second->sv);
    CHECK(std::includes(many.begin(), many.end(), singular.begin(), singular.end()));
    ++pairs;
  }
  CHECK(pairs >= 8);
}
