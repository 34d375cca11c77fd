// The enumerations table (core/enums.def): every value parses back, the
// labels are render.def's texts, and the allowed lists are what the loader
// accepts, in its order.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/enums.h"
#include "core/messages.h"
#include "core/wording.h"
#include "core/msg/render.h"
#include "load/load.h"

using namespace sv;
using Json = nlohmann::json;

TEST_CASE("every enum value round-trips its YAML name; other names are refused") {
  for_each_enum([](auto type) {
    using E = typename decltype(type)::type;
    CAPTURE(EnumTable<E>::field);
    auto names = enum_names<E>();
    REQUIRE(!names.empty());
    for (size_t i = 0; i < names.size(); ++i) {
      CAPTURE(names[i]);
      auto value = parse_enum<E>(names[i]);
      REQUIRE(value);
      CHECK(static_cast<size_t>(*value) == i);
      CHECK(std::string(enum_name(*value)) == names[i]);
      CHECK(std::string(enum_label(*value, Lang::sv)).size() > 0);
      CHECK(std::string(enum_label(*value, Lang::en)).size() > 0);
      CHECK_FALSE(parse_enum<E>(std::string(names[i]) + "x"));
    }
    CHECK_FALSE(parse_enum<E>(""));
    CHECK_FALSE(parse_enum<E>("Nonsense"));
  });
  CHECK(parse_enum<Cadence>("ad-hoc") == Cadence::ad_hoc);
  CHECK_FALSE(parse_enum<Cadence>("ad_hoc"));
  CHECK_FALSE(parse_enum<ActivityStatus>("Done"));  // case matters, as in the loader
}

TEST_CASE("labels are render.def's texts themselves; a value without one is shown as written") {
  CHECK(enum_label(ActivityStatus::done, Lang::sv) == msg::r_st_done.sv);
  CHECK(enum_label(ActionStatus::done, Lang::en) == msg::r_st_done.en);
  CHECK(enum_label(ActivityStatus::planned, Lang::sv) == msg::r_as_planned.sv);
  CHECK(enum_label(OrgType::other, Lang::sv) == msg::r_other.sv);
  CHECK(enum_label(ForumType::information, Lang::en) == msg::r_forum_information.en);
  CHECK(enum_label(MeetingType::information, Lang::en) == msg::r_mt_information.en);
  CHECK(std::string(enum_label(Cadence::ad_hoc, Lang::sv)) == "vid behov");
  CHECK(std::string(enum_label(GoalUnit::sek, Lang::sv)) == "kronor");
  CHECK(std::string(enum_label(CalendarEvidence::report, Lang::en)) == "report");
  CHECK(std::string(enum_label(ConfigLanguage::en, Lang::sv)) == "en");
  CHECK(enum_text<PlanStatus>("approved", Lang::sv) == "fastställd");
  CHECK(enum_text<PlanStatus>("unheard-of", Lang::sv) == "unheard-of");
}

namespace {

const Json& at(const Json& j, std::initializer_list<const char*> path) {
  const Json* cur = &j;
  for (const char* key : path) {
    CAPTURE(key);
    REQUIRE(cur->contains(key));
    cur = &(*cur)[key];
  }
  return *cur;
}

template <class E>
void check_schema(const Json& schema, std::initializer_list<const char*> path) {
  CAPTURE(EnumTable<E>::field);
  std::vector<std::string> want(enum_names<E>().begin(), enum_names<E>().end());
  CHECK(at(schema, path)["enum"].template get<std::vector<std::string>>() == want);
}

}  // namespace

TEST_CASE("a value in a message is its label, translated when printed; else the YAML spelling in backticks") {
  Message m = msg_of(msg::r_period_range, enum_arg<Cadence>("monthly"), enum_arg(ActivityStatus::ongoing), enum_arg<Cadence>("fortnightly"));
  CHECK(m.str(Lang::sv) == "varje månad (pågår – `fortnightly`)");
  CHECK(m.str(Lang::en) == "monthly (ongoing – `fortnightly`)");
  CHECK(msg_of(msg::r_period_range, enum_arg(GoalUnit::percent), "", "").str(Lang::sv) == "procent ( – )");
  CHECK(msg_of(msg::r_period_range, enum_arg(CalendarEvidence::report), "", "").str(Lang::sv) == "`report` ( – )");
}

TEST_CASE("the allowed lists are the loader's, in its order (its JSON schema says what it reads)") {
  Json data = Json::parse(json_schema());
  const Json& d = data["definitions"];
  check_schema<OrgType>(d, {"organisation", "properties", "type"});
  check_schema<IntegrationLevel>(d, {"collaboration", "properties", "integration_level"});
  check_schema<AgreementForm>(d, {"collaboration", "properties", "agreement", "properties", "form"});
  check_schema<ForumType>(d, {"forum", "properties", "type"});
  check_schema<ForumLevel>(d, {"forum", "properties", "level"});
  check_schema<Cadence>(d, {"forum", "properties", "cadence"});
  check_schema<PlanStatus>(d, {"plan", "properties", "status"});
  check_schema<FollowUpType>(d, {"plan", "properties", "follow_ups", "items", "properties", "type"});
  check_schema<GoalUnit>(d, {"plan", "properties", "goals", "items", "properties", "unit"});
  check_schema<GoalDirection>(d, {"plan", "properties", "goals", "items", "properties", "direction"});
  check_schema<ActivityStatus>(d, {"plan", "properties", "activities", "items", "properties", "status"});
  check_schema<ActivityStatus>(
      d, {"plan", "properties", "activities", "items", "properties", "updates", "items", "properties", "status"});
  check_schema<MeetingType>(d, {"meeting", "properties", "type"});
  check_schema<ActionStatus>(d, {"meeting", "properties", "actions", "items", "properties", "status"});
  Json config = Json::parse(json_schema(true));
  check_schema<ConfigLanguage>(config, {"properties", "language"});
  check_schema<CalendarEvidence>(config, {"properties", "calendar", "items", "properties", "evidence"});
}

namespace {

// Loads `doc` with `@` replaced by `value`; whether the loader refused the value.
bool refused(std::string doc, const std::string& value) {
  doc.replace(doc.find('@'), 1, value);
  FileLoad fl;
  load_file(0, doc, fl);
  for (const auto& f : fl.findings)
    if (f.code == "enum-invalid") return true;
  return false;
}

template <class E>
void check_loader(const std::string& doc) {
  CAPTURE(doc);
  for (const char* name : enum_names<E>()) {
    CAPTURE(name);
    CHECK_FALSE(refused(doc, name));
  }
  CHECK(refused(doc, "no-such-value"));
}

}  // namespace

TEST_CASE("the loader accepts every value of the table and refuses others") {
  check_loader<OrgType>("kind: organisation\nid: o\nname: O\nparent: p\ntype: @\n");
  check_loader<IntegrationLevel>("kind: collaboration\nid: c\nintegration_level: @\n");
  check_loader<AgreementForm>("kind: collaboration\nid: c\nagreement:\n  form: @\n");
  check_loader<ForumType>("kind: forum\nid: f\ntype: @\n");
  check_loader<ForumLevel>("kind: forum\nid: f\nlevel: @\n");
  check_loader<Cadence>("kind: forum\nid: f\ncadence: @\n");
  check_loader<PlanStatus>("kind: plan\nid: p\nstatus: @\n");
  check_loader<FollowUpType>("kind: plan\nid: p\nfollow_ups:\n  - date: 2026-01-01\n    type: @\n");
  check_loader<GoalUnit>("kind: plan\nid: p\ngoals:\n  - id: g1\n    title: G\n    unit: @\n");
  check_loader<GoalDirection>("kind: plan\nid: p\ngoals:\n  - id: g1\n    title: G\n    direction: @\n");
  check_loader<ActivityStatus>("kind: plan\nid: p\nactivities:\n  - id: a1\n    title: A\n    status: @\n");
  check_loader<ActivityStatus>(
      "kind: plan\nid: p\nactivities:\n  - id: a1\n    title: A\n    updates:\n      - date: 2026-01-01\n        status: @\n");
  check_loader<MeetingType>("kind: meeting\nid: m\ntype: @\n");
  check_loader<ActionStatus>("kind: meeting\nid: m\nactions:\n  - id: x1\n    title: X\n    status: @\n");
}

TEST_CASE("the configuration's enums: the loader accepts the table's values") {
  auto refused_config = [](std::string doc, const std::string& value) {
    doc.replace(doc.find('@'), 1, value);
    Config c;
    std::vector<RefUse> refs;
    std::vector<Finding> findings;
    load_config(0, doc, c, refs, findings);
    for (const auto& f : findings)
      if (f.code == "enum-invalid") return true;
    return false;
  };
  for (const char* name : enum_names<ConfigLanguage>()) CHECK_FALSE(refused_config("name: N\nlanguage: @\n", name));
  CHECK(refused_config("name: N\nlanguage: @\n", "de"));
  const char* calendar = "name: N\ncalendar:\n  - id: c\n    title: T\n    month: 1\n    evidence: @\n";
  for (const char* name : enum_names<CalendarEvidence>()) CHECK_FALSE(refused_config(calendar, name));
  CHECK(refused_config(calendar, "email"));
}

TEST_CASE("typed accessors: the format's defaults, and nothing for an absent or invalid value") {
  Activity a;
  CHECK(a.status_value() == ActivityStatus::planned);
  Plan p;
  CHECK(p.status_value() == PlanStatus::draft);
  Action x;
  CHECK(x.status_value() == ActionStatus::open);
  Forum f;
  CHECK_FALSE(f.type_value());
  FileLoad fl;
  load_file(0, "kind: plan\nid: p\nstatus: approved\nactivities:\n  - id: a1\n    title: A\n    status: later\n", fl);
  REQUIRE(fl.plans.size() == 1);
  CHECK(fl.plans[0].status_value() == PlanStatus::approved);
  const Activity& refused_one = fl.plans[0].activities.v.at(0);
  CHECK(invalid(refused_one.status));
  CHECK(refused_one.status.v == "later");  // the text as written stays
  CHECK(refused_one.status_value() == ActivityStatus::planned);
}
