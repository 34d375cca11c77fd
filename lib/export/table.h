// Flat tables for Excel and Power BI (`samverkan export`): goals,
// activities, meetings' actions, meetings and measurements, one row per
// item, built from the model, and written as CSV (RFC 4180), JSON or XLSX.
//
// Every text cell is masked (core/privacy.h) when the table is built: an XLSX
// file is a zip, whose compressed bytes the privacy edge cannot read, so what
// goes into it must be masked before. CSV and JSON are written through
// privacy::write_file as well.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.h"
#include "core/messages.h"
#include "core/model.h"

namespace sv::exports {

enum class TableKind { goals, activities, actions, meetings, measurements };
inline constexpr TableKind kAllTables[] = {TableKind::goals, TableKind::activities, TableKind::actions,
                                           TableKind::meetings, TableKind::measurements};
// "goals", ...: the command's word and the JSON key.
const char* table_name(TableKind k);
std::optional<TableKind> parse_table(std::string_view name);

// What a column holds: a cell of a column is of its type, or empty.
enum class ColumnType { text, integer, number, sek, date, time };

struct Column {
  const char* key;   // the JSON key: stable, never translated
  const Tr* label;   // the header in the repository's language
  ColumnType type;
};

struct Cell {
  bool empty = true;
  std::string text;  // text and time (HH:MM) cells; masked
  double number = 0;
  Date date;
};

struct Table {
  TableKind kind{};
  const Tr* title = nullptr;  // the sheet's name
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
};

struct Filter {
  std::string collaboration;    // "" every one
  std::optional<Period> period;  // plans that overlap it; meetings, actions, measurements dated in it
  Date today;                    // activity states, overdue actions, goal progress
  Lang lang = Lang::sv;          // labels of enumerated values and states
};

// The table of the repository's items that pass the filter, in the
// repository's order (entities by file, items as written).
Table build_table(const Repo& repo, TableKind kind, const Filter& f);

// A text cell's value with a leading =, +, -, @, tab or carriage return made
// harmless for a spreadsheet (a formula otherwise): prefixed with '. Other
// text is returned as it is.
std::string neutralise_formula(std::string_view text);
bool starts_like_formula(std::string_view text);

struct CsvOptions {
  char delimiter = ',';  // ',' ';' or '\t'; with ';' numbers get a decimal comma
  bool bom = false;      // a UTF-8 byte order mark first
};
// RFC 4180: a header row of labels, CRLF line ends, a field quoted (quotes
// doubled) when it holds the delimiter, a quote, CR or LF; dates as
// YYYY-MM-DD, numbers with a point (a comma with ';'), text neutralised.
std::string to_csv(const Table& t, Lang lang, const CsvOptions& o);

// JSON for Power BI: one table is an array of objects keyed by the columns'
// keys (numbers as numbers, dates as "YYYY-MM-DD", empty as null); several
// are an object of such arrays keyed by the tables' names. Text as written
// (JSON has no formulas).
std::string to_json(const std::vector<Table>& tables, bool as_object);

// An XLSX workbook, one sheet per table: a bold header row, frozen, with an
// autofilter; dates as dates, numbers as numbers; text that starts like a
// formula is written as text with Excel's quote prefix. `tmpdir`: a private
// directory for libxlsxwriter's files. Deterministic: the workbook's created
// date is `created`. Returns the file's bytes; throws SystemError.
std::string to_xlsx(const std::vector<Table>& tables, Lang lang, const Date& created, const std::string& tmpdir);

}  // namespace sv::exports
