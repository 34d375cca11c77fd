// Flattening: the readers, run in their flattening mode over a loaded entity
// (map_reader.h), write its fields; the table below says how the elements of
// its lists become objects.
#include "load/flatten.h"

#include <algorithm>
#include <optional>

#include "load/readers.h"

namespace sv {
namespace decode {
namespace {

// Every list whose elements are objects of their own, in the order the
// format lists them (the order of the diff's output). Other lists (tags,
// parties, goals, refs, ...) are one field, their items joined.
constexpr ListGroup kListGroups[] = {
    {"contacts", "contact", KeyBy::name_or_role},
    {"services", "service", KeyBy::text},
    {"needs", "need", KeyBy::text},
    {"target_groups", "target_group", KeyBy::id},  // a plan's target_groups are references: one field
    {"members", "member", KeyBy::organisation_and_who},
    {"goals", "goal", KeyBy::id},  // an activity's goals are references: one field
    {"measurements", "measurement", KeyBy::date},
    {"activities", "activity", KeyBy::id},
    {"updates", "update", KeyBy::date},
    {"follow_ups", "follow_up", KeyBy::date},
    {"attendees", "attendee", KeyBy::organisation_and_who},
    {"absent", "absent", KeyBy::organisation_and_who},
    {"items", "item", KeyBy::number},
    {"decisions", "decision", KeyBy::text},
    {"actions", "action", KeyBy::id},
    {"highlights", "highlight", KeyBy::text},
    {"challenges", "challenge", KeyBy::text},
    {"next_steps", "next_step", KeyBy::text},
};

using Fields = std::map<std::string, std::string>;

std::optional<std::string> take_field(Fields& fields, const char* name) {
  auto it = fields.find(name);
  if (it == fields.end()) return std::nullopt;
  std::string value = std::move(it->second);
  fields.erase(it);
  return value;
}

const std::string* find_field(const Fields& fields, const char* name) {
  auto it = fields.find(name);
  return it == fields.end() ? nullptr : &it->second;
}

// The key of a list element, from its fields; the fields that make it are
// no fields of its own (but a contact's or person's name and role are).
std::string element_key(KeyBy rule, Fields& fields, size_t position) {
  std::string by_position = fmt::format("#{}", position + 1);
  const std::string* name = find_field(fields, "name");
  const std::string* role = find_field(fields, "role");
  switch (rule) {
    case KeyBy::id: {
      auto id = take_field(fields, "id");
      return id && !id->empty() ? *id : by_position;
    }
    case KeyBy::date: return take_field(fields, "date").value_or(by_position);
    case KeyBy::number: return take_field(fields, "number").value_or(by_position);
    case KeyBy::name_or_role: return name ? *name : role ? *role : by_position;
    case KeyBy::organisation_and_who: {
      std::string who = name ? *name : role ? *role : "";
      std::string organisation = take_field(fields, "organisation").value_or("");
      return who.empty() ? organisation : organisation + ": " + who;
    }
    case KeyBy::text: break;
  }
  return by_position;
}

bool all_digits(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// Keys that are numbers (§ numbers, positions) sort as numbers.
bool key_less(const std::string& a, const std::string& b) {
  if (all_digits(a) && all_digits(b) && a.size() != b.size()) return a.size() < b.size();
  return a < b;
}

int group_rank(const std::string& group) {
  for (size_t i = 0; i < std::size(kListGroups); ++i)
    if (group == kListGroups[i].group) return static_cast<int>(i);
  return static_cast<int>(std::size(kListGroups));
}

// The kind's reader, over the entity. In the flattening mode the readers
// only read the model, so the const_cast writes nothing.
template <class T>
void flatten_as(const Entity& entity, FlatWriter& writer, void (*read)(MapReader&, T&)) {
  std::vector<Finding> findings;  // the readers' checks: not the diff's business
  std::vector<RefUse> refs;
  Ctx ctx{findings, refs, {}};
  ctx.mode = Mode::flatten;
  ctx.flat_slot = &writer;
  MapReader body(ctx, &kEmptyMapping, kind_name(entity.kind), entity.span);
  read(body, const_cast<T&>(static_cast<const T&>(entity)));
}

// The entity's fields: its id is its key, not a field (read_entity reads it).
void flatten_fields(const Entity& entity, FlatWriter& writer) {
  visit_kind(entity.kind, [&](auto type) {
    using T = typename decltype(type)::type;
    flatten_as<T>(entity, writer, read_kind);
  });
}

}  // namespace

const ListGroup* list_group(std::string_view list) {
  for (const ListGroup& group : kListGroups)
    if (group.list == list) return &group;
  return nullptr;
}

std::string flat_text(const std::string& text) { return text; }
std::string flat_text(double number) { return fmt::format("{}", number); }
std::string flat_text(bool yes) { return yes ? "true" : "false"; }
std::string flat_text(const Date& date) { return date.str(); }
std::string flat_text(const TimeOfDay& time) { return time.str(); }
std::string flat_text(const Period& period) { return period.text; }

FlatWriter::FlatWriter(Flat& flat, ObjectPath path)
    : flat_(&flat), path_(std::move(path)), fields_(&flat.objects[path_]) {}

FlatWriter FlatWriter::nested_mapping(std::string_view key) const {
  FlatWriter mapping = *this;
  mapping.prefix_ = prefix_ + std::string(key) + ".";
  return mapping;
}

void FlatWriter::put(std::string_view field, std::string value) {
  std::string name = prefix_;
  name += field;
  (*fields_)[std::move(name)] = std::move(value);
}

ObjectPath FlatWriter::new_child(std::string_view group, const std::string& key) const {
  ObjectPath path = path_;
  path.emplace_back(group, key);
  for (int repeat = 2; flat_->objects.count(path); ++repeat) path.back().second = fmt::format("{} ({})", key, repeat);
  return path;
}

void FlatWriter::add_element(const ListGroup& group, size_t position, Flat&& element) {
  auto own = element.objects.find(ObjectPath{});
  std::string key = element_key(group.key, own->second, position);
  ObjectPath path = new_child(group.group, key);
  flat_->objects.emplace(path, std::move(own->second));
  element.objects.erase(own);
  for (auto& [below, fields] : element.objects) {
    ObjectPath full = path;
    full.insert(full.end(), below.begin(), below.end());
    flat_->objects.emplace(std::move(full), std::move(fields));
  }
}

void FlatWriter::add_text(const ListGroup& group, const std::string& text) {
  flat_->objects.emplace(new_child(group.group, text), Fields{});
}

}  // namespace decode

bool ObjectPathLess::operator()(const ObjectPath& a, const ObjectPath& b) const {
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (a[i].first != b[i].first) {
      int rank_a = decode::group_rank(a[i].first), rank_b = decode::group_rank(b[i].first);
      return rank_a != rank_b ? rank_a < rank_b : a[i].first < b[i].first;
    }
    if (a[i].second != b[i].second) return decode::key_less(a[i].second, b[i].second);
  }
  return a.size() < b.size();
}

bool is_prose_group(std::string_view group) {
  for (const auto& list : decode::kListGroups)
    if (group == list.group) return list.key == decode::KeyBy::text;
  return false;
}

Flat flatten(const Entity& e, const std::string& file) {
  Flat flat;
  flat.kind = e.kind;
  flat.id = e.id.v;
  flat.file = file;
  decode::FlatWriter writer(flat, {});
  decode::flatten_fields(e, writer);
  for (const auto& extension : e.extensions) writer.put(extension.key, extension.value);
  return flat;
}

std::map<std::string, Flat> flatten(const Repo& repo) {
  std::map<std::string, Flat> out;
  repo.for_each_entity([&](const Entity& e) {
    if (!e.id.set || e.id.v.empty() || out.count(e.id.v)) return;
    std::string file = e.file >= 0 && e.file < static_cast<int>(repo.files.size()) ? repo.files[e.file].path : "";
    out.emplace(e.id.v, flatten(e, file));
  });
  return out;
}

}  // namespace sv
