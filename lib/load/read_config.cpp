// samverkan.yaml: the repository's name and language, what to leave out, the
// rules' settings and the calendar of obligations.
#include <cmath>

#include "core/dates.h"
#include "load/readers.h"
#include "core/fields.h"
#include "core/codes.h"

namespace sv::decode {
namespace {

// One option of a rule (`grace_days: 21`, `periods: [H1, year]`), as text for
// the rules layer to interpret.
RuleOption read_rule_option(const RawNode* key, const RawNode* value) {
  RuleOption option;
  option.key = {std::string(key->value), key->span, true};
  option.value = {std::string(value->is_scalar() ? value->value : ""), value->span, true};
  option.is_scalar = value->is_scalar();
  if (value->is_seq()) {
    option.is_list = true;
    for (const RawNode* item : value->kids)
      if (item->is_scalar()) option.items.push_back(Text{std::string(item->value), item->span, true});
  }
  return option;
}

// `rule: severity` or `rule: {severity: ..., option: ...}`.
RuleSetting read_rule_setting(MapReader& reader, const RawNode* key, const RawNode* value) {
  RuleSetting setting;
  setting.id = {std::string(key->value), key->span, true};
  setting.span = value->span;
  if (value->is_scalar()) {
    setting.severity = {std::string(value->value), value->span, true};
  } else if (value->is_map()) {
    for (size_t i = 0; i < value->pairs(); ++i) {
      const RawNode* option_value = value->val(i);
      if (value->key(i)->value == "severity" && option_value->is_scalar()) {
        setting.severity = {std::string(option_value->value), option_value->span, true};
        continue;
      }
      setting.options.push_back(read_rule_option(value->key(i), option_value));
    }
  } else {
    reader.mismatch(key->value, value, msg::w_mapping);
  }
  return setting;
}

void read_rule_settings(MapReader& reader, std::vector<RuleSetting>& out) {
  if (reader.describing()) {
    Lang lang = reader.ctx().lang;
    const Tr* severity_help = field_description("config", "rules.severity");
    Json severity{{"description", severity_help->get(lang)},
                  {"enum", Json::array({"off", "info", "warning", "error"})},
                  {"enumDescriptions", Json::array({msg::schema_sev_off.get(lang), msg::schema_sev_info.get(lang),
                                                    msg::schema_sev_warning.get(lang),
                                                    msg::schema_sev_error.get(lang)})}};
    Json setting{{"type", "object"}, {"properties", {{"severity", severity}}}};
    reader.declare("rules", Json{{"type", "object"},
                                 {"additionalProperties", Json{{"anyOf", Json::array({severity, setting})}}}});
    return;
  }
  const RawNode* rules = reader.take("rules");
  if (!rules) return;
  if (!rules->is_map()) return reader.mismatch("rules", rules, msg::w_mapping);
  for (size_t i = 0; i < rules->pairs(); ++i) out.push_back(read_rule_setting(reader, rules->key(i), rules->val(i)));
}

bool whole_between(double number, double low, double high) {
  return number >= low && number <= high && number == std::floor(number);
}

void read_calendar_entry(MapReader& reader, CalendarEntry& entry) {
  Ctx& ctx = reader.ctx();
  reader.id("id", entry.id, false);
  reader.text("title", entry.title);
  reader.number("month", entry.month, true);
  reader.number("day", entry.day);
  const Val<double>& month = entry.month;
  const Val<double>& day = entry.day;
  bool month_ok = month.set && whole_between(month.v, 1, 12);
  if (month.set && !month_ok)
    ctx.report(code::value_out_of_range, msg_of(msg::value_range, "month", msg::w_month, month.v), month.span);
  if (day.set && month_ok && !(day.v >= 1 && day.v == std::floor(day.v) && day.v <= days_in_month(2000, int(month.v))))
    ctx.report(code::value_out_of_range, msg_of(msg::value_range, "day", msg::w_day, day.v), day.span);
  reader.ref("collaboration", entry.collaboration, kind_bit(Kind::collaboration));
  reader.enumv("evidence", entry.evidence, enum_names<CalendarEvidence>());
}

}  // namespace

void read_config(MapReader& reader, Config& config) {
  reader.text("name", config.name, true);
  reader.enumv("language", config.language, enum_names<ConfigLanguage>());
  reader.texts("exclude", config.exclude);
  read_rule_settings(reader, config.rules);
  reader.list("calendar", config.calendar, [&](const RawNode* node, CalendarEntry& entry) {
    return nested(reader, "calendar", node, entry, msg::w_calendar_entry,
                  [&](MapReader& entry_reader) { read_calendar_entry(entry_reader, entry); });
  });
  reader.finish(&config.extensions);
}

}  // namespace sv::decode
