// XLSX from export's tables with libxlsxwriter (export/table.h).
#include <xlsxwriter.h>

#include <algorithm>
#include <ctime>
#include <memory>

#include "core/errors.h"
#include "core/msg/export.h"
#include "core/text.h"
#include "export/engine.h"
#include "export/table.h"

namespace sv::exports {

namespace {

// The width of a column in characters: its longest cell (code points),
// between 6 and 60.
double width_of(size_t chars) { return double(std::clamp<size_t>(chars + 2, 6, 60)); }

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

void check(lxw_error e) {
  if (e != LXW_NO_ERROR) throw SystemError(msg_of(msg::x_err_xlsx, lxw_strerror(e)));
}

}  // namespace

std::string to_xlsx(const std::vector<Table>& tables, Lang lang, const Date& created, const std::string& tmpdir) {
  std::string file = tmpdir + "/export.xlsx";
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  std::vector<char> dir(tmpdir.begin(), tmpdir.end());
  dir.push_back('\0');
  options.tmpdir = dir.data();
  options.use_zip64 = LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(file.c_str(), &options);
  if (!wb) throw SystemError(msg_of(msg::x_err_xlsx, file));
  bool closed = false;
  struct Closer {
    lxw_workbook* wb;
    bool& closed;
    ~Closer() {
      if (!closed) workbook_close(wb);
    }
  } closer{wb, closed};

  // Same input, same bytes: the created date is the given day, not the clock.
  lxw_doc_properties props{};
  std::tm tm{};
  tm.tm_year = created.y - 1900;
  tm.tm_mon = created.m - 1;
  tm.tm_mday = created.d;
  props.created = timegm(&tm);
  check(workbook_set_properties(wb, &props));

  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy-mm-dd");
  lxw_format* integer = workbook_add_format(wb);
  format_set_num_format(integer, "0");
  lxw_format* sek = workbook_add_format(wb);
  format_set_num_format(sek, "#,##0");
  lxw_format* text = workbook_add_format(wb);
  format_set_num_format(text, "@");

  for (const Table& t : tables) {
    std::string name = t.title->get(lang);
    lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
    if (!ws) throw SystemError(msg_of(msg::x_err_xlsx, name));
    std::vector<size_t> widths(t.columns.size(), 0);
    for (size_t c = 0; c < t.columns.size(); ++c) {
      std::string label = t.columns[c].label->get(lang);
      widths[c] = std::min<size_t>(code_points(label), 20);
      check(worksheet_write_string(ws, 0, lxw_col_t(c), label.c_str(), header));
    }
    for (size_t r = 0; r < t.rows.size(); ++r) {
      auto row = lxw_row_t(r + 1);
      for (size_t c = 0; c < t.rows[r].size(); ++c) {
        const Cell& cell = t.rows[r][c];
        if (cell.empty) continue;
        auto col = lxw_col_t(c);
        switch (t.columns[c].type) {
          case ColumnType::date: {
            lxw_datetime dt{cell.date.y, cell.date.m, cell.date.d, 0, 0, 0};
            check(worksheet_write_datetime(ws, row, col, &dt, date));
            widths[c] = std::max<size_t>(widths[c], 10);
            break;
          }
          case ColumnType::integer:
            check(worksheet_write_number(ws, row, col, cell.number, integer));
            break;
          case ColumnType::number:
            check(worksheet_write_number(ws, row, col, cell.number, nullptr));
            break;
          case ColumnType::sek:
            check(worksheet_write_number(ws, row, col, cell.number, sek));
            widths[c] = std::max<size_t>(widths[c], 10);
            break;
          case ColumnType::text:
          case ColumnType::time: {
            // A text is never a formula here (a shared string), but it is
            // neutralised as in CSV so that a copy to another tool stays safe.
            // Invalid UTF-8 and control characters (XML cannot hold them) become U+FFFD.
            std::string s = printable_lines(neutralise_formula(cell.text));
            check(worksheet_write_string(ws, row, col, s.c_str(), text));
            widths[c] = std::max(widths[c], code_points(s));
            break;
          }
        }
      }
    }
    for (size_t c = 0; c < t.columns.size(); ++c)
      check(worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), width_of(widths[c]), nullptr));
    worksheet_freeze_panes(ws, 1, 0);
    if (!t.columns.empty())
      check(worksheet_autofilter(ws, 0, 0, lxw_row_t(t.rows.size()), lxw_col_t(t.columns.size() - 1)));
  }
  closed = true;
  check(workbook_close(wb));
  return read_whole_file(file);
}

}  // namespace sv::exports
