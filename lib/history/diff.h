// The semantic diff: what changed between two versions of the data, entity by
// entity and field by field, in the terms a coordinator reads ("mål g1:
// målvärde: 60 % → 65 %", core/fields.h). Entities are matched by id, never
// by path.
#pragma once

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/messages.h"
#include "core/model.h"
#include "load/flatten.h"

namespace sv {

// The entity as objects and fields (Flat, ObjectPath, flatten) is the
// loader's: load/flatten.h.

struct FieldChange {
  std::string field;                    // the YAML key, dotted below a mapping: "target.value"
  std::optional<std::string> old_value;  // nullopt: absent
  std::optional<std::string> new_value;
};

enum class Change { added, removed, changed };
const char* change_name(Change c);  // "added", "removed", "changed"

struct ObjectChange {
  ObjectPath path;  // empty: the entity's own fields
  Change change = Change::changed;
  // What changed; for an object added or removed, its own fields (not those
  // of the objects below it) as they were or are.
  std::vector<FieldChange> fields;
  // The unit (YAML) of the goal the object belongs to, before and after: its
  // values are in it. Empty for none.
  std::string unit_before, unit_after;
};

struct EntityDiff {
  Kind kind{};
  std::string id;
  std::string file;  // the newer file (the older one for a removed entity)
  Change change = Change::changed;
  std::vector<ObjectChange> objects;  // for a changed entity, sorted
};

// Compares two versions of one entity; nullopt when they are the same.
// Either side may be missing (added / removed).
std::optional<EntityDiff> diff_entity(const Flat* before, const Flat* after);

// Every entity that differs, sorted by kind then id.
std::vector<EntityDiff> diff_repos(const Repo& before, const Repo& after);
std::vector<EntityDiff> diff_flats(const std::map<std::string, Flat>& before, const std::map<std::string, Flat>& after);

// Whether an object path lies in one of the groups, at its top level
// (e.g. {"goal", "activity"}).
bool in_groups(const ObjectPath& p, std::initializer_list<const char*> groups);

// "goal g1 › measurement 2026-04-30", in the language.
std::string object_label(const ObjectPath& p, Lang lang);
// "plan", "möte", ... for a kind.
const char* kind_label(Kind k, Lang lang);
// One change of an entity of kind `k` as a line of text: "mål g1: målvärde:
// 60 → 65"; for an object added or removed (f null), that, with the fields
// said with it ("mätning 2026-04-30 har lagts till: värde 44 %").
std::string change_line(Kind k, const ObjectChange& o, const FieldChange* f, Lang lang);

struct DiffOutput {
  std::string from, to;  // the revisions compared; `to` is empty for the work tree
  Lang lang = Lang::sv;
};
std::string format_diff_text(const std::vector<EntityDiff>& d, const DiffOutput& o);
std::string format_diff_md(const std::vector<EntityDiff>& d, const DiffOutput& o);
std::string format_diff_json(const std::vector<EntityDiff>& d, const DiffOutput& o);

}  // namespace sv
