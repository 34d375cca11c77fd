// The readers: one per kind (read_<kind>.cpp), the configuration's
// (read_config.cpp) and the pieces they share (read_contact.cpp). Each reads
// the fields of one mapping with a MapReader, in any of its modes
// (map_reader.h). Private to the loader.
#pragma once

#include <string_view>
#include <vector>

#include "core/model.h"
#include "load/map_reader.h"

namespace sv::decode {

// The body of each kind (one overload per model struct, so that a Kind
// known at run time finds its reader through visit_kind); the kind and id
// are read_entity's.
void read_kind(MapReader& reader, Organisation& org);
void read_kind(MapReader& reader, Collaboration& collab);
void read_kind(MapReader& reader, Forum& forum);
void read_kind(MapReader& reader, Plan& plan);
void read_kind(MapReader& reader, Meeting& meeting);
void read_kind(MapReader& reader, Report& report);

// samverkan.yaml.
void read_config(MapReader& reader, Config& config);

// A contact's fields (name, role, email, phone) in a mapping of its own.
void read_contact_fields(MapReader& reader, Contact& contact);
// An element of a list of contacts.
bool read_contact(MapReader& parent, std::string_view key, const RawNode* node, Contact& contact);
// A field that is a contact (a report's author); with `text_too`, plain text
// is a contact too, kept as its role (an activity's responsible).
void read_contact_field(MapReader& reader, std::string_view key, Val<Contact>& out, bool text_too = false);
Json contact_schema(Ctx& ctx);

// One entity: its kind and id, then `read` for the rest.
template <class T>
void read_entity(Ctx& ctx, const RawNode* root, Kind kind, int file, std::vector<T>& out,
                 void (*read)(MapReader&, T&)) {
  T entity;
  entity.kind = kind;
  entity.file = file;
  entity.span = root->span;
  MapReader body(ctx, root, kind_word(kind), root->span);
  if (ctx.describing()) body.declare("kind", Json{{"const", kind_name(kind)}}, true);
  body.take("kind");
  body.id("id", entity.id);
  ctx.entity = entity.id.set ? entity.id.v : "";
  read(body, entity);
  body.finish(&entity.extensions);
  out.push_back(std::move(entity));
  ctx.entity.clear();
}

}  // namespace sv::decode
