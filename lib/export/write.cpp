// CSV (RFC 4180) and JSON from export's tables (export/table.h).
#include <cmath>
#include <nlohmann/json.hpp>

#include "export/table.h"

namespace sv::exports {

namespace {

// A number as the shortest text that reads back as it; integers without a
// decimal part; `comma`: a decimal comma.
std::string number_text(double v, bool comma) {
  std::string s = std::isfinite(v) && std::fabs(v) < 1e15 && v == std::floor(v)
                      ? fmt::format("{}", static_cast<long long>(v))
                      : fmt::format("{}", v);
  if (comma)
    for (char& c : s)
      if (c == '.') c = ',';
  return s;
}

std::string csv_field(std::string_view s, char delimiter) {
  bool quote = false;
  for (char c : s)
    if (c == delimiter || c == '"' || c == '\r' || c == '\n') quote = true;
  if (!quote) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string to_csv(const Table& t, Lang lang, const CsvOptions& o) {
  std::string out = o.bom ? "\xEF\xBB\xBF" : "";
  bool comma = o.delimiter == ';';
  for (size_t i = 0; i < t.columns.size(); ++i) {
    if (i) out += o.delimiter;
    out += csv_field(neutralise_formula(t.columns[i].label->get(lang)), o.delimiter);
  }
  out += "\r\n";
  for (const auto& row : t.rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) out += o.delimiter;
      const Cell& c = row[i];
      if (c.empty) continue;
      switch (t.columns[i].type) {
        case ColumnType::date: out += c.date.str(); break;
        case ColumnType::integer:
        case ColumnType::number:
        case ColumnType::sek: out += number_text(c.number, comma); break;
        case ColumnType::text:
        case ColumnType::time: out += csv_field(neutralise_formula(c.text), o.delimiter); break;
      }
    }
    out += "\r\n";
  }
  return out;
}

namespace {

nlohmann::ordered_json json_rows(const Table& t) {
  auto rows = nlohmann::ordered_json::array();
  for (const auto& row : t.rows) {
    nlohmann::ordered_json obj = nlohmann::ordered_json::object();
    for (size_t i = 0; i < row.size(); ++i) {
      const Cell& c = row[i];
      auto& v = obj[t.columns[i].key];
      if (c.empty) continue;  // null
      switch (t.columns[i].type) {
        case ColumnType::date: v = c.date.str(); break;
        case ColumnType::integer:
        case ColumnType::number:
        case ColumnType::sek:
          if (std::isfinite(c.number) && std::fabs(c.number) < 1e15 && c.number == std::floor(c.number))
            v = static_cast<long long>(c.number);
          else
            v = c.number;
          break;
        case ColumnType::text:
        case ColumnType::time: v = c.text; break;
      }
    }
    rows.push_back(std::move(obj));
  }
  return rows;
}

}  // namespace

std::string to_json(const std::vector<Table>& tables, bool as_object) {
  nlohmann::ordered_json doc;
  if (as_object) {
    doc = nlohmann::ordered_json::object();
    for (const Table& t : tables) doc[table_name(t.kind)] = json_rows(t);
  } else {
    doc = tables.empty() ? nlohmann::ordered_json::array() : json_rows(tables.front());
  }
  // Invalid UTF-8 (the loader reported it) is replaced, never a throw.
  return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace sv::exports
