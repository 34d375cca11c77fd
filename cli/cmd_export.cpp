// samverkan export TABLE: flat tables for Excel and Power BI (lib/export).
#include "app.h"
#include "core/msg/cli.h"
#include "core/msg/export.h"
#include "core/msg/render.h"
#include "core/privacy.h"
#include "core/text.h"
#include "export/engine.h"
#include "export/table.h"
#include "output/output.h"

namespace cli {

struct ExportOptions {
  std::string table;
  std::string collaboration;
  std::string period;
  std::string format = "csv";
  std::string out;
  std::string delimiter = ",";
  std::string today;
  bool bom = false;
  bool fail_on_pnr = false;
};

static int run_export(const ExportOptions& o, const Global& g) {
  std::string bad;
  auto today = sv::resolve_today(o.today, bad);
  if (!today) return fail(g, sv::msg_of(sv::msg::cli_bad_today, bad));
  sv::exports::Filter filter;
  filter.today = *today;
  if (!o.period.empty() && !(filter.period = sv::parse_period(o.period)))
    return fail(g, sv::msg_of(sv::msg::r_bad_period, o.period));
  sv::exports::CsvOptions csv;
  if (o.delimiter == "," || o.delimiter == ";") csv.delimiter = o.delimiter[0];
  else if (o.delimiter == "tab" || o.delimiter == "\t") csv.delimiter = '\t';
  else return fail(g, sv::msg_of(sv::msg::x_err_delimiter, sv::printable(o.delimiter)));
  csv.bom = o.bom;
  bool all = o.table == "all";
  if (all && o.format == "csv") return fail(g, sv::msg_of(sv::msg::x_err_all_csv), sv::msg_of(sv::msg::x_help_all_csv));
  if (o.format == "xlsx" && o.out.empty()) return fail(g, sv::msg_of(sv::msg::x_err_needs_out, "xlsx"));

  sv::Loaded& l = load(g, ".");
  filter.lang = l.lang;
  if (!o.collaboration.empty()) {
    if (!l.repo.find_as<sv::Collaboration>(o.collaboration)) {
      std::vector<std::string> ids;
      for (const auto& c : l.repo.collaborations) ids.push_back(c.id.v);
      std::optional<sv::Message> help;
      if (auto s = sv::did_you_mean(o.collaboration, ids)) help = sv::msg_of(sv::msg::r_did_you_mean, *s);
      return fail(g, sv::msg_of(sv::msg::x_err_unknown_collaboration, o.collaboration), help);
    }
    filter.collaboration = o.collaboration;
  }
  if (int n = sv::count(l.findings).error; n > 0) sv::privacy::err(sv::tr(l.lang, sv::msg::r_warn_errors, n) + "\n");

  size_t masked_before = sv::privacy::masked_count();
  std::vector<sv::exports::Table> tables;
  if (all)
    for (auto k : sv::exports::kAllTables) tables.push_back(sv::exports::build_table(l.repo, k, filter));
  else
    tables.push_back(sv::exports::build_table(l.repo, *sv::exports::parse_table(o.table), filter));

  if (o.format == "xlsx") {
    sv::exports::TempDir tmp;
    sv::privacy::write_binary_file(o.out, sv::exports::to_xlsx(tables, l.lang, *today, tmp.path()), true);
  } else {
    std::string text = o.format == "json" ? sv::exports::to_json(tables, all)
                                          : sv::exports::to_csv(tables.front(), l.lang, csv);
    if (o.out.empty()) {
      sv::privacy::out(text);
      sv::privacy::flush_out();
    } else {
      sv::privacy::write_file(o.out, text, true);
    }
  }
  size_t masked = sv::privacy::masked_count() - masked_before;
  if (masked == 0) return 0;
  sv::privacy::err(sv::tr(l.lang, masked == 1 ? sv::msg::r_warn_masked_one : sv::msg::r_warn_masked, masked) + "\n");
  return o.fail_on_pnr ? 1 : 0;
}

Run setup_export(CLI::App& app, Global& g) {
  auto o = std::make_shared<ExportOptions>();
  CLI::App* cmd = app.add_subcommand("export", T(g, sv::msg::x_cli_export));
  std::vector<std::string> tables;
  for (auto k : sv::exports::kAllTables) tables.emplace_back(sv::exports::table_name(k));
  tables.emplace_back("all");
  cmd->add_option("table", o->table, T(g, sv::msg::x_opt_table))->required()->check(one_of(g, tables))->type_name("TABLE");
  cmd->add_option("--collaboration", o->collaboration, T(g, sv::msg::x_opt_collaboration))->type_name("ID");
  cmd->add_option("--period", o->period, T(g, sv::msg::x_opt_period))->type_name("PERIOD");
  cmd->add_option("--format", o->format, T(g, sv::msg::x_opt_format))->check(one_of(g, {"csv", "xlsx", "json"}));
  cmd->add_option("--out", o->out, T(g, sv::msg::x_opt_out))->type_name("FILE");
  cmd->add_option("--delimiter", o->delimiter, T(g, sv::msg::x_opt_delimiter))->type_name(T(g, sv::msg::x_CHAR));
  cmd->add_flag("--bom", o->bom, T(g, sv::msg::x_opt_bom));
  cmd->add_option("--today", o->today, T(g, sv::msg::r_opt_today))->type_name("YYYY-MM-DD");
  cmd->add_flag("--fail-on-pnr", o->fail_on_pnr, T(g, sv::msg::r_opt_fail_on_pnr));
  add_rev_option(cmd, g);
  return [o, &g] { return run_export(*o, g); };
}

}  // namespace cli
