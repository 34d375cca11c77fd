// kind: report.
#include "load/readers.h"

namespace sv::decode {

void read_kind(MapReader& reader, Report& report) {
  reader.ref("collaboration", report.collaboration, kind_bit(Kind::collaboration), true);
  reader.period("period", report.period, true);
  read_contact_field(reader, "author", report.author);
  reader.date("submitted", report.submitted);
  reader.text("recipient", report.recipient);
  reader.text("summary", report.summary);
  reader.texts("highlights", report.highlights);
  reader.texts("challenges", report.challenges);
  reader.texts("next_steps", report.next_steps);
}

}  // namespace sv::decode
