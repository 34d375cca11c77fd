// Contacts: in an organisation's list, a collaboration's coordinator, an
// activity's responsible and a report's author.
#include "load/readers.h"
#include "core/codes.h"

namespace sv::decode {

void read_contact_fields(MapReader& reader, Contact& contact) {
  reader.text("name", contact.name);
  reader.text("role", contact.role);
  reader.email("email", contact.email);
  reader.text("phone", contact.phone);
  if (!contact.name.set && !contact.role.set)
    reader.ctx().report(code::field_required, msg_of(msg::contact_needs_name_or_role), reader.where());
}

bool read_contact(MapReader& parent, std::string_view key, const RawNode* node, Contact& contact) {
  return nested(parent, key, node, contact, msg::w_contact,
                [&](MapReader& reader) { read_contact_fields(reader, contact); });
}

Json contact_schema(Ctx& ctx) {
  Contact contact;
  return schema_of(ctx, "contact", "", [&](MapReader& reader) { read_contact_fields(reader, contact); });
}

void read_contact_field(MapReader& reader, std::string_view key, Val<Contact>& out, bool text_too) {
  Ctx& ctx = reader.ctx();
  if (reader.flattening()) {
    // Its fields are dotted fields: "author.name", "responsible.role".
    return reader.object(key, out, [&](const RawNode* node, Contact& contact) {
      MapReader fields(ctx, node, std::string(key), node->span);
      read_contact_fields(fields, contact);
    });
  }
  if (reader.describing()) {
    Json schema = contact_schema(ctx);
    if (text_too) schema = Json{{"anyOf", Json::array({text_schema(), std::move(schema)})}};
    reader.declare(key, std::move(schema));
    return;
  }
  const RawNode* node = reader.take(key);
  if (!node) return;
  if (text_too && node->is_scalar()) {
    out = {Contact{node->span, {}, {std::string(node->value), node->span, true}, {}, {}}, node->span, true};
    return;
  }
  if (text_too && !node->is_map()) return reader.mismatch(key, node, msg::w_contact_or_text);
  out.set = read_contact(reader, key, node, out.v);
  out.span = node->span;
}

}  // namespace sv::decode
