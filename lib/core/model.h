// The model: plain structs for the kinds (core/kinds.def) and the configuration, each value
// with the place in the source it came from. Nothing here knows about YAML.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "core/dates.h"
#include "core/enums.h"
#include "core/kinds.h"

namespace sv {

// A place in a source file: 1-based line and column (column counted in
// Unicode code points), and the length of the marked text in code points.
struct Span {
  int file = -1;  // index into Repo::files; -1: no file
  int line = 0;
  int col = 0;
  int len = 0;
  bool valid() const { return file >= 0 && line > 0; }
};

// A value as written, with its span; `set` is false when the field was absent.
template <class T>
struct Val {
  T v{};
  Span span{};
  bool set = false;
  explicit operator bool() const { return set; }
  const T& operator*() const { return v; }
  const T* operator->() const { return &v; }
};

using Text = Val<std::string>;
template <class T>
using List = Val<std::vector<T>>;

// A value that was written but is not valid (an unknown enum value): the
// loader reported it and left the field unset; what depends on it is left alone.
template <class T>
bool invalid(const Val<T>& t) {
  return !t.set && t.span.valid();
}

// The typed value of an enumerated field (core/enums.def); nullopt when the
// field is absent or invalid. The Text keeps the value as written and its span.
template <class E>
std::optional<E> enum_of(const Text& t) {
  return t.set ? parse_enum<E>(t.v) : std::nullopt;
}

// An extension field (`x-...`): kept as text for templates, never checked.
struct Extension {
  std::string key;
  std::string value;  // scalars as written; mappings and lists are empty
};

struct Entity {
  Entity() = default;
  virtual ~Entity() = default;
  // Declared, because the virtual destructor would otherwise make every move
  // of an entity a copy.
  Entity(const Entity&) = default;
  Entity(Entity&&) noexcept = default;
  Entity& operator=(const Entity&) = default;
  Entity& operator=(Entity&&) noexcept = default;
  Kind kind{};
  Text id;
  int file = -1;
  Span span;  // the document's start
  std::vector<Extension> extensions;
  // Where findings about the whole entity point: the id's value, else the document.
  Span where() const { return id.set ? id.span : span; }
};

struct Contact {
  Span span;
  Text name, role, email, phone;
};

struct Organisation : Entity {
  Text name, type, parent, short_name, org_number, mandate, website;
  List<Text> services, tags;
  List<Contact> contacts;
  std::optional<OrgType> type_value() const { return enum_of<OrgType>(type); }
};

struct TargetGroup {
  Span span;
  Text id, name, description;
};

struct Coordinator : Contact {
  Text organisation;
  Val<double> fte;
};

struct Agreement {
  Span span;
  Val<Date> signed_on, valid_until;
  Text form, document;
  std::optional<AgreementForm> form_value() const { return enum_of<AgreementForm>(form); }
};

struct Collaboration : Entity {
  Text name, parent, area, integration_level, purpose;
  List<Text> parties, needs, tags;
  List<TargetGroup> target_groups;
  Val<Coordinator> coordinator;
  Val<Agreement> agreement;
  std::optional<IntegrationLevel> integration_level_value() const {
    return enum_of<IntegrationLevel>(integration_level);
  }
};

struct Member {
  Span span;
  Text organisation, name, role, deputy;
  Val<bool> chair;
  Val<Date> from, until;  // v1.1: the meetings it counts for (status.h: member_counts_at)
};

struct Forum : Entity {
  Text name, collaboration, type, level, cadence, mandate;
  List<Member> members;
  std::optional<ForumType> type_value() const { return enum_of<ForumType>(type); }
  std::optional<ForumLevel> level_value() const { return enum_of<ForumLevel>(level); }
  std::optional<Cadence> cadence_value() const { return enum_of<Cadence>(cadence); }
};

struct DatedValue {
  Span span;
  Val<double> value;
  Val<Date> date;
  Text note;
};

struct Goal {
  Span span;
  Text id, title, description, indicator, unit, direction, measure;
  Val<DatedValue> baseline, target;
  List<DatedValue> measurements;
  std::optional<GoalUnit> unit_value() const { return enum_of<GoalUnit>(unit); }
  std::optional<GoalDirection> direction_value() const { return enum_of<GoalDirection>(direction); }
  // How its values count (v1.1), with the format's default.
  GoalMeasure measure_value() const { return enum_of<GoalMeasure>(measure).value_or(GoalMeasure::level); }
};

struct Update {
  Span span;
  Val<Date> date;
  Text status, note;
  std::optional<ActivityStatus> status_value() const { return enum_of<ActivityStatus>(status); }
};

struct Activity {
  Span span;
  Text id, title, description, owner, status;
  Val<Contact> responsible;  // a contact; plain text is kept as the contact's `role`
  List<Text> goals, participants;
  Val<Date> start, due, completed;
  Val<double> budget, spent;  // SEK: planned, and the outcome so far (v1.1)
  List<Update> updates;
  // The status, with the format's default.
  ActivityStatus status_value() const { return enum_of<ActivityStatus>(status).value_or(ActivityStatus::planned); }
  // Its YAML spelling, for render until it uses status_value().
};

struct Approval {
  Span span;
  Text forum, meeting;
  Val<Date> date;
};

struct FollowUp {
  Span span;
  Val<Date> date;
  Text forum, type;
  std::optional<FollowUpType> type_value() const { return enum_of<FollowUpType>(type); }
};

struct Plan : Entity {
  Text title, collaboration, status;
  Val<Period> period;
  Val<Approval> approved;
  Val<Date> revised;
  List<Text> target_groups, needs;
  List<Goal> goals;
  List<Activity> activities;
  List<FollowUp> follow_ups;
  // The status, with the format's default.
  PlanStatus status_value() const { return enum_of<PlanStatus>(status).value_or(PlanStatus::draft); }
  // Its YAML spelling, for render until it uses status_value().
};

struct Attendee {
  Span span;
  Text organisation, name, role;
};

struct Item {
  Span span;
  Val<double> number_written;  // as written
  int number = 0;              // as written, else the position (1-based)
  Text title, notes;
  List<Text> refs, decisions;
};

struct Action {
  Span span;
  Text id, title, owner, responsible, status;
  Val<Date> due, completed;
  Val<double> item;
  // The status, with the format's default.
  ActionStatus status_value() const { return enum_of<ActionStatus>(status).value_or(ActionStatus::open); }
  // Its YAML spelling, for render until it uses status_value().
};

struct Minutes {
  Span span;
  List<Text> approved_by;
  Val<Date> approved;
};

struct Meeting : Entity {
  Text forum, type, location, chair, secretary;
  Val<Date> date, next_meeting;
  Val<TimeOfDay> start, end;
  List<Attendee> attendees, absent;
  List<Item> items;
  List<Action> actions;
  Val<Minutes> minutes;
  std::optional<MeetingType> type_value() const { return enum_of<MeetingType>(type); }
};

struct Report : Entity {
  Text collaboration, recipient, summary;
  Val<Period> period;
  Val<Contact> author;
  Val<Date> submitted;
  List<Text> highlights, challenges, next_steps;
};

// A rule's settings from samverkan.yaml: a severity and options, kept as text
// for the rules layer to interpret.
struct RuleOption {
  Text key;
  Text value;               // a scalar as written
  std::vector<Text> items;  // a list of scalars (`periods: [H1, year]`)
  bool is_list = false;
  bool is_scalar = true;    // false for a list, a mapping or empty
};
struct RuleSetting {
  Text id;
  Text severity;
  std::vector<RuleOption> options;
  Span span;
};

struct CalendarEntry {
  Span span;
  Text id, title, collaboration, evidence;
  Val<double> month, day;
  std::optional<CalendarEvidence> evidence_value() const { return enum_of<CalendarEvidence>(evidence); }
};

struct Config {
  int file = -1;
  Text name, language;
  List<Text> exclude;
  std::vector<RuleSetting> rules;
  List<CalendarEntry> calendar;
  std::vector<Extension> extensions;
  std::optional<ConfigLanguage> language_value() const { return enum_of<ConfigLanguage>(language); }
};

// One source file of the repository.
struct SourceFile {
  std::string path;     // relative to the root, '/'-separated
  std::string content;  // bytes as read
  // The loader found it binary, not UTF-8 or too large (and said so): no
  // rule reads it as text.
  bool not_text = false;
};

// What an id names: an entity (kind + index into its vector).
struct EntityRef {
  Kind kind{};
  size_t index = 0;
};

// A reference written in the data, recorded by the loader for the checks.
enum class Nested : uint8_t { none, goal, activity, target_group, action, any };
struct RefUse {
  Text target;              // as written: "id" or "id#local"
  uint8_t kinds = 0;        // bit (1 << Kind) for each kind it may name; 0xff: any
  Nested nested = Nested::none;  // for a bare local id: what it must be
  std::string scope;        // for a bare local id: the entity whose nested ids count
  std::string entity;       // the entity the reference is written in
};

// The entities of every kind, one list per kind (core/kinds.def): what a
// repository holds (Repo) and what one file holds (FileLoad).
struct EntityLists {
#define KIND(k_name, k_type, k_list, k_sv, k_en) std::vector<k_type> k_list;
#include "core/kinds.def"
#undef KIND

  // The list of kind T: of<Plan>() is `plans`.
  template <class T>
  std::vector<T>& of();
  template <class T>
  const std::vector<T>& of() const;
  // Calls f(list) for each kind's list, kinds in order.
  template <class F>
  void for_each_list(F&& f);
  template <class F>
  void for_each_list(F&& f) const;
  // Calls f(const Entity&) for every entity, kinds in order, then file order.
  template <class F>
  void for_each_entity(F&& f) const {
    for_each_list([&](const auto& list) {
      for (const auto& e : list) f(e);
    });
  }
  const Entity& entity(EntityRef r) const;
  size_t entity_count() const;
};

// KindOf<T>: the kind of model struct T, and the member of EntityLists holding it.
template <class T>
struct KindOf;
#define KIND(k_name, k_type, k_list, k_sv, k_en)                          \
  template <>                                                           \
  struct KindOf<k_type> {                                               \
    static constexpr Kind kind = Kind::k_name;                          \
    static constexpr std::vector<k_type> EntityLists::*member = &EntityLists::k_list; \
  };
#include "core/kinds.def"
#undef KIND

// Calls f(std::type_identity<T>{}) for each kind's model struct T, in order.
template <class F>
void for_each_kind(F&& f) {
#define KIND(k_name, k_type, k_list, k_sv, k_en) f(std::type_identity<k_type>{});
#include "core/kinds.def"
#undef KIND
}

// Calls f(std::type_identity<T>{}) with the model struct T of kind k, and
// returns what it returns: the way from a Kind known at run time to its type.
template <class F>
decltype(auto) visit_kind(Kind k, F&& f) {
  switch (k) {
#define KIND(k_name, k_type, k_list, k_sv, k_en) \
  case Kind::k_name:                            \
    return f(std::type_identity<k_type>{});
#include "core/kinds.def"
#undef KIND
  }
  std::abort();  // not a Kind
}

template <class T>
std::vector<T>& EntityLists::of() {
  return this->*KindOf<T>::member;
}
template <class T>
const std::vector<T>& EntityLists::of() const {
  return this->*KindOf<T>::member;
}
template <class F>
void EntityLists::for_each_list(F&& f) {
  for_each_kind([&](auto type) { f(of<typename decltype(type)::type>()); });
}
template <class F>
void EntityLists::for_each_list(F&& f) const {
  for_each_kind([&](auto type) { f(of<typename decltype(type)::type>()); });
}

struct Repo : EntityLists {
  std::string root;  // absolute path of the root (work tree), or "" for a git tree
  std::vector<SourceFile> files;  // samverkan.yaml first, then data files by path
  Config config;
  std::vector<std::vector<RefUse>> refs;  // the references in each file (index as in `files`)
  // Filled by index(): every id, and every "parent#local" nested id.
  std::unordered_map<std::string, EntityRef> ids;
  std::unordered_map<std::string, Nested> nested_ids;

  const Entity* find(std::string_view id) const;
  template <class T>
  const T* find_as(std::string_view id) const {
    return dynamic_cast<const T*>(find(id));
  }
};

// Calls f(id, nested) for every nested id of an entity (a collaboration's
// target groups, a plan's goals then activities, a meeting's actions), in
// the order written: what the index of nested ids, the language server and
// the live repository all walk.
template <class F>
void for_each_nested_id(const Entity& e, F&& f) {
  if (auto* c = dynamic_cast<const Collaboration*>(&e))
    for (const auto& t : c->target_groups.v) f(t.id, Nested::target_group);
  if (auto* p = dynamic_cast<const Plan*>(&e)) {
    for (const auto& g : p->goals.v) f(g.id, Nested::goal);
    for (const auto& a : p->activities.v) f(a.id, Nested::activity);
  }
  if (auto* m = dynamic_cast<const Meeting*>(&e))
    for (const auto& a : m->actions.v) f(a.id, Nested::action);
}

}  // namespace sv
