// Words inside messages: counts in their plural forms, enumerated values by
// their labels, and lists of names the user writes, quoted.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/enums.h"
#include "core/messages.h"

namespace sv {

// Plural forms: a count's text comes in a pair, NAME_one for exactly one and
// NAME for any other count ("{0} möte" / "{0} möten", "{0} meeting" /
// "{0} meetings"), which is the rule of both languages. plural() picks the
// text for n; count_of() is the count as a message's argument ("3 dagar").
inline const Tr& plural(long long n, const Tr& one, const Tr& other) { return n == 1 ? one : other; }
inline Message count_of(long long n, const Tr& one, const Tr& other) { return msg_of(plural(n, one, other), n); }

// The catalogue text of a value's label; null for a value without one
// (instantiated in enums.cpp for every enum of the table).
template <class E>
const Tr* enum_label_text(E value);

// A value as written, as a message's argument: its label, translated when the
// message is printed, for a message that describes the data ("ska mötas varje
// månad"); the YAML spelling in backticks when it has no label or names no
// value of E. A message telling the user what to write quotes the YAML
// spelling itself (`status: done`).
template <class E>
Arg enum_arg(std::string_view yaml) {
  auto value = parse_enum<E>(yaml);
  const Tr* label = value ? enum_label_text(*value) : nullptr;
  if (label) return to_arg(*label);
  return Arg{"`" + std::string(yaml) + "`"};
}
template <class E>
Arg enum_arg(E value) {
  return enum_arg<E>(enum_name(value));
}

// Joins items with ", ", each in backticks: names the user writes as they are
// (YAML keys and values, rule names), which a message quotes and never translates.
std::string join_quoted(const std::vector<std::string>& items);

}  // namespace sv
