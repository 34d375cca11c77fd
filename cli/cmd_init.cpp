// samverkan init [DIR]: a new repository to start from (lib/scaffold/init.h).
#include <filesystem>
#include <system_error>

#include "app.h"
#include "core/privacy.h"
#include "core/text.h"
#include "load/git.h"
#include "scaffold/init.h"
#include "scaffold/new.h"
#include "core/msg/cli.h"

namespace cli {

namespace fs = std::filesystem;

struct InitOptions {
  std::string dir = ".";
  std::string name;
  std::string ci = "github";
  std::string today;
  bool example = false;
  bool force = false;
  bool no_git = false;
};

static int run_init(const InitOptions& o, const Global& g) {
  sv::Lang lang = g.lang_option().value_or(sv::Lang::sv);
  std::string bad;
  auto today = sv::resolve_today(o.today, bad);
  if (!today) return fail(g, sv::msg_of(sv::msg::cli_bad_today, bad));

  std::error_code ec;
  if (fs::exists(o.dir, ec) && !fs::is_directory(o.dir, ec)) return fail(g, sv::msg_of(sv::msg::cli_init_not_dir, o.dir));

  sv::scaffold::InitOptions io;
  io.lang = lang;
  io.example = o.example;
  io.today = *today;
  io.ci = o.ci == "gitlab" ? sv::scaffold::Ci::gitlab : o.ci == "none" ? sv::scaffold::Ci::none : sv::scaffold::Ci::github;
  io.name = o.name;
  if (io.name.empty()) {
    // The directory's own name ("." is the current directory's).
    fs::path abs = fs::weakly_canonical(fs::absolute(o.dir, ec), ec);
    io.name = abs.filename().string();
    if (io.name.empty()) io.name = "Samverkan";
  }
  sv::scaffold::check_text("--name", io.name, true);
  const auto files = sv::scaffold::init_files(io);

  // Nothing is written when anything would be overwritten, unless --force.
  auto at = [&](const std::string& rel) { return (fs::path(o.dir) / rel).lexically_normal().string(); };
  std::vector<std::string> existing;
  for (const auto& f : files)
    if (fs::exists(at(f.path), ec)) existing.push_back(at(f.path));
  if (!existing.empty() && !o.force)
    return fail(g, existing.size() == 1 ? sv::msg_of(sv::msg::cli_init_exists_one, existing[0])
                                        : sv::msg_of(sv::msg::cli_init_exists, existing.size(), sv::join(existing)));

  // The repository's own data: written as given (lint's
  // personal-identity-number rule says so if it holds a personnummer).
  std::string out;
  for (const auto& f : files) {
    if (!sv::privacy::create_data_file(at(f.path), f.content, o.force))  // made meanwhile
      return fail(g, sv::msg_of(sv::msg::cli_init_exists_one, at(f.path)));
    out += sv::tr(lang, sv::msg::cli_init_wrote, at(f.path)) + "\n";
  }
  if (!o.no_git && !sv::GitRepo::try_open(o.dir)) {
    sv::GitRepo::init(o.dir);
    out += sv::tr(lang, sv::msg::cli_init_git, o.dir) + "\n";
  }
  std::string next = (o.dir == "." ? std::string() : "cd " + o.dir + " && ") + "samverkan lint";
  out += sv::tr(lang, sv::msg::cli_init_next, next) + "\n";
  sv::privacy::out(out);
  return 0;
}

Run setup_init(CLI::App& app, Global& g) {
  auto o = std::make_shared<InitOptions>();
  CLI::App* cmd = app.add_subcommand("init", T(g, sv::msg::cli_init));
  cmd->add_option("dir", o->dir, T(g, sv::msg::cli_opt_init_dir))->type_name(T(g, sv::msg::cli_DIR));
  cmd->add_option("--name", o->name, T(g, sv::msg::cli_opt_init_name))->type_name(T(g, sv::msg::cli_NAME));
  cmd->add_option("--ci", o->ci, T(g, sv::msg::cli_opt_init_ci))->check(one_of(g, {"github", "gitlab", "none"}));
  cmd->add_flag("--example", o->example, T(g, sv::msg::cli_opt_init_example));
  cmd->add_flag("--force", o->force, T(g, sv::msg::cli_opt_force));
  cmd->add_flag("--no-git", o->no_git, T(g, sv::msg::cli_opt_no_git));
  cmd->add_option("--today", o->today, T(g, sv::msg::cli_opt_init_today))->type_name("YYYY-MM-DD");
  return [o, &g] { return run_init(*o, g); };
}

}  // namespace cli
