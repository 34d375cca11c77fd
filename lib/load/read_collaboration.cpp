// kind: collaboration.
#include "load/readers.h"
#include "core/codes.h"

namespace sv::decode {
namespace {

void read_target_group(MapReader& reader, TargetGroup& group, NestedIds& ids) {
  reader.id("id", group.id);
  reader.text("name", group.name, true);
  reader.text("description", group.description);
  ids.add(group.id);
}

void read_coordinator(MapReader& reader, Coordinator& coordinator) {
  Ctx& ctx = reader.ctx();
  read_contact_fields(reader, coordinator);
  reader.ref("organisation", coordinator.organisation, kind_bit(Kind::organisation));
  reader.number("fte", coordinator.fte);
  const Val<double>& fte = coordinator.fte;
  if (fte.set && !(fte.v > 0 && fte.v <= 1))
    ctx.report(code::value_out_of_range, msg_of(msg::value_range, "fte", msg::w_fte, fte.v), fte.span);
}

void read_agreement(MapReader& reader, Agreement& agreement) {
  reader.date("signed", agreement.signed_on);
  reader.date("valid_until", agreement.valid_until);
  reader.enumv("form", agreement.form, enum_names<AgreementForm>());
  reader.text("document", agreement.document);
  check_order(reader.ctx(), "signed", agreement.signed_on, "valid_until", agreement.valid_until);
}

}  // namespace

void read_kind(MapReader& reader, Collaboration& collab) {
  Ctx& ctx = reader.ctx();
  reader.text("name", collab.name, true);
  reader.refs("parties", collab.parties, kind_bit(Kind::organisation), true, true);
  if (collab.parties.set && collab.parties.v.size() == 1)
    ctx.report(code::parties_too_few, msg_of(msg::parties_too_few, collab.parties.v.size()), collab.parties.span);
  reader.ref("parent", collab.parent, kind_bit(Kind::collaboration));
  reader.text("area", collab.area);
  reader.enumv("integration_level", collab.integration_level, enum_names<IntegrationLevel>());
  reader.text("purpose", collab.purpose);
  NestedIds ids(ctx, kind_and_id(Kind::collaboration, collab.id));
  reader.list("target_groups", collab.target_groups, [&](const RawNode* node, TargetGroup& group) {
    return nested(reader, "target_groups", node, group, msg::w_target_group,
                  [&](MapReader& group_reader) { read_target_group(group_reader, group, ids); });
  });
  reader.texts("needs", collab.needs);
  reader.object("coordinator", collab.coordinator, [&](const RawNode* node, Coordinator& coordinator) {
    MapReader coordinator_reader(ctx, node, "coordinator", node->span);
    read_coordinator(coordinator_reader, coordinator);
    coordinator_reader.finish();
  });
  reader.object("agreement", collab.agreement, [&](const RawNode* node, Agreement& agreement) {
    MapReader agreement_reader(ctx, node, "agreement", node->span);
    read_agreement(agreement_reader, agreement);
    agreement_reader.finish();
  });
  reader.texts("tags", collab.tags);
}

}  // namespace sv::decode
