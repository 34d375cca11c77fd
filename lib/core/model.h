// The model: plain structs for the six kinds and the configuration, each value
// with the place in the source it came from. Nothing here knows about YAML.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/dates.h"

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

enum class Kind : uint8_t { organisation, collaboration, forum, plan, meeting, report };
inline constexpr Kind kAllKinds[] = {Kind::organisation, Kind::collaboration, Kind::forum,
                                     Kind::plan,         Kind::meeting,       Kind::report};
const char* kind_name(Kind k);
bool kind_from_name(std::string_view s, Kind& out);

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
};

struct Collaboration : Entity {
  Text name, parent, area, integration_level, purpose;
  List<Text> parties, needs, tags;
  List<TargetGroup> target_groups;
  Val<Coordinator> coordinator;
  Val<Agreement> agreement;
};

struct Member {
  Span span;
  Text organisation, name, role, deputy;
  Val<bool> chair;
};

struct Forum : Entity {
  Text name, collaboration, type, level, cadence, mandate;
  List<Member> members;
};

struct DatedValue {
  Span span;
  Val<double> value;
  Val<Date> date;
  Text note;
};

struct Goal {
  Span span;
  Text id, title, description, indicator, unit, direction;
  Val<DatedValue> baseline, target;
  List<DatedValue> measurements;
};

struct Update {
  Span span;
  Val<Date> date;
  Text status, note;
};

struct Activity {
  Span span;
  Text id, title, description, owner, status;
  Val<Contact> responsible;  // a contact; plain text is kept as the contact's `role`
  List<Text> goals, participants;
  Val<Date> start, due, completed;
  Val<double> budget;
  List<Update> updates;
  // The status, with the format's default.
  std::string status_or_default() const { return status.set ? status.v : "planned"; }
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
  std::string status_or_default() const { return status.set ? status.v : "draft"; }
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
  std::string status_or_default() const { return status.set ? status.v : "open"; }
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
};

struct Config {
  int file = -1;
  Text name, language;
  List<Text> exclude;
  std::vector<RuleSetting> rules;
  List<CalendarEntry> calendar;
  std::vector<Extension> extensions;
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

struct Repo {
  std::string root;  // absolute path of the root (work tree), or "" for a git tree
  std::vector<SourceFile> files;  // samverkan.yaml first, then data files by path
  Config config;
  std::vector<Organisation> organisations;
  std::vector<Collaboration> collaborations;
  std::vector<Forum> forums;
  std::vector<Plan> plans;
  std::vector<Meeting> meetings;
  std::vector<Report> reports;
  std::vector<std::vector<RefUse>> refs;  // the references in each file (index as in `files`)
  // Filled by index(): every id, and every "parent#local" nested id.
  std::unordered_map<std::string, EntityRef> ids;
  std::unordered_map<std::string, Nested> nested_ids;

  const Entity* find(std::string_view id) const;
  const Entity& entity(EntityRef r) const;
  template <class T>
  const T* find_as(std::string_view id) const {
    return dynamic_cast<const T*>(find(id));
  }
  size_t entity_count() const;
  // Calls f(const Entity&) for every entity, kinds in order, then file order.
  template <class F>
  void for_each_entity(F&& f) const {
    for (auto& e : organisations) f(e);
    for (auto& e : collaborations) f(e);
    for (auto& e : forums) f(e);
    for (auto& e : plans) f(e);
    for (auto& e : meetings) f(e);
    for (auto& e : reports) f(e);
  }
};

}  // namespace sv
