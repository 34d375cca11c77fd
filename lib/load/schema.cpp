// `samverkan schema`: the readers, run in their describing mode.
#include "load/load.h"
#include "load/readers.h"

#include "core/fields.h"
#include "core/kinds.h"
#include "core/msg/core.h"

namespace sv {
namespace {

using decode::Json;

// The definition of every kind, in the order of kAllKinds.
Json kind_definitions(decode::Ctx& ctx) {
  Json defs = Json::object();
  FileLoad sink;
  for_each_kind([&](auto type) {
    using T = typename decltype(type)::type;
    Kind kind = KindOf<T>::kind;
    ctx.slot = &defs[kind_name(kind)];
    ctx.owner = kind_name(kind);
    ctx.prefix.clear();
    decode::read_entity<T>(ctx, &decode::kEmptyMapping, kind, -1, sink.of<T>(), decode::read_kind);
  });
  return defs;
}

}  // namespace

std::string json_schema(bool config, Lang lang) {
  std::vector<Finding> sink;
  std::vector<RefUse> refs;
  decode::Ctx ctx{sink, refs, {}};
  ctx.mode = decode::Mode::describe;
  ctx.lang = lang;
  Json root{{"$schema", "http://json-schema.org/draft-07/schema#"}};
  if (config) {
    Config unused;
    Json cfg = decode::schema_of(ctx, "config", "",
                                 [&](decode::MapReader& reader) { decode::read_config(reader, unused); });
    root["title"] = "samverkan.yaml";
    root["description"] = msg::schema_config.get(lang);
    root.update(cfg);
    return root.dump(2) + "\n";
  }
  // The document's kind chooses its definition: `if kind is plan, then the
  // plan's schema`. An error names the fields of that kind alone, where a
  // `oneOf` of the kinds would report every kind's (ajv lists the required
  // fields of each branch; yaml-language-server guesses the branch).
  Json defs = kind_definitions(ctx);
  Json kinds = Json::array(), words = Json::array(), chosen = Json::array();
  for (Kind kind : kAllKinds) {
    kinds.push_back(kind_name(kind));
    words.push_back(kind_word(kind).get(lang));
    chosen.push_back(Json{{"if", {{"properties", {{"kind", {{"const", kind_name(kind)}}}}}, {"required", {"kind"}}}},
                          {"then", {{"$ref", std::string("#/definitions/") + kind_name(kind)}}}});
  }
  const Tr* kind_help = field_description("any", "kind");
  root["title"] = msg::schema_title.get(lang);
  root["description"] = msg::schema_data.get(lang);
  root["type"] = "object";
  root["required"] = Json::array({"kind"});
  root["properties"] = {{"kind", {{"description", kind_help ? kind_help->get(lang) : "kind"},
                                  {"enum", std::move(kinds)},
                                  {"enumDescriptions", std::move(words)}}}};
  root["allOf"] = std::move(chosen);
  root["definitions"] = std::move(defs);
  return root.dump(2) + "\n";
}

std::string editor_schema(Lang lang) {
  std::vector<Finding> sink;
  std::vector<RefUse> refs;
  decode::Ctx ctx{sink, refs, {}};
  ctx.mode = decode::Mode::describe;
  ctx.lang = lang;
  ctx.annotate_refs = true;
  Json root = Json::object();
  root["definitions"] = kind_definitions(ctx);
  Config unused;
  root["config"] = decode::schema_of(ctx, "config", "",
                                     [&](decode::MapReader& reader) { decode::read_config(reader, unused); });
  return root.dump();
}

std::string_view list_item_group(std::string_view list) {
  const decode::ListGroup* g = decode::list_group(list);
  return g ? g->group : std::string_view{};
}

}  // namespace sv
