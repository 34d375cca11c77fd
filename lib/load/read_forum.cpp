// kind: forum.
#include "load/readers.h"

namespace sv::decode {

void read_forum(MapReader& reader, Forum& forum) {
  reader.text("name", forum.name, true);
  reader.ref("collaboration", forum.collaboration, bit(Kind::collaboration), true);
  reader.enumv("type", forum.type, {"steering", "working", "network", "information", "board", "other"}, true);
  reader.enumv("level", forum.level, {"political", "management", "operational"});
  reader.enumv("cadence", forum.cadence,
               {"weekly", "biweekly", "monthly", "bimonthly", "quarterly", "semiannual", "annual", "ad-hoc"});
  reader.list("members", forum.members, [&](const RawNode* node, Member& member) {
    return nested(reader, "members", node, member, msg::w_member, [&](MapReader& member_reader) {
      member_reader.ref("organisation", member.organisation, bit(Kind::organisation), true);
      member_reader.text("name", member.name);
      member_reader.text("role", member.role);
      member_reader.boolean("chair", member.chair);
      member_reader.text("deputy", member.deputy);
    });
  });
  reader.text("mandate", forum.mandate);
}

}  // namespace sv::decode
