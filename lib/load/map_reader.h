// The readers' machinery: a MapReader reads one YAML mapping into the model.
// The same reader code (readers.h) runs in three modes, so that what is read,
// what the schema says and what the diff compares are described once:
//   read      YAML → model, reporting every problem as a finding;
//   describe  over an empty mapping: says what it would read, as JSON Schema
//             (`samverkan schema`);
//   flatten   over a loaded model object: writes each field's text into a
//             Flat (flatten.h), the objects and fields the diff compares.
// In the describing and flattening modes nothing is read and the readers'
// checks report into a sink; in the flattening mode the readers must not
// write to the model (it is the caller's, shared between threads).
// Private to the loader.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/codes.h"
#include "core/enums.h"
#include "core/finding.h"
#include "core/model.h"
#include "core/msg/core.h"
#include "load/flatten.h"
#include "load/tree.h"

namespace sv::decode {

using Json = nlohmann::ordered_json;

constexpr uint8_t kAnyKind = 0xff;

enum class Mode : uint8_t { read, describe, flatten };

// How the diff names the elements of a list: list key → the group of its
// objects and what an element's key is made of (flatten.cpp holds the table).
enum class KeyBy : uint8_t {
  text,                  // a prose list: each text is an object, keyed by the text
  id,                    // the `id`, else "#position"
  name_or_role,          // the `name`, else the `role`, else "#position"
  organisation_and_who,  // "organisation: name-or-role"
  date,                  // the `date`, else "#position"
  number,                // the `number` (a meeting item's, as numbered)
};
struct ListGroup {
  std::string_view list;  // the YAML key of the list
  std::string_view group;  // the objects' group in an ObjectPath
  KeyBy key;
};
// The group of a list of mappings or of prose; nullptr for other lists
// (their texts are one field, joined).
const ListGroup* list_group(std::string_view list);

// Where the flattening mode writes: one object of a Flat, with a prefix for
// the fields of a nested mapping ("coordinator.").
class FlatWriter {
 public:
  FlatWriter(Flat& flat, ObjectPath path);
  // The fields of the mapping under `key`, as dotted fields of this object.
  FlatWriter nested_mapping(std::string_view key) const;
  void put(std::string_view field, std::string value);
  // A list element, flattened into `element`: its own fields at {}, its own
  // list elements below. It becomes an object of `group`, named by its key rule.
  void add_element(const ListGroup& group, size_t position, Flat&& element);
  // A text of a prose list: an object without fields, keyed by the text.
  void add_text(const ListGroup& group, const std::string& text);

 private:
  // The path of a new object; repeated keys get " (2)", " (3)", ...
  ObjectPath new_child(std::string_view group, const std::string& key) const;
  Flat* flat_;
  ObjectPath path_;
  std::map<std::string, std::string>* fields_;
  std::string prefix_;
};

// A value as the diff shows it.
std::string flat_text(const std::string& text);
std::string flat_text(double number);
std::string flat_text(bool yes);
std::string flat_text(const Date& date);
std::string flat_text(const TimeOfDay& time);
std::string flat_text(const Period& period);

struct Ctx {
  std::vector<Finding>& findings;
  std::vector<RefUse>& refs;
  std::string entity;  // id of the entity being read
  Mode mode = Mode::read;
  // Where the next mapping or list item is described (describe) or written
  // (flatten); the MapReader made for it takes it.
  Json* slot = nullptr;
  FlatWriter* flat_slot = nullptr;
  // describe: also say what each reference may name (`x-samverkan-ref`), for
  // the language server's completion (editor_schema()); never in the schema
  // `samverkan schema` prints.
  bool annotate_refs = false;
  // describe: whose fields the next mapping holds (fields.def's owner, and
  // the prefix of a nested mapping's dotted fields: "coordinator."), and the
  // language of the descriptions (field_help.def, enums.def's labels).
  std::string owner;
  std::string prefix;
  Lang lang = Lang::sv;

  bool reading() const { return mode == Mode::read; }
  bool describing() const { return mode == Mode::describe; }
  bool flattening() const { return mode == Mode::flatten; }
  Finding& report(Code code, Message m, Span sp) {
    findings.push_back(make_finding(code, std::move(m), sp, entity));
    return findings.back();
  }
};

// JSON Schema pieces for the format's value types.
inline constexpr const char* kIdPattern = "^[a-z0-9]+(-[a-z0-9]+)*$";
Json text_schema();
Json pattern_schema(const char* pattern);
Json ref_schema();
Json date_schema();
Json period_schema();

// The empty mapping the describing and flattening modes run over.
inline const RawNode kEmptyMapping{RawNode::Type::map, false, {}, {}, {}, 1};

class MapReader {
 public:
  // `what` names the mapping in messages: a field's or a kind's name, or a
  // catalogue word for an item of a list (translated when printed).
  MapReader(Ctx& ctx, const RawNode* node, std::string what, Span where)
      : MapReader(ctx, node, Arg{std::move(what), nullptr}, where) {}
  MapReader(Ctx& ctx, const RawNode* node, const Tr& what, Span where) : MapReader(ctx, node, to_arg(what), where) {}
  MapReader(Ctx& ctx, const RawNode* node, Arg what, Span where);

  Ctx& ctx() { return ctx_; }
  Span where() const { return where_; }
  bool reading() const { return ctx_.reading(); }
  bool describing() const { return ctx_.describing(); }
  bool flattening() const { return ctx_.flattening(); }

  // In describe mode, describes `key`; otherwise does nothing.
  bool declare(std::string_view key, Json type, bool req = false);
  // In flatten mode, writes the field `key` if it is set.
  template <class T>
  void emit(std::string_view key, const Val<T>& value) {
    if (value.set) flat_->put(key, flat_text(value.v));
  }

  // The value of `key` (null if absent or YAML null); registers the key as known.
  const RawNode* take(std::string_view key);
  const RawNode* key_node(std::string_view key) const;

  void missing(std::string_view key);
  void missing_when(std::string_view key, const Tr& condition);
  void mismatch(std::string_view key, const RawNode* node, const Tr& expected);

  // A scalar as text. Numbers and booleans are text too (`phone: 0380123`).
  bool scalar(std::string_view key, const RawNode* node, Text& out);
  void text(std::string_view key, Text& out, bool req = false);
  // Reads the map's id; from then on, messages name the map by it and
  // findings about the whole map point at it.
  void id(std::string_view key, Text& out, bool req = true);
  void check_id(const Text& id);

  // `allowed`: any array of the allowed words (a braced list, a table).
  bool enum_value(std::string_view key, const Text& value, std::span<const char* const> allowed);
  void enumv(std::string_view key, Text& out, std::span<const char* const> allowed, bool req = false);
  void enumv(std::string_view key, Text& out, std::initializer_list<const char*> allowed, bool req = false) {
    enumv(key, out, std::span<const char* const>(allowed.begin(), allowed.size()), req);
  }

  void number(std::string_view key, Val<double>& out, bool req = false);
  void boolean(std::string_view key, Val<bool>& out);
  void date(std::string_view key, Val<Date>& out, bool req = false);
  bool date_node(std::string_view key, const RawNode* node, Val<Date>& out);
  void time(std::string_view key, Val<TimeOfDay>& out);
  bool period_node(std::string_view key, const RawNode* node, Val<Period>& out);
  void period(std::string_view key, Val<Period>& out, bool req = false);
  void email(std::string_view key, Text& out);
  void url(std::string_view key, Text& out);

  // A reference: "id" or "id#local". Records it for the cross-file checks.
  bool ref_shape(const Text& ref);
  void record(const Text& ref, uint8_t kinds, Nested nested = Nested::none, std::string scope = {});
  void ref(std::string_view key, Text& out, uint8_t kinds, bool req = false);
  // In describe mode with annotate_refs: the scalars of list `key` are bare
  // local ids of `what` ("goal": this plan's goals; "target_group": those
  // of the plan's collaboration; "any": any id or "id#local").
  void local_refs(std::string_view key, const char* what);

  // A list; `item(node, element)` reads one element, true to keep it.
  template <class T, class F>
  void list(std::string_view key, List<T>& out, F&& item, bool req = false);
  void texts(std::string_view key, List<Text>& out, bool req = false);
  void refs(std::string_view key, List<Text>& out, uint8_t kinds, bool req = false, bool unique = false);

  // A nested mapping; `read(node, value)` reads it.
  template <class T, class F>
  void object(std::string_view key, Val<T>& out, F&& read, bool req = false);

  // Reports keys that no reader asked for. `x-` keys are extensions.
  void finish(std::vector<Extension>* extensions = nullptr);

 private:
  // A scalar that a parser turns into T; `bad` says what is wrong otherwise.
  template <class T, class Parse>
  bool parsed(std::string_view key, const RawNode* node, Val<T>& out, Parse parse, Code code, const Tr& bad);
  template <class T, class F>
  void describe_list(std::string_view key, F& item, bool req);
  template <class T, class F>
  void flatten_list(std::string_view key, List<T>& out, F& item);
  // A list of texts in flatten mode: prose as objects, others as one field.
  void flatten_texts(std::string_view key, const List<Text>& out);

  Ctx& ctx_;
  const RawNode* node_;
  Arg what_;
  Span where_;
  std::vector<std::string> known_;
  Json* schema_ = nullptr;      // describe: this mapping's schema
  std::string owner_, prefix_;  // describe: whose fields these are (Ctx::owner)
  FlatWriter* flat_ = nullptr;  // flatten: this mapping's object
};

template <class T, class Parse>
bool MapReader::parsed(std::string_view key, const RawNode* node, Val<T>& out, Parse parse, Code code,
                       const Tr& bad) {
  if (!node->is_scalar()) {
    mismatch(key, node, msg::w_text);
    return false;
  }
  auto value = parse(node->value);
  if (!value) {
    ctx_.report(code, msg_of(bad, node->value), node->span);
    out.span = node->span;  // written but invalid: rules leave it to validation
    return false;
  }
  out = {*value, node->span, true};
  return true;
}

template <class T, class F>
void MapReader::list(std::string_view key, List<T>& out, F&& item, bool req) {
  if (describing()) return describe_list<T>(key, item, req);
  if (flattening()) return flatten_list(key, out, item);
  const RawNode* node = take(key);
  if (!node) {
    if (req) missing(key);
    return;
  }
  if (!node->is_seq()) return mismatch(key, node, msg::w_list);
  out.span = node->span;
  out.set = true;
  for (const RawNode* element_node : node->kids) {
    T element{};
    if (item(element_node, element)) out.v.push_back(std::move(element));
  }
  if (req && out.v.empty()) missing(key);
}

template <class T, class F>
void MapReader::describe_list(std::string_view key, F& item, bool req) {
  Json items = Json::object();
  ctx_.slot = &items;
  // An element's fields are its group's ("goal"); a list without a group
  // holds dotted fields of this mapping ("calendar.forum").
  const ListGroup* group = list_group(key);
  if (group) ctx_.owner = group->group, ctx_.prefix.clear();
  else ctx_.owner = owner_, ctx_.prefix = prefix_ + std::string(key) + ".";
  T element{};
  item(&kEmptyMapping, element);
  ctx_.slot = nullptr;
  Json arr{{"type", "array"}, {"items", std::move(items)}};
  if (req) arr["minItems"] = 1;
  declare(key, std::move(arr), req);
}

template <class T, class F>
void MapReader::flatten_list(std::string_view key, List<T>& out, F& item) {
  if constexpr (std::is_same_v<T, Text>) {
    flatten_texts(key, out);
  } else {
    const ListGroup* group = list_group(key);
    if (!group || group->key == KeyBy::text)
      throw std::logic_error("flatten.cpp names no group for the list `" + std::string(key) + "`");
    for (size_t position = 0; position < out.v.size(); ++position) {
      Flat element;
      FlatWriter writer(element, {});
      ctx_.flat_slot = &writer;
      item(&kEmptyMapping, out.v[position]);
      ctx_.flat_slot = nullptr;
      flat_->add_element(*group, position, std::move(element));
    }
  }
}

template <class T, class F>
void MapReader::object(std::string_view key, Val<T>& out, F&& read, bool req) {
  if (describing()) {
    Json obj;
    ctx_.slot = &obj;
    ctx_.owner = owner_;
    ctx_.prefix = prefix_ + std::string(key) + ".";
    read(&kEmptyMapping, out.v);
    ctx_.slot = nullptr;
    declare(key, std::move(obj), req);
    return;
  }
  if (flattening()) {
    if (!out.set) return;
    FlatWriter fields = flat_->nested_mapping(key);
    ctx_.flat_slot = &fields;
    read(&kEmptyMapping, out.v);
    ctx_.flat_slot = nullptr;
    return;
  }
  const RawNode* node = take(key);
  if (!node) {
    if (req) missing(key);
    return;
  }
  if (!node->is_map()) return mismatch(key, node, msg::w_mapping);
  out.span = node->span;
  out.set = true;
  read(node, out.v);
}

// Reads a nested mapping element: checks it is a mapping, runs `read`, then finish().
template <class T, class W, class F>
bool nested(MapReader& parent, std::string_view key, const RawNode* node, T& out, const W& what, F&& read) {
  if (!node->is_map()) {
    parent.mismatch(key, node, msg::w_mapping);
    return false;
  }
  if (parent.reading()) out.span = node->span;
  MapReader reader(parent.ctx(), node, what, node->span);
  read(reader);
  reader.finish();
  return true;
}

// The schema of a mapping that `read(MapReader&)` reads (describe mode
// only); its fields are `owner`'s, dotted with `prefix` (fields.def).
template <class F>
Json schema_of(Ctx& ctx, std::string_view owner, std::string_view prefix, F&& read) {
  Json obj;
  ctx.slot = &obj;
  ctx.owner = owner;
  ctx.prefix = prefix;
  MapReader reader(ctx, &kEmptyMapping, "", {});
  read(reader);
  return obj;
}

// The kind's word and the id, "handlingsplan `p1`" / "plan `p1`", or the word alone for an entity without an id.
Arg kind_and_id(Kind kind, const Text& id);

// Reports `b` before `a` (b must not be before a).
void check_order(Ctx& ctx, std::string_view a_key, const Val<Date>& a, std::string_view b_key, const Val<Date>& b);

// Collects nested ids of one entity and reports repeats.
class NestedIds {
 public:
  NestedIds(Ctx& ctx, Arg what) : ctx_(ctx), what_(std::move(what)) {}
  void add(const Text& id);
  bool has(const std::string& id) const { return seen_.count(id) > 0; }

 private:
  Ctx& ctx_;
  Arg what_;
  std::unordered_map<std::string, Span> seen_;
};

}  // namespace sv::decode
