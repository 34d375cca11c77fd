// samverkan lint [PATH]: validation plus the rules of good samverkan.
#include <iostream>

#include "app.h"
#include "diff.h"
#include "history.h"
#include "lint.h"
#include "output.h"

namespace cli {

struct LintOptions {
  std::string path;
  std::string format = "text";
  std::string today;
  std::string changed_since;
};

static int run_lint(const LintOptions& o, const Global& g) {
  std::string bad;
  auto today = sv::resolve_today(o.today, bad);
  if (!today) return fail(g, sv::msg_of(sv::msg::cli_bad_today, bad));
  sv::Loaded l = load(g, o.path);
  sv::History history = sv::history_for(o.path, g.rev, l.repo);
  sv::run_lint(l, sv::LintOptions{*today, &history});
  if (!o.changed_since.empty()) sv::keep_changed(l.findings, l.repo, load_base(g, o.path, o.changed_since));
  if (o.format == "json") {
    std::cout << sv::format_json(l.repo, l.findings, l.lang);
  } else {
    std::cout << sv::format_text(l.repo, l.findings, sv::OutputOptions{l.lang, g.color_on(1)});
  }
  std::cout.flush();
  return sv::count(l.findings).error > 0 ? 1 : 0;
}

Run setup_lint(CLI::App& app, Global& g) {
  auto o = std::make_shared<LintOptions>();
  CLI::App* cmd = app.add_subcommand("lint", T(g, sv::msg::cli_lint));
  cmd->add_option("path", o->path, T(g, sv::msg::cli_opt_path))->type_name("PATH");
  cmd->add_option("--format", o->format, T(g, sv::msg::cli_opt_format))->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--today", o->today, T(g, sv::msg::cli_opt_today))->type_name("YYYY-MM-DD");
  add_rev_option(cmd, g);
  cmd->add_option("--changed-since", o->changed_since, T(g, sv::msg::git_opt_changed_since))->type_name("REV");
  return [o, &g] { return run_lint(*o, g); };
}

}  // namespace cli
