// kind: forum.
#include "load/readers.h"

namespace sv::decode {

void read_kind(MapReader& reader, Forum& forum) {
  reader.text("name", forum.name, true);
  reader.ref("collaboration", forum.collaboration, kind_bit(Kind::collaboration), true);
  reader.enumv("type", forum.type, enum_names<ForumType>(), true);
  reader.enumv("level", forum.level, enum_names<ForumLevel>());
  reader.enumv("cadence", forum.cadence, enum_names<Cadence>());
  reader.list("members", forum.members, [&](const RawNode* node, Member& member) {
    return nested(reader, "members", node, member, msg::w_member, [&](MapReader& member_reader) {
      member_reader.ref("organisation", member.organisation, kind_bit(Kind::organisation), true);
      member_reader.text("name", member.name);
      member_reader.text("role", member.role);
      member_reader.boolean("chair", member.chair);
      member_reader.text("deputy", member.deputy);
      member_reader.date("from", member.from);
      member_reader.date("until", member.until);
      check_order(member_reader.ctx(), "from", member.from, "until", member.until);
    });
  });
  reader.text("mandate", forum.mandate);
}

}  // namespace sv::decode
