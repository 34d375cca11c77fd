// samverkan log ID: the commits that changed an entity, newest first.

#include "app.h"
#include "core/privacy.h"
#include "load/git.h"
#include "history/history.h"
#include "load/load.h"
#include "core/text.h"
#include "core/msg/cli.h"
#include "core/msg/core.h"
#include "core/msg/git.h"

namespace cli {

struct LogOptions {
  std::string id;
  std::string format = "text";
};

static int run_log(const LogOptions& o, const Global& g) {
  auto git = sv::GitRepo::open(".");
  std::string head = git->resolve("HEAD");
  std::string root = git->samverkan_root(head, "HEAD");
  // The configuration at HEAD says what is excluded and which language to use.
  auto src = sv::open_git_revision(git, "HEAD");
  std::string text;
  sv::ReadError err;
  if (!src->read("samverkan.yaml", text, err))
    throw sv::SystemError(sv::msg_of(sv::msg::config_unreadable, "samverkan.yaml", std::move(err.message)));
  sv::Config config;
  std::vector<sv::RefUse> refs;
  std::vector<sv::Finding> ignored;
  sv::load_config(0, text, config, refs, ignored);
  sv::Lang lang = sv::effective_lang(g.lang_option(), config);
  std::vector<std::string> exclude;
  for (const auto& x : config.exclude.v) exclude.push_back(x.v);

  // Of the other entities only the newest change is kept: enough to know
  // their ids for a suggestion, and memory does not grow with the history.
  sv::HistoryOptions ho;
  ho.keep = [&o](const std::string& id, const sv::Date&) { return id == o.id; };
  sv::History h = sv::load_history(*git, head, root, exclude, ho);
  if (h.of(o.id).empty() && !h.truncated) {
    std::vector<std::string> known;
    for (const auto& [id, ev] : h.events) known.push_back(id);
    std::optional<sv::Message> help;
    if (auto s = sv::did_you_mean(o.id, known)) help = sv::msg_of(sv::msg::help_did_you_mean, *s);
    throw sv::SystemError(sv::msg_of(sv::msg::git_unknown_entity, o.id), help);
  }
  sv::privacy::out(o.format == "json" ? sv::format_log_json(h, o.id) : sv::format_log_text(h, o.id, lang));
  return 0;
}

Run setup_log(CLI::App& app, Global& g) {
  auto o = std::make_shared<LogOptions>();
  CLI::App* cmd = app.add_subcommand("log", T(g, sv::msg::git_cmd_log));
  cmd->add_option("id", o->id, T(g, sv::msg::git_opt_id))->type_name("ID")->required();
  cmd->add_option("--format", o->format, T(g, sv::msg::cli_opt_format))->check(one_of(g, {"text", "json"}));
  return [o, &g] { return run_log(*o, g); };
}

}  // namespace cli
