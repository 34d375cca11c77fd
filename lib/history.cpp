#include "history.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <memory>
#include <unordered_map>

#include "diff_json.h"
#include "git.h"
#include "git_ptr.h"
#include "load.h"
#include "rules/rule.h"
#include "text.h"

namespace sv {

using namespace gitp;

const std::vector<EntityEvent>& History::of(const std::string& id) const {
  static const std::vector<EntityEvent> none;
  auto it = events.find(id);
  return it == events.end() ? none : it->second;
}

History no_history(const Tr& why) {
  History h;
  h.unavailable = &why;
  return h;
}

namespace {

using Flats = std::vector<Flat>;

struct FileChange {
  std::string path;
  std::optional<git_oid> before, after;
};

class Walker {
 public:
  Walker(git_repository* repo, const std::vector<std::string>& exclude) : repo_(repo), exclude_(exclude) {}

  // Data files that differ between two trees (either may be null), found by
  // comparing entries by object id, so unchanged folders cost nothing.
  void changed(const git_tree* a, const git_tree* b, const std::string& rel, std::vector<FileChange>& out) {
    std::map<std::string, const git_tree_entry*> ea, eb;
    if (a)
      for (size_t i = 0; i < git_tree_entrycount(a); ++i) ea[git_tree_entry_name(git_tree_entry_byindex(a, i))] = git_tree_entry_byindex(a, i);
    if (b)
      for (size_t i = 0; i < git_tree_entrycount(b); ++i) eb[git_tree_entry_name(git_tree_entry_byindex(b, i))] = git_tree_entry_byindex(b, i);
    std::vector<std::string> names;
    for (auto& [n, e] : ea) names.push_back(n);
    for (auto& [n, e] : eb)
      if (!ea.count(n)) names.push_back(n);
    for (const std::string& name : names) {
      const git_tree_entry* x = ea.count(name) ? ea[name] : nullptr;
      const git_tree_entry* y = eb.count(name) ? eb[name] : nullptr;
      if (name.empty() || name[0] == '.') continue;
      if (rel.empty() && name == "samverkan.yaml") continue;
      if (x && y && git_oid_equal(git_tree_entry_id(x), git_tree_entry_id(y)) &&
          git_tree_entry_filemode(x) == git_tree_entry_filemode(y))
        continue;
      std::string path = rel.empty() ? name : rel + "/" + name;
      if (excluded(path)) continue;
      Tree ta = as_tree(x), tb = as_tree(y);
      if (ta || tb) changed(ta.get(), tb.get(), path, out);
      bool fa = is_data(x, name), fb = is_data(y, name);
      if (fa || fb) {
        FileChange fc{path, {}, {}};
        if (fa) fc.before = *git_tree_entry_id(x);
        if (fb) fc.after = *git_tree_entry_id(y);
        out.push_back(std::move(fc));
      }
    }
  }

  // Files already loaded, under their blob ids: their entities are taken
  // from the model instead of parsing the blob again.
  void seed(const Repo& r) {
    known_entities_.assign(r.files.size(), {});
    r.for_each_entity([&](const Entity& e) {
      if (e.file > 0 && e.file < static_cast<int>(r.files.size())) known_entities_[e.file].push_back(&e);
    });
    for (size_t i = 1; i < r.files.size(); ++i) {  // files[0] is samverkan.yaml
      git_oid id;
      const std::string& c = r.files[i].content;
      if (git_odb_hash(&id, c.data(), c.size(), GIT_OBJECT_BLOB) == 0) known_[key(id, r.files[i].path)] = i;
    }
  }

  // Parses the blobs that will be needed, in parallel: blobs are read here
  // (libgit2 handles stay on this thread), parsed on every core.
  void prefetch(const std::vector<std::pair<git_oid, std::string>>& wanted) {
    std::vector<std::pair<std::string, std::string>> todo;  // key, path
    std::vector<std::string> contents;
    for (const auto& [id, path] : wanted) {
      std::string k = key(id, path);
      if (cache_.count(k) || known_.count(k)) continue;
      cache_[k] = nullptr;  // claimed
      git_blob* b = nullptr;
      check(git_blob_lookup(&b, repo_, &id));
      Blob blob(b);
      contents.emplace_back(static_cast<const char*>(git_blob_rawcontent(b)), static_cast<size_t>(git_blob_rawsize(b)));
      todo.emplace_back(k, path);
    }
    std::vector<std::shared_ptr<const Flats>> out(todo.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i; (i = next.fetch_add(1)) < todo.size();) out[i] = parse(contents[i], todo[i].second);
    };
    unsigned n = std::max(1u, std::thread::hardware_concurrency());
    n = static_cast<unsigned>(std::min<size_t>(n, std::max<size_t>(1, todo.size() / 8)));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < n; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    for (size_t i = 0; i < todo.size(); ++i) cache_[todo[i].first] = std::move(out[i]);
  }

  // The entities of one blob (prefetched, or known from the model).
  std::shared_ptr<const Flats> entities(const git_oid& id, const std::string& path) {
    std::string k = key(id, path);
    auto it = cache_.find(k);
    if (it != cache_.end() && it->second) return it->second;
    auto flats = std::make_shared<Flats>();
    auto kn = known_.find(k);
    if (kn != known_.end()) {
      for (const Entity* e : known_entities_[kn->second])
        if (e->id.set && !e->id.v.empty()) flats->push_back(flatten(*e, path));
    } else {
      prefetch({{id, path}});
      return cache_[k];
    }
    return cache_[k] = flats;
  }

 private:
  bool excluded(const std::string& path) const {
    return std::any_of(exclude_.begin(), exclude_.end(), [&](const std::string& g) { return glob_match(g, path); });
  }
  Tree as_tree(const git_tree_entry* e) {
    if (!e || git_tree_entry_filemode(e) != GIT_FILEMODE_TREE) return nullptr;
    git_tree* t = nullptr;
    check(git_tree_lookup(&t, repo_, git_tree_entry_id(e)));
    return Tree(t);
  }
  static bool is_data(const git_tree_entry* e, const std::string& name) {
    if (!e) return false;
    git_filemode_t m = git_tree_entry_filemode(e);
    return (m == GIT_FILEMODE_BLOB || m == GIT_FILEMODE_BLOB_EXECUTABLE) && is_data_file_name(name);
  }

  static std::string key(const git_oid& id, const std::string& path) { return hex(&id) + ":" + path; }

  static std::shared_ptr<const Flats> parse(std::string_view content, const std::string& path) {
    FileLoad fl;
    load_file(0, content, fl);
    auto flats = std::make_shared<Flats>();
    auto add = [&](const auto& list) {
      for (const auto& e : list)
        if (e.id.set && !e.id.v.empty()) flats->push_back(flatten(e, path));
    };
    add(fl.organisations);
    add(fl.collaborations);
    add(fl.forums);
    add(fl.plans);
    add(fl.meetings);
    add(fl.reports);
    return flats;
  }

  git_repository* repo_;
  const std::vector<std::string>& exclude_;
  std::unordered_map<std::string, std::shared_ptr<const Flats>> cache_;
  std::unordered_map<std::string, size_t> known_;  // key → index into the known repo's files
  std::vector<std::vector<const Entity*>> known_entities_;
};

CommitInfo info_of(const git_commit* c) {
  CommitInfo ci;
  ci.id = hex(git_commit_id(c));
  long long t = static_cast<long long>(git_commit_time(c)) + 60LL * git_commit_time_offset(c);
  long long days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
  ci.date = Date::from_days(static_cast<long>(days));
  const git_signature* a = git_commit_author(c);
  if (a) {
    ci.author = a->name ? a->name : "";
    ci.email = a->email ? a->email : "";
  }
  const char* s = git_commit_summary(const_cast<git_commit*>(c));
  ci.summary = s ? s : "";
  return ci;
}

}  // namespace

History load_history(const GitRepo& git, const std::string& commit, const std::string& root,
                     const std::vector<std::string>& exclude, const Repo* known) {
  History h;
  h.available = true;
  git_repository* repo = git.raw();
  Walker walker(repo, exclude);
  if (known) walker.seed(*known);
  git_oid id;
  check(git_oid_fromstr(&id, commit.c_str()));
  git_commit* first = nullptr;
  check(git_commit_lookup(&first, repo, &id));
  Commit cur(first);
  // First the commits and the files each changed (trees compared by id)...
  std::vector<std::vector<FileChange>> steps;
  while (cur) {
    h.commits.push_back(info_of(cur.get()));
    Commit parent;
    if (git_commit_parentcount(cur.get()) > 0) {
      git_commit* p = nullptr;
      if (git_commit_parent(&p, cur.get(), 0) < 0) {
        // In a shallow clone the parent is not there: what this commit
        // changed is unknown, and the history stops here.
        if (!git.shallow()) check(-1);
        h.truncated = true;
        steps.emplace_back();
        break;
      }
      parent.reset(p);
    }
    git_tree* t = nullptr;
    check(git_commit_tree(&t, cur.get()));
    Tree tree(t), ptree;
    if (parent) {
      git_tree* pt = nullptr;
      check(git_commit_tree(&pt, parent.get()));
      ptree.reset(pt);
    }
    Tree now = subtree(repo, tree.get(), root);
    Tree before = ptree ? subtree(repo, ptree.get(), root) : nullptr;
    steps.emplace_back();
    walker.changed(before.get(), now.get(), "", steps.back());
    cur = std::move(parent);
  }
  // ...then every blob needed, parsed in parallel...
  std::vector<std::pair<git_oid, std::string>> wanted;
  for (const auto& files : steps)
    for (const auto& fc : files) {
      if (fc.before) wanted.emplace_back(*fc.before, fc.path);
      if (fc.after) wanted.emplace_back(*fc.after, fc.path);
    }
  walker.prefetch(wanted);
  // ...then what each commit did to each entity.
  for (size_t index = 0; index < steps.size(); ++index) {
    if (steps[index].empty()) continue;
    std::map<std::string, Flat> a, b;
    for (const auto& fc : steps[index]) {
      if (fc.before)
        for (const Flat& f : *walker.entities(*fc.before, fc.path)) a.emplace(f.id, f);
      if (fc.after)
        for (const Flat& f : *walker.entities(*fc.after, fc.path)) b.emplace(f.id, f);
    }
    for (auto& d : diff_flats(a, b)) {
      std::string eid = d.id;
      h.events[eid].push_back(EntityEvent{index, std::move(d)});
    }
  }
  if (h.truncated || git.shallow()) {
    h.available = false;
    h.unavailable = &msg::git_reason_shallow;
  }
  return h;
}

History history_for(const std::string& path, const std::string& rev, const Repo& repo) {
  const Config& config = repo.config;
  auto git = GitRepo::try_open(path);
  if (!git) return no_history(msg::git_reason_no_repo);
  std::vector<std::string> exclude;
  for (const auto& g : config.exclude.v) exclude.push_back(g.v);
  std::string root;
  if (rev.empty()) {
    auto rel = git->tree_path_of(find_root(path.empty() ? "." : path));
    if (!rel) return no_history(msg::git_reason_no_repo);
    root = *rel;
    git_oid head;
    if (git_reference_name_to_id(&head, git->raw(), "HEAD") < 0) {  // no commits yet
      History h;
      h.available = !git->shallow();
      return h;
    }
    return load_history(*git, hex(&head), root, exclude, &repo);
  }
  std::string commit = git->resolve(rev);
  return load_history(*git, commit, git->samverkan_root(commit, rev), exclude, &repo);
}

std::optional<Date> last_change(const History& h, const std::string& entity_id, std::optional<Date> until) {
  if (!h.available) return std::nullopt;
  for (const auto& e : h.of(entity_id))  // newest first
    if (!until || h.commits[e.commit].date <= *until) return h.commits[e.commit].date;
  return std::nullopt;
}

bool history_usable(rules::Context& c) {
  const History* h = c.history;
  if (h && h->available) return true;
  if (h && h->unavailable_said) return false;
  const Tr& why = h && h->unavailable ? *h->unavailable : msg::git_reason_no_repo;
  Finding& f = c.report(Span{}, "", "", msg_of(msg::git_history_unavailable, why));
  f.code = "history-unavailable";
  f.severity = Severity::info;
  if (h) h->unavailable_said = true;
  return false;
}

// ---------------------------------------------------------------------------
// samverkan log

std::string format_log_text(const History& h, const std::string& id, Lang lang) {
  const auto& ev = h.of(id);
  std::string out;
  if (!ev.empty()) {
    const EntityDiff& newest = ev.front().diff;
    std::string n = tr(lang, ev.size() == 1 ? msg::git_log_commits_one : msg::git_log_commits, ev.size());
    out += tr(lang, msg::git_log_header, kind_label(newest.kind, lang), id, n) + "\n";
  }
  for (const auto& e : ev) {
    const CommitInfo& c = h.commits[e.commit];
    out += fmt::format("\n{} {} {}: {}\n", c.id.substr(0, 10), c.date.str(), c.author, c.summary);
    if (e.diff.change != Change::changed) {
      const Tr& t = e.diff.change == Change::added ? msg::git_entity_added : msg::git_entity_removed;
      out += fmt::format("    {} {}\n", e.diff.change == Change::added ? '+' : '-',
                         tr(lang, t, kind_label(e.diff.kind, lang), id));
      continue;
    }
    for (const auto& oc : e.diff.objects) {
      char m = oc.change == Change::added ? '+' : oc.change == Change::removed ? '-' : '~';
      if (oc.change != Change::changed) {
        out += fmt::format("    {} {}\n", m, change_line(oc, nullptr, lang));
        continue;
      }
      for (const auto& f : oc.fields) out += fmt::format("    {} {}\n", m, change_line(oc, &f, lang));
    }
  }
  if (h.truncated) out += std::string("\n") + msg::git_log_truncated.get(lang) + "\n";
  return out;
}

std::string format_log_json(const History& h, const std::string& id) {
  using json = nlohmann::ordered_json;
  json commits = json::array();
  for (const auto& e : h.of(id)) {
    const CommitInfo& c = h.commits[e.commit];
    commits.push_back({{"commit", c.id},
                       {"date", c.date.str()},
                       {"author", c.author},
                       {"email", c.email},
                       {"summary", c.summary},
                       {"change", change_name(e.diff.change)},
                       {"changes", changes_json(e.diff)}});
  }
  json root = {{"entity", id}, {"truncated", h.truncated}, {"commits", std::move(commits)}};
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}


ChangedAfter changed_after_approval(const rules::Context& c, const std::string& id, const Date& approved_on,
                                    const std::vector<std::pair<const char*, const Tr*>>& groups,
                                    bool (*counts)(const ObjectChange&), bool (*records_approval)(const EntityDiff&),
                                    const Tr& note, const char* numbered_group) {
  ChangedAfter out;
  for (const auto& ev : c.history->of(id)) {
    const CommitInfo& ci = c.history->commits[ev.commit];
    if (ci.date <= approved_on || ci.date > c.today || ev.diff.change != Change::changed || records_approval(ev.diff))
      continue;
    bool counted = false;
    for (const auto& [group, word] : groups) {
      std::vector<std::string> keys;  // objects are sorted: one key's changes are adjacent
      for (const auto& o : ev.diff.objects)
        if (counts(o) && o.path[0].first == group && (keys.empty() || keys.back() != o.path[0].second))
          keys.push_back(o.path[0].second);
      if (keys.empty()) continue;
      if (numbered_group && std::string_view(group) == numbered_group)
        for (auto& k : keys) k = "§" + k;
      counted = true;
      out.notes.push_back(Note{msg_of(note, ci.id.substr(0, 10), ci.date.str(), ci.author, *word, join(keys)), {}});
    }
    if (counted && !out.last) out.last = &ci;
  }
  return out;
}

}  // namespace sv
