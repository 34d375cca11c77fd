// The history of every entity: the commits that changed it, with their dates
// and what they changed. Read from git by walking the first-parent chain from
// a commit: each commit is compared with its first parent, so a change that
// came in through a merge counts from the day it was merged into the branch,
// and is never counted twice. Entities are followed by id, not by path: a file
// renamed without a change of content changes no entity.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/dates.h"
#include "history/diff.h"
#include "core/messages.h"
#include "core/model.h"

namespace sv {

class GitRepo;

struct CommitInfo {
  std::string id;  // hex
  Date date;       // the committer date, in the committer's time zone
  std::string author, email, summary;
};

struct EntityEvent {
  size_t commit = 0;  // index into History::commits
  EntityDiff diff;    // what the commit did to the entity
};

struct History {
  // False when the history cannot be used (not in git, a shallow clone);
  // `unavailable` says why.
  bool available = false;
  const Tr* unavailable = nullptr;
  bool truncated = false;           // a shallow clone: the oldest commit's parent is missing
  std::vector<CommitInfo> commits;  // the commits the events name, newest first
  std::map<std::string, std::vector<EntityEvent>> events;  // by entity id, newest first
  // With HistoryQuery::search_absent: every entity id the walk met (for a
  // suggestion when the one asked about was never met).
  std::vector<std::string> seen;
  // How far the walk went: commits walked, and of them those whose files were
  // read (the benchmark and the tests look at these).
  size_t walked = 0, read = 0;
  // Blobs parsed, and blobs decoded from the per-file cache (parsed earlier,
  // in this run or another); a blob met again soon is taken from memory and
  // counts in neither.
  size_t parsed = 0, decoded = 0;
  mutable bool unavailable_said = false;  // the history rules say so once per run (history_usable)

  const std::vector<EntityEvent>& of(const std::string& id) const;
};

// What a reader asks of the history, so that the walk reads only the commits
// that change what it asks about and stops as soon as every question is
// answered: memory and time follow the questions, not the length of the
// history.
struct HistoryQuery {
  // Entities whose newest change (up to HistoryOptions::until) is asked: last_change.
  std::unordered_set<std::string> newest;
  // Entities whose changes dated after a day are asked (nullopt: every change,
  // as `samverkan log` shows them). The walk takes the first-parent chain as
  // ordered by committer date: it stops for a day once five commits in a row
  // are dated on or before it (git's own `--since` stops the same way).
  std::unordered_map<std::string, std::optional<Date>> after;
  // An entity that is not in the first commit read is looked for in every
  // older commit (a removed entity, for `log`); else it has no history.
  bool search_absent = false;
  // At most this many events per entity (`log --max-count`); 0 for no limit.
  size_t max_events = 0;
  // Of the changes found, those that answer no `newest` question are kept
  // only when this says so (null: all are): lint keeps the ones its rules
  // count, so what it holds follows its findings, not the history's length.
  std::function<bool(const EntityDiff&)> keep;
};

struct HistoryOptions {
  // Data already loaded (from the work tree or the commit): a blob with the
  // same content as one of its files is not parsed again.
  const Repo* known = nullptr;
  // The last day whose commits count: what later commits changed is not read
  // (they have no events), so the rules, which never count a commit dated
  // after their today, need not pay for them.
  std::optional<Date> until;
  // The per-file cache (cache.h) for the blobs that must be parsed, in a pack
  // of its own per repository and `cache_scope`; "" for none.
  std::string cache_dir;
  std::string cache_scope = "history";
  // What is asked; null for every change of every entity (tests compare the
  // answers to a query with it).
  const HistoryQuery* query = nullptr;
  // Called now and then with the number of commits walked (a terminal's
  // progress line); may be null.
  std::function<void(size_t walked)> progress;
  // Called with each event as the walk finds it (newest first) instead of
  // keeping it in History::events and its commit in History::commits:
  // `samverkan log` writes each one out at once and keeps only the text.
  std::function<void(const std::string& id, const CommitInfo& commit, EntityDiff&& diff)> on_event;
};

// The history of the data under `root` (a folder in the trees, "" for the
// top) from `commit` back. Files are chosen as in the work tree (*.yaml,
// *.yml, not hidden, not samverkan.yaml, not matched by `exclude`). A shallow
// clone gives what it has, marked truncated and unavailable to the rules.
History load_history(const GitRepo& git, const std::string& commit, const std::string& root,
                     const std::vector<std::string>& exclude, const HistoryOptions& o = {});
// The history behind the data at `path`: from `rev` (else HEAD) in the git
// repository holding it; `repo` is that data as loaded (its exclude globs
// apply, and its files need not be parsed again: it is `o.known`). Unavailable
// (not an error) when the path is not in git; a repository without commits
// has an empty history. Throws SystemError for an unknown revision or a
// corrupt repository.
History history_for(const std::string& path, const std::string& rev, const Repo& repo, HistoryOptions o = {});
// A history that cannot be read, and why.
History no_history(const Tr& why);

// The date of the newest commit that changed the entity (plan-outdated uses
// it when `revised` is missing), ignoring commits dated after `until` (the
// rules' today); nullopt when unknown.
std::optional<Date> last_change(const History& h, const std::string& entity_id,
                                std::optional<Date> until = std::nullopt);

// What `samverkan log` shows: an entity (`log ID`), or one goal, activity or
// meeting action of it (`log ID#NESTED`).
struct LogSubject {
  std::string id;
  // The nested object: its group and id ({"goal", "g1"}); none for the entity.
  std::optional<std::pair<std::string, std::string>> nested;
  // Whether the nested object is in the entity now: whether an entity added
  // in a commit that never mentions the object brought it.
  bool present = true;
  // At most this many commits, the newest (`log -n`); 0 for all.
  size_t max_count = 0;
};

// The groups whose objects `log ID#NESTED` can show.
inline constexpr const char* kLoggedGroups[] = {"goal", "activity", "action"};

// The subject's commits, newest first: for a nested object, the commits that
// changed it (with only its changes) and those that added or removed the
// entity with it.
std::vector<EntityEvent> log_events(const History& h, const LogSubject& s);

// `samverkan log`: the subject's commits, newest first.
std::string format_log_text(const History& h, const LogSubject& s, Lang lang);
std::string format_log_json(const History& h, const LogSubject& s);

// The same, one commit at a time (newest first, as log_events gives them):
// what the walk finds is written out as it is found, and only the text is
// kept until the header, which counts the commits, can be written.
class LogWriter {
 public:
  LogWriter(const LogSubject& s, Lang lang, bool json) : s_(s), lang_(lang), json_(json) {}
  void add(const CommitInfo& c, const EntityDiff& d);
  size_t count() const { return count_; }
  // The whole output, in pieces to `out` (the commits' text in pieces of at
  // most 64 KiB: it is not copied whole once more); `truncated`: the history
  // is a shallow clone's.
  void finish(bool truncated, const std::function<void(std::string_view)>& out) const;
  std::string finish(bool truncated) const;

 private:
  const LogSubject& s_;
  Lang lang_;
  bool json_;
  size_t count_ = 0;
  std::optional<Kind> newest_kind_;
  std::string body_;
};

}  // namespace sv
