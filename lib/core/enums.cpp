#include "core/enums.h"

#include "core/messages.h"
#include "core/msg/render.h"
#include "core/wording.h"

namespace sv {
namespace {

// EnumLabels<E>::labels[i]: the label of E's value i, null for a PLAIN value.
// The texts stay in render.def, where the templates find them by name.
template <class E>
struct EnumLabels;

#define ENUM(type, field) \
  template <>             \
  struct EnumLabels<type> { \
    static constexpr const Tr* labels[] = {
#define VALUE(name, yaml, label) &msg::label,
#define PLAIN(name, yaml) nullptr,
#define END(type) };                                                        \
  static_assert(std::size(labels) == std::size(EnumTable<type>::names)); \
  };
#include "core/enums.def"
#undef ENUM
#undef VALUE
#undef PLAIN
#undef END

}  // namespace

template <class E>
const Tr* enum_label_text(E value) {
  return EnumLabels<E>::labels[static_cast<size_t>(value)];
}

template <class E>
const char* enum_label(E value, Lang lang) {
  const Tr* label = enum_label_text(value);
  return label ? label->get(lang) : enum_name(value);
}

#define ENUM(type, field)                                  \
  template const Tr* enum_label_text<type>(type);          \
  template const char* enum_label<type>(type, Lang);
#define VALUE(name, yaml, label)
#define PLAIN(name, yaml)
#define END(type)
#include "core/enums.def"
#undef ENUM
#undef VALUE
#undef PLAIN
#undef END

std::string unit_suffix(std::optional<GoalUnit> unit, Lang lang) {
  if (!unit) return "";
  switch (*unit) {
    case GoalUnit::percent: return " %";
    case GoalUnit::days: return " " + std::string(msg::r_unit_days.get(lang));
    case GoalUnit::sek: return " " + std::string(msg::r_unit_sek.get(lang));
    case GoalUnit::score: return " " + std::string(msg::r_unit_score.get(lang));
    case GoalUnit::count:
    case GoalUnit::other: return "";
  }
  return "";
}

}  // namespace sv
