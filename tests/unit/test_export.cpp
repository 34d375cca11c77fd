#include <doctest/doctest.h>

#include "core/msg/export.h"
#include "export/table.h"

using namespace sv;
using namespace sv::exports;

namespace {

Cell text(std::string s) {
  Cell c;
  c.empty = false;
  c.text = std::move(s);
  return c;
}
Cell number(double v) {
  Cell c;
  c.empty = false;
  c.number = v;
  return c;
}
Cell date(int y, int m, int d) {
  Cell c;
  c.empty = false;
  c.date = Date{y, m, d};
  return c;
}

Table sample() {
  Table t;
  t.kind = TableKind::activities;
  t.title = &msg::x_t_activities;
  t.columns = {{"title", &msg::x_c_title, ColumnType::text},
               {"due", &msg::x_c_due, ColumnType::date},
               {"budget", &msg::x_c_budget, ColumnType::sek},
               {"value", &msg::x_c_value, ColumnType::number}};
  t.rows.push_back({text("Plain"), date(2026, 6, 30), number(150000), number(1.5)});
  t.rows.push_back({text("a, \"quoted\"\nline"), Cell{}, Cell{}, number(-2)});
  return t;
}

}  // namespace

TEST_CASE("formula injection: a leading = + - @ tab or CR is neutralised, nothing else") {
  CHECK(neutralise_formula("=HYPERLINK(\"http://x\",\"y\")") == "'=HYPERLINK(\"http://x\",\"y\")");
  CHECK(neutralise_formula("+46 70") == "'+46 70");
  CHECK(neutralise_formula("-1+1") == "'-1+1");
  CHECK(neutralise_formula("@SUM(A1)") == "'@SUM(A1)");
  CHECK(neutralise_formula("\tx") == "'\tx");
  CHECK(neutralise_formula("\rx") == "'\rx");
  CHECK(neutralise_formula("a=b") == "a=b");
  CHECK(neutralise_formula("Nässjö") == "Nässjö");
  CHECK(neutralise_formula("") == "");
}

TEST_CASE("CSV per RFC 4180: header of labels, CRLF, quoting only where needed") {
  Table t = sample();
  CHECK(to_csv(t, Lang::sv, {}) ==
        "Titel,Klart senast,Budget (kr),Värde\r\n"
        "Plain,2026-06-30,150000,1.5\r\n"
        "\"a, \"\"quoted\"\"\nline\",,,-2\r\n");
  CHECK(to_csv(t, Lang::en, {}).substr(0, 30) == "Title,Due,Budget (SEK),Value\r\n");
}

TEST_CASE("CSV for Swedish Excel: ';' with a decimal comma, and a BOM when asked") {
  Table t = sample();
  std::string csv = to_csv(t, Lang::sv, {';', true});
  CHECK(csv.substr(0, 3) == "\xEF\xBB\xBF");
  CHECK(csv.substr(3) ==
        "Titel;Klart senast;Budget (kr);Värde\r\n"
        "Plain;2026-06-30;150000;1,5\r\n"
        "\"a, \"\"quoted\"\"\nline\";;;-2\r\n");
  // A comma needs no quotes when it is not the delimiter; a ';' does.
  t.rows = {{text("x;y, z"), Cell{}, Cell{}, Cell{}}};
  CHECK(to_csv(t, Lang::sv, {';', false}).find("\r\n\"x;y, z\";;;\r\n") != std::string::npos);
  CHECK(to_csv(t, Lang::sv, {'\t', false}).find("\r\nx;y, z\t\t\t\r\n") != std::string::npos);
}

TEST_CASE("CSV: text cells that start like a formula are neutralised, numbers are not") {
  Table t = sample();
  t.rows = {{text("=1+2"), Cell{}, Cell{}, number(-5)}, {text("@cmd|' /C calc'!A0"), Cell{}, Cell{}, Cell{}},
            {text("-\"x\""), Cell{}, Cell{}, Cell{}}};
  std::string csv = to_csv(t, Lang::sv, {});
  CHECK(csv.find("\r\n'=1+2,,,-5\r\n") != std::string::npos);  // the number -5 stays a number
  CHECK(csv.find("\r\n'@cmd|' /C calc'!A0,,,\r\n") != std::string::npos);
  CHECK(csv.find("\r\n\"'-\"\"x\"\"\",,,\r\n") != std::string::npos);  // neutralised, then quoted
}

TEST_CASE("JSON: typed values keyed by the columns' keys, empty as null") {
  Table t = sample();
  std::string one = to_json({t}, false);
  CHECK(one.substr(0, 2) == "[\n");
  CHECK(one.find("\"title\": \"Plain\"") != std::string::npos);
  CHECK(one.find("\"due\": \"2026-06-30\"") != std::string::npos);
  CHECK(one.find("\"budget\": 150000,") != std::string::npos);
  CHECK(one.find("\"value\": 1.5") != std::string::npos);
  CHECK(one.find("\"due\": null") != std::string::npos);
  CHECK(one.find("\"title\": \"a, \\\"quoted\\\"\\nline\"") != std::string::npos);
  std::string all = to_json({t}, true);
  CHECK(all.substr(0, 18) == "{\n  \"activities\": ");
}

TEST_CASE("tables: names parse back, and every column has a key and both languages") {
  for (TableKind k : kAllTables) {
    CHECK(parse_table(table_name(k)) == k);
    Repo repo;
    Table t = build_table(repo, k, Filter{});
    CHECK(!t.columns.empty());
    CHECK(t.rows.empty());
    CHECK(std::string(t.title->get(Lang::sv)).size() <= 31);  // a sheet name's limit
    for (const Column& c : t.columns) {
      CHECK(std::string(c.key).size() > 0);
      CHECK(std::string(c.label->get(Lang::sv)).size() > 0);
      CHECK(std::string(c.label->get(Lang::en)).size() > 0);
    }
  }
  CHECK(!parse_table("all"));
}
