// samverkan log ID: the commits that changed an entity, newest first.

#include "app.h"
#include "progress.h"
#include "core/privacy.h"
#include "load/cache.h"
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
  size_t max_count = 0;  // 0: every commit
  std::string since;     // YYYY-MM-DD: commits dated on or after it
};

static int run_log(const LogOptions& o, const Global& g) {
  std::optional<sv::Date> since;
  if (!o.since.empty() && !(since = sv::parse_date(o.since))) return fail(g, sv::msg_of(sv::msg::cli_bad_today, o.since));
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

  // Only the commits that changed the files the entity has lived in are read;
  // an entity that is not at HEAD (a removed one) is looked for in every commit.
  sv::HistoryQuery query;
  query.after[o.id] = since ? std::optional<sv::Date>(since->plus_days(-1)) : std::nullopt;
  query.search_absent = true;
  query.max_events = o.max_count;
  sv::HistoryOptions ho;
  ho.query = &query;
  if (!g.no_cache) ho.cache_dir = sv::Cache::default_dir();
  ho.cache_scope = "log";  // a pack of its own: lint's is not rewritten without what it uses
  Progress progress(sv::msg::git_progress_walk, lang);
  ho.progress = progress.callback();
  sv::History h = sv::load_history(*git, head, root, exclude, ho);
  progress.finish();
  if (h.of(o.id).empty() && !h.truncated && !since) {
    std::optional<sv::Message> help;
    if (auto s = sv::did_you_mean(o.id, h.seen)) help = sv::msg_of(sv::msg::help_did_you_mean, *s);
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
  cmd->add_option("-n,--max-count", o->max_count, T(g, sv::msg::git_opt_max_count))->type_name("N");
  cmd->add_option("--since", o->since, T(g, sv::msg::git_opt_since))->type_name("YYYY-MM-DD");
  return [o, &g] { return run_log(*o, g); };
}

}  // namespace cli
