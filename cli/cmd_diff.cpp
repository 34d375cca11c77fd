// samverkan diff [REV1 [REV2]]: what changed in the data, entity by entity.

#include "app.h"
#include "core/privacy.h"
#include "history/diff.h"
#include "load/git.h"
#include "core/msg/cli.h"
#include "core/msg/git.h"

namespace cli {

struct DiffOptions {
  std::vector<std::string> revs;
  std::string format = "text";
  bool exit_code = false;
};

// One side: a revision, or the work tree when `rev` is empty.
static sv::Repo side(const Global& g, const std::string& rev) {
  Global at = g;
  at.rev = rev;
  return std::move(load(at, ".").repo);
}

static int run_diff(const DiffOptions& o, const Global& g) {
  std::vector<std::string> revs = o.revs;
  if (revs.size() == 1 && revs[0].find("..") != std::string::npos) {
    // REV1..REV2, as git writes it; an empty side is HEAD.
    std::string r = revs[0];
    size_t dots = r.find("..");
    std::string a = r.substr(0, dots), b = r.substr(dots + 2);
    revs = {a.empty() ? "HEAD" : a, b.empty() ? "HEAD" : b};
  }
  if (revs.size() > 2) return fail(g, sv::msg_of(sv::msg::git_too_many_revs));
  if (revs.empty()) revs.push_back("HEAD");
  auto git = sv::GitRepo::open(".");  // not in git: say so, whatever is compared
  if (git->bare() && revs.size() < 2) return fail(g, sv::msg_of(sv::msg::git_bare_no_worktree));
  sv::Repo before = side(g, revs[0]);
  sv::Repo after = side(g, revs.size() > 1 ? revs[1] : "");
  sv::Lang lang = sv::effective_lang(g.lang_option(), after.config);
  sv::DiffOutput out{revs[0], revs.size() > 1 ? revs[1] : "", lang};
  auto d = sv::diff_repos(before, after);
  if (o.format == "json") sv::privacy::out(sv::format_diff_json(d, out));
  else if (o.format == "md") sv::privacy::out(sv::format_diff_md(d, out));
  else sv::privacy::out(sv::format_diff_text(d, out));
  return o.exit_code && !d.empty() ? 1 : 0;
}

Run setup_diff(CLI::App& app, Global& g) {
  auto o = std::make_shared<DiffOptions>();
  CLI::App* cmd = app.add_subcommand("diff", T(g, sv::msg::git_cmd_diff));
  cmd->add_option("revs", o->revs, T(g, sv::msg::git_opt_revs))->type_name("REV");
  cmd->add_option("--format", o->format, T(g, sv::msg::cli_opt_format))->check(one_of(g, {"text", "md", "json"}));
  cmd->add_flag("--exit-code", o->exit_code, T(g, sv::msg::git_opt_exit_code));
  return [o, &g] { return run_diff(*o, g); };
}

}  // namespace cli
