// The fields of the format in a coordinator's words, from fields.def: a
// field's label ("målvärde", not `target.value`) and its values as a reader
// reads them (an enum's label, a number in its unit, a default said as such).
// The diff and the log speak this way; their JSON keeps the YAML names.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/messages.h"

namespace sv {

// A goal's values take their unit from the `unit` field of the goal they
// belong to (the goal itself, or the goal above a measurement).
inline constexpr std::string_view kUnitGroup = "goal";
inline constexpr std::string_view kUnitField = "unit";

// Where a field is (fields.def's owner): the kind's name for an entity's own
// fields ("plan"), else the group of the nested object ("goal").

// The field's label; the YAML key itself for a field the table does not
// have (an `x-` extension).
std::string field_label(std::string_view owner, std::string_view field, Lang lang);

// A value of the field as a coordinator reads it. Absent (nullopt): the
// default said as such ("planerad (standard)") where the field has one, else
// "–". `goal_unit` is the YAML unit of the goal the value belongs to, "" for none.
std::string field_value(std::string_view owner, std::string_view field, const std::optional<std::string>& value,
                        std::string_view goal_unit, Lang lang);

// Whether the field is said with its object when the object is added or
// removed (fields.def's SUMMARY).
bool field_in_summary(std::string_view owner, std::string_view field);

// What a field means, in a coordinator's words (field_help.def): the comment
// `samverkan new` writes above it, and an editor's hover. nullptr when the
// table has no description.
const Tr* field_description(std::string_view owner, std::string_view field);
// Every description with its owner and field, for the tests.
struct FieldDescription {
  std::string_view owner, field;
  const Tr* text;
};
const std::vector<FieldDescription>& field_descriptions();

// Every (owner, field) of the table, for the tests.
std::vector<std::pair<std::string_view, std::string_view>> table_fields();

}  // namespace sv
