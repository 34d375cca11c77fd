// The format's enumerated values as typed constants, from enums.def: an enum
// class per enumerated field (ActivityStatus::done), with each value's YAML
// spelling, parsing, the list of allowed spellings and the label.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

namespace sv {

enum class Lang;  // core/messages.h

#define ENUM(type, field) enum class type : uint8_t {
#define VALUE(name, yaml, label) name,
#define PLAIN(name, yaml) name,
#define END(type) };
#include "core/enums.def"
#undef ENUM
#undef VALUE
#undef PLAIN
#undef END

// EnumTable<E>::names: the YAML spellings of E's values, in the order of
// enums.def (the value's number is its index); ::field: where the format uses E.
template <class E>
struct EnumTable;

#define ENUM(type, field_words)                       \
  template <>                                         \
  struct EnumTable<type> {                            \
    static constexpr const char* field = field_words; \
    static constexpr const char* names[] = {
#define VALUE(name, yaml, label) yaml,
#define PLAIN(name, yaml) yaml,
#define END(type) }; };
#include "core/enums.def"
#undef ENUM
#undef VALUE
#undef PLAIN
#undef END

// The YAML spellings a field of type E allows, in the table's order: what the
// loader accepts and lists in its messages, and the JSON schema's `enum`.
template <class E>
constexpr std::span<const char* const> enum_names() {
  return EnumTable<E>::names;
}

// The YAML spelling of a value: "done", "planning-day".
template <class E>
constexpr const char* enum_name(E value) {
  return EnumTable<E>::names[static_cast<size_t>(value)];
}

// The value a YAML spelling names; nullopt when it is none of E's.
template <class E>
constexpr std::optional<E> parse_enum(std::string_view yaml) {
  auto names = enum_names<E>();
  for (size_t i = 0; i < names.size(); ++i)
    if (yaml == names[i]) return static_cast<E>(i);
  return std::nullopt;
}

// The value's label in reports ("klar" / "done"); the YAML spelling for a
// value without one. Defined in enums.cpp for every E of the table.
template <class E>
const char* enum_label(E value, Lang lang);

// The label of a value as written; the text itself when it names no value of E.
template <class E>
std::string enum_text(std::string_view yaml, Lang lang) {
  auto value = parse_enum<E>(yaml);
  return value ? std::string(enum_label(*value, lang)) : std::string(yaml);
}

// What follows a goal's values for its unit: " %", " dagar", ...; empty for
// none (reports and the diff).
std::string unit_suffix(std::optional<GoalUnit> unit, Lang lang);

// Calls f(std::type_identity<E>{}) for every enum of the table, in order.
template <class F>
void for_each_enum(F&& f) {
#define ENUM(type, field) f(std::type_identity<type>{});
#define VALUE(name, yaml, label)
#define PLAIN(name, yaml)
#define END(type)
#include "core/enums.def"
#undef ENUM
#undef VALUE
#undef PLAIN
#undef END
}

}  // namespace sv
