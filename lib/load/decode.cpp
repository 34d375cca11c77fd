// The loader's tree → the model. Checks everything one document can tell by
// itself: required fields, types, enums, id shapes, dates, nested ids, local
// references. Cross-file checks (ids, references, cycles) are in validate.cpp.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "load/cache.h"
#include "load/load.h"
#include "load/tree.h"
#include "core/text.h"
#include "core/msg/core.h"

namespace sv {
namespace {

constexpr uint8_t bit(Kind k) { return static_cast<uint8_t>(1u << static_cast<unsigned>(k)); }
constexpr uint8_t kAnyKind = 0xff;

using Json = nlohmann::ordered_json;

struct Ctx {
  std::vector<Finding>& findings;
  std::vector<RefUse>& refs;
  std::string entity;  // id of the entity being read
  // Schema mode: the readers run over an empty mapping and, instead of
  // reading, describe what they would read as JSON Schema (`samverkan schema`).
  // `slot` is where the next mapping or list item is described.
  bool schema_mode = false;
  Json* slot = nullptr;

  Finding& report(const char* code, Message m, Span sp) {
    findings.push_back(make_finding(code, std::move(m), sp, entity));
    return findings.back();
  }
};

std::string list_words(std::initializer_list<const char*> items) {
  std::string out;
  for (const char* i : items) {
    if (!out.empty()) out += ", ";
    out += i;
  }
  return out;
}

bool parse_number(const RawNode* n, double& out) {
  if (!n->is_scalar() || n->quoted) return false;
  std::string_view s = n->value;
  if (s.empty()) return false;
  const char* b = s.data();
  const char* e = b + s.size();
  if (*b == '+') ++b;
  auto [p, ec] = std::from_chars(b, e, out);
  return ec == std::errc() && p == e && std::isfinite(out);
}

// How a node is described in a type-mismatch message.
Arg found_as(const RawNode* n) {
  switch (n->type) {
    case RawNode::Type::null: return to_arg(msg::w_null);
    case RawNode::Type::seq: return to_arg(msg::w_list);
    case RawNode::Type::map: return to_arg(msg::w_mapping);
    case RawNode::Type::scalar: break;
  }
  std::string v = n->value.size() > 40 ? std::string(n->value.substr(0, 40)) + "…" : std::string(n->value);
  return to_arg(fmt::format("`{}`", v));
}

// JSON Schema pieces for the format's value types.
const char* const kIdPattern = "^[a-z0-9]+(-[a-z0-9]+)*$";
Json text_schema() { return Json{{"type", Json::array({"string", "number", "boolean"})}}; }
Json pattern_schema(const char* pattern) { return Json{{"type", "string"}, {"pattern", pattern}}; }
Json ref_schema() { return pattern_schema("^[a-z0-9]+(-[a-z0-9]+)*(#[a-z0-9]+(-[a-z0-9]+)*)?$"); }
Json date_schema() { return pattern_schema("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"); }
Json period_schema() {
  return Json{{"anyOf", Json::array({Json{{"type", "integer"}, {"minimum", 1900}, {"maximum", 9999}},
                                     pattern_schema("^[0-9]{4}([HTQ][1-4])?$")})}};
}
const RawNode kSchemaNode{RawNode::Type::map, false, {}, {}, {}, 1};

class MapReader {
 public:
  // `what` names the mapping in messages: a field's or a kind's name, or a
  // catalogue word for an item of a list (translated when printed).
  MapReader(Ctx& c, const RawNode* n, std::string what, Span where)
      : MapReader(c, n, Arg{std::move(what), nullptr}, where) {}
  MapReader(Ctx& c, const RawNode* n, const Tr& what, Span where) : MapReader(c, n, to_arg(what), where) {}
  MapReader(Ctx& c, const RawNode* n, Arg what, Span where)
      : c_(c), n_(n), what_(std::move(what)), where_(where) {
    if (c_.schema_mode && c_.slot) {
      schema_ = c_.slot;
      c_.slot = nullptr;
      *schema_ = Json{{"type", "object"},
                      {"properties", Json::object()},
                      {"patternProperties", {{"^x-", Json::object()}}},
                      {"additionalProperties", false}};
    }
  }

  // In schema mode, describes `key`; otherwise does nothing.
  bool declare(std::string_view key, Json type, bool req = false) {
    if (!schema_) return c_.schema_mode;
    (*schema_)["properties"][std::string(key)] = std::move(type);
    if (req) (*schema_)["required"].push_back(std::string(key));
    return true;
  }

  Ctx& ctx() { return c_; }
  Span where() const { return where_; }

  // The value of `key` (null if absent or YAML null); registers the key as known.
  const RawNode* take(std::string_view key) {
    known_.emplace_back(key);
    for (size_t i = 0; i < n_->pairs(); ++i) {
      if (n_->key(i)->value == key) {
        const RawNode* v = n_->val(i);
        return v->is_null() ? nullptr : v;
      }
    }
    return nullptr;
  }
  const RawNode* key_node(std::string_view key) const {
    for (size_t i = 0; i < n_->pairs(); ++i)
      if (n_->key(i)->value == key) return n_->key(i);
    return nullptr;
  }

  void missing(std::string_view key) {
    // An explicitly empty value points at the key; an absent one at the map.
    if (const RawNode* k = key_node(key))
      c_.report("field-required", msg_of(msg::field_required_empty, key, what_), k->span);
    else
      c_.report("field-required", msg_of(msg::field_required, key, what_), where_);
  }
  void missing_when(std::string_view key, const Tr& condition) {
    c_.report("field-required", msg_of(msg::field_required_when, key, what_, condition), where_);
  }
  void mismatch(std::string_view key, const RawNode* n, const Tr& expected) {
    c_.report("type-mismatch", msg_of(msg::type_mismatch, key, expected, found_as(n)), n->span);
  }

  // A scalar as text. Numbers and booleans are text too (`phone: 0380123`).
  bool scalar(std::string_view key, const RawNode* n, Text& out) {
    if (c_.schema_mode) {
      if (c_.slot) *c_.slot = text_schema();
      c_.slot = nullptr;
      return false;
    }
    if (!n->is_scalar()) {
      mismatch(key, n, msg::w_text);
      return false;
    }
    out.v = n->value;
    out.span = n->span;
    out.set = true;
    return true;
  }

  void text(std::string_view key, Text& out, bool req = false) {
    if (c_.schema_mode) return (void)declare(key, text_schema(), req);
    const RawNode* n = take(key);
    if (!n) {
      if (req) missing(key);
      return;
    }
    // Blank text is no text: `title: "  "` is as missing as no title.
    if (scalar(key, n, out) && req && out.v.find_first_not_of(" \t\r\n") == std::string::npos) missing(key);
  }

  // Reads the map's id; from then on, messages name the map by it and
  // findings about the whole map point at it.
  void id(std::string_view key, Text& out, bool req = true) {
    if (c_.schema_mode) return (void)declare(key, pattern_schema(kIdPattern), req);
    text(key, out, req);
    if (out.set && !out.v.empty()) {
      check_id(out);
      if (what_.t) what_.s = out.v;  // "goal `g1`", in the reader's language
      else what_.s = fmt::format("{} `{}`", what_.s, out.v);
      where_ = out.span;
    }
  }
  void check_id(const Text& t) {
    if (is_valid_id(t.v)) return;
    auto& f = c_.report("id-invalid", msg_of(msg::id_invalid, t.v), t.span);
    if (auto s = suggest_id(t.v); !s.empty()) f.help = msg_of(msg::help_id, s);
  }

  bool enum_value(std::string_view key, const Text& t, std::initializer_list<const char*> allowed) {
    for (const char* a : allowed)
      if (t.v == a) return true;
    auto& f = c_.report("enum-invalid", msg_of(msg::enum_invalid, t.v, key, list_words(allowed)), t.span);
    std::vector<std::string> cands(allowed.begin(), allowed.end());
    if (auto s = did_you_mean(t.v, cands)) f.help = msg_of(msg::help_did_you_mean, *s);
    return false;
  }
  void enumv(std::string_view key, Text& out, std::initializer_list<const char*> allowed, bool req = false) {
    if (c_.schema_mode) return (void)declare(key, Json{{"enum", Json(std::vector<std::string>(allowed.begin(), allowed.end()))}}, req);
    text(key, out, req);
    if (out.set && !enum_value(key, out, allowed)) out.set = false;
  }

  void number(std::string_view key, Val<double>& out, bool req = false) {
    if (c_.schema_mode) return (void)declare(key, Json{{"type", "number"}}, req);
    const RawNode* n = take(key);
    if (!n) {
      if (req) missing(key);
      return;
    }
    if (!parse_number(n, out.v)) {
      mismatch(key, n, msg::w_number);
      return;
    }
    out.span = n->span;
    out.set = true;
  }

  void boolean(std::string_view key, Val<bool>& out) {
    if (c_.schema_mode) return (void)declare(key, Json{{"type", "boolean"}});
    const RawNode* n = take(key);
    if (!n) return;
    static const char* yes[] = {"true", "True", "TRUE"};
    static const char* no[] = {"false", "False", "FALSE"};
    if (n->is_scalar() && !n->quoted) {
      for (const char* y : yes)
        if (n->value == y) out = {true, n->span, true};
      for (const char* x : no)
        if (n->value == x) out = {false, n->span, true};
    }
    if (!out.set) mismatch(key, n, msg::w_bool);
  }

  void date(std::string_view key, Val<Date>& out, bool req = false) {
    if (c_.schema_mode) return (void)declare(key, date_schema(), req);
    const RawNode* n = take(key);
    if (!n) {
      if (req) missing(key);
      return;
    }
    date_node(key, n, out);
  }
  // A scalar that a parser turns into T; `bad` says what is wrong otherwise.
  template <class T, class Parse>
  bool parsed(std::string_view key, const RawNode* n, Val<T>& out, Parse parse, const char* code, const Tr& bad) {
    if (!n->is_scalar()) {
      mismatch(key, n, msg::w_text);
      return false;
    }
    auto v = parse(n->value);
    if (!v) {
      c_.report(code, msg_of(bad, n->value), n->span);
      out.span = n->span;  // written but invalid: rules leave it to validation
      return false;
    }
    out = {*v, n->span, true};
    return true;
  }
  bool date_node(std::string_view key, const RawNode* n, Val<Date>& out) {
    return parsed(key, n, out, parse_date, "date-invalid", msg::date_invalid);
  }

  void time(std::string_view key, Val<TimeOfDay>& out) {
    if (c_.schema_mode) return (void)declare(key, pattern_schema("^[0-9]{2}:[0-9]{2}$"));
    if (const RawNode* n = take(key)) parsed(key, n, out, parse_time, "time-invalid", msg::time_invalid);
  }

  bool period_node(std::string_view key, const RawNode* n, Val<Period>& out) {
    return parsed(key, n, out, parse_period, "period-invalid", msg::period_invalid);
  }
  void period(std::string_view key, Val<Period>& out, bool req = false) {
    if (c_.schema_mode) return (void)declare(key, period_schema(), req);
    const RawNode* n = take(key);
    if (!n) {
      if (req) missing(key);
      return;
    }
    period_node(key, n, out);
  }

  void email(std::string_view key, Text& out) {
    if (c_.schema_mode) return (void)declare(key, pattern_schema("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    text(key, out);
    if (out.set && !is_plausible_email(out.v)) {
      c_.report("email-invalid", msg_of(msg::email_invalid, out.v), out.span);
    }
  }
  void url(std::string_view key, Text& out) {
    if (c_.schema_mode) return (void)declare(key, pattern_schema("^https?://"));
    text(key, out);
    if (out.set && !is_http_url(out.v)) c_.report("url-invalid", msg_of(msg::url_invalid, out.v), out.span);
  }

  // A reference: "id" or "id#local". Records it for the cross-file checks.
  bool ref_shape(const Text& t) {
    auto hash = t.v.find('#');
    bool ok = hash == std::string::npos
                  ? is_valid_id(t.v)
                  : is_valid_id(t.v.substr(0, hash)) && is_valid_id(t.v.substr(hash + 1));
    if (!ok) {
      auto& f = c_.report("reference-invalid", msg_of(msg::reference_invalid, t.v), t.span);
      if (hash == std::string::npos)
        if (auto s = suggest_id(t.v); !s.empty()) f.help = msg_of(msg::help_id, s);
    }
    return ok;
  }
  void record(const Text& t, uint8_t kinds, Nested nested = Nested::none, std::string scope = {}) {
    if (ref_shape(t)) c_.refs.push_back(RefUse{t, kinds, nested, std::move(scope), c_.entity});
  }
  void ref(std::string_view key, Text& out, uint8_t kinds, bool req = false) {
    if (c_.schema_mode) return (void)declare(key, ref_schema(), req);
    text(key, out, req);
    // An empty reference (`owner: ""`) names nothing: it is invalid, not absent.
    if (out.set && (!out.v.empty() || !req)) record(out, kinds);
  }

  // A list; `item` reads one element.
  template <class T, class F>
  void list(std::string_view key, List<T>& out, F&& item, bool req = false) {
    if (c_.schema_mode) {
      Json items = Json::object();
      c_.slot = &items;
      T v{};
      item(&kSchemaNode, v);
      c_.slot = nullptr;
      Json arr{{"type", "array"}, {"items", std::move(items)}};
      if (req) arr["minItems"] = 1;
      declare(key, std::move(arr), req);
      return;
    }
    const RawNode* n = take(key);
    if (!n) {
      if (req) missing(key);
      return;
    }
    if (!n->is_seq()) return mismatch(key, n, msg::w_list);
    out.span = n->span;
    out.set = true;
    for (const RawNode* k : n->kids) {
      T v{};
      if (item(k, v)) out.v.push_back(std::move(v));
    }
    if (req && out.v.empty()) missing(key);
  }
  void texts(std::string_view key, List<Text>& out, bool req = false) {
    list(key, out, [&](const RawNode* k, Text& t) { return scalar(key, k, t); }, req);
  }
  void refs(std::string_view key, List<Text>& out, uint8_t kinds, bool req = false, bool unique = false) {
    if (c_.schema_mode) {
      Json arr{{"type", "array"}, {"items", ref_schema()}};
      if (req) arr["minItems"] = 1;
      if (unique) arr["uniqueItems"] = true;
      return (void)declare(key, std::move(arr), req);
    }
    std::unordered_map<std::string, Span> seen;
    list(key, out, [&](const RawNode* k, Text& t) {
      if (!scalar(key, k, t)) return false;
      record(t, kinds);
      if (unique && !seen.emplace(t.v, t.span).second) {
        auto& f = c_.report("list-duplicate", msg_of(msg::list_duplicate, t.v, key), t.span);
        f.notes.push_back(Note{msg_of(msg::note_first_here), seen[t.v]});
      }
      return true;
    }, req);
  }

  // A nested mapping.
  template <class T, class F>
  void object(std::string_view key, Val<T>& out, F&& read, bool req = false) {
    if (c_.schema_mode) {
      Json obj;
      c_.slot = &obj;
      read(&kSchemaNode, out.v);
      c_.slot = nullptr;
      declare(key, std::move(obj), req);
      return;
    }
    const RawNode* n = take(key);
    if (!n) {
      if (req) missing(key);
      return;
    }
    if (!n->is_map()) return mismatch(key, n, msg::w_mapping);
    out.span = n->span;
    out.set = true;
    read(n, out.v);
  }

  // Reports keys that no reader asked for. `x-` keys are extensions.
  void finish(std::vector<Extension>* extensions = nullptr) {
    for (size_t i = 0; i < n_->pairs(); ++i) {
      const RawNode* k = n_->key(i);
      std::string_view key = k->value;
      if (key.substr(0, 2) == "x-") {
        if (extensions) extensions->push_back(Extension{std::string(key), std::string(n_->val(i)->is_scalar() ? n_->val(i)->value : "")});
        continue;
      }
      if (std::find(known_.begin(), known_.end(), key) != known_.end()) continue;
      auto& f = c_.report("field-unknown", msg_of(msg::field_unknown, key, what_), k->span);
      if (auto s = did_you_mean(key, known_)) f.help = msg_of(msg::help_did_you_mean, *s);
      else f.help = msg_of(msg::help_known_fields, join(known_));
    }
  }

 private:
  Ctx& c_;
  const RawNode* n_;
  Arg what_;
  Span where_;
  std::vector<std::string> known_;
  Json* schema_ = nullptr;
};

// Reads a nested mapping element: checks it is a mapping, runs `read`, then finish().
template <class T, class W, class F>
bool nested(MapReader& parent, std::string_view key, const RawNode* n, T& out, const W& what, F&& read) {
  if (!n->is_map()) {
    parent.mismatch(key, n, msg::w_mapping);
    return false;
  }
  out.span = n->span;
  MapReader r(parent.ctx(), n, what, n->span);
  read(r);
  r.finish();
  return true;
}

std::string describe(std::string_view kind, const Text& id) {
  return id.set ? fmt::format("{} `{}`", kind, id.v) : std::string(kind);
}

void read_contact_fields(MapReader& r, Contact& c) {
  r.text("name", c.name);
  r.text("role", c.role);
  r.email("email", c.email);
  r.text("phone", c.phone);
  if (!c.name.set && !c.role.set)
    r.ctx().report("field-required", msg_of(msg::contact_needs_name_or_role), r.where());
}

bool read_contact(MapReader& parent, std::string_view key, const RawNode* n, Contact& c) {
  return nested(parent, key, n, c, msg::w_contact, [&](MapReader& r) { read_contact_fields(r, c); });
}

// The schema of a mapping that `read` reads (schema mode only).
template <class F>
Json schema_of(Ctx& ctx, F&& read) {
  Json obj;
  ctx.slot = &obj;
  MapReader r(ctx, &kSchemaNode, "", {});
  read(r);
  return obj;
}
Json contact_schema(Ctx& ctx) {
  Contact c;
  return schema_of(ctx, [&](MapReader& r) { read_contact_fields(r, c); });
}

void check_order(Ctx& c, std::string_view a_key, const Val<Date>& a, std::string_view b_key, const Val<Date>& b) {
  // b must not be before a
  if (a.set && b.set && b.v < a.v)
    c.report("date-order", msg_of(msg::date_order, b_key, b.v.str(), a_key, a.v.str()), b.span);
}

// Collects nested ids of one entity and reports repeats.
class NestedIds {
 public:
  NestedIds(Ctx& c, std::string what) : c_(c), what_(std::move(what)) {}
  void add(const Text& id) {
    if (!id.set || id.v.empty()) return;
    auto [it, fresh] = seen_.emplace(id.v, id.span);
    if (!fresh) {
      auto& f = c_.report("id-duplicate", msg_of(msg::nested_id_duplicate, id.v, what_), id.span);
      f.notes.push_back(Note{msg_of(msg::note_first_here), it->second});
    }
  }
  bool has(const std::string& id) const { return seen_.count(id) > 0; }

 private:
  Ctx& c_;
  std::string what_;
  std::unordered_map<std::string, Span> seen_;
};

// ---- kinds ----------------------------------------------------------------

void read_organisation(MapReader& r, Organisation& o) {
  r.text("name", o.name, true);
  r.enumv("type", o.type,
          {"municipality", "region", "state-agency", "coordination-association", "municipal-association",
           "unit", "other"},
          true);
  r.ref("parent", o.parent, bit(Kind::organisation));
  if (o.type.set && o.type.v == "unit" && !o.parent.set) r.missing_when("parent", msg::cond_unit);
  r.text("short_name", o.short_name);
  r.text("org_number", o.org_number);
  if (o.org_number.set) {
    const std::string& v = o.org_number.v;
    switch (check_org_number(v)) {
      case OrgNumberProblem::none: break;
      case OrgNumberProblem::shape:
        r.ctx().report("org-number-invalid", msg_of(msg::org_number_shape, v), o.org_number.span);
        break;
      case OrgNumberProblem::third_digit:
        r.ctx().report("org-number-invalid", msg_of(msg::org_number_third, v, v[2]), o.org_number.span);
        break;
      case OrgNumberProblem::check_digit: {
        auto& f = r.ctx().report("org-number-invalid", msg_of(msg::org_number_check, v), o.org_number.span);
        std::string nine = v.substr(0, 6) + v.substr(7, 3);
        for (char d = '0'; d <= '9'; ++d)
          if (luhn_ok(nine + d)) f.help = msg_of(msg::help_check_digit, v.substr(0, 10), d);
        break;
      }
    }
  }
  r.text("mandate", o.mandate);
  r.texts("services", o.services);
  r.list("contacts", o.contacts, [&](const RawNode* n, Contact& c) { return read_contact(r, "contacts", n, c); });
  r.url("website", o.website);
  r.texts("tags", o.tags);
}

void read_collaboration(MapReader& r, Collaboration& c) {
  Ctx& ctx = r.ctx();
  r.text("name", c.name, true);
  r.refs("parties", c.parties, bit(Kind::organisation), true, true);
  if (c.parties.set && c.parties.v.size() == 1)
    ctx.report("parties-too-few", msg_of(msg::parties_too_few, c.parties.v.size()), c.parties.span);
  r.ref("parent", c.parent, bit(Kind::collaboration));
  r.text("area", c.area);
  r.enumv("integration_level", c.integration_level, {"coordination", "consultation", "collaboration", "integration"});
  r.text("purpose", c.purpose);
  NestedIds ids(ctx, describe("collaboration", c.id));
  r.list("target_groups", c.target_groups, [&](const RawNode* n, TargetGroup& t) {
    return nested(r, "target_groups", n, t, msg::w_target_group, [&](MapReader& m) {
      m.id("id", t.id);
      m.text("name", t.name, true);
      m.text("description", t.description);
      ids.add(t.id);
    });
  });
  r.texts("needs", c.needs);
  r.object("coordinator", c.coordinator, [&](const RawNode* n, Coordinator& k) {
    MapReader m(ctx, n, "coordinator", n->span);
    read_contact_fields(m, k);
    m.ref("organisation", k.organisation, bit(Kind::organisation));
    m.number("fte", k.fte);
    if (k.fte.set && !(k.fte.v > 0 && k.fte.v <= 1))
      ctx.report("value-out-of-range", msg_of(msg::value_range, "fte", msg::w_fte, k.fte.v), k.fte.span);
    m.finish();
  });
  r.object("agreement", c.agreement, [&](const RawNode* n, Agreement& a) {
    MapReader m(ctx, n, "agreement", n->span);
    m.date("signed", a.signed_on);
    m.date("valid_until", a.valid_until);
    m.enumv("form", a.form, {"written", "oral"});
    m.text("document", a.document);
    check_order(ctx, "signed", a.signed_on, "valid_until", a.valid_until);
    m.finish();
  });
  r.texts("tags", c.tags);
}

void read_forum(MapReader& r, Forum& f) {
  r.text("name", f.name, true);
  r.ref("collaboration", f.collaboration, bit(Kind::collaboration), true);
  r.enumv("type", f.type, {"steering", "working", "network", "information", "board", "other"}, true);
  r.enumv("level", f.level, {"political", "management", "operational"});
  r.enumv("cadence", f.cadence,
          {"weekly", "biweekly", "monthly", "bimonthly", "quarterly", "semiannual", "annual", "ad-hoc"});
  r.list("members", f.members, [&](const RawNode* n, Member& m) {
    return nested(r, "members", n, m, msg::w_member, [&](MapReader& k) {
      k.ref("organisation", m.organisation, bit(Kind::organisation), true);
      k.text("name", m.name);
      k.text("role", m.role);
      k.boolean("chair", m.chair);
      k.text("deputy", m.deputy);
    });
  });
  r.text("mandate", f.mandate);
}

bool read_dated_value(MapReader& parent, std::string_view key, const RawNode* n, DatedValue& d, bool req) {
  return nested(parent, key, n, d, std::string(key), [&](MapReader& m) {
    m.number("value", d.value, req);
    m.date("date", d.date, req);
    if (key == "measurements") m.text("note", d.note);
  });
}

void read_plan(MapReader& r, Plan& p) {
  Ctx& ctx = r.ctx();
  r.text("title", p.title, true);
  r.ref("collaboration", p.collaboration, bit(Kind::collaboration), true);
  if (ctx.schema_mode) {
    Val<Date> d;
    Json range = schema_of(ctx, [&](MapReader& m) {
      m.date("start", d, true);
      m.date("end", d, true);
    });
    r.declare("period", Json{{"anyOf", Json::array({period_schema(), range})}}, true);
  } else if (const RawNode* n = r.take("period")) {
    if (n->is_map()) {
      Val<Date> start, end;
      MapReader m(ctx, n, "period", n->span);
      m.date("start", start, true);
      m.date("end", end, true);
      m.finish();
      check_order(ctx, "start", start, "end", end);
      if (start.set && end.set && !(end.v < start.v)) p.period = {period_range(start.v, end.v), n->span, true};
    } else if (n->is_scalar()) {
      r.period_node("period", n, p.period);
    } else {
      r.mismatch("period", n, msg::w_period_or_range);
    }
  } else {
    r.missing("period");
  }
  r.enumv("status", p.status, {"draft", "approved", "archived"});
  r.object("approved", p.approved, [&](const RawNode* n, Approval& a) {
    MapReader m(ctx, n, "approved", n->span);
    m.ref("forum", a.forum, bit(Kind::forum));
    m.date("date", a.date);
    m.ref("meeting", a.meeting, bit(Kind::meeting));
    m.finish();
  });
  if (p.status.set && p.status.v == "approved" && (!p.approved.set || !p.approved.v.date.set))
    r.missing_when(p.approved.set ? "approved.date" : "approved", msg::cond_approved);
  r.date("revised", p.revised);
  r.list("target_groups", p.target_groups, [&](const RawNode* n, Text& t) {
    if (!r.scalar("target_groups", n, t)) return false;
    r.record(t, bit(Kind::collaboration), Nested::target_group, p.collaboration.v);
    return true;
  });
  r.texts("needs", p.needs);

  NestedIds ids(ctx, describe("plan", p.id));
  r.list("goals", p.goals, [&](const RawNode* n, Goal& g) {
    return nested(r, "goals", n, g, msg::w_goal, [&](MapReader& m) {
      m.id("id", g.id);
      ids.add(g.id);
      m.text("title", g.title, true);
      m.text("description", g.description);
      m.text("indicator", g.indicator);
      m.enumv("unit", g.unit, {"percent", "count", "days", "sek", "score", "other"});
      m.enumv("direction", g.direction, {"increase", "decrease", "maintain"});
      m.object("baseline", g.baseline, [&](const RawNode* b, DatedValue& d) {
        MapReader k(ctx, b, "baseline", b->span);
        k.number("value", d.value);
        k.date("date", d.date);
        k.finish();
      });
      m.object("target", g.target, [&](const RawNode* b, DatedValue& d) {
        MapReader k(ctx, b, "target", b->span);
        k.number("value", d.value);
        k.date("date", d.date);
        k.finish();
      });
      m.list("measurements", g.measurements,
             [&](const RawNode* x, DatedValue& d) { return read_dated_value(m, "measurements", x, d, true); });
    });
  });
  static const std::initializer_list<const char*> kActivityStatus = {"planned", "ongoing", "done", "postponed",
                                                                     "cancelled"};
  r.list("activities", p.activities, [&](const RawNode* n, Activity& a) {
    return nested(r, "activities", n, a, msg::w_activity, [&](MapReader& m) {
      m.id("id", a.id);
      ids.add(a.id);
      m.text("title", a.title, true);
      m.text("description", a.description);
      m.list("goals", a.goals, [&](const RawNode* x, Text& t) { return m.scalar("goals", x, t); });
      m.ref("owner", a.owner, bit(Kind::organisation));
      if (ctx.schema_mode) {
        m.declare("responsible", Json{{"anyOf", Json::array({text_schema(), contact_schema(ctx)})}});
      } else if (const RawNode* x = m.take("responsible")) {
        if (x->is_scalar()) {
          a.responsible = {Contact{x->span, {}, {std::string(x->value), x->span, true}, {}, {}}, x->span, true};
        } else if (x->is_map()) {
          a.responsible.set = read_contact(m, "responsible", x, a.responsible.v);
          a.responsible.span = x->span;
        } else {
          m.mismatch("responsible", x, msg::w_contact_or_text);
        }
      }
      m.refs("participants", a.participants, bit(Kind::organisation));
      m.date("start", a.start);
      m.date("due", a.due);
      check_order(ctx, "start", a.start, "due", a.due);
      m.enumv("status", a.status, kActivityStatus);
      m.date("completed", a.completed);
      if (a.status.set && a.status.v == "done" && !a.completed.set) m.missing_when("completed", msg::cond_done);
      m.number("budget", a.budget);
      m.list("updates", a.updates, [&](const RawNode* x, Update& u) {
        return nested(m, "updates", x, u, msg::w_update, [&](MapReader& k) {
          k.date("date", u.date, true);
          k.enumv("status", u.status, kActivityStatus);
          k.text("note", u.note);
        });
      });
    });
  });
  // Activities name goals of this plan by their bare ids.
  std::unordered_set<std::string> goal_ids;
  for (const auto& g : p.goals.v)
    if (g.id.set) goal_ids.insert(g.id.v);
  for (const auto& a : p.activities.v) {
    for (const auto& g : a.goals.v) {
      if (goal_ids.count(g.v)) continue;
      auto& f = ctx.report("reference-unknown", msg_of(msg::reference_unknown_nested, g.v, "plan", p.id.v), g.span);
      std::vector<std::string> cands(goal_ids.begin(), goal_ids.end());
      std::sort(cands.begin(), cands.end());
      if (auto s = did_you_mean(g.v, cands)) f.help = msg_of(msg::help_did_you_mean, *s);
    }
  }
  r.list("follow_ups", p.follow_ups, [&](const RawNode* n, FollowUp& fu) {
    return nested(r, "follow_ups", n, fu, msg::w_follow_up, [&](MapReader& m) {
      m.date("date", fu.date, true);
      m.ref("forum", fu.forum, bit(Kind::forum));
      m.enumv("type", fu.type, {"tertial", "half-year", "full-year", "other"});
    });
  });
}

void read_meeting(MapReader& r, Meeting& mt) {
  Ctx& ctx = r.ctx();
  r.ref("forum", mt.forum, bit(Kind::forum), true);
  r.date("date", mt.date, true);
  r.time("start", mt.start);
  r.time("end", mt.end);
  if (mt.start.set && mt.end.set && mt.end.v < mt.start.v)
    ctx.report("date-order", msg_of(msg::date_order, "end", mt.end.v.str(), "start", mt.start.v.str()), mt.end.span);
  r.enumv("type", mt.type, {"regular", "extra", "planning-day", "information", "follow-up"});
  r.text("location", mt.location);
  r.text("chair", mt.chair);
  r.text("secretary", mt.secretary);
  auto attendee = [&](std::string_view key) {
    return [&r, key](const RawNode* n, Attendee& a) {
      return nested(r, key, n, a, msg::w_attendee, [&](MapReader& m) {
        m.ref("organisation", a.organisation, bit(Kind::organisation), true);
        m.text("name", a.name);
        if (key == "attendees") m.text("role", a.role);
      });
    };
  };
  r.list("attendees", mt.attendees, attendee("attendees"));
  r.list("absent", mt.absent, attendee("absent"));
  size_t position = 0;
  r.list("items", mt.items, [&](const RawNode* n, Item& it) {
    ++position;
    return nested(r, "items", n, it, msg::w_item, [&](MapReader& m) {
      m.number("number", it.number_written);
      it.number = static_cast<int>(position);
      if (it.number_written.set) {
        double v = it.number_written.v;
        if (v >= 1 && v == std::floor(v) && v < 1e6) {
          it.number = static_cast<int>(v);
        } else {
          ctx.report("value-out-of-range", msg_of(msg::value_range, "number", msg::w_positive, v),
                     it.number_written.span);
        }
      }
      m.text("title", it.title, true);
      m.text("notes", it.notes);
      m.list("refs", it.refs, [&](const RawNode* x, Text& t) {
        if (!m.scalar("refs", x, t)) return false;
        m.record(t, kAnyKind, Nested::any);
        return true;
      });
      m.texts("decisions", it.decisions);
    });
  });
  NestedIds ids(ctx, describe("meeting", mt.id));
  r.list("actions", mt.actions, [&](const RawNode* n, Action& a) {
    return nested(r, "actions", n, a, msg::w_action, [&](MapReader& m) {
      m.id("id", a.id);
      ids.add(a.id);
      m.text("title", a.title, true);
      m.ref("owner", a.owner, bit(Kind::organisation));
      m.text("responsible", a.responsible);
      m.date("due", a.due);
      m.enumv("status", a.status, {"open", "done", "cancelled"});
      m.date("completed", a.completed);
      m.number("item", a.item);
    });
  });
  for (const auto& a : mt.actions.v) {
    if (!a.item.set) continue;
    bool found = std::any_of(mt.items.v.begin(), mt.items.v.end(),
                             [&](const Item& it) { return it.number == a.item.v; });
    if (!found) ctx.report("reference-unknown", msg_of(msg::item_unknown, a.item.v), a.item.span);
  }
  r.object("minutes", mt.minutes, [&](const RawNode* n, Minutes& m) {
    MapReader k(ctx, n, "minutes", n->span);
    k.texts("approved_by", m.approved_by);
    k.date("approved", m.approved);
    k.finish();
  });
  r.date("next_meeting", mt.next_meeting);
}

void read_report(MapReader& r, Report& p) {
  r.ref("collaboration", p.collaboration, bit(Kind::collaboration), true);
  r.period("period", p.period, true);
  if (r.ctx().schema_mode) {
    r.declare("author", contact_schema(r.ctx()));
  } else if (const RawNode* n = r.take("author")) {
    p.author.set = read_contact(r, "author", n, p.author.v);
    p.author.span = n->span;
  }
  r.date("submitted", p.submitted);
  r.text("recipient", p.recipient);
  r.text("summary", p.summary);
  r.texts("highlights", p.highlights);
  r.texts("challenges", p.challenges);
  r.texts("next_steps", p.next_steps);
}

template <class T, class F>
void read_entity(Ctx& ctx, const RawNode* root, Kind kind, int file, std::vector<T>& out, F&& read) {
  T e;
  e.kind = kind;
  e.file = file;
  e.span = root->span;
  MapReader body(ctx, root, kind_name(kind), root->span);
  if (ctx.schema_mode) body.declare("kind", Json{{"const", kind_name(kind)}}, true);
  body.take("kind");
  body.id("id", e.id);
  ctx.entity = e.id.set ? e.id.v : "";
  read(body, e);
  body.finish(&e.extensions);
  out.push_back(std::move(e));
  ctx.entity.clear();
}

void read_config(MapReader& r, Config& out) {
  Ctx& ctx = r.ctx();
  r.text("name", out.name, true);
  r.enumv("language", out.language, {"sv", "en"});
  r.texts("exclude", out.exclude);
  if (ctx.schema_mode) {
    Json severity{{"enum", Json::array({"off", "info", "warning", "error"})}};
    Json setting{{"type", "object"}, {"properties", {{"severity", severity}}}};
    r.declare("rules", Json{{"type", "object"},
                            {"additionalProperties", Json{{"anyOf", Json::array({severity, setting})}}}});
  } else if (const RawNode* n = r.take("rules")) {
    if (!n->is_map()) {
      r.mismatch("rules", n, msg::w_mapping);
    } else {
      for (size_t i = 0; i < n->pairs(); ++i) {
        RuleSetting s;
        const RawNode* k = n->key(i);
        const RawNode* v = n->val(i);
        s.id = {std::string(k->value), k->span, true};
        s.span = v->span;
        if (v->is_scalar()) {
          s.severity = {std::string(v->value), v->span, true};
        } else if (v->is_map()) {
          for (size_t j = 0; j < v->pairs(); ++j) {
            const RawNode* ok = v->key(j);
            const RawNode* ov = v->val(j);
            if (ok->value == "severity" && ov->is_scalar()) {
              s.severity = {std::string(ov->value), ov->span, true};
              continue;
            }
            RuleOption o;
            o.key = {std::string(ok->value), ok->span, true};
            o.value = {std::string(ov->is_scalar() ? ov->value : ""), ov->span, true};
            o.is_scalar = ov->is_scalar();
            if (ov->is_seq()) {
              o.is_list = true;
              for (const RawNode* item : ov->kids)
                if (item->is_scalar()) o.items.push_back(Text{std::string(item->value), item->span, true});
            }
            s.options.push_back(std::move(o));
          }
        } else {
          r.mismatch(k->value, v, msg::w_mapping);
        }
        out.rules.push_back(std::move(s));
      }
    }
  }
  r.list("calendar", out.calendar, [&](const RawNode* n, CalendarEntry& c) {
    return nested(r, "calendar", n, c, msg::w_calendar_entry, [&](MapReader& m) {
      m.id("id", c.id, false);
      m.text("title", c.title);
      m.number("month", c.month, true);
      m.number("day", c.day);
      bool month_ok = c.month.set && c.month.v >= 1 && c.month.v <= 12 && c.month.v == std::floor(c.month.v);
      if (c.month.set && !month_ok)
        ctx.report("value-out-of-range", msg_of(msg::value_range, "month", msg::w_month, c.month.v), c.month.span);
      if (c.day.set && month_ok &&
          !(c.day.v >= 1 && c.day.v == std::floor(c.day.v) && c.day.v <= days_in_month(2000, int(c.month.v))))
        ctx.report("value-out-of-range", msg_of(msg::value_range, "day", msg::w_day, c.day.v), c.day.span);
      m.ref("collaboration", c.collaboration, bit(Kind::collaboration));
      m.enumv("evidence", c.evidence, {"meeting", "report"});
    });
  });
  r.finish(&out.extensions);
}

}  // namespace

void load_file(int file, std::string_view content, FileLoad& out, const Cache* cache) {
  ParsedFile parsed;
  Cache::Key key{};
  bool hit = false;
  if (cache) {
    key = Cache::key_of(content);
    hit = cache->get(key, file, parsed);
  }
  if (!hit) {
    parsed = parse_file(file, content);
    if (cache) cache->put(key, parsed);
  }
  out.findings = std::move(parsed.findings);
  out.not_text = !parsed.parsed;
  if (!parsed.parsed) return;
  const RawFile& raw = parsed.raw;
  Ctx ctx{out.findings, out.refs, {}};
  for (const RawDoc& d : raw.docs) {
    const RawNode* root = d.root;
    if (!root || root->is_null()) continue;  // an empty document
    if (!root->is_map()) {
      ctx.report("document-not-mapping", msg_of(msg::document_not_mapping), root->span);
      continue;
    }
    const RawNode* kind_node = nullptr;
    for (size_t i = 0; i < root->pairs(); ++i)
      if (root->key(i)->value == "kind") kind_node = root->val(i);
    if (!kind_node || kind_node->is_null()) {
      ctx.report("kind-missing", msg_of(msg::kind_missing), root->span);
      continue;
    }
    Kind kind;
    std::vector<std::string> names;
    for (Kind k : kAllKinds) names.emplace_back(kind_name(k));
    if (!kind_node->is_scalar() || !kind_from_name(kind_node->value, kind)) {
      auto& f = ctx.report("kind-unknown",
                           msg_of(msg::kind_unknown, kind_node->is_scalar() ? kind_node->value : "…", join(names)),
                           kind_node->span);
      if (kind_node->is_scalar())
        if (auto s = did_you_mean(kind_node->value, names)) f.help = msg_of(msg::help_did_you_mean, *s);
      continue;
    }
    switch (kind) {
      case Kind::organisation: read_entity(ctx, root, kind, file, out.organisations, read_organisation); break;
      case Kind::collaboration: read_entity(ctx, root, kind, file, out.collaborations, read_collaboration); break;
      case Kind::forum: read_entity(ctx, root, kind, file, out.forums, read_forum); break;
      case Kind::plan: read_entity(ctx, root, kind, file, out.plans, read_plan); break;
      case Kind::meeting: read_entity(ctx, root, kind, file, out.meetings, read_meeting); break;
      case Kind::report: read_entity(ctx, root, kind, file, out.reports, read_report); break;
    }
  }
}

bool load_config(int file, std::string_view content, Config& out, std::vector<RefUse>& refs,
                 std::vector<Finding>& findings) {
  out.file = file;
  std::string_view text;
  if (!precheck_text(file, content, text, findings)) return false;
  RawFile raw;
  parse_yaml(file, text, raw, findings);
  Ctx ctx{findings, refs, {}};
  const RawNode* root = nullptr;
  for (const RawDoc& d : raw.docs)
    if (d.root && !d.root->is_null()) {
      root = d.root;
      break;
    }
  Span start{file, 1, 1, 1};
  if (!root || !root->is_map()) {
    ctx.report(root ? "document-not-mapping" : "field-required",
               root ? msg_of(msg::config_not_mapping) : msg_of(msg::field_required, "name", msg::w_configuration),
               root ? root->span : start);
    return true;
  }
  MapReader r(ctx, root, "samverkan.yaml", root->span);
  read_config(r, out);
  return true;
}

}  // namespace sv

namespace sv {

std::string json_schema(bool config) {
  std::vector<Finding> sink;
  std::vector<RefUse> refs;
  Ctx ctx{sink, refs, {}};
  ctx.schema_mode = true;
  Json root{{"$schema", "http://json-schema.org/draft-07/schema#"}};
  if (config) {
    Config c;
    Json cfg = schema_of(ctx, [&](MapReader& r) { read_config(r, c); });
    root["title"] = "samverkan.yaml";
    root.update(cfg);
    return root.dump(2) + "\n";
  }
  Json defs = Json::object();
  auto add = [&](Kind k, auto read, auto& vec) {
    ctx.slot = &defs[kind_name(k)];
    read_entity(ctx, &kSchemaNode, k, -1, vec, read);
  };
  FileLoad sinkload;
  add(Kind::organisation, read_organisation, sinkload.organisations);
  add(Kind::collaboration, read_collaboration, sinkload.collaborations);
  add(Kind::forum, read_forum, sinkload.forums);
  add(Kind::plan, read_plan, sinkload.plans);
  add(Kind::meeting, read_meeting, sinkload.meetings);
  add(Kind::report, read_report, sinkload.reports);
  Json one_of = Json::array();
  for (Kind k : kAllKinds) one_of.push_back(Json{{"$ref", std::string("#/definitions/") + kind_name(k)}});
  root["title"] = "samverkan data (format v1)";
  root["description"] = "One YAML document of a samverkan repository: an organisation, collaboration, forum, plan, meeting or report.";
  root["definitions"] = std::move(defs);
  root["oneOf"] = std::move(one_of);
  return root.dump(2) + "\n";
}

}  // namespace sv
