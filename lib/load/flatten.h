// An entity as the diff and the history see it: objects (the entity, and the
// elements of its lists) with fields of text. Made by running the loader's
// own readers over the loaded entity (map_reader.h: the flattening mode), so
// that every field a reader reads is a field the diff compares.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model.h"

namespace sv {

// Where a nested object sits in its entity: (group, key) steps, e.g.
// {("goal", "g1"), ("measurement", "2026-04-30")}. Empty: the entity itself.
using ObjectPath = std::vector<std::pair<std::string, std::string>>;
// Groups in the order the format lists them, keys that are numbers as numbers.
struct ObjectPathLess {
  bool operator()(const ObjectPath& a, const ObjectPath& b) const;
};

// An entity as a set of objects, each a set of fields with their text.
struct Flat {
  Kind kind{};
  std::string id;
  std::string file;  // the path of the file it was read from
  std::map<ObjectPath, std::map<std::string, std::string>, ObjectPathLess> objects;
};

// Flattens every entity that has an id; the first of a repeated id wins.
std::map<std::string, Flat> flatten(const Repo& repo);
Flat flatten(const Entity& e, const std::string& file);

// Whether a group's objects are the texts of a prose list (needs, decisions,
// ...), keyed by the text itself.
bool is_prose_group(std::string_view group);

}  // namespace sv
