// Helpers the rules share: lookups in the model (parties, units, forums,
// meetings), option defaults, and the small pure checks that have unit tests
// of their own (personnummer, cadence, § numbering).
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "history/history.h"
#include "lint/rule.h"

namespace sv::rules {

// Calls f(entity, item) for each goal, activity or action that has an id, in
// entities that have one (the others are reported by validation).
template <class F>
void each_goal(const Repo& r, F&& f) {
  for (const auto& p : r.plans)
    if (p.id.set)
      for (const auto& g : p.goals.v)
        if (g.id.set) f(p, g);
}
template <class F>
void each_activity(const Repo& r, F&& f) {
  for (const auto& p : r.plans)
    if (p.id.set)
      for (const auto& a : p.activities.v)
        if (a.id.set) f(p, a);
}
template <class F>
void each_action(const Repo& r, F&& f) {
  for (const auto& m : r.meetings)
    if (m.id.set)
      for (const auto& a : m.actions.v)
        if (a.id.set) f(m, a);
}

// The date a plan was last revised: `revised`, else its approval date. Where
// `revised` is missing, rules.md also counts the newest commit that changed the
// plan; that needs the git history, and this function is the place to ask it.
std::optional<Date> plan_last_revision(const Context& c, const Plan& p);

// The organisation at the top of `org`'s parent chain (itself if it has no
// parent); nullptr when `org` is unknown. Stops at a loop: at the first
// member of it that the chain reaches.
const Organisation* root_organisation(const Context& c, std::string_view org);

// The party of `collab` that `org` is, or that `org` is a unit under (through
// its parent chain); nullptr if none.
const Organisation* party_for(const Context& c, const Collaboration& collab, std::string_view org);

// An organisation's name for messages: "Name (id)", or the id.
std::string org_label(const Repo& repo, std::string_view org);

// The meetings of a forum that have a date, sorted by date (then id).
// From the run's index (Context::index()): one pass over the meetings for all forums.
const std::vector<const Meeting*>& meetings_of(const Context& c, std::string_view forum);

// The forums of a collaboration whose type is one of `types`, sorted by id.
std::vector<const Forum*> forums_of(const Context& c, std::string_view collab,
                                    std::initializer_list<ForumType> types);

// The parent chains of the organisations, walked once for all: where each
// chain ends and how far, so that a question about one organisation's chain
// costs what its answer costs, not the chain's length (a chain of thousands
// asked about by thousands of attendees). The chains form trees hanging from
// where they end: an organisation without a parent (or whose parent is no
// organisation), or a member of a loop of parents.
class OrgChains {
 public:
  explicit OrgChains(const Repo& repo);
  // As root_organisation and party_for.
  const Organisation* root(std::string_view org) const;
  const Organisation* party(const Collaboration& collab, std::string_view org) const;

 private:
  static constexpr size_t kNone = SIZE_MAX;
  size_t index_of(std::string_view id) const;
  // How many steps up `org`'s chain `up` is; kNone when it is not on it.
  size_t steps(size_t org, size_t up) const;
  void walk(const std::vector<size_t>& parent);
  void number(const std::vector<size_t>& parent);

  const Repo& repo_;
  std::vector<size_t> end_;        // where the chain from each ends: the last or first looping member
  std::vector<size_t> depth_;      // steps from each to its end
  std::vector<size_t> loop_at_;    // for a loop member, its place in the loop; else kNone
  std::vector<size_t> loop_size_;  // for a loop member, the loop's length
  std::vector<size_t> loop_of_;    // for a loop member, the loop's first member found (names the loop)
  std::vector<size_t> enter_, leave_;  // depth-first order of the trees: ancestors enclose
};

// Lookups the rules share, each built on first use, once per run, so that no
// rule pairs every forum with every meeting. Safe to use from several threads.
class Index {
 public:
  explicit Index(const Repo& repo) : repo_(repo) {}
  Index(const Index&) = delete;
  Index& operator=(const Index&) = delete;

  // Meetings with a forum and a date, by `forum`, sorted by date (then id).
  const std::vector<const Meeting*>& meetings_of_forum(std::string_view forum) const;
  // Forums with a collaboration, by `collaboration`, in model order.
  const std::vector<const Forum*>& forums_of_collaboration(std::string_view collab) const;
  // Plans and reports by their `collaboration` as written (empty when not set),
  // in model order.
  const std::vector<const Plan*>& plans_of_collaboration(std::string_view collab) const;
  const std::vector<const Report*>& reports_of_collaboration(std::string_view collab) const;
  const OrgChains& org_chains() const;

 private:
  template <class T>
  using By = std::unordered_map<std::string_view, std::vector<const T*>>;
  template <class T>
  static const std::vector<const T*>& find(const By<T>& by, std::string_view key) {
    static const std::vector<const T*> none;
    auto it = by.find(key);
    return it == by.end() ? none : it->second;
  }
  const Repo& repo_;
  mutable std::once_flag meetings_once_, forums_once_, plans_once_, reports_once_, chains_once_;
  mutable std::optional<OrgChains> chains_;
  mutable By<Meeting> meetings_;
  mutable By<Forum> forums_;
  mutable By<Plan> plans_;
  mutable By<Report> reports_;
};

// Reports each party of each collaboration that has forums of `types` but no
// member (itself or a unit under it) in any of them. `msg` gets the party's
// label, the collaboration id and the forum ids; `help` the party id.
void check_party_membership(Context& c, std::initializer_list<ForumType> types, const Tr& msg,
                            const Tr& help);

// Days a forum of this cadence may go between meetings (without grace);
// nullopt for `ad-hoc` (and, written, for an unknown cadence).
std::optional<int> cadence_days(Cadence cadence);
std::optional<int> cadence_days(std::string_view cadence);

// Problems in a meeting's § numbers, in order: each item whose number repeats
// an earlier one, skips (is higher than the one before + 1) or goes backwards.
struct NumberingProblem {
  enum class Kind { repeat, skip, backwards } kind;
  size_t index = 0;   // the item
  int expected = 0;   // the number it should have had
};
std::vector<NumberingProblem> numbering_problems(const std::vector<int>& numbers);

// What the history rules read of the history (HistoryOptions::query): the
// newest change of a plan without `revised` (plan_last_revision), and the
// commits dated after an approval (a plan's `approved.date`, a meeting's
// `minutes.approved`).
HistoryQuery history_needs(const Repo& repo);

// For the history rules: whether the history can be used. When not, the
// first rule to ask reports one info finding (`history-unavailable`) saying so.
bool history_usable(Context& c);

// For the rules about changes after an approval: the commits dated after
// `approved_on` (and not after the rules' today) that changed the entity
// without recording a new approval, as one note per commit and group of
// changed items ("<commit> <date> (<author>): goals g1, g2"); `last` is the
// newest such commit, or null when there is none. Keys of `numbered_group`
// are shown as § numbers.
// What a rule of the "changed after approval" kind watches: the lists of the
// entity whose changes count (with the word naming each in a note), which
// changes count, which commit records a new approval, and its texts
// (message {0} id {1} approved on {2} last change {3} commit; help {0} id).
struct ApprovalWatch {
  std::vector<std::pair<const char*, const Tr*>> groups;
  bool (*counts)(const ObjectChange&);
  bool (*records_approval)(const EntityDiff&);
  const Tr& message;
  const Tr& note;
  const Tr& help;
  const char* numbered_group = nullptr;  // its keys are item numbers, shown as "§3"
};
// An approved entity: its id, the approval date's field and the nested name
// findings about it are keyed on.
struct Approved {
  const std::string& id;
  const Val<Date>& on;
  const char* nested;
};
// What plan-changed-after-approval and minutes-changed-after-approval count
// (history_needs keeps only the changes either counts).
extern const ApprovalWatch plan_changes_watch, minutes_changes_watch;
// Reports each approved entity that changed, as `watch` says, in a commit
// dated after its approval and not after today, with a note per commit.
void report_changed_after_approval(Context& c, const std::vector<Approved>& approved, const ApprovalWatch& watch);

}  // namespace sv::rules
