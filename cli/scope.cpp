// What validate and lint check and report: PATH..., --rev, --staged and
// --changed-since, the same for both commands.
#include <filesystem>
#include <system_error>

#include "app.h"
#include "lint/baseline.h"
#include "load/cache.h"
#include "load/git.h"
#include "core/msg/cli.h"
#include "core/msg/git.h"

namespace fs = std::filesystem;

namespace cli {

void add_scope_options(CLI::App* cmd, Global& g, Scope& s) {
  cmd->add_option("path", s.paths, T(g, sv::msg::cli_opt_paths))->type_name("PATH...");
  add_rev_option(cmd, g);
  auto* rev = cmd->get_option("--rev");
  cmd->add_flag("--staged", s.staged, T(g, sv::msg::cli_opt_staged))->excludes(rev);
  cmd->add_option("--changed-since", s.changed_since, T(g, sv::msg::git_opt_changed_since))->type_name("REV");
}

namespace {

// A file's path as its repository names it: its folder resolved (links and
// all), its own name kept (a link in the repository is known by its name).
fs::path disk_path(const std::string& file) {
  std::error_code ec;
  fs::path p = fs::absolute(file, ec);
  return fs::weakly_canonical(p.parent_path(), ec) / p.filename();
}

}  // namespace

void resolve_scope(Scope& s, bool at_revision) {
  s.files.clear();
  s.start = s.paths.empty() ? "." : s.paths.front();
  std::string root;
  bool whole = s.paths.empty();
  for (const auto& path : s.paths) {
    std::error_code ec;
    // A folder, or a path that is not on disk (a folder of a bare
    // repository's trees with --rev): the whole repository, as before.
    if (!at_revision && !s.staged && !fs::exists(path, ec))
      throw sv::SystemError(sv::msg_of(sv::msg::cli_path_missing, path));
    if (!fs::is_regular_file(path, ec)) {
      whole = true;
      continue;
    }
    fs::path file = disk_path(path);
    std::string here = sv::find_root(file.parent_path().string());
    if (root.empty()) {
      root = here;
      if (s.start == path) s.start = file.parent_path().string();
    } else if (here != root) {
      throw sv::SystemError(sv::msg_of(sv::msg::cli_paths_apart, s.paths.front(), path));
    }
    s.files.insert(file.lexically_relative(root).generic_string());
  }
  if (whole) s.files.clear();
}

sv::Loaded& load(const Global& g, const Scope& s) {
  std::shared_ptr<sv::Source> src;
  if (s.staged) src = sv::open_git_index(sv::GitRepo::open(s.start));
  else if (!g.rev.empty()) src = sv::open_git_revision(s.start, g.rev);
  else src = sv::open_worktree(sv::find_root(s.start));
  sv::LoadOptions opt{g.lang_option(), 0, g.no_cache ? "" : sv::Cache::default_dir()};
  // What loaded lives until the process ends, on purpose: freeing a large
  // repository's entities one by one costs more than checking them, and the
  // system takes the memory back at once. (Reachable, so leak checkers are quiet.)
  static auto* kept = new std::vector<std::unique_ptr<sv::Loaded>>;
  kept->push_back(std::make_unique<sv::Loaded>(sv::load_repository(*src, opt)));
  kept->back()->source = std::move(src);  // render reads its templates from it
  return *kept->back();
}

namespace {

// The commit the data is compared with: where the current commit (--rev, else
// HEAD) and REV meet, as `git diff REV...HEAD` compares, so that what landed
// on REV's branch meanwhile is not taken for new here. REV itself when there
// is no current commit yet.
std::string comparison_point(const sv::GitRepo& git, const Global& g, const std::string& rev) {
  std::string against = git.resolve(rev);
  std::string current;
  try {
    current = git.resolve(g.rev.empty() ? "HEAD" : g.rev);
  } catch (const sv::SystemError&) {
    if (!g.rev.empty()) throw;
    return against;  // no commit yet
  }
  return git.merge_base(against, current);
}

// Drops what the data at --changed-since had: the baseline's matcher (code,
// entity, nested id, counted), so that a finding moved to another line or
// file is the same finding, and one more of a kind is new.
void keep_new(const Global& g, const Scope& s, sv::Loaded& now,
              const std::function<void(sv::Loaded&, const std::string&)>& check) {
  auto git = sv::GitRepo::open(s.start);
  std::string commit = comparison_point(*git, g, s.changed_since);
  if (!git->find_samverkan_root(commit)) return;  // no data then: everything is new
  std::shared_ptr<sv::Source> src = sv::open_git_revision(git, commit);
  sv::LoadOptions opt{g.lang_option(), 0, g.no_cache ? "" : sv::Cache::default_dir()};
  sv::Loaded base = sv::load_repository(*src, opt);
  base.source = src;
  check(base, commit);
  sv::apply_baseline(now.repo, sv::make_baseline(base.repo, base.findings), sv::Severity::off, now.findings);
}

}  // namespace

void narrow(const Global& g, const Scope& s, sv::Loaded& now,
            const std::function<void(sv::Loaded&, const std::string&)>& check) {
  if (!s.changed_since.empty()) keep_new(g, s, now, check);
  if (s.files.empty()) return;
  std::erase_if(now.findings, [&](const sv::Finding& f) {
    return f.span.file < 0 || f.span.file >= static_cast<int>(now.repo.files.size()) ||
           !s.files.count(now.repo.files[f.span.file].path);
  });
}

}  // namespace cli
