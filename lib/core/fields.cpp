#include "core/fields.h"

#include <cstdlib>

#include "core/enums.h"
#include "core/kinds.h"
#include "core/model.h"
#include "core/msg/git.h"

namespace sv {
namespace {

// How a field's values read (fields.def's `how`).
enum class Shape { text, number, goal_value, sek, yes_no, kind, choice };
struct How {
  Shape shape = Shape::text;
  std::string (*choice_label)(std::string_view yaml, Lang lang) = nullptr;
  const char* default_yaml = nullptr;  // the value an absent field has
};

How text() { return {}; }
How number() { return {Shape::number}; }
How goal_value() { return {Shape::goal_value}; }
How sek() { return {Shape::sek}; }
How yes_no() { return {Shape::yes_no}; }
How kind() { return {Shape::kind}; }
template <class E>
How choice() {
  return {Shape::choice, &enum_text<E>, nullptr};
}
template <class E>
How choice(E default_value) {
  return {Shape::choice, &enum_text<E>, enum_name(default_value)};
}

struct Entry {
  std::string_view owner, field;
  const Tr* label;
  const Tr* part;  // a contact's field inside a mapping; null for none
  How how;
};

const std::vector<Entry>& table() {
  static const std::vector<Entry> entries = {
#define FIELD(owner, field, label, how) {#owner, field, &msg::label, nullptr, how},
#define PART(owner, field, label, part, how) {#owner, field, &msg::label, &msg::part, how},
#define SUMMARY(owner, field)
#include "core/fields.def"
#undef FIELD
#undef PART
#undef SUMMARY
  };
  return entries;
}

const Entry* find(std::string_view owner, std::string_view field) {
  const Entry* any = nullptr;
  for (const Entry& entry : table()) {
    if (entry.field != field) continue;
    if (entry.owner == owner) return &entry;
    if (entry.owner == "any") any = &entry;
  }
  return any;
}

// A number as written, with the language's decimal sign; other text as it is.
std::string number_text(const std::string& written, Lang lang) {
  char* end = nullptr;
  std::strtod(written.c_str(), &end);
  if (written.empty() || end != written.c_str() + written.size()) return written;
  std::string out = written;
  if (lang == Lang::sv)
    for (char& ch : out)
      if (ch == '.') ch = ',';
  return out;
}

std::string present_value(const How& how, const std::string& value, std::string_view goal_unit, Lang lang) {
  switch (how.shape) {
    case Shape::text: return value;
    case Shape::number: return number_text(value, lang);
    case Shape::goal_value: return number_text(value, lang) + unit_suffix(parse_enum<GoalUnit>(goal_unit), lang);
    case Shape::sek: return number_text(value, lang) + unit_suffix(GoalUnit::sek, lang);
    case Shape::yes_no:
      return value == "true" ? msg::git_yes.get(lang) : value == "false" ? msg::git_no.get(lang) : value;
    case Shape::kind: {
      Kind k{};
      return kind_from_name(value, k) ? kind_word(k).get(lang) : value;
    }
    case Shape::choice: return how.choice_label(value, lang);
  }
  return value;
}

}  // namespace

std::string field_label(std::string_view owner, std::string_view field, Lang lang) {
  const Entry* entry = find(owner, field);
  if (!entry) return std::string(field);
  if (!entry->part) return entry->label->get(lang);
  return tr(lang, msg::git_f_part, entry->label->get(lang), entry->part->get(lang));
}

std::string field_value(std::string_view owner, std::string_view field, const std::optional<std::string>& value,
                        std::string_view goal_unit, Lang lang) {
  const Entry* entry = find(owner, field);
  How how = entry ? entry->how : How{};
  if (value) return present_value(how, *value, goal_unit, lang);
  if (!how.default_yaml) return "–";
  return tr(lang, msg::git_default, present_value(how, how.default_yaml, goal_unit, lang));
}

bool field_in_summary(std::string_view owner, std::string_view field) {
  static const std::pair<std::string_view, std::string_view> summary[] = {
#define FIELD(owner, field, label, how)
#define PART(owner, field, label, part, how)
#define SUMMARY(owner, field) {#owner, field},
#include "core/fields.def"
#undef FIELD
#undef PART
#undef SUMMARY
  };
  for (const auto& [summary_owner, summary_field] : summary)
    if (summary_owner == owner && summary_field == field) return true;
  return false;
}

std::vector<std::pair<std::string_view, std::string_view>> table_fields() {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  for (const Entry& entry : table()) out.emplace_back(entry.owner, entry.field);
  return out;
}

}  // namespace sv

namespace sv {
namespace {

#define DESCRIBE(owner, field, sv_text, en_text) {#owner, field, Tr{"field." #owner "." field, sv_text, en_text}},
struct Description {
  std::string_view owner, field;
  Tr text;
};
const Description kDescriptions[] = {
#include "core/field_help.def"
};
#undef DESCRIBE

}  // namespace

const Tr* field_description(std::string_view owner, std::string_view field) {
  for (const Description& d : kDescriptions)
    if (d.owner == owner && d.field == field) return &d.text;
  return nullptr;
}

const std::vector<FieldDescription>& field_descriptions() {
  static const std::vector<FieldDescription> all = [] {
    std::vector<FieldDescription> v;
    for (const Description& d : kDescriptions) v.push_back({d.owner, d.field, &d.text});
    return v;
  }();
  return all;
}

}  // namespace sv
