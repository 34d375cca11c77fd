// `samverkan schema`: the readers, run in their describing mode.
#include "load/load.h"
#include "load/readers.h"

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
    decode::read_entity<T>(ctx, &decode::kEmptyMapping, kind, -1, sink.of<T>(), decode::read_kind);
  });
  return defs;
}

}  // namespace

std::string json_schema(bool config) {
  std::vector<Finding> sink;
  std::vector<RefUse> refs;
  decode::Ctx ctx{sink, refs, {}};
  ctx.mode = decode::Mode::describe;
  Json root{{"$schema", "http://json-schema.org/draft-07/schema#"}};
  if (config) {
    Config unused;
    Json cfg = decode::schema_of(ctx, [&](decode::MapReader& reader) { decode::read_config(reader, unused); });
    root["title"] = "samverkan.yaml";
    root.update(cfg);
    return root.dump(2) + "\n";
  }
  Json defs = kind_definitions(ctx);
  Json one_of = Json::array();
  for (Kind kind : kAllKinds) one_of.push_back(Json{{"$ref", std::string("#/definitions/") + kind_name(kind)}});
  root["title"] = "samverkan data (format v1)";
  root["description"] =
      "One YAML document of a samverkan repository: an organisation, collaboration, forum, plan, meeting or report.";
  root["definitions"] = std::move(defs);
  root["oneOf"] = std::move(one_of);
  return root.dump(2) + "\n";
}

std::string editor_schema() {
  std::vector<Finding> sink;
  std::vector<RefUse> refs;
  decode::Ctx ctx{sink, refs, {}};
  ctx.mode = decode::Mode::describe;
  ctx.annotate_refs = true;
  Json root = Json::object();
  root["definitions"] = kind_definitions(ctx);
  Config unused;
  root["config"] = decode::schema_of(ctx, [&](decode::MapReader& reader) { decode::read_config(reader, unused); });
  return root.dump();
}

std::string_view list_item_group(std::string_view list) {
  const decode::ListGroup* g = decode::list_group(list);
  return g ? g->group : std::string_view{};
}

}  // namespace sv
