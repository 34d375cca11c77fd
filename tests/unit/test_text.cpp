#include <doctest/doctest.h>

#include "core/dates.h"
#include "core/text.h"

using namespace sv;

TEST_CASE("ids follow the format's pattern") {
  CHECK(is_valid_id("nassjo-kommun"));
  CHECK(is_valid_id("a3"));
  CHECK_FALSE(is_valid_id(""));
  CHECK_FALSE(is_valid_id("Nassjo"));
  CHECK_FALSE(is_valid_id("nässjö"));
  CHECK_FALSE(is_valid_id("a--b"));
  CHECK_FALSE(is_valid_id("-a"));
  CHECK_FALSE(is_valid_id("a-"));
  CHECK_FALSE(is_valid_id("a_b"));
  CHECK(suggest_id("Region Jönköpings län") == "region-jonkopings-lan");
  CHECK(suggest_id("Nässjö  kommun!") == "nassjo-kommun");
}

TEST_CASE("organisation numbers: shape, third digit and Luhn") {
  CHECK(check_org_number("212000-0142") == OrgNumberProblem::none);  // Stockholms stad
  CHECK(check_org_number("232100-0073") == OrgNumberProblem::none);  // Region Kalmar
  CHECK(check_org_number("222000-1834") == OrgNumberProblem::none);  // Samordningsförbundet Umeå
  CHECK(check_org_number("232100-0074") == OrgNumberProblem::check_digit);
  CHECK(check_org_number("211000-0142") == OrgNumberProblem::third_digit);
  CHECK(check_org_number("2120000142") == OrgNumberProblem::shape);
  CHECK(check_org_number("21200a-0142") == OrgNumberProblem::shape);
  CHECK(luhn_ok("6408233234"));
  CHECK_FALSE(luhn_ok("6408233235"));
}

TEST_CASE("e-mail and URL shapes") {
  CHECK(is_plausible_email("samverkan@nassjo.se"));
  CHECK(is_plausible_email("fornamn.efternamn@rjl.se"));
  CHECK_FALSE(is_plausible_email("bad@"));
  CHECK_FALSE(is_plausible_email("@x.se"));
  CHECK_FALSE(is_plausible_email("a@b@c.se"));
  CHECK_FALSE(is_plausible_email("a b@c.se"));
  CHECK_FALSE(is_plausible_email("a@se"));
  CHECK(is_http_url("https://www.nassjo.se/omsorg"));
  CHECK(is_http_url("http://example.org"));
  CHECK_FALSE(is_http_url("ftp://example.org"));
  CHECK_FALSE(is_http_url("www.nassjo.se"));
  CHECK_FALSE(is_http_url("https://"));
}

TEST_CASE("UTF-8 validation finds the first bad byte") {
  CHECK(utf8_invalid_at("Nässjö") == std::string_view::npos);
  CHECK(utf8_invalid_at("ab\xff") == 2);
  CHECK(utf8_invalid_at("\xc3") == 0);            // truncated
  CHECK(utf8_invalid_at("\xc0\xaf") == 0);        // overlong
  CHECK(utf8_invalid_at("\xed\xa0\x80") == 0);    // surrogate
  CHECK(utf8_length("åäö") == 3);
}

TEST_CASE("exclude globs") {
  CHECK(glob_match("drafts/**", "drafts/a.yaml"));
  CHECK(glob_match("drafts/**", "drafts/x/y/a.yaml"));
  CHECK(glob_match("drafts", "drafts/a.yaml"));
  CHECK_FALSE(glob_match("drafts/**", "plans/drafts.yaml"));
  CHECK(glob_match("*.tmp.yaml", "plans/a.tmp.yaml"));
  CHECK(glob_match("plans/*/2024.yaml", "plans/nassjo/2024.yaml"));
  CHECK_FALSE(glob_match("plans/*/2024.yaml", "plans/nassjo/x/2024.yaml"));
  CHECK(glob_match("plans/**/2024.yaml", "plans/nassjo/x/2024.yaml"));
  CHECK(glob_match("meet?ngs", "meetings/a.yaml"));
  CHECK(glob_match("[ab]*.yaml", "b1.yaml"));
  CHECK_FALSE(glob_match("[!ab]*.yaml", "b1.yaml"));
}

TEST_CASE("did you mean") {
  std::vector<std::string> keys{"name", "type", "parent", "org_number", "mandate"};
  CHECK(did_you_mean("nmae", keys) == "name");
  CHECK(did_you_mean("orgnumber", keys) == "org_number");
  CHECK_FALSE(did_you_mean("completely-different", keys).has_value());
  std::vector<std::string> ids{"nassjo-kommun", "eksjo-kommun"};
  CHECK(did_you_mean("nasjo-kommun", ids) == "nassjo-kommun");
  CHECK(did_you_mean("nassjo", ids) == "nassjo-kommun");
  CHECK(edit_distance("ab", "ba") == 1);
  // A word more or fewer: too many edits for a typo, the same name misremembered.
  std::vector<std::string> rules{"meeting-minutes-not-approved", "meeting-minutes-late", "plan-not-approved",
                                 "action-overdue", "activity-overdue"};
  CHECK(did_you_mean("meeting-minutes-approved", rules) == "meeting-minutes-not-approved");
  CHECK(did_you_mean("plan-approved", rules) == "plan-not-approved");
  CHECK(did_you_mean("meeting-minutes-not-approved-yet", rules) == "meeting-minutes-not-approved");
  CHECK(did_you_mean("minutes-not-approved", rules) == "meeting-minutes-not-approved");
  CHECK_FALSE(did_you_mean("overdue", rules).has_value());  // a word of two rules: no telling which
  CHECK_FALSE(did_you_mean("meeting-approved", rules).has_value());  // two words off
  // One word in common of two is no likeness, either way round.
  CHECK_FALSE(did_you_mean("overdue-soon", rules).has_value());
  CHECK_FALSE(did_you_mean("late", std::vector<std::string>{"baseline-late"}).has_value());
  CHECK_FALSE(did_you_mean("fk-region", std::vector<std::string>{"fk"}).has_value());
  CHECK_FALSE(did_you_mean("totally-unrelated-thing", rules).has_value());
  CHECK(did_you_mean("meeting-minutes-not-yet-approved", rules) == "meeting-minutes-not-approved");
}

TEST_CASE("dates, times and periods") {
  CHECK(parse_date("2024-02-29").has_value());
  CHECK_FALSE(parse_date("2025-02-29").has_value());
  CHECK_FALSE(parse_date("2025-13-01").has_value());
  CHECK_FALSE(parse_date("2025-1-01").has_value());
  CHECK_FALSE(parse_date("2025-01-01x").has_value());
  Date d{2025, 12, 31};
  CHECK(d.plus_days(1) == Date{2026, 1, 1});
  CHECK(Date::from_days(d.days()) == d);
  CHECK(Date{1970, 1, 1}.days() == 0);
  CHECK(parse_time("08:30")->minutes == 510);
  CHECK_FALSE(parse_time("24:00").has_value());
  CHECK_FALSE(parse_time("8:30").has_value());
  auto h2 = parse_period("2025H2");
  REQUIRE(h2);
  CHECK(h2->start == Date{2025, 7, 1});
  CHECK(h2->end == Date{2025, 12, 31});
  auto t2 = parse_period("2025T2");
  REQUIRE(t2);
  CHECK(t2->start == Date{2025, 5, 1});
  CHECK(t2->end == Date{2025, 8, 31});
  CHECK(parse_period("2025Q1")->end == Date{2025, 3, 31});
  CHECK(parse_period("2025")->end == Date{2025, 12, 31});
  CHECK_FALSE(parse_period("2025H3").has_value());
  CHECK_FALSE(parse_period("2025T4").has_value());
  CHECK_FALSE(parse_period("25").has_value());
}

TEST_CASE("today is --today, else SOURCE_DATE_EPOCH") {
  std::string err;
  CHECK(resolve_today("2026-03-01", err) == Date{2026, 3, 1});
  CHECK_FALSE(resolve_today("2026-02-30", err).has_value());
  CHECK(err == "2026-02-30");
  setenv("SOURCE_DATE_EPOCH", "1792022400", 1);
  err.clear();
  CHECK(resolve_today("", err) == Date{2026, 10, 15});
  setenv("SOURCE_DATE_EPOCH", "garbage", 1);
  CHECK_FALSE(resolve_today("", err).has_value());
  unsetenv("SOURCE_DATE_EPOCH");
}
