// The lint framework: rule settings from samverkan.yaml, the rule table, baselines.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <nlohmann/json.hpp>

#include "lint/baseline.h"
#include "lint/lint.h"
#include "output/output.h"
#include "load/load.h"
#include "load/source.h"
#include "core/text.h"
#include "core/msg/lint.h"

using namespace sv;

namespace {

void no_check(rules::Context&) {}

const rules::Rule kFake{
    "fake-rule",
    Severity::warning,
    {"t.s", "s", "s"},
    {"t.e", "e", "e"},
    {{"days", "14", rules::OptionDef::Type::integer, {"t.d", "d", "d"}, 1, 365},
     {"periods", "[H1, year]", rules::OptionDef::Type::list, {"t.p", "p", "p"}, 0, 0, {"H1", "H2", "year"}}},
    no_check,
};
const std::vector<const rules::Rule*> kRules = {&kFake};

struct Settled {
  std::map<std::string, rules::Settings> settings;
  std::vector<Finding> findings;
  std::string codes() const {
    std::string out;
    for (const auto& f : findings)
      out += (out.empty() ? "" : " ") + f.code + "@" + std::to_string(f.span.line) + ":" + std::to_string(f.span.col);
    return out;
  }
};

Settled settle(const std::string& rules_yaml) {
  Config c;
  std::vector<RefUse> refs;
  Settled s;
  load_config(0, "name: x\nrules:\n" + rules_yaml, c, refs, s.findings);
  REQUIRE(s.findings.empty());
  s.settings = rule_settings(c, s.findings, kRules);
  return s;
}

long int_option(const rules::Settings& s, const char* name) {
  Repo repo;
  std::vector<Finding> out;
  rules::Context ctx(repo, Date{2026, 1, 1}, kFake, s, out);
  return ctx.option_int(name);
}

std::vector<std::string> list_option(const rules::Settings& s, const char* name) {
  Repo repo;
  std::vector<Finding> out;
  rules::Context ctx(repo, Date{2026, 1, 1}, kFake, s, out);
  return ctx.option_list(name);
}

}  // namespace

TEST_CASE("rule settings: severities and options override the defaults") {
  auto s = settle("  fake-rule: {severity: error, days: 30, periods: [year]}\n");
  CHECK(s.findings.empty());
  const auto& f = s.settings.at("fake-rule");
  CHECK(f.severity == Severity::error);
  CHECK(int_option(f, "days") == 30);
  CHECK(list_option(f, "periods") == std::vector<std::string>{"year"});

  auto d = settle("  fake-rule: off\n");
  CHECK(d.settings.at("fake-rule").severity == Severity::off);
  CHECK(int_option(d.settings.at("fake-rule"), "days") == 14);
  CHECK(list_option(d.settings.at("fake-rule"), "periods") == std::vector<std::string>{"H1", "year"});
}

TEST_CASE("rule settings: unknown rules and options, bad values are findings at their place") {
  auto s = settle(
      "  fake-rul: warning\n"                                       // 3: unknown rule, did you mean
      "  fake-rule: {severity: loud, dayz: 3, days: -1, periods: [H3, year]}\n");  // 4
  CHECK(s.codes() ==
        "config-rule-unknown@3:3 config-value-invalid@4:25 config-option-unknown@4:31 config-value-invalid@4:46 "
        "config-value-invalid@4:60");
  CHECK(s.findings[0].help->str(Lang::en) == "did you mean `fake-rule`?");
  CHECK(s.findings[2].help->str(Lang::en) == "did you mean `days`?");
  CHECK(s.findings[3].message.str(Lang::en) == "`days` must be a whole number from 1 to 365, but is `-1`");
  CHECK(s.findings[4].message.str(Lang::en) == "`H3` is not an allowed value of `periods`");
  for (const auto& f : s.findings) CHECK(f.severity == Severity::error);
  // Bad values leave the defaults in force.
  const auto& f = s.settings.at("fake-rule");
  CHECK(f.severity == Severity::warning);
  CHECK(int_option(f, "days") == 14);
  CHECK(list_option(f, "periods") == std::vector<std::string>{"H1", "year"});
}

TEST_CASE("rule settings: an integer must be a scalar in range, a list a list") {
  auto s = settle("  fake-rule: {days: [1], periods: year}\n");
  REQUIRE(s.findings.size() == 2);
  CHECK(s.findings[0].message.str(Lang::en) == "`days` must be a whole number from 1 to 365, but is `[…]`");
  CHECK(s.findings[1].message.str(Lang::en) == "`periods` must be a list, e.g. `[H1, year]`");
  CHECK(settle("  fake-rule: {days: 366}\n").findings.size() == 1);
  CHECK(settle("  fake-rule: {days: 12abc}\n").findings.size() == 1);
  CHECK(settle("  fake-rule: {days: 365}\n").findings.empty());
}

TEST_CASE("every rule: sorted unique ids, both languages, examples, valid option defaults") {
  const auto& all = rules::every_rule();
  CHECK(std::is_sorted(all.begin(), all.end(),
                       [](const rules::Rule* a, const rules::Rule* b) { return std::string_view(a->id) < b->id; }));
  for (size_t i = 0; i < all.size(); ++i) {
    const rules::Rule& r = *all[i];
    CAPTURE(r.id);
    if (i > 0) CHECK(std::string_view(all[i - 1]->id) != r.id);
    CHECK(is_valid_id(r.id));
    CHECK(r.default_severity != Severity::off);
    CHECK(std::string(r.summary.sv).size() > 0);
    CHECK(std::string(r.summary.en).size() > 0);
    std::string sv = rules::explanation_text(r.explanation, Lang::sv), en = rules::explanation_text(r.explanation, Lang::en);
    // An example that fails and one that passes ("Fel (med dagens datum ...):" is fine too).
    CHECK(sv.find("\nFel") != std::string::npos);
    CHECK(sv.find("\nRätt") != std::string::npos);
    CHECK(en.find("\nFails") != std::string::npos);
    CHECK(en.find("\nPasses") != std::string::npos);
    for (const auto& o : r.options) {
      CAPTURE(o.name);
      CHECK(std::string(o.help.sv).size() > 0);
      if (o.type == rules::OptionDef::Type::integer) {
        long n = std::atol(o.default_value);
        CHECK(std::to_string(n) == o.default_value);
        CHECK(n >= o.min);
        CHECK(n <= o.max);
      } else {
        for (const auto& item : rules::parse_list(o.default_value))
          CHECK((o.choices.empty() || std::find_if(o.choices.begin(), o.choices.end(), [&](const char* c) {
                                        return item == c;
                                      }) != o.choices.end()));
      }
    }
  }
  CHECK(rules::find_any_rule("unused-suppression"));
  CHECK_FALSE(rules::find_rule("unused-suppression"));  // not a check of its own
}

namespace {

Finding finding(const char* code, int line, const char* entity, const char* nested) {
  Finding f;
  f.code = code;
  f.severity = Severity::warning;
  f.span = Span{1, line, 1, 1};
  f.entity = entity;
  f.nested = nested;
  return f;
}

Repo two_files() {
  Repo r;
  r.files = {{"samverkan.yaml", ""}, {"plans/p.yaml", ""}};
  return r;
}

}  // namespace

TEST_CASE("baseline: keyed by code, entity and nested id with counts, never lines") {
  Repo repo = two_files();
  std::vector<Finding> before = {finding("goal-not-measurable", 10, "p", "g1"),
                                 finding("goal-not-measurable", 20, "p", "g1"),
                                 finding("activity-without-owner", 30, "p", "a1"),
                                 finding("yaml-syntax", 3, "", "")};
  Baseline b = parse_baseline(format_baseline(make_baseline(repo, before)), "b.json");
  REQUIRE(b.entries.size() == 3);
  CHECK(b.entries[0].code == "activity-without-owner");
  CHECK(b.entries[1].count == 2);
  CHECK(b.entries[2].file == "plans/p.yaml");  // no entity: the file keys it
  CHECK(format_baseline(b) == format_baseline(make_baseline(repo, before)));

  // Lines moved, one g1 finding fixed, a new finding: the new one shows, the
  // missing one is stale.
  std::vector<Finding> now = {finding("goal-not-measurable", 12, "p", "g1"),
                              finding("activity-without-owner", 40, "p", "a1"),
                              finding("activity-without-owner", 50, "p", "a2"),
                              finding("yaml-syntax", 9, "", "")};
  CHECK(apply_baseline(repo, b, Severity::info, now) == 3);
  REQUIRE(now.size() == 2);
  CHECK(now[0].entity + "#" + now[0].nested == "p#a2");
  CHECK(now[1].code == "baseline-stale");
  CHECK(now[1].severity == Severity::info);
  CHECK(now[1].message.str(Lang::en) ==
        "the baseline lists a finding of `goal-not-measurable` for `p#g1` that no longer occurs");
}

TEST_CASE("baseline: a file that is not one is a system error") {
  CHECK_THROWS_AS(parse_baseline("{", "b.json"), SystemError);
  CHECK_THROWS_AS(parse_baseline("{\"version\": 2, \"findings\": []}", "b.json"), SystemError);
  CHECK_THROWS_AS(parse_baseline("{\"version\": 1, \"findings\": [{\"count\": 1}]}", "b.json"), SystemError);
  CHECK_THROWS_AS(parse_baseline("{\"version\": 1, \"findings\": [{\"code\": \"x\", \"count\": -1}]}", "b.json"),
                  SystemError);
  CHECK(parse_baseline("{\"version\": 1, \"findings\": []}", "b.json").entries.empty());
}

TEST_CASE("junit: control characters a YAML escape can make never reach the XML") {
  Repo repo;
  repo.files = {{"samverkan.yaml", ""}, {"a\x01.yaml", "title: \"\x01\"\n"}};
  Finding f = finding("goal-not-measurable", 1, "p", "g1");
  f.message = msg_of(msg::lint_suppression_unused, std::string("x\x02y"));
  std::string xml = format_junit(repo, {f}, Lang::en, Severity::warning);
  for (char c : xml) CHECK((static_cast<unsigned char>(c) >= 0x20 || c == '\n'));
  CHECK(xml.find("x\xEF\xBF\xBDy") != std::string::npos);
  CHECK(xml.find("failures=\"1\"") != std::string::npos);
}

TEST_CASE("github: properties and messages are escaped as GitHub reads them") {
  Repo repo;
  repo.files = {{"samverkan.yaml", ""}, {"a:b,100%.yaml", "x\n"}};
  Finding f = finding("goal-not-measurable", 1, "p", "g1");
  f.message = msg_of(msg::lint_suppression_unused, std::string("50%\r\nb: c, d"));
  std::string out = format_github(repo, {f}, Lang::en);
  CHECK(out.rfind("::warning file=a%3Ab%2C100%25.yaml,line=1,col=1,endColumn=2,title=goal-not-measurable::"
                  "`samverkan-ignore: 50%25%0D%0Ab: c, d` silences nothing here\n",
                  0) == 0);
}

TEST_CASE("gitlab: fingerprints follow the SARIF key, stay distinct, and carry no digits the mask would take") {
  Repo repo;
  repo.files = {{"samverkan.yaml", ""}, {"plans/p.yaml", "x\n"}};
  Finding a = finding("goal-not-measurable", 3, "p", "g1");
  Finding moved = finding("goal-not-measurable", 40, "p", "g1");
  Finding nowhere = finding("config-invalid", 0, "", "");
  nowhere.span = Span{-1, 0, 0, 0};
  nowhere.severity = Severity::error;
  auto parsed = nlohmann::json::parse(format_gitlab(repo, {a, a, nowhere}, Lang::en, "data"));
  REQUIRE(parsed.size() == 3);
  CHECK(parsed[0]["location"]["path"] == "data/plans/p.yaml");
  CHECK(parsed[0]["location"]["lines"]["begin"] == 3);
  CHECK(parsed[0]["severity"] == "minor");
  // The same key twice: two issues, not one.
  CHECK(parsed[0]["fingerprint"] != parsed[1]["fingerprint"]);
  // Without a place: samverkan.yaml, line 1.
  CHECK(parsed[2]["location"]["path"] == "data/samverkan.yaml");
  CHECK(parsed[2]["location"]["lines"]["begin"] == 1);
  CHECK(parsed[2]["severity"] == "major");
  // The line is no part of it.
  auto again = nlohmann::json::parse(format_gitlab(repo, {moved}, Lang::en));
  CHECK(again[0]["fingerprint"] == parsed[0]["fingerprint"]);
  CHECK(finding_key(repo, a) == finding_key(repo, moved));
  // Many keys: all distinct, 32 hex digits, never ten digits in a row.
  std::vector<Finding> many;
  for (int i = 0; i < 3000; ++i) many.push_back(finding("goal-not-measurable", 1, "p", std::to_string(i).c_str()));
  auto all = nlohmann::json::parse(format_gitlab(repo, many, Lang::en));
  std::set<std::string> seen;
  for (const auto& issue : all) {
    std::string fp = issue["fingerprint"];
    seen.insert(fp);
    CHECK(fp.size() == 32);
    CHECK(fp.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(find_personal_numbers(fp).empty());
  }
  CHECK(seen.size() == many.size());
}

TEST_CASE("a rule's help is its explanation, then its options with their defaults") {
  CHECK(rules::rule_help(kFake, Lang::en) == "e\n\nOptions:\n  days: 14\n      d\n  periods: [H1, year]\n      p");
  CHECK(rules::rule_help(kFake, Lang::sv).find("Alternativ:\n  days: 14\n") != std::string::npos);
}
