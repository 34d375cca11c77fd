#include "lint/rule_util.h"

#include <algorithm>
#include <cctype>
#include <set>

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

const Organisation* root_organisation(const Repo& repo, std::string_view org) {
  const Organisation* o = repo.find_as<Organisation>(org);
  std::set<std::string> seen;
  while (o && o->parent.set && seen.insert(o->id.v).second) {
    const Organisation* up = repo.find_as<Organisation>(o->parent.v);
    if (!up) break;
    o = up;
  }
  return o;
}

const Organisation* party_for(const Repo& repo, const Collaboration& collab, std::string_view org) {
  const Organisation* o = repo.find_as<Organisation>(org);
  std::set<std::string> seen;
  while (o && seen.insert(o->id.v).second) {
    for (const auto& p : collab.parties.v)
      if (p.v == o->id.v) return o;
    if (!o->parent.set) break;
    o = repo.find_as<Organisation>(o->parent.v);
  }
  return nullptr;
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
          if (const Organisation* p = party_for(c.repo, collab, m.organisation.v); p && p->id.v == party.v)
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
