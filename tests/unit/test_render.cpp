#include <doctest/doctest.h>

#include "render/escape.h"
#include "render/templates.h"
#include "render/view.h"

using namespace sv;
using namespace sv::render;

TEST_CASE("HTML escaping: every markup character, nothing else") {
  CHECK(escape_html("<script>alert(\"x\")</script>") == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  CHECK(escape_html("R&D 'a'") == "R&amp;D &#39;a&#39;");
  CHECK(escape_html("Nässjö – 50 %") == "Nässjö – 50 %");
  CHECK(escape_html(std::string("a\x1f" "b\x01")) == "ab");  // control characters are not text
  CHECK(escape_html("a\nb\tc") == "a\nb\tc");
}

TEST_CASE("Markdown escaping: inline markup, tables, HTML and block markers stay text") {
  CHECK(escape_md("a | b") == "a \\| b");
  CHECK(escape_md("**fet** _kursiv_ `kod` ~~struken~~") == "\\*\\*fet\\*\\* \\_kursiv\\_ \\`kod\\` \\~\\~struken\\~\\~");
  CHECK(escape_md("[länk](javascript:alert(1))") == "\\[länk\\](javascript:alert(1))");
  CHECK(escape_md("<img src=x onerror=alert(1)>") == "\\<img src=x onerror=alert(1)\\>");
  CHECK(escape_md("&amp; R&D") == "\\&amp; R\\&D");
  CHECK(escape_md("C:\\temp") == "C:\\\\temp");
  CHECK(escape_md("# rubrik") == "\\# rubrik");
  CHECK(escape_md("- punkt") == "\\- punkt");
  CHECK(escape_md("  + punkt") == "  \\+ punkt");
  CHECK(escape_md("12. punkt") == "12\\. punkt");
  CHECK(escape_md("3) punkt") == "3\\) punkt");
  CHECK(escape_md("2026-05-20 och 1.5 %") == "2026-05-20 och 1.5 %");  // dates and numbers untouched
  CHECK(escape_md("52.5 %") == "52.5 %");
  CHECK(escape_md("-5 grader") == "-5 grader");
  CHECK(escape_md("#1 prioritet") == "#1 prioritet");
  CHECK(escape_md("---") == "\\---");
  CHECK(escape_md("==") == "\\==");
  CHECK(escape_md("1.") == "1\\.");
  CHECK(escape_md("rad 1\nrad 2\r\nrad 3") == "rad 1<br>rad 2<br>rad 3");  // one table cell
  CHECK(escape_md("Nässjö") == "Nässjö");
}

TEST_CASE("iCalendar TEXT escaping") {
  CHECK(escape_ics("Stadshuset; rum 3, plan 2") == "Stadshuset\\; rum 3\\, plan 2");
  CHECK(escape_ics("a\\b") == "a\\\\b");
  CHECK(escape_ics("rad 1\nrad 2\r\nrad 3") == "rad 1\\nrad 2\\nrad 3");
  CHECK(escape_ics(std::string("a\x01z")) == "az");
}

TEST_CASE("iCalendar folding: 75 octets, CRLF, never inside a UTF-8 character") {
  CHECK(fold_ics("SUMMARY:kort") == "SUMMARY:kort\r\n");
  std::string ascii(200, 'x');
  std::string f = fold_ics(ascii);
  CHECK(f == ascii.substr(0, 75) + "\r\n " + ascii.substr(75, 74) + "\r\n " + ascii.substr(149) + "\r\n");
  // 'ö' is two octets; a line of them must be cut between characters.
  std::string s = "SUMMARY:";
  for (int i = 0; i < 60; ++i) s += "ö";
  std::string g = fold_ics(s);
  size_t start = 0;
  std::string unfolded;
  while (start < g.size()) {
    size_t end = g.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    std::string line = g.substr(start, end - start);
    CHECK(line.size() <= 75);
    if (start > 0) {
      REQUIRE(line[0] == ' ');
      line = line.substr(1);
    }
    CHECK((static_cast<unsigned char>(line[0]) & 0xC0) != 0x80);  // starts on a character
    unfolded += line;
    start = end + 2;
  }
  CHECK(unfolded == s);
}

static Activity act(const char* status, std::optional<Date> start, std::optional<Date> due) {
  Activity a;
  if (status) a.status = Text{status, {}, true};
  if (start) a.start = Val<Date>{*start, {}, true};
  if (due) a.due = Val<Date>{*due, {}, true};
  return a;
}

TEST_CASE("activity status from the dates and today") {
  Date today{2026, 5, 20};
  CHECK(activity_status(act("done", {}, Date{2026, 1, 1}), today) == ActStatus::done);
  CHECK(activity_status(act("cancelled", {}, Date{2026, 1, 1}), today) == ActStatus::cancelled);
  CHECK(activity_status(act("postponed", {}, Date{2026, 1, 1}), today) == ActStatus::postponed);
  CHECK(activity_status(act(nullptr, Date{2026, 1, 1}, Date{2026, 5, 19}), today) == ActStatus::late);
  CHECK(activity_status(act("ongoing", {}, Date{2026, 5, 19}), today) == ActStatus::late);
  CHECK(activity_status(act(nullptr, {}, Date{2026, 5, 20}), today) == ActStatus::soon_late);  // due today
  CHECK(activity_status(act(nullptr, {}, Date{2026, 6, 3}), today) == ActStatus::soon_late);   // 14 days
  CHECK(activity_status(act(nullptr, Date{2026, 3, 1}, Date{2026, 6, 4}), today) == ActStatus::ongoing);
  CHECK(activity_status(act("ongoing", Date{2026, 7, 1}, Date{2026, 9, 1}), today) == ActStatus::ongoing);
  CHECK(activity_status(act(nullptr, Date{2026, 5, 21}, Date{2026, 9, 1}), today) == ActStatus::not_started);
  CHECK(activity_status(act(nullptr, {}, {}), today) == ActStatus::not_started);
}

static Goal goal(const char* direction, std::optional<double> base, std::optional<double> target,
                 std::vector<std::pair<Date, double>> ms) {
  Goal g;
  if (direction) g.direction = Text{direction, {}, true};
  if (base) g.baseline = Val<DatedValue>{DatedValue{{}, Val<double>{*base, {}, true}, {}, {}}, {}, true};
  if (target) g.target = Val<DatedValue>{DatedValue{{}, Val<double>{*target, {}, true}, {}, {}}, {}, true};
  for (auto& [d, v] : ms) g.measurements.v.push_back(DatedValue{{}, Val<double>{v, {}, true}, Val<Date>{d, {}, true}, {}});
  return g;
}

TEST_CASE("goal progress from baseline to target by the latest measurement") {
  Date a{2026, 4, 30}, b{2026, 8, 31};
  auto p = goal_progress(goal("increase", 40, 60, {{b, 55}, {a, 45}}));  // latest by date, not order
  CHECK(p.measured);
  CHECK(p.latest == 55);
  CHECK(p.percent == 75);
  CHECK_FALSE(p.reached);
  CHECK(goal_progress(goal("increase", 40, 60, {{a, 45}, {b, 55}}), Date{2026, 6, 30}).percent == 25);
  auto d = goal_progress(goal("decrease", 30, 20, {{a, 18}}));
  CHECK(d.reached);
  CHECK(d.percent == 100);
  CHECK(goal_progress(goal("decrease", 30, 20, {{a, 35}})).percent == 0);  // worse than baseline
  CHECK(goal_progress(goal(nullptr, 30, 20, {{a, 25}})).percent == 50);     // direction from the values
  auto m = goal_progress(goal("maintain", {}, 90, {{a, 91}}));
  CHECK(m.reached);
  CHECK_FALSE(goal_progress(goal("increase", {}, 10, {{a, 5}})).computable);  // no baseline
  auto none = goal_progress(goal("increase", 0, 10, {}));
  CHECK_FALSE(none.measured);
  CHECK_FALSE(none.reached);
}

TEST_CASE("numbers as people write them") {
  CHECK(format_number(12, Lang::sv) == "12");
  CHECK(format_number(52.5, Lang::sv) == "52,5");
  CHECK(format_number(52.5, Lang::en) == "52.5");
  CHECK(format_number(0.333333, Lang::en) == "0.33");
  CHECK(format_number(-0.001, Lang::en) == "0");
  CHECK(format_number(2500, Lang::sv) == "2500");
  CHECK(format_number(1500000, Lang::sv) == "1\u00a0500\u00a0000");
  CHECK(format_number(-125000.5, Lang::en) == "-125,000.5");
  CHECK(format_number(12345.25, Lang::sv) == "12\u00a0345,25");
}

TEST_CASE("standalone section tags are joined to the next line") {
  std::string j = join_standalone_tags("a\n  {{#x}}  \nb\n{{/x}}\n\nc {{#y}}z{{/y}}\n");
  CHECK(j == "a\n{{#x}}\x1f" "b\n{{/x}}\x1f\nc {{#y}}z{{/y}}\n");
}

TEST_CASE("every built-in template compiles") {
  for (const auto& t : builtin_templates()) {
    if (std::string_view(t.name).ends_with(".css")) continue;
    kainjow::mustache::mustache m(join_standalone_tags(std::string(t.text)));
    INFO(t.name);
    CHECK(m.is_valid());
  }
}

TEST_CASE("keep_numbers_whole: dates, ranges and times never break; markup, words and SVG are left alone") {
  using sv::render::keep_numbers_whole;
  CHECK(keep_numbers_whole("<p>Nästa möte: 2026-06-11.</p>") == "<p>Nästa möte: <span class=\"nowrap\">2026-06-11</span>.</p>");
  CHECK(keep_numbers_whole("kl. 13:00–15:30") == "kl. <span class=\"nowrap\">13:00–15:30</span>");
  CHECK(keep_numbers_whole("19–29 år") == "<span class=\"nowrap\">19–29</span> år");
  CHECK(keep_numbers_whole("§ 2 och 42 st") == "§ 2 och 42 st");  // a lone number needs nothing
  CHECK(keep_numbers_whole("<a href=\"/m/2026-06-11.html\">x</a>") == "<a href=\"/m/2026-06-11.html\">x</a>");
  CHECK(keep_numbers_whole("id-2026-06 abc2026-01-01") == "id-2026-06 abc2026-01-01");
  CHECK(keep_numbers_whole("<svg><text>2026-01-01</text></svg>2026-01-02") ==
        "<svg><text>2026-01-01</text></svg><span class=\"nowrap\">2026-01-02</span>");
  CHECK(keep_numbers_whole("unclosed <b") == "unclosed <b");
  CHECK(keep_numbers_whole("23 % av vägen") == "<span class=\"nowrap\">23 %</span> av vägen");
}
