// samverkan lint [PATH...]: validation plus the rules of good samverkan.
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <future>

#include "app.h"
#include "progress.h"
#include "core/privacy.h"
#include "load/cache.h"
#include "load/git.h"
#include "history/diff.h"
#include "history/history.h"
#include "lint/lint.h"
#include "lint/rule_util.h"
#include "output/output.h"
#include "core/text.h"
#include "core/msg/cli.h"
#include "core/msg/git.h"
#include "core/msg/lint.h"

namespace cli {

static const std::vector<std::string> kFormats = {"text", "json", "sarif", "junit", "github", "gitlab"};

struct LintOptions {
  Scope scope;
  std::string format = "text";
  std::vector<std::string> outputs;  // FORMAT=FILE
  std::string today;
  std::string fail_on = "error";
  std::string baseline;
  std::string write_baseline;
  std::vector<std::string> select;
};

// The repository on disk, where a baseline inside it is one of its files
// (also with --rev); "" when there is none (a bare repository).
static std::string work_tree_root(const std::string& path) {
  try {
    return sv::find_root(path.empty() ? "." : path);
  } catch (const sv::SystemError&) {
    return "";
  }
}

// Where the samverkan root lies in its git repository ("" at the top, or
// when it is in none): SARIF and GitLab name files from the git root, so
// that a samverkan folder inside a larger repository is found there.
static std::string root_in_git(const sv::Loaded& l, const Global& g, const Scope& s) {
  try {
    if (!l.repo.root.empty()) {  // the work tree
      auto git = sv::GitRepo::try_open(l.repo.root);
      return git ? git->tree_path_of(l.repo.root).value_or("") : "";
    }
    auto git = sv::GitRepo::try_open(s.start);
    if (!git) return "";
    if (!g.rev.empty()) return git->samverkan_root(git->resolve(g.rev), g.rev);
    // --staged: the index's root is the work tree's.
    std::string disk = work_tree_root(s.start);
    return disk.empty() ? "" : git->tree_path_of(disk).value_or("");
  } catch (const sv::SystemError&) {
    return "";  // the data loaded, so paths from its own root are the best left
  }
}

// Runs the rules over what loaded; the history of `rev` ("" for HEAD, with
// the work tree and the index) loads while the rules that do not read it run.
static sv::LintReport lint_loaded(sv::Loaded& l, sv::LintOptions lo, const Global& g, const std::string& start,
                                  const std::string& rev) {
  Progress progress(sv::msg::git_progress_walk, l.lang);
  std::shared_future<sv::History> history =
      std::async(std::launch::async, [&] {
        // Only what the rules ask is read: the walk stops when it is answered.
        const sv::HistoryQuery query = sv::rules::history_needs(l.repo);
        sv::HistoryOptions ho;
        ho.until = lo.today;
        if (!g.no_cache) ho.cache_dir = sv::Cache::default_dir();
        ho.query = &query;
        ho.progress = progress.callback();
        return sv::history_for(start, rev, l.repo, ho);
      }).share();
  lo.history_source = [history]() -> const sv::History* { return &history.get(); };
  sv::LintReport report;
  try {
    report = sv::run_lint(l, lo);
  } catch (...) {
    history.wait();  // it reads what loaded: let it finish before anything goes
    throw;
  }
  history.get();  // an unreadable history stops the command even when no rule read it
  progress.finish();
  return report;
}

static int run_lint(LintOptions& o, const Global& g) {
  std::string bad;
  auto today = sv::resolve_today(o.today, bad);
  if (!today) return fail(g, sv::msg_of(sv::msg::cli_bad_today, bad));
  std::vector<std::pair<std::string, std::string>> outputs;
  for (const auto& spec : o.outputs) {
    size_t eq = spec.find('=');
    std::string format = spec.substr(0, eq);
    if (eq == std::string::npos || eq + 1 == spec.size() ||
        std::find(kFormats.begin(), kFormats.end(), format) == kFormats.end())
      return fail(g, sv::msg_of(sv::msg::lint_bad_output, spec, sv::join(kFormats)));
    outputs.emplace_back(format, spec.substr(eq + 1));
  }
  sv::Severity fail_on = sv::Severity::error;
  sv::severity_from_name(o.fail_on, fail_on);

  for (const auto& id : o.select)
    if (!sv::rules::find_rule(id))
      return fail(g, sv::msg_of(sv::msg::lint_rule_unknown, id), sv::rules::rule_suggestion(id, true));
  resolve_scope(o.scope, !g.rev.empty());
  sv::LintOptions lo{*today, std::nullopt, !o.write_baseline.empty(), o.select};
  if (!o.baseline.empty()) lo.baseline = sv::read_baseline(o.baseline, work_tree_root(o.scope.start));
  sv::Loaded& l = load(g, o.scope);
  sv::LintReport report = lint_loaded(l, lo, g, o.scope.start, g.rev);
  // The comparison point is checked by the same rules, with its own settings
  // and history, and no baseline: what the baseline hides now stays hidden.
  narrow(g, o.scope, l, [&](sv::Loaded& base, const std::string& commit) {
    lint_loaded(base, sv::LintOptions{*today, std::nullopt, false, o.select}, g, o.scope.start, commit);
  });
  if (lo.write_baseline) {
    sv::privacy::write_file(o.write_baseline, sv::format_baseline(report.recorded));
    sv::privacy::err(sv::tr(l.lang, sv::msg::lint_baseline_written, report.baselined, o.write_baseline) + "\n");
  }

  bool summary_done = false;
  std::optional<std::string> in_git;
  auto git_prefix = [&]() -> const std::string& {
    if (!in_git) in_git = root_in_git(l, g, o.scope);
    return *in_git;
  };
  auto render = [&](const std::string& format, bool color) {
    if (format == "json") return sv::format_json(l.repo, l.findings, l.lang);
    if (format == "sarif") return sv::format_sarif(l.repo, l.findings, l.lang, git_prefix());
    if (format == "gitlab") return sv::format_gitlab(l.repo, l.findings, l.lang, git_prefix());
    if (format == "junit") return sv::format_junit(l.repo, l.findings, l.lang, fail_on);
    if (format == "github") {
      const char* summary = std::getenv("GITHUB_STEP_SUMMARY");
      if (summary && *summary && !summary_done) {
        summary_done = true;
        if (!sv::privacy::append_file(summary, sv::format_markdown(l.repo, l.findings, l.lang)))
          throw sv::SystemError(sv::msg_of(sv::msg::lint_cannot_append, summary, std::strerror(errno)));
      }
      return sv::format_github(l.repo, l.findings, l.lang);
    }
    std::string text = sv::format_text(l.repo, l.findings, sv::OutputOptions{l.lang, color});
    std::vector<std::string> hidden;
    if (report.suppressed) hidden.push_back(sv::tr(l.lang, sv::msg::lint_hidden_suppressed, report.suppressed));
    if (report.baselined) hidden.push_back(sv::tr(l.lang, sv::msg::lint_hidden_baselined, report.baselined));
    if (!hidden.empty()) text += "(" + sv::join(hidden) + ")\n";
    return text;
  };
  for (const auto& [format, file] : outputs) sv::privacy::write_file(file, render(format, false));
  sv::privacy::out(render(o.format, g.color_on(1)));
  return sv::count(l.findings).at_least(fail_on) > 0 ? 1 : 0;
}

Run setup_lint(CLI::App& app, Global& g) {
  auto o = std::make_shared<LintOptions>();
  CLI::App* cmd = app.add_subcommand("lint", T(g, sv::msg::cli_lint));
  add_scope_options(cmd, g, o->scope);
  cmd->add_option("--format", o->format, T(g, sv::msg::cli_opt_format))->check(one_of(g, kFormats));
  // One value per occurrence, so that `-o json=x.json PATH` leaves PATH alone.
  cmd->add_option("-o,--output", o->outputs, sv::tr(g.ui, sv::msg::lint_opt_output, sv::join(kFormats, ",")))
      ->type_name("FORMAT=FILE")
      ->allow_extra_args(false);
  cmd->add_option("--today", o->today, T(g, sv::msg::cli_opt_today))->type_name("YYYY-MM-DD");
  cmd->add_option("--fail-on", o->fail_on, T(g, sv::msg::lint_opt_fail_on))
      ->check(one_of(g, {"error", "warning", "info"}));
  cmd->add_option("--select", o->select, T(g, sv::msg::lint_opt_select))
      ->type_name("RULE,...")
      ->delimiter(',')
      ->allow_extra_args(false);
  auto* base = cmd->add_option("--baseline", o->baseline, T(g, sv::msg::lint_opt_baseline))->type_name("FILE");
  cmd->add_option("--write-baseline", o->write_baseline, T(g, sv::msg::lint_opt_write_baseline))
      ->type_name("FILE")
      ->excludes(base);
  return [o, &g] { return run_lint(*o, g); };
}

}  // namespace cli
