// samverkan: the command-line front end.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <sstream>

#include "app.h"
#include "load/cache.h"
#include "load/git.h"
#include "load/load.h"
#include "output/output.h"
#include "core/privacy.h"
#include "core/text.h"
#include "core/msg/cli.h"
#include "core/msg/core.h"
#include "core/msg/git.h"

namespace cli {

std::optional<sv::Lang> Global::lang_option() const {
  if (lang.empty()) return std::nullopt;
  sv::Lang l;
  if (!sv::parse_lang(lang, l)) return std::nullopt;
  return l;
}

sv::Lang command_lang(const Global& g) {
  if (auto l = g.lang_option()) return *l;
  try {
    auto src = sv::open_worktree(sv::find_root("."));
    std::string content;
    sv::ReadError error;
    if (!src->read("samverkan.yaml", content, error)) return sv::Lang::sv;
    sv::Config config;
    std::vector<sv::RefUse> refs;
    std::vector<sv::Finding> findings;
    sv::load_config(0, content, config, refs, findings);
    return sv::effective_lang(std::nullopt, config);
  } catch (const sv::SystemError&) {
    return sv::Lang::sv;
  }
}

bool Global::color_on(int fd) const {
  if (color == "always") return true;
  if (color == "never") return false;
  return sv::want_color(fd);
}

sv::Loaded& load(const Global& g, const std::string& path) {
  Scope s;
  s.start = path.empty() ? "." : path;
  return load(g, s);
}

// The name option_choices() finds the validator by (tree.cpp).
const char* const kOneOf = "one_of";

CLI::Validator one_of(const Global& g, std::vector<std::string> allowed) {
  std::string shown = "{" + sv::join(allowed, ",") + "}";
  return CLI::Validator(
      [&g, allowed](std::string& value) -> std::string {
        if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return "";
        return sv::tr(g.ui, sv::msg::cli_not_one_of, value, sv::join(allowed));
      },
      shown, kOneOf);
}

void add_rev_option(CLI::App* cmd, Global& g) {
  cmd->add_option("--rev", g.rev, T(g, sv::msg::git_opt_rev))->type_name("REV");
}

int fail(const Global& g, const sv::Message& m, const std::optional<sv::Message>& help) {
  sv::Lang l = g.lang_option().value_or(g.ui);
  std::string text = "samverkan: " + sv::tr(l, sv::msg::cli_error, m.str(l)) + "\n";
  if (help) text += "  " + std::string(sv::msg::cli_help_label.get(l)) + ": " + help->str(l) + "\n";
  sv::privacy::err(text);
  return 2;
}

// `code`, once standard output is written; output that could not be (a full
// disk, a closed pipe) is a system error, never a silent success.
int written(const Global& g, int code) {
  errno = 0;
  if (!sv::privacy::flush_out())
    return fail(g, sv::msg_of(sv::msg::cli_write_failed, T(g, sv::msg::cli_stdout),
                              std::strerror(errno ? errno : EIO)));
  return code;
}

// CLI11's help and version texts, through the privacy boundary as all output.
static int help_exit(const CLI::App& app, const CLI::Error& e) {
  std::ostringstream out, err;
  int code = app.exit(e, out, err);
  sv::privacy::out(out.str());
  sv::privacy::err(err.str());
  return code;
}

// The language of help texts must be known before parsing: --lang, else
// SAMVERKAN_LANG, else Swedish.
static sv::Lang ui_lang(int argc, char** argv) {
  sv::Lang l = sv::Lang::sv;
  if (const char* e = std::getenv("SAMVERKAN_LANG")) sv::parse_lang(e, l);
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--lang" && i + 1 < argc) sv::parse_lang(argv[i + 1], l);
    else if (a.substr(0, 7) == "--lang=") sv::parse_lang(a.substr(7), l);
  }
  return l;
}

// CLI11's parse errors in our words and the user's language. Only what
// CLI11 found wrong in detail (an option's name and value) stays as it says it.
static int parse_failure(const CLI::App& app, const CLI::ParseError& e, const Global& g) {
  // The command that was being read: the deepest one parsed.
  const CLI::App* cur = &app;
  std::string command = "samverkan";
  std::vector<std::string> extras = app.remaining();
  for (bool deeper = true; deeper;) {
    deeper = false;
    for (const CLI::App* sub : cur->get_subcommands())
      if (sub->parsed()) {
        cur = sub;
        command += " " + sub->get_name();
        for (const auto& x : sub->remaining()) extras.push_back(x);
        deeper = true;
        break;
      }
  }
  sv::Message help = sv::msg_of(sv::msg::cli_run_help, command + " --help");
  std::vector<std::string> names;  // the commands that may come next
  for (const CLI::App* sub : visible_subcommands(*cur)) names.push_back(sub->get_name());
  if (!names.empty()) {
    if (!extras.empty() && !extras[0].empty() && extras[0][0] != '-') {
      std::optional<sv::Message> suggestion;
      if (auto s = sv::did_you_mean(extras[0], names)) suggestion = sv::msg_of(sv::msg::help_did_you_mean, *s);
      return fail(g, sv::msg_of(sv::msg::cli_unknown_command, extras[0]), suggestion ? suggestion : help);
    }
    if (dynamic_cast<const CLI::RequiredError*>(&e))
      return fail(g, sv::msg_of(sv::msg::cli_command_needed, sv::join(names)), help);
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&e) && !extras.empty())
    return fail(g, sv::msg_of(sv::msg::cli_unexpected, sv::join(extras, " ")), help);
  // "--today: 1 required YYYY-MM-DD missing": the option's name is before the colon.
  std::string what = e.what();
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) && what.rfind("-", 0) == 0 && what.find(':') != std::string::npos)
    return fail(g, sv::msg_of(sv::msg::cli_needs_value, what.substr(0, what.find(':'))), help);
  // "id is required", "--out is required".
  constexpr std::string_view kRequired = " is required";
  if (dynamic_cast<const CLI::RequiredError*>(&e) && what.size() > kRequired.size() &&
      what.compare(what.size() - kRequired.size(), kRequired.size(), kRequired) == 0 &&
      what.find(' ') == what.size() - kRequired.size())
    return fail(g, sv::msg_of(sv::msg::cli_required, what.substr(0, what.size() - kRequired.size())), help);
  return fail(g, sv::msg_of(sv::msg::cli_bad_usage, what), help);
}

}  // namespace cli

int main(int argc, char** argv) {
  using namespace cli;
  Global g;
  g.ui = ui_lang(argc, argv);
  if (const char* e = std::getenv("SAMVERKAN_LANG"); e && *e) g.lang = e;

  CLI::App app{T(g, sv::msg::cli_about), "samverkan"};
  app.formatter(help_formatter(g));
  app.option_defaults()->group(T(g, sv::msg::cli_options));
  app.set_help_flag("-h,--help", T(g, sv::msg::cli_opt_help));
  app.require_subcommand(1);
  app.fallthrough();
  // The libraries' versions as they report them at run time: the ones installed.
  app.set_version_flag("--version",
                       std::string("samverkan ") + SAMVERKAN_VERSION + "\nlibyaml " + sv::yaml_library_version() +
                           "\nlibgit2 " + sv::git_library_version(),
                       T(g, sv::msg::cli_opt_version));
  app.add_option("-C", g.dir, T(g, sv::msg::cli_opt_C))->type_name(T(g, sv::msg::cli_DIR));
  app.add_option("--lang", g.lang, T(g, sv::msg::cli_opt_lang))->type_name("sv|en");
  app.add_flag("--no-cache", g.no_cache, T(g, sv::msg::cli_opt_no_cache));
  app.add_option("--color", g.color, T(g, sv::msg::cli_opt_color))
      ->check(one_of(g, {"auto", "always", "never"}));

  static const Setup setups[] = {
      setup_init,
      setup_validate,
      setup_lint,
      setup_rules,
      setup_schema,
      setup_diff,
      setup_log,
      setup_render,
      setup_export,
      setup_new,
      setup_completion,
      setup_lsp,
      setup_complete,  // hidden: what the completion scripts ask
      setup_man,       // hidden: the man pages, at build time
  };
  std::vector<std::pair<CLI::App*, Run>> runs;
  for (Setup s : setups) {
    size_t before = app.get_subcommands({}).size();
    Run r = s(app, g);
    CLI::App* sub = app.get_subcommands({}).at(before);
    sub->group(is_hidden(sub) ? "" : T(g, sv::msg::cli_commands));
    sub->set_help_flag("-h,--help", T(g, sv::msg::cli_opt_help));
    runs.emplace_back(sub, std::move(r));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return written(g, help_exit(app, e));
  } catch (const CLI::CallForAllHelp& e) {
    return written(g, help_exit(app, e));
  } catch (const CLI::CallForVersion& e) {
    return written(g, help_exit(app, e));
  } catch (const CLI::ParseError& e) {
    return parse_failure(app, e, g);
  }
  if (!g.lang.empty() && !g.lang_option()) return fail(g, sv::msg_of(sv::msg::cli_bad_lang, g.lang));
  if (!g.dir.empty() && ::chdir(g.dir.c_str()) != 0)
    return fail(g, sv::msg_of(sv::msg::cli_cannot_chdir, g.dir, std::strerror(errno)));
  try {
    for (auto& [sub, run] : runs) {
      if (!sub->parsed()) continue;
      return written(g, run());
    }
  } catch (const sv::SystemError& e) {
    return fail(g, e.message, e.help);
  } catch (const std::exception& e) {
    return fail(g, sv::msg_of(sv::msg::cli_internal, e.what()));
  }
  return 2;
}
