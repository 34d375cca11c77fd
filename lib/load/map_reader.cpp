// The MapReader's reading of values: each in the three modes of map_reader.h.
#include "load/map_reader.h"
#include "core/wording.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

#include "core/fields.h"
#include "core/kinds.h"
#include "core/text.h"
#include "core/codes.h"

namespace sv::decode {
namespace {

std::string list_words(std::span<const char* const> items) {
  return join_quoted(std::vector<std::string>(items.begin(), items.end()));
}

bool parse_number(const RawNode* node, double& out) {
  if (!node->is_scalar() || node->quoted) return false;
  std::string_view written = node->value;
  if (written.empty()) return false;
  const char* begin = written.data();
  const char* end = begin + written.size();
  if (*begin == '+') ++begin;
  auto [stop, ec] = std::from_chars(begin, end, out);
  return ec == std::errc() && stop == end && std::isfinite(out);
}

// How a node is described in a type-mismatch message.
Arg found_as(const RawNode* node) {
  switch (node->type) {
    case RawNode::Type::null: return to_arg(msg::w_null);
    case RawNode::Type::seq: return to_arg(msg::w_list);
    case RawNode::Type::map: return to_arg(msg::w_mapping);
    case RawNode::Type::scalar: break;
  }
  // Masked before it is cut: "640823-323…" would show three of the four digits
  // that must never be shown, and the edge no longer sees a number in it.
  std::string written = mask_personal_numbers(node->value);
  std::string shown = written.size() > 40 ? written.substr(0, 40) + "…" : written;
  return to_arg(fmt::format("`{}`", shown));
}

// The labels of the values of the enum whose names `allowed` is (enums.def).
std::optional<std::vector<std::string>> enum_labels(std::span<const char* const> allowed, Lang lang) {
  std::optional<std::vector<std::string>> labels;
  for_each_enum([&](auto type) {
    using E = typename decltype(type)::type;
    if (enum_names<E>().data() != allowed.data()) return;
    labels.emplace();
    for (size_t i = 0; i < allowed.size(); ++i) labels->push_back(enum_label(static_cast<E>(i), lang));
  });
  return labels;
}

}  // namespace

Json text_schema() { return Json{{"type", Json::array({"string", "number", "boolean"})}}; }
Json pattern_schema(const char* pattern) { return Json{{"type", "string"}, {"pattern", pattern}}; }
Json ref_schema() { return pattern_schema("^[a-z0-9]+(-[a-z0-9]+)*(#[a-z0-9]+(-[a-z0-9]+)*)?$"); }
// A date is text: YAML 1.2's core schema (yaml-language-server's, js-yaml 4's
// CORE_SCHEMA) reads an unquoted 2026-03-01 as a string; `format: date` checks it
// is a day of the calendar (RFC 3339 full-date).
Json date_schema() { return Json{{"type", "string"}, {"format", "date"}}; }
Json period_schema() {
  return Json{{"anyOf", Json::array({Json{{"type", "integer"}, {"minimum", 1900}, {"maximum", 9999}},
                                     pattern_schema("^[0-9]{4}([HTQ][1-4])?$")})}};
}

MapReader::MapReader(Ctx& ctx, const RawNode* node, Arg what, Span where)
    : ctx_(ctx), node_(node), what_(std::move(what)), where_(where) {
  if (ctx_.describing() && ctx_.slot) {
    schema_ = ctx_.slot;
    ctx_.slot = nullptr;
    owner_ = ctx_.owner;
    prefix_ = ctx_.prefix;
    *schema_ = Json{{"type", "object"},
                    {"properties", Json::object()},
                    {"patternProperties", {{"^x-", Json::object()}}},
                    {"additionalProperties", false}};
  }
  if (ctx_.flattening()) {
    // Every mapping is reached through list() or object(), which say where it goes.
    if (!ctx_.flat_slot) throw std::logic_error("a mapping flattened outside list() or object()");
    flat_ = ctx_.flat_slot;
    ctx_.flat_slot = nullptr;
  }
}

bool MapReader::declare(std::string_view key, Json type, bool req) {
  if (!schema_) return describing();
  // What the field means (field_help.def), for an editor's hover and
  // completion; an entity's own fields fall back to those of every entity.
  std::string field = prefix_ + std::string(key);
  const Tr* description = field_description(owner_, field);
  Kind kind{};
  if (!description && prefix_.empty() && kind_from_name(owner_, kind)) description = field_description("any", field);
  if (description) {
    Json described{{"description", description->get(ctx_.lang)}};
    described.update(type);
    type = std::move(described);
  }
  (*schema_)["properties"][std::string(key)] = std::move(type);
  if (req) (*schema_)["required"].push_back(std::string(key));
  return true;
}

const RawNode* MapReader::take(std::string_view key) {
  known_.emplace_back(key);
  for (size_t i = 0; i < node_->pairs(); ++i) {
    if (node_->key(i)->value == key) {
      const RawNode* value = node_->val(i);
      return value->is_null() ? nullptr : value;
    }
  }
  return nullptr;
}

const RawNode* MapReader::key_node(std::string_view key) const {
  for (size_t i = 0; i < node_->pairs(); ++i)
    if (node_->key(i)->value == key) return node_->key(i);
  return nullptr;
}

void MapReader::missing(std::string_view key) {
  // An explicitly empty value points at the key; an absent one at the map.
  if (const RawNode* written = key_node(key))
    ctx_.report(code::field_required, msg_of(msg::field_required_empty, key, what_), written->span);
  else
    ctx_.report(code::field_required, msg_of(msg::field_required, key, what_), where_);
}

void MapReader::missing_when(std::string_view key, const Tr& condition) {
  ctx_.report(code::field_required, msg_of(msg::field_required_when, key, what_, condition), where_);
}

void MapReader::mismatch(std::string_view key, const RawNode* node, const Tr& expected) {
  ctx_.report(code::type_mismatch, msg_of(msg::type_mismatch, key, expected, found_as(node)), node->span);
}

bool MapReader::scalar(std::string_view key, const RawNode* node, Text& out) {
  if (describing()) {
    if (ctx_.slot) *ctx_.slot = text_schema();
    ctx_.slot = nullptr;
    return false;
  }
  if (!node->is_scalar()) {
    mismatch(key, node, msg::w_text);
    return false;
  }
  out.v = node->value;
  out.span = node->span;
  out.set = true;
  return true;
}

void MapReader::text(std::string_view key, Text& out, bool req) {
  if (describing()) return (void)declare(key, text_schema(), req);
  if (flattening()) return emit(key, out);
  const RawNode* node = take(key);
  if (!node) {
    if (req) missing(key);
    return;
  }
  // Blank text is no text: `title: "  "` is as missing as no title.
  if (scalar(key, node, out) && req && out.v.find_first_not_of(" \t\r\n") == std::string::npos) missing(key);
}

void MapReader::id(std::string_view key, Text& out, bool req) {
  if (describing()) return (void)declare(key, pattern_schema(kIdPattern), req);
  if (flattening()) return emit(key, out);
  text(key, out, req);
  if (out.set && !out.v.empty()) {
    check_id(out);
    if (what_.t) what_.s = out.v;  // "goal `g1`", in the reader's language
    else what_.s = fmt::format("{} `{}`", what_.s, out.v);
    where_ = out.span;
  }
}

void MapReader::check_id(const Text& id) {
  if (is_valid_id(id.v)) return;
  auto& finding = ctx_.report(code::id_invalid, msg_of(msg::id_invalid, id.v), id.span);
  if (auto suggestion = suggest_id(id.v); !suggestion.empty()) finding.help = msg_of(msg::help_id, suggestion);
}

bool MapReader::enum_value(std::string_view key, const Text& value, std::span<const char* const> allowed) {
  for (const char* word : allowed)
    if (value.v == word) return true;
  auto& finding =
      ctx_.report(code::enum_invalid, msg_of(msg::enum_invalid, value.v, key, list_words(allowed)), value.span);
  std::vector<std::string> candidates(allowed.begin(), allowed.end());
  if (auto suggestion = did_you_mean(value.v, candidates)) finding.help = msg_of(msg::help_did_you_mean, *suggestion);
  return false;
}

void MapReader::enumv(std::string_view key, Text& out, std::span<const char* const> allowed, bool req) {
  if (describing()) {
    // Each value with its label (enums.def), as VS Code's JSON and
    // yaml-language-server show them in completion and hover.
    Json schema{{"enum", Json(std::vector<std::string>(allowed.begin(), allowed.end()))}};
    if (auto labels = enum_labels(allowed, ctx_.lang)) schema["enumDescriptions"] = std::move(*labels);
    return (void)declare(key, std::move(schema), req);
  }
  if (flattening()) return emit(key, out);
  text(key, out, req);
  if (out.set && !enum_value(key, out, allowed)) out.set = false;
}

void MapReader::number(std::string_view key, Val<double>& out, bool req) {
  if (describing()) return (void)declare(key, Json{{"type", "number"}}, req);
  if (flattening()) return emit(key, out);
  const RawNode* node = take(key);
  if (!node) {
    if (req) missing(key);
    return;
  }
  if (!parse_number(node, out.v)) {
    mismatch(key, node, msg::w_number);
    return;
  }
  out.span = node->span;
  out.set = true;
}

void MapReader::boolean(std::string_view key, Val<bool>& out) {
  if (describing()) return (void)declare(key, Json{{"type", "boolean"}});
  if (flattening()) return emit(key, out);
  const RawNode* node = take(key);
  if (!node) return;
  static const char* const yes[] = {"true", "True", "TRUE"};
  static const char* const no[] = {"false", "False", "FALSE"};
  if (node->is_scalar() && !node->quoted) {
    for (const char* word : yes)
      if (node->value == word) out = {true, node->span, true};
    for (const char* word : no)
      if (node->value == word) out = {false, node->span, true};
  }
  if (!out.set) mismatch(key, node, msg::w_bool);
}

void MapReader::date(std::string_view key, Val<Date>& out, bool req) {
  if (describing()) return (void)declare(key, date_schema(), req);
  if (flattening()) return emit(key, out);
  const RawNode* node = take(key);
  if (!node) {
    if (req) missing(key);
    return;
  }
  date_node(key, node, out);
}

bool MapReader::date_node(std::string_view key, const RawNode* node, Val<Date>& out) {
  return parsed(key, node, out, parse_date, code::date_invalid, msg::date_invalid);
}

void MapReader::time(std::string_view key, Val<TimeOfDay>& out) {
  if (describing()) return (void)declare(key, pattern_schema("^[0-9]{2}:[0-9]{2}$"));
  if (flattening()) return emit(key, out);
  if (const RawNode* node = take(key)) parsed(key, node, out, parse_time, code::time_invalid, msg::time_invalid);
}

bool MapReader::period_node(std::string_view key, const RawNode* node, Val<Period>& out) {
  return parsed(key, node, out, parse_period, code::period_invalid, msg::period_invalid);
}

void MapReader::period(std::string_view key, Val<Period>& out, bool req) {
  if (describing()) return (void)declare(key, period_schema(), req);
  if (flattening()) return emit(key, out);
  const RawNode* node = take(key);
  if (!node) {
    if (req) missing(key);
    return;
  }
  period_node(key, node, out);
}

void MapReader::email(std::string_view key, Text& out) {
  if (describing()) return (void)declare(key, pattern_schema("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
  if (flattening()) return emit(key, out);
  text(key, out);
  if (out.set && !is_plausible_email(out.v)) ctx_.report(code::email_invalid, msg_of(msg::email_invalid, out.v), out.span);
}

void MapReader::url(std::string_view key, Text& out) {
  if (describing()) return (void)declare(key, pattern_schema("^https?://"));
  if (flattening()) return emit(key, out);
  text(key, out);
  if (out.set && !is_http_url(out.v)) ctx_.report(code::url_invalid, msg_of(msg::url_invalid, out.v), out.span);
}

bool MapReader::ref_shape(const Text& ref) {
  auto hash = ref.v.find('#');
  bool ok = hash == std::string::npos ? is_valid_id(ref.v)
                                      : is_valid_id(ref.v.substr(0, hash)) && is_valid_id(ref.v.substr(hash + 1));
  if (!ok) {
    auto& finding = ctx_.report(code::reference_invalid, msg_of(msg::reference_invalid, ref.v), ref.span);
    if (hash == std::string::npos)
      if (auto suggestion = suggest_id(ref.v); !suggestion.empty()) finding.help = msg_of(msg::help_id, suggestion);
  }
  return ok;
}

void MapReader::record(const Text& ref, uint8_t kinds, Nested nested, std::string scope) {
  if (ref_shape(ref)) ctx_.refs.push_back(RefUse{ref, kinds, nested, std::move(scope), ctx_.entity});
}

namespace {

// A reference's schema, with what it may name when the editor asks.
Json ref_schema_for(const Ctx& ctx, uint8_t kinds) {
  Json s = ref_schema();
  if (!ctx.annotate_refs) return s;
  Json names = Json::array();
  for (Kind k : kAllKinds)
    if (kinds & kind_bit(k)) names.push_back(kind_name(k));
  s["x-samverkan-ref"] = std::move(names);
  return s;
}

}  // namespace

void MapReader::local_refs(std::string_view key, const char* what) {
  if (!describing() || !ctx_.annotate_refs || !schema_) return;
  auto& property = (*schema_)["properties"][std::string(key)];
  if (property.is_object() && property.contains("items")) property["items"]["x-samverkan-ref"] = what;
}

void MapReader::ref(std::string_view key, Text& out, uint8_t kinds, bool req) {
  if (describing()) return (void)declare(key, ref_schema_for(ctx_, kinds), req);
  if (flattening()) return emit(key, out);
  text(key, out, req);
  // An empty reference (`owner: ""`) names nothing: it is invalid, not absent.
  if (out.set && (!out.v.empty() || !req)) record(out, kinds);
}

void MapReader::texts(std::string_view key, List<Text>& out, bool req) {
  list(key, out, [&](const RawNode* node, Text& item) { return scalar(key, node, item); }, req);
}

void MapReader::refs(std::string_view key, List<Text>& out, uint8_t kinds, bool req, bool unique) {
  if (describing()) {
    Json arr{{"type", "array"}, {"items", ref_schema_for(ctx_, kinds)}};
    if (req) arr["minItems"] = 1;
    if (unique) arr["uniqueItems"] = true;
    return (void)declare(key, std::move(arr), req);
  }
  std::unordered_map<std::string, Span> seen;
  list(key, out, [&](const RawNode* node, Text& ref) {
    if (!scalar(key, node, ref)) return false;
    record(ref, kinds);
    if (unique && !seen.emplace(ref.v, ref.span).second) {
      auto& finding = ctx_.report(code::list_duplicate, msg_of(msg::list_duplicate, ref.v, key), ref.span);
      finding.notes.push_back(Note{msg_of(msg::note_first_here), seen[ref.v]});
    }
    return true;
  }, req);
}

void MapReader::flatten_texts(std::string_view key, const List<Text>& out) {
  const ListGroup* group = list_group(key);
  if (group && group->key == KeyBy::text) {
    for (const Text& item : out.v) flat_->add_text(*group, item.v);
    return;
  }
  if (!out.set) return;
  std::vector<std::string> items;
  for (const Text& item : out.v) items.push_back(item.v);
  flat_->put(key, join(items));
}

void MapReader::finish(std::vector<Extension>* extensions) {
  for (size_t i = 0; i < node_->pairs(); ++i) {
    const RawNode* key_node = node_->key(i);
    std::string_view key = key_node->value;
    if (key.substr(0, 2) == "x-") {
      const RawNode* value = node_->val(i);
      if (extensions)
        extensions->push_back(Extension{std::string(key), std::string(value->is_scalar() ? value->value : "")});
      continue;
    }
    if (std::find(known_.begin(), known_.end(), key) != known_.end()) continue;
    auto& finding = ctx_.report(code::field_unknown, msg_of(msg::field_unknown, key, what_), key_node->span);
    if (auto suggestion = did_you_mean(key, known_)) finding.help = msg_of(msg::help_did_you_mean, *suggestion);
    else finding.help = msg_of(msg::help_known_fields, join_quoted(known_));
  }
}

Arg kind_and_id(Kind kind, const Text& id) {
  return id.set ? named(kind_word(kind), id.v) : to_arg(kind_word(kind));
}

void check_order(Ctx& ctx, std::string_view a_key, const Val<Date>& a, std::string_view b_key, const Val<Date>& b) {
  if (a.set && b.set && b.v < a.v)
    ctx.report(code::date_order, msg_of(msg::date_order, b_key, b.v.str(), a_key, a.v.str()), b.span);
}

void NestedIds::add(const Text& id) {
  if (!ctx_.reading() || !id.set || id.v.empty()) return;
  auto [it, fresh] = seen_.emplace(id.v, id.span);
  if (!fresh) {
    auto& finding = ctx_.report(code::id_duplicate, msg_of(msg::nested_id_duplicate, id.v, what_), id.span);
    finding.notes.push_back(Note{msg_of(msg::note_first_here), it->second});
  }
}

}  // namespace sv::decode
