// samverkan log ID[#NESTED]: the commits that changed an entity, or one of its
// goals, activities or actions, newest first.

#include <algorithm>
#include <charconv>
#include <unordered_set>

#include "app.h"
#include "progress.h"
#include "core/privacy.h"
#include "load/cache.h"
#include "load/git.h"
#include "history/history.h"
#include "load/flatten.h"
#include "load/load.h"
#include "core/text.h"
#include "core/msg/cli.h"
#include "core/msg/core.h"
#include "core/msg/git.h"

namespace cli {

struct LogOptions {
  std::string id;
  std::string format = "text";
  std::string max_count;  // a whole number; "" or 0: every commit
  std::string since;     // YYYY-MM-DD: commits dated on or after it
};

// Whether `log ID#NESTED` shows objects of this group.
static bool is_logged(const std::string& group) {
  return std::any_of(std::begin(sv::kLoggedGroups), std::end(sv::kLoggedGroups), [&](const char* g) { return group == g; });
}

// The nested object `nested` of the entity: its group, and whether the entity
// has it at HEAD; else (in the history only: `h`, the events that may concern
// it) not present. Throws SystemError, with a did-you-mean from the objects
// at HEAD and `in_history`, for an id neither knows.
static void find_nested(const sv::Repo& at_head, const sv::History& h, const std::vector<std::string>& in_history,
                        const std::string& nested, sv::LogSubject& s) {
  std::vector<std::string> known;
  auto consider = [&](const sv::ObjectPath& path, bool now) {
    if (path.size() != 1 || !is_logged(path[0].first)) return false;
    if (path[0].second != nested) {
      known.push_back(path[0].second);
      return false;
    }
    s.nested = path[0];
    s.present = now;
    return true;
  };
  auto flats = sv::flatten(at_head);
  if (auto it = flats.find(s.id); it != flats.end())
    for (const auto& [path, fields] : it->second.objects)
      if (consider(path, true)) return;
  for (const auto& event : h.of(s.id))
    for (const auto& change : event.diff.objects)
      if (consider(change.path, false)) return;
  known.insert(known.end(), in_history.begin(), in_history.end());
  std::optional<sv::Message> help;
  if (auto suggestion = sv::did_you_mean(nested, known)) help = sv::msg_of(sv::msg::help_did_you_mean, *suggestion);
  throw sv::SystemError(sv::msg_of(sv::msg::git_unknown_nested, s.id, nested), help);
}

static int run_log(const LogOptions& o, const Global& g) {
  std::optional<sv::Date> since;
  if (!o.since.empty() && !(since = sv::parse_date(o.since))) return fail(g, sv::msg_of(sv::msg::cli_bad_today, o.since));
  size_t max_count = 0;
  if (!o.max_count.empty()) {
    auto [end, error] = std::from_chars(o.max_count.data(), o.max_count.data() + o.max_count.size(), max_count);
    if (error != std::errc() || end != o.max_count.data() + o.max_count.size())
      return fail(g, sv::msg_of(sv::msg::cli_bad_count, o.max_count));
  }
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

  sv::LogSubject subject;
  size_t hash = o.id.find('#');
  subject.id = o.id.substr(0, hash);
  subject.max_count = max_count;
  // Only the commits that changed the files the entity has lived in are read;
  // an entity that is not at HEAD (a removed one) is looked for in every commit.
  sv::HistoryQuery query;
  query.after[subject.id] = since ? std::optional<sv::Date>(since->plus_days(-1)) : std::nullopt;
  query.search_absent = true;
  if (hash == std::string::npos) query.max_events = max_count;  // a nested object's are counted once picked out
  sv::HistoryOptions ho;
  ho.query = &query;
  // A nested object is looked for at HEAD first: HEAD is loaded once, and
  // the walk takes the entities of its files from it instead of parsing them.
  const sv::Loaded* head_data = nullptr;  // kept until exit (load)
  if (hash != std::string::npos) {
    Global at = g;
    at.rev = "HEAD";
    head_data = &load(at, ".");
    ho.known = &head_data->repo;
  }
  if (!g.no_cache) ho.cache_dir = sv::Cache::default_dir();
  ho.cache_scope = "log";  // a pack of its own: lint's is not rewritten without what it uses
  Progress progress(sv::msg::git_progress_walk, lang);
  ho.progress = progress.callback();
  // Each event is written out as the walk finds it; nothing else of it is
  // kept. A nested object's are picked out once the walk is done (which of
  // the entity's additions and removals brought it is known only then): of
  // each event, only the changes of objects with its id are kept, and of the
  // others only their ids (for a did-you-mean).
  const bool json = o.format == "json";
  const bool of_nested = hash != std::string::npos;  // `ID#` too: find_nested refuses an empty id
  const std::string nested = of_nested ? o.id.substr(hash + 1) : "";
  sv::LogWriter writer(subject, lang, json);
  size_t events = 0;
  sv::History kept;
  std::vector<std::string> in_history;
  std::unordered_set<std::string> met;
  ho.on_event = [&](const std::string& id, const sv::CommitInfo& commit, sv::EntityDiff&& diff) {
    if (id != subject.id) return;
    ++events;
    if (!of_nested) return writer.add(commit, diff);
    for (const auto& change : diff.objects)
      if (change.path.size() == 1 && is_logged(change.path[0].first) && met.insert(change.path[0].second).second)
        in_history.push_back(change.path[0].second);
    std::erase_if(diff.objects, [&](const sv::ObjectChange& c) { return c.path.empty() || c.path[0].second != nested; });
    if (diff.change == sv::Change::changed && diff.objects.empty()) return;
    kept.events[id].push_back(sv::EntityEvent{kept.commits.size(), std::move(diff)});
    kept.commits.push_back(commit);
  };
  sv::History h = sv::load_history(*git, head, root, exclude, ho);
  progress.finish();
  if (events == 0 && !h.truncated && !since) {
    std::optional<sv::Message> help;
    if (auto s = sv::did_you_mean(subject.id, h.seen)) help = sv::msg_of(sv::msg::help_did_you_mean, *s);
    throw sv::SystemError(sv::msg_of(sv::msg::git_unknown_entity, subject.id), help);
  }
  if (!of_nested) {
    writer.finish(h.truncated, [](std::string_view piece) { sv::privacy::out(piece); });
    return 0;
  }
  kept.available = h.available;
  kept.truncated = h.truncated;
  find_nested(head_data->repo, kept, in_history, nested, subject);
  sv::privacy::out(json ? sv::format_log_json(kept, subject) : sv::format_log_text(kept, subject, lang));
  return 0;
}

Run setup_log(CLI::App& app, Global& g) {
  auto o = std::make_shared<LogOptions>();
  CLI::App* cmd = app.add_subcommand("log", T(g, sv::msg::git_cmd_log));
  cmd->add_option("id", o->id, T(g, sv::msg::git_opt_id))->type_name("ID[#ID]")->required();
  cmd->add_option("--format", o->format, T(g, sv::msg::cli_opt_format))->check(one_of(g, {"text", "json"}));
  cmd->add_option("-n,--max-count", o->max_count, T(g, sv::msg::git_opt_max_count))->type_name("N");
  cmd->add_option("--since", o->since, T(g, sv::msg::git_opt_since))->type_name("YYYY-MM-DD");
  return [o, &g] { return run_log(*o, g); };
}

}  // namespace cli
