// The rules' subtle parts: personal numbers, § numbering, cadences, and rules
// run on small repositories held in memory (options, no double reporting).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <string>

#include "lint/lint.h"
#include "output/output.h"
#include "load/repository.h"
#include "lint/rule_util.h"
#include "core/text.h"
#include "core/codes.h"

using namespace sv;
using namespace sv::rules;

namespace {

std::vector<std::string> masked(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& p : find_personal_numbers(text)) out.push_back(p.masked);
  return out;
}

const char* kParties = R"(kind: organisation
id: kommun
name: Kommunen
type: municipality
mandate: Socialtjänst.
contacts: [{role: Koordinator}]
---
kind: organisation
id: region
name: Regionen
type: region
mandate: Vård.
contacts: [{role: Koordinator}]
---
kind: collaboration
id: samv
name: Samverkan
parties: [kommun, region]
---
kind: forum
id: styrgrupp
name: Styrgrupp
collaboration: samv
type: steering
members: [{organisation: kommun}, {organisation: region}]
)";

// Lints `data` (with kParties) on 2026-10-15 and returns the findings of `code`
// as "line: message".
std::vector<std::string> lint(const std::string& config, const std::string& data, const std::string& code) {
  MemorySource src({{"samverkan.yaml", "name: Test\n" + config}, {"a.yaml", kParties}, {"b.yaml", data}});
  Loaded l = load_repository(src, LoadOptions{Lang::en, 1});
  run_lint(l, LintOptions{Date{2026, 10, 15}});
  std::vector<std::string> out;
  for (const auto& f : l.findings)
    if (f.code == code) out.push_back(fmt::format("{}: {}", f.span.line, f.message.str(Lang::en)));
  return out;
}

}  // namespace

TEST_CASE("personnummer: the domain's test values are found, and masked") {
  CHECK(masked("Gäller 640823-3234.") == std::vector<std::string>{"640823-****"});
  CHECK(masked("811218-9876") == std::vector<std::string>{"811218-****"});
  CHECK(masked("x 811218+9876 x") == std::vector<std::string>{"811218+****"});
  CHECK(masked("6408233234") == std::vector<std::string>{"640823****"});
  CHECK(masked("196408233234") == std::vector<std::string>{"19640823****"});
  CHECK(masked("19640823-3234") == std::vector<std::string>{"19640823-****"});
  auto s = find_personal_numbers("samordningsnummer 701063-2391");
  REQUIRE(s.size() == 1);
  CHECK(s[0].coordination);
  CHECK(s[0].pos == 18);
  CHECK(s[0].len == 11);
  CHECK(!find_personal_numbers("640823-3234")[0].coordination);
}

TEST_CASE("personnummer: wrong check digits, unreal dates and longer digit runs are not") {
  CHECK(masked("640823-3235").empty());     // Luhn fails
  CHECK(masked("641323-3234").empty());     // month 13
  CHECK(masked("640832-3234").empty());     // day 32 (and 92 is no samordningsnummer)
  CHECK(masked("16408233234").empty());     // eleven digits
  CHECK(masked("6408233234567").empty());   // thirteen digits
  CHECK(masked("1640823-3234").empty());    // a digit before
  CHECK(masked("640823-32345").empty());    // a digit after
  CHECK(masked("2026-10-15, 212000-0142, 0380-51 80 00").empty());
  CHECK(masked("640823 3234").empty());     // a space is not a separator
}

TEST_CASE("personnummer: several in one text, and leap days") {
  CHECK(masked("198112189876 och 8112189876, 640823-3234") ==
        std::vector<std::string>{"19811218****", "811218****", "640823-****"});
  // 29 February: 2000 was a leap year; 1900 was not, but YY alone cannot tell.
  std::string ten = "000229";
  for (char c = '0'; c <= '9'; ++c) {
    std::string n = ten + "123" + c;
    if (luhn_ok(n)) {
      CHECK(masked(n).size() == 1);
      CHECK(masked("20" + n).size() == 1);
      CHECK(masked("19" + n).empty());
    }
  }
}

TEST_CASE("§ numbering: repeats, skips and going backwards") {
  using K = NumberingProblem::Kind;
  CHECK(numbering_problems({}).empty());
  CHECK(numbering_problems({1, 2, 3}).empty());
  CHECK(numbering_problems({45, 46, 47}).empty());  // numbered through the year
  auto p = numbering_problems({1, 2, 4, 5});
  REQUIRE(p.size() == 1);
  CHECK(p[0].kind == K::skip);
  CHECK(p[0].index == 2);
  CHECK(p[0].expected == 3);
  p = numbering_problems({1, 2, 2, 3});
  REQUIRE(p.size() == 1);
  CHECK(p[0].kind == K::repeat);
  CHECK(p[0].index == 2);
  CHECK(p[0].expected == 3);
  p = numbering_problems({2, 3, 2, 4, 1});
  REQUIRE(p.size() == 2);
  CHECK(p[0].kind == K::repeat);
  CHECK(p[1].kind == K::backwards);
  CHECK(p[1].index == 4);
  CHECK(p[1].expected == 5);
}

TEST_CASE("cadences in days; ad-hoc has none") {
  CHECK(cadence_days("weekly") == 7);
  CHECK(cadence_days("biweekly") == 14);
  CHECK(cadence_days("monthly") == 31);
  CHECK(cadence_days("bimonthly") == 61);
  CHECK(cadence_days("quarterly") == 92);
  CHECK(cadence_days("semiannual") == 183);
  CHECK(cadence_days("annual") == 366);
  CHECK(!cadence_days("ad-hoc"));
  CHECK(!cadence_days("sometimes"));
}

static const char* kMonthly = R"(kind: forum
id: ag
name: AG
collaboration: samv
type: working
cadence: monthly
---
kind: meeting
id: ag-1
forum: ag
date: 2026-08-01
---
kind: meeting
id: ag-2
forum: ag
date: 2026-09-15
)";

TEST_CASE("forum-meets-cadence: the gap limit is cadence + grace_days, exclusive") {
  // 45 days between the meetings, 30 since the last: exactly at the default limit.
  CHECK(lint("", kMonthly, "forum-meets-cadence").empty());
  auto f = lint("rules:\n  forum-meets-cadence: {grace_days: 13}\n", kMonthly, "forum-meets-cadence");
  REQUIRE(f.size() == 1);
  CHECK(f[0] == "16: forum `ag` should meet monthly (every 31 days + 13 days' grace), but 45 days passed between "
                "its meetings of 2026-08-01 and 2026-09-15");
}

static const char* kPlan2026 = R"(kind: plan
id: p
title: P
collaboration: samv
period: 2026
---
kind: report
id: r
collaboration: samv
period: 2026H1
)";

TEST_CASE("report-missing: periods default to [H1, year], and can be set") {
  CHECK(lint("", kPlan2026, "report-missing").empty());  // H1 is there; 2026 has not ended
  auto f = lint("rules:\n  report-missing: {periods: [H1, H2, year]}\n",
                std::string(kPlan2026) + "---\nkind: plan\nid: q\ntitle: Q\ncollaboration: samv\nperiod: 2025\n",
                "report-missing");
  REQUIRE(f.size() == 3);
  // All three at plan q's period (line 16), sorted by message.
  CHECK(f[0] == "16: collaboration `samv` has no report for 2025 (ended 2025-12-31), which plan `q` covers");
  CHECK(f[1] == "16: collaboration `samv` has no report for 2025H1 (ended 2025-06-30), which plan `q` covers");
  CHECK(f[2] == "16: collaboration `samv` has no report for 2025H2 (ended 2025-12-31), which plan `q` covers");
  CHECK(lint("rules:\n  report-missing: {periods: []}\n", kPlan2026, "report-missing").empty());
}

TEST_CASE("rules do not repeat what validation reports") {
  // The plan's collaboration and the activity's owner do not exist: validation says so, the rules stay quiet.
  const char* data = R"(kind: plan
id: p
title: P
collaboration: finns-inte
period: 2026
activities:
  - id: a1
    title: A
    owner: finns-inte-heller
)";
  CHECK(lint("", data, "activity-owner-not-party").empty());
  CHECK(lint("", data, "reference-unknown").size() == 2);

  // An unknown status is reported once, as a bad value; it does not count as the default.
  const char* bad_status = R"(kind: plan
id: p
title: P
collaboration: samv
period: 2026
status: godkand
activities:
  - id: a1
    title: A
    due: 2026-01-31
    status: klar
---
kind: meeting
id: m
forum: styrgrupp
date: 2026-09-01
minutes: {approved: 2026-09-02}
actions:
  - {id: x1, title: X, due: 2026-09-30, status: klar}
)";
  CHECK(lint("", bad_status, "enum-invalid").size() == 3);
  CHECK(lint("", bad_status, "plan-not-approved").empty());
  CHECK(lint("", bad_status, "activity-overdue").empty());
  CHECK(lint("", bad_status, "action-overdue").empty());

  // Items without an id are reported as missing it, not by the rules about them.
  const char* no_ids = R"(kind: plan
id: p
title: P
collaboration: samv
period: 2026
goals:
  - title: Utan id
activities:
  - title: Utan id
)";
  CHECK(lint("", no_ids, "field-required").size() == 2);

  // A due date that is written but not a date is validation's, not "no due date".
  const char* bad_due = R"(kind: plan
id: p
title: P
collaboration: samv
period: 2026
activities:
  - {id: a1, title: A, due: 2026-06-31}
---
kind: meeting
id: m
forum: styrgrupp
date: 2026-09-01
actions:
  - {id: x1, title: X, due: 2026-09-31}
)";
  CHECK(lint("", bad_due, "date-invalid").size() == 2);
  CHECK(lint("", bad_due, "activity-without-due-date").empty());
  CHECK(lint("", bad_due, "action-without-due-date").empty());
  for (const char* rule : {"goal-not-measurable", "goal-without-activity", "activity-without-owner",
                           "activity-without-goal", "activity-without-due-date"})
    CHECK_MESSAGE(lint("", no_ids, rule).empty(), rule);
}

TEST_CASE("party-absent-repeatedly counts a unit's attendee as its party") {
  const char* data = R"(kind: organisation
id: vc
name: Vårdcentralen
type: unit
parent: region
---
kind: meeting
id: m1
forum: styrgrupp
date: 2026-07-01
attendees: [{organisation: kommun}, {organisation: vc}]
---
kind: meeting
id: m2
forum: styrgrupp
date: 2026-08-01
attendees: [{organisation: kommun}]
---
kind: meeting
id: m3
forum: styrgrupp
date: 2026-09-01
attendees: [{organisation: kommun}]
)";
  CHECK(lint("", data, "party-absent-repeatedly").empty());
  // At region's member entry of styrgrupp (a.yaml, line 25).
  auto f = lint("rules:\n  party-absent-repeatedly: {meetings: 2}\n", data, "party-absent-repeatedly");
  REQUIRE(f.size() == 1);
  CHECK(f[0] == "25: Regionen (region) has had no one at any of the last 2 meetings of `styrgrupp` (2026-08-01, "
                "2026-09-01)");
}

TEST_CASE("every rule: a kebab-case id, sorted, documented in both languages, with a golden case") {
  const auto& rules = all_rules();
  CHECK(rules.size() >= 28);
  for (size_t i = 0; i < rules.size(); ++i) {
    const Rule& r = *rules[i];
    std::string id = r.id;
    CAPTURE(id);
    CHECK(is_valid_id(r.id));
    if (i > 0) CHECK(std::string_view(rules[i - 1]->id) < std::string_view(r.id));
    CHECK(find_rule(r.id) == &r);
    std::string prefix = std::string("rule.") + r.id + ".";
    CHECK(std::string(r.summary.id).rfind(prefix, 0) == 0);
    CHECK(std::string(r.explanation.text.id).rfind(prefix, 0) == 0);
    CHECK(std::string_view(r.summary.sv).find('\n') == std::string_view::npos);
    CHECK(std::string_view(r.summary.en).find('\n') == std::string_view::npos);
    std::string_view sv = r.explanation.text.sv, en = r.explanation.text.en;
    // Each example is written once and has its one place in each language.
    for (size_t n = 1; n <= r.explanation.examples.size() + 1; ++n) {
      std::string mark = fmt::format("{{example{}}}", n);
      CAPTURE(mark);
      size_t expected = n <= r.explanation.examples.size() ? 1 : 0;
      for (std::string_view text : {sv, en}) {
        size_t count = 0;
        for (size_t at = text.find(mark); at != text.npos; at = text.find(mark, at + 1)) ++count;
        CHECK(count == expected);
      }
    }
    for (std::string part : {"Vad:", "Varför:", "Fel", "Rätt"}) {
      CAPTURE(part);
      CHECK(sv.find(part) != sv.npos);
    }
    for (std::string part : {"What:", "Why:", "Fails", "Passes"}) {
      CAPTURE(part);
      CHECK(en.find(part) != en.npos);
    }
    // Options are described once, from their definitions, after the explanation.
    std::string help_sv = rule_help(r, Lang::sv), help_en = rule_help(r, Lang::en);
    for (const auto& o : r.options) {
      CAPTURE(o.name);
      CHECK(sv.find(fmt::format("`{}` (", o.name)) == sv.npos);  // not in the prose as well
      CHECK(en.find(fmt::format("`{}` (", o.name)) == en.npos);
      CHECK(std::string(o.help.sv).size() > 0);
      CHECK(std::string(o.help.en).size() > 0);
      CHECK(help_sv.find(fmt::format("  {}: ", o.name)) != std::string::npos);
      CHECK(help_sv.find(std::string(o.help.sv)) != std::string::npos);
      CHECK(help_en.find(std::string(o.help.en)) != std::string::npos);
    }
    std::string golden = std::string(SAMVERKAN_SOURCE_DIR) + "/tests/rules/" + r.id + "/cmd";
    CHECK_MESSAGE(std::filesystem::exists(golden), golden);
  }
}

TEST_CASE("explanations name their sources by title, never by a number no reader can look up") {
  // "källa 000" / "source 002" were the numbers of the seed texts, not citations.
  const std::regex numbered(R"((källa|källor|source|sources|seed) [0-9])", std::regex::icase);
  std::vector<std::pair<std::string, std::string>> texts;
  for (const Rule* r : every_rule())
    for (Lang lang : {Lang::sv, Lang::en}) texts.emplace_back(r->id, rule_help(*r, lang));
  for (const auto& c : all_codes())
    for (Lang lang : {Lang::sv, Lang::en}) texts.emplace_back(c.id, std::string(c.explanation.get(lang)));
  CHECK(texts.size() > 100);
  for (const auto& [id, text] : texts) {
    CAPTURE(id);
    CHECK_FALSE(std::regex_search(text, numbered));
  }
  CHECK(std::regex_search(std::string("(källa 000)"), numbered));  // the pattern does catch the old form
}

TEST_CASE("personal-identity-number skips org_number and phone values, and masks the source line") {
  const char* data = R"(kind: organisation
id: fk
name: FK
type: state-agency
org_number: 202100-5521
mandate: M
contacts:
  - {role: Kundtjänst, phone: "0701234569"}
  - {role: Handläggare, name: "0701234569"}
)";
  CHECK(masked("0701234569") == std::vector<std::string>{"070123****"});  // a real date and a valid check digit
  auto f = lint("", data, "personal-identity-number");
  REQUIRE(f.size() == 1);
  CHECK(f[0] == "9: the text holds a personnummer (070123****); data about individuals does not belong here");

  MemorySource src({{"samverkan.yaml", "name: Test\n"}, {"b.yaml", data}});
  Loaded l = load_repository(src, LoadOptions{Lang::en, 1});
  run_lint(l, LintOptions{Date{2026, 10, 15}});
  auto it = std::find_if(l.findings.begin(), l.findings.end(),
                         [](const Finding& x) { return x.code == "personal-identity-number"; });
  REQUIRE(it != l.findings.end());
  std::string text = format_finding_text(l.repo, *it, OutputOptions{Lang::en, false});
  CHECK(text.find("0701234569") == std::string::npos);
  CHECK(text.find("{role: Handläggare, name: \"**********\"}") != std::string::npos);
}
