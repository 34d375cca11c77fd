// Every field a reader reads is a field the diff sees. The fields are not
// listed here: they are every property the schema describes (json_schema(),
// made by the readers themselves). For each, two documents that differ only
// in that property must differ in diff_entity, at that field.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "history/diff.h"
#include "load/load.h"

using namespace sv;
using Json = nlohmann::ordered_json;

namespace {

// A way down the schema: property names, "[]" into a list's items, "|n" into
// the n-th alternative of an anyOf.
using SchemaPath = std::vector<std::string>;

std::string shown(const std::string& kind, const SchemaPath& path) {
  std::string out = kind;
  for (const auto& step : path) out += (step[0] == '[' || step[0] == '|' ? "" : ".") + step;
  return out;
}

bool is_object(const Json& schema) { return schema.value("type", Json()) == "object"; }

// Every property that holds a value: a leaf of the schema.
void leaves(const Json& schema, SchemaPath& path, std::vector<SchemaPath>& out) {
  if (schema.contains("anyOf")) {
    for (size_t i = 0; i < schema["anyOf"].size(); ++i) {
      path.push_back("|" + std::to_string(i));
      leaves(schema["anyOf"][i], path, out);
      path.pop_back();
    }
  } else if (is_object(schema)) {
    for (const auto& [name, property] : schema["properties"].items()) {
      if (path.empty() && (name == "kind" || name == "id")) continue;  // what the entity is, not a field
      path.push_back(name);
      leaves(property, path, out);
      path.pop_back();
    }
  } else if (schema.value("type", Json()) == "array" && is_object(schema["items"])) {
    path.push_back("[]");
    leaves(schema["items"], path, out);
    path.pop_back();
  } else {
    out.push_back(path);
  }
}

// A value of a scalar schema; `variant` 0 or 1 gives two different ones.
Json sample(const Json& schema, int variant) {
  if (schema.contains("const")) return schema["const"];
  if (schema.contains("enum")) {
    REQUIRE(schema["enum"].size() >= 2);
    return schema["enum"][variant];
  }
  if (schema.contains("anyOf")) return sample(schema["anyOf"][0], variant);
  const Json type = schema.value("type", Json());
  if (type.is_array()) return variant ? "B" : "A";  // text: a string, number or boolean
  if (type == "number") return variant ? 2 : 1;
  if (type == "integer") return variant ? 2027 : 2026;
  if (type == "boolean") return variant == 1;
  if (type == "array") return Json::array({sample(schema["items"], variant)});
  REQUIRE(type == "string");
  if (schema.value("format", "") == "date") return variant ? "2026-02-01" : "2026-01-01";
  const std::string pattern = schema.value("pattern", "");
  struct Sample {
    const char* pattern;
    const char* values[2];
  };
  static const Sample samples[] = {
      {"^[a-z0-9]+(-[a-z0-9]+)*$", {"a1", "b1"}},
      {"^[a-z0-9]+(-[a-z0-9]+)*(#[a-z0-9]+(-[a-z0-9]+)*)?$", {"a1", "b1"}},
      {"^[0-9]{2}:[0-9]{2}$", {"09:00", "10:00"}},
      {"^[0-9]{4}([HTQ][1-4])?$", {"2026H1", "2026H2"}},
      {"^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", {"a@example.se", "b@example.se"}},
      {"^https?://", {"https://a.example.se", "https://b.example.se"}},
  };
  for (const auto& s : samples)
    if (pattern == s.pattern) return s.values[variant];
  FAIL("no sample value for the pattern " << pattern << ": add one above");
  return nullptr;
}

// A value of `schema` with its required fields, and `path` below it set to
// its `variant` sample (the rest to variant 0).
Json build(const Json& schema, const SchemaPath& path, size_t at, int variant) {
  if (at == path.size()) return sample(schema, variant);
  const std::string& step = path[at];
  if (step[0] == '|') return build(schema["anyOf"][std::stoul(step.substr(1))], path, at + 1, variant);
  if (step == "[]") return Json::array({build(schema["items"], path, at + 1, variant)});
  Json out = Json::object();
  for (const auto& name : schema.value("required", Json::array())) {
    const Json& property = schema["properties"][name.get<std::string>()];
    out[name.get<std::string>()] = build(property, {}, 0, 0);
  }
  out[step] = build(schema["properties"][step], path, at + 1, variant);
  return out;
}

// The field the diff names for a schema path: the dotted names below the
// last list, up to an alternative (a period's range is the one field `period`).
std::string field_of(const SchemaPath& path) {
  std::string field;
  for (const auto& step : path) {
    if (step == "[]") {
      field.clear();
      continue;
    }
    if (step[0] == '|') break;
    field += (field.empty() ? "" : ".") + step;
  }
  return field;
}

Flat flat_of(Kind kind, const Json& document) {
  FileLoad load;
  load_file(0, document.dump(), load);  // JSON is YAML
  const Entity* entity = nullptr;
  auto pick = [&](const auto& entities) {
    for (const auto& e : entities)
      if (e.kind == kind) entity = &e;
  };
  pick(load.organisations), pick(load.collaborations), pick(load.forums);
  pick(load.plans), pick(load.meetings), pick(load.reports);
  REQUIRE_MESSAGE(entity, document.dump());
  return flatten(*entity, "f.yaml");
}

// Whether the diff shows the change: the field changed, or (for a key, a
// prose text) an object went and another came.
bool shows(const EntityDiff& diff, const std::string& field) {
  for (const auto& object : diff.objects) {
    if (object.change != Change::changed) return true;
    for (const auto& change : object.fields)
      if (change.field == field || change.field.rfind(field + ".", 0) == 0) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("every field the readers read is a field the diff sees") {
  Json schema = Json::parse(json_schema());
  size_t checked = 0;
  for (const auto& [kind_text, definition] : schema["definitions"].items()) {
    Kind kind{};
    REQUIRE(kind_from_name(kind_text, kind));
    std::vector<SchemaPath> paths;
    SchemaPath path;
    leaves(definition, path, paths);
    CHECK(paths.size() > 3);
    // An extension (`x-...`, patternProperties) is a field too.
    Json buildable = definition;
    buildable["properties"]["x-note"] = Json{{"type", Json::array({"string", "number"})}};
    paths.push_back({"x-note"});
    for (const auto& field_path : paths) {
      Flat before = flat_of(kind, build(buildable, field_path, 0, 0));
      Flat after = flat_of(kind, build(buildable, field_path, 0, 1));
      auto diff = diff_entity(&before, &after);
      INFO(shown(kind_text, field_path), " — a change the diff must show at ", field_of(field_path));
      CHECK(diff);
      if (diff) CHECK(shows(*diff, field_of(field_path)));
      ++checked;
    }
  }
  CHECK(checked > 100);  // the schema was walked, not skipped
}
