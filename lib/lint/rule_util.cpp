#include "lint/rule_util.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>
#include <unordered_map>

#include "core/codes.h"
#include "history/history.h"
#include "core/text.h"
#include "core/msg/git.h"

namespace sv::rules {

std::optional<Date> plan_last_revision(const Context& c, const Plan& p) {
  if (p.revised.set) return p.revised.v;
  std::optional<Date> out;
  if (p.approved.set && p.approved.v.date.set) out = p.approved.v.date.v;
  // The newest commit that changed the plan (up to today) counts too.
  const History* h = c.history();
  if (auto changed = h ? last_change(*h, p.id.v, c.today) : std::nullopt)
    if (!out || *changed > *out) out = changed;
  return out;
}

OrgChains::OrgChains(const Repo& repo) : repo_(repo) {
  const size_t count = repo.organisations.size();
  std::vector<size_t> parent(count, kNone);
  for (size_t i = 0; i < count; ++i)
    if (repo.organisations[i].parent.set) parent[i] = index_of(repo.organisations[i].parent.v);
  walk(parent);
  number(parent);
}

size_t OrgChains::index_of(std::string_view id) const {
  auto it = repo_.ids.find(std::string(id));
  return it != repo_.ids.end() && it->second.kind == Kind::organisation ? it->second.index : kNone;
}

// Each organisation's end and depth, every one walked past once: a walk stops
// at an organisation an earlier walk went through, or finds a loop when it
// comes back to its own path.
void OrgChains::walk(const std::vector<size_t>& parent) {
  const size_t count = parent.size();
  end_.assign(count, kNone);
  depth_.assign(count, 0);
  loop_at_.assign(count, kNone);
  loop_size_.assign(count, 0);
  loop_of_.assign(count, kNone);
  std::vector<bool> on_path(count, false);
  std::vector<size_t> path;
  for (size_t start = 0; start < count; ++start) {
    if (end_[start] != kNone) continue;
    path.clear();
    size_t at = start;
    while (at != kNone && end_[at] == kNone && !on_path[at]) {
      on_path[at] = true;
      path.push_back(at);
      at = parent[at];
    }
    size_t tail = path.size();  // the path's members before a loop it closes
    if (at != kNone && on_path[at]) {
      tail = static_cast<size_t>(std::find(path.begin(), path.end(), at) - path.begin());
      for (size_t k = tail; k < path.size(); ++k) {
        end_[path[k]] = path[k];
        loop_at_[path[k]] = k - tail;
        loop_size_[path[k]] = path.size() - tail;
        loop_of_[path[k]] = at;
      }
    }
    // The rest end where the member after them ends (a loop member: there).
    for (size_t k = tail; k-- > 0;) {
      const size_t next = k + 1 < path.size() ? path[k + 1] : at;
      if (next == kNone) {
        end_[path[k]] = path[k];
        continue;
      }
      end_[path[k]] = loop_at_[next] != kNone ? next : end_[next];
      depth_[path[k]] = depth_[next] + 1;
    }
    for (size_t member : path) on_path[member] = false;
  }
}

// Depth-first order of the trees (children under the organisation they name
// as parent, but not across a loop), without recursion: chains may be long.
void OrgChains::number(const std::vector<size_t>& parent) {
  const size_t count = parent.size();
  std::vector<std::vector<size_t>> children(count);
  for (size_t i = 0; i < count; ++i)
    if (end_[i] != i) children[parent[i]].push_back(i);
  enter_.assign(count, 0);
  leave_.assign(count, 0);
  size_t clock = 0;
  std::vector<std::pair<size_t, size_t>> stack;  // (organisation, next child)
  for (size_t top = 0; top < count; ++top) {
    if (end_[top] != top) continue;
    stack.emplace_back(top, 0);
    enter_[top] = clock++;
    while (!stack.empty()) {
      auto& [at, next] = stack.back();
      if (next < children[at].size()) {
        const size_t child = children[at][next++];
        enter_[child] = clock++;
        stack.emplace_back(child, 0);
      } else {
        leave_[at] = clock;
        stack.pop_back();
      }
    }
  }
}

size_t OrgChains::steps(size_t org, size_t up) const {
  // Up the tree: `up` encloses `org`.
  if (end_[org] == end_[up] && enter_[up] <= enter_[org] && enter_[org] < leave_[up]) return depth_[org] - depth_[up];
  // Or round the loop the tree hangs from.
  const size_t entry = end_[org];
  if (loop_at_[up] == kNone || loop_at_[entry] == kNone || loop_of_[up] != loop_of_[entry]) return kNone;
  return depth_[org] + (loop_at_[up] + loop_size_[up] - loop_at_[entry]) % loop_size_[up];
}

const Organisation* OrgChains::root(std::string_view org) const {
  const size_t at = index_of(org);
  return at == kNone ? nullptr : &repo_.organisations[end_[at]];
}

const Organisation* OrgChains::party(const Collaboration& collab, std::string_view org) const {
  const size_t at = index_of(org);
  if (at == kNone) return nullptr;
  // The party nearest up the chain, as a walk up it would meet it first.
  size_t best = kNone, best_steps = kNone;
  for (const auto& p : collab.parties.v) {
    const size_t party = index_of(p.v);
    if (party == kNone) continue;
    if (const size_t n = steps(at, party); n < best_steps) {
      best = party;
      best_steps = n;
    }
  }
  return best == kNone ? nullptr : &repo_.organisations[best];
}

const Organisation* root_organisation(const Context& c, std::string_view org) {
  return c.index().org_chains().root(org);
}

const Organisation* party_for(const Context& c, const Collaboration& collab, std::string_view org) {
  return c.index().org_chains().party(collab, org);
}

std::string org_label(const Repo& repo, std::string_view org) {
  const Organisation* o = repo.find_as<Organisation>(org);
  if (o && o->name.set && !o->name.v.empty()) return fmt::format("{} ({})", o->name.v, org);
  return std::string(org);
}

const std::vector<const Meeting*>& Index::meetings_of_forum(std::string_view forum) const {
  std::call_once(meetings_once_, [&] {
    for (const auto& m : repo_.meetings)
      if (m.forum.set && m.date.set) meetings_[m.forum.v].push_back(&m);
    for (auto& [f, list] : meetings_)
      std::sort(list.begin(), list.end(), [](const Meeting* a, const Meeting* b) {
        return std::tie(a->date.v, a->id.v) < std::tie(b->date.v, b->id.v);
      });
  });
  return find(meetings_, forum);
}

const std::vector<const Forum*>& Index::forums_of_collaboration(std::string_view collab) const {
  std::call_once(forums_once_, [&] {
    for (const auto& f : repo_.forums)
      if (f.collaboration.set) forums_[f.collaboration.v].push_back(&f);
  });
  return find(forums_, collab);
}

const std::vector<const Plan*>& Index::plans_of_collaboration(std::string_view collab) const {
  std::call_once(plans_once_, [&] {
    for (const auto& p : repo_.plans) plans_[p.collaboration.v].push_back(&p);
  });
  return find(plans_, collab);
}

const std::vector<const Report*>& Index::reports_of_collaboration(std::string_view collab) const {
  std::call_once(reports_once_, [&] {
    for (const auto& r : repo_.reports) reports_[r.collaboration.v].push_back(&r);
  });
  return find(reports_, collab);
}

const OrgChains& Index::org_chains() const {
  std::call_once(chains_once_, [&] { chains_.emplace(repo_); });
  return *chains_;
}

const std::vector<const Meeting*>& meetings_of(const Context& c, std::string_view forum) {
  return c.index().meetings_of_forum(forum);
}

std::vector<const Forum*> forums_of(const Context& c, std::string_view collab,
                                    std::initializer_list<ForumType> types) {
  std::vector<const Forum*> out;
  for (const Forum* f : c.index().forums_of_collaboration(collab))
    if (auto type = f->type_value(); type && std::find(types.begin(), types.end(), *type) != types.end())
      out.push_back(f);
  std::sort(out.begin(), out.end(), [](const Forum* a, const Forum* b) { return a->id.v < b->id.v; });
  return out;
}

void check_party_membership(Context& c, std::initializer_list<ForumType> types, const Tr& msg,
                            const Tr& help) {
  for (const auto& collab : c.repo.collaborations) {
    if (!collab.id.set) continue;
    auto forums = forums_of(c, collab.id.v, types);
    if (forums.empty()) continue;
    std::vector<std::string> names;
    for (const Forum* f : forums) names.push_back(f->id.v);
    for (const auto& party : collab.parties.v) {
      if (!c.repo.find_as<Organisation>(party.v)) continue;  // reported by validation
      bool member = false;
      for (const Forum* f : forums)
        for (const auto& m : f->members.v)
          if (const Organisation* p = party_for(c, collab, m.organisation.v); p && p->id.v == party.v)
            member = true;
      if (member) continue;
      c.report(party.span, collab.id.v, party.v,
               msg_of(msg, org_label(c.repo, party.v), collab.id.v, join(names)), msg_of(help, party.v));
    }
  }
}

std::optional<int> cadence_days(Cadence cadence) {
  switch (cadence) {
    case Cadence::weekly: return 7;
    case Cadence::biweekly: return 14;
    case Cadence::monthly: return 31;
    case Cadence::bimonthly: return 61;
    case Cadence::quarterly: return 92;
    case Cadence::semiannual: return 183;
    case Cadence::annual: return 366;
    case Cadence::ad_hoc: return std::nullopt;
  }
  return std::nullopt;
}

std::optional<int> cadence_days(std::string_view cadence) {
  auto value = parse_enum<Cadence>(cadence);
  return value ? cadence_days(*value) : std::nullopt;
}

std::vector<NumberingProblem> numbering_problems(const std::vector<int>& numbers) {
  std::vector<NumberingProblem> out;
  std::set<int> seen;
  int expected = numbers.empty() ? 1 : numbers[0];  // a series may start anywhere (§ 45, § 46, ...)
  for (size_t i = 0; i < numbers.size(); ++i) {
    int n = numbers[i];
    if (seen.count(n)) {
      out.push_back({NumberingProblem::Kind::repeat, i, expected});
      continue;
    }
    seen.insert(n);
    if (n > expected) {
      out.push_back({NumberingProblem::Kind::skip, i, expected});
    } else if (n < expected) {
      out.push_back({NumberingProblem::Kind::backwards, i, expected});
      continue;
    }
    expected = n + 1;
  }
  return out;
}

HistoryQuery history_needs(const Repo& repo) {
  HistoryQuery q;
  // Every approval date, whatever the status: a superset of what the rules
  // ask about is enough, and keeps this in step with them without their details.
  auto after = [&](const std::string& id, const Date& on) {
    auto [it, fresh] = q.after.try_emplace(id, on);
    if (!fresh && it->second && on < *it->second) it->second = on;  // a repeated id: the earliest
  };
  for (const auto& p : repo.plans) {
    if (!p.id.set) continue;
    if (!p.revised.set) q.newest.insert(p.id.v);  // plan_last_revision
    if (p.approved.set && p.approved.v.date.set) after(p.id.v, p.approved.v.date.v);
  }
  for (const auto& m : repo.meetings)
    if (m.id.set && m.minutes.set && m.minutes.v.approved.set) after(m.id.v, m.minutes.v.approved.v);
  // Of the changes after an approval, only those a watch counts (changes_after
  // reads no other): a plan's follow-up, commit after commit, is not held.
  q.keep = [](const EntityDiff& d) {
    if (d.change != Change::changed) return false;
    for (const ApprovalWatch* w : {&plan_changes_watch, &minutes_changes_watch})
      if (!w->records_approval(d) && std::any_of(d.objects.begin(), d.objects.end(), w->counts)) return true;
    return false;
  };
  return q;
}

bool history_usable(Context& c) {
  const History* h = c.history();
  if (h && h->available) return true;
  static std::mutex said;  // rules may run in parallel: one of them says it
  std::lock_guard<std::mutex> lock(said);
  if (h && h->unavailable_said) return false;
  const Tr& why = h && h->unavailable ? *h->unavailable : msg::git_reason_no_repo;
  Finding& f = c.report(Span{}, "", "", msg_of(msg::git_history_unavailable, why));
  f.code = code::history_unavailable;
  f.severity = Severity::info;
  if (h) h->unavailable_said = true;
  return false;
}

// The commits after `on` that changed what `watch` counts in `id`, newest
// first: a note each, and the newest.
static std::vector<Note> changes_after(const Context& c, const std::string& id, const Date& on,
                                       const ApprovalWatch& watch, const CommitInfo*& last) {
  std::vector<Note> notes;
  const History& h = *c.history();
  for (const auto& ev : h.of(id)) {
    const CommitInfo& ci = h.commits[ev.commit];
    if (ci.date <= on || ci.date > c.today || ev.diff.change != Change::changed || watch.records_approval(ev.diff))
      continue;
    bool counted = false;
    for (const auto& [group, word] : watch.groups) {
      std::vector<std::string> keys;  // objects are sorted: one key's changes are adjacent
      for (const auto& o : ev.diff.objects)
        if (watch.counts(o) && o.path[0].first == group && (keys.empty() || keys.back() != o.path[0].second))
          keys.push_back(o.path[0].second);
      if (keys.empty()) continue;
      if (watch.numbered_group && std::string_view(group) == watch.numbered_group)
        for (auto& k : keys) k = "§" + k;
      counted = true;
      notes.push_back(Note{msg_of(watch.note, ci.id.substr(0, 10), ci.date.str(), ci.author, *word, join(keys)), {}});
    }
    if (counted && !last) last = &ci;
  }
  return notes;
}

void report_changed_after_approval(Context& c, const std::vector<Approved>& approved, const ApprovalWatch& watch) {
  if (approved.empty() || !history_usable(c)) return;
  for (const Approved& a : approved) {
    const CommitInfo* last = nullptr;
    std::vector<Note> notes = changes_after(c, a.id, a.on.v, watch, last);
    if (!last) continue;
    Finding& f = c.report(a.on.span, a.id, a.nested,
                          msg_of(watch.message, a.id, a.on.v.str(), last->date.str(), last->id.substr(0, 10)),
                          msg_of(watch.help, a.id));
    f.notes = std::move(notes);
  }
}

}  // namespace sv::rules
