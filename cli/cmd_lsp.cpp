// samverkan lsp: the language server, over standard input and output.

#include <unistd.h>

#include "app.h"
#include "core/dates.h"
#include "core/msg/cli.h"
#include "core/msg/lsp.h"
#include "core/privacy.h"
#include "load/cache.h"
#include "lsp/server.h"

namespace cli {

struct LspOptions {
  bool no_lint = false;
  std::string today;
  bool stdio = false;  // --stdio: what editors' clients pass; the only transport
};

static int run_lsp(const LspOptions& o, const Global& g) {
  sv::lsp::ServerOptions so;
  so.lang = g.lang_option();
  so.lint = !o.no_lint;
  if (!o.today.empty()) {
    std::string bad;
    auto today = sv::resolve_today(o.today, bad);
    if (!today) {
      sv::privacy::err(sv::tr(g.ui, sv::msg::cli_bad_today, bad) + "\n");
      return 2;
    }
    so.today = *today;
  }
  if (!g.no_cache) so.cache_dir = sv::Cache::default_dir();
  return sv::lsp::serve(STDIN_FILENO, so);
}

Run setup_lsp(CLI::App& app, Global& g) {
  auto o = std::make_shared<LspOptions>();
  CLI::App* cmd = app.add_subcommand("lsp", T(g, sv::msg::lsp_cmd));
  cmd->add_flag("--no-lint", o->no_lint, T(g, sv::msg::lsp_opt_no_lint));
  cmd->add_option("--today", o->today, T(g, sv::msg::lsp_opt_today))->type_name(T(g, sv::msg::cli_DATE));
  cmd->add_flag("--stdio", o->stdio)->group("");
  return [o, &g] { return run_lsp(*o, g); };
}

}  // namespace cli
