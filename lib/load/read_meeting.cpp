// kind: meeting, with its attendees, items and actions.
#include <algorithm>
#include <cmath>

#include "load/readers.h"
#include "core/codes.h"

namespace sv::decode {
namespace {

// Someone present or absent; only the present have a role.
void read_attendee(MapReader& reader, Attendee& attendee, bool with_role) {
  reader.ref("organisation", attendee.organisation, kind_bit(Kind::organisation), true);
  reader.text("name", attendee.name);
  if (with_role) reader.text("role", attendee.role);
}

// An item's number: as written, else its place in the list. The diff names
// items by it, so it sees the number an item has, written or not.
void read_item_number(MapReader& reader, Item& item, int position) {
  if (reader.flattening()) return reader.emit("number", Text{std::to_string(item.number), {}, true});
  reader.number("number", item.number_written);
  if (!reader.reading()) return;
  item.number = position;
  const Val<double>& written = item.number_written;
  if (!written.set) return;
  if (written.v >= 1 && written.v == std::floor(written.v) && written.v < 1e6)
    item.number = static_cast<int>(written.v);
  else
    reader.ctx().report(code::value_out_of_range, msg_of(msg::value_range, "number", msg::w_positive, written.v),
                        written.span);
}

void read_item(MapReader& reader, Item& item, int position) {
  read_item_number(reader, item, position);
  reader.text("title", item.title, true);
  reader.text("notes", item.notes);
  reader.list("refs", item.refs, [&](const RawNode* node, Text& ref) {
    if (!reader.scalar("refs", node, ref)) return false;
    reader.record(ref, kAnyKind, Nested::any);
    return true;
  });
  reader.local_refs("refs", "any");
  reader.texts("decisions", item.decisions);
}

void read_action(MapReader& reader, Action& action, NestedIds& ids) {
  reader.id("id", action.id);
  ids.add(action.id);
  reader.text("title", action.title, true);
  reader.ref("owner", action.owner, kind_bit(Kind::organisation));
  reader.text("responsible", action.responsible);
  reader.date("due", action.due);
  reader.enumv("status", action.status, enum_names<ActionStatus>());
  reader.date("completed", action.completed);
  reader.number("item", action.item);
}

// An action's `item` names an item of this meeting by its number.
void check_action_items(Ctx& ctx, const Meeting& meeting) {
  if (!ctx.reading()) return;
  for (const auto& action : meeting.actions.v) {
    if (!action.item.set) continue;
    bool found = std::any_of(meeting.items.v.begin(), meeting.items.v.end(),
                             [&](const Item& item) { return item.number == action.item.v; });
    if (!found) ctx.report(code::reference_unknown, msg_of(msg::item_unknown, action.item.v), action.item.span);
  }
}

void read_minutes(MapReader& reader, Minutes& minutes) {
  reader.texts("approved_by", minutes.approved_by);
  reader.date("approved", minutes.approved);
}

}  // namespace

void read_kind(MapReader& reader, Meeting& meeting) {
  Ctx& ctx = reader.ctx();
  reader.ref("forum", meeting.forum, kind_bit(Kind::forum), true);
  reader.date("date", meeting.date, true);
  reader.time("start", meeting.start);
  reader.time("end", meeting.end);
  if (meeting.start.set && meeting.end.set && meeting.end.v < meeting.start.v)
    ctx.report(code::date_order, msg_of(msg::date_order, "end", meeting.end.v.str(), "start", meeting.start.v.str()),
               meeting.end.span);
  reader.enumv("type", meeting.type, enum_names<MeetingType>());
  reader.text("location", meeting.location);
  reader.text("chair", meeting.chair);
  reader.text("secretary", meeting.secretary);
  auto people = [&](const char* key, List<Attendee>& out, bool present) {
    reader.list(key, out, [&](const RawNode* node, Attendee& attendee) {
      return nested(reader, key, node, attendee, msg::w_attendee,
                    [&](MapReader& attendee_reader) { read_attendee(attendee_reader, attendee, present); });
    });
  };
  people("attendees", meeting.attendees, true);
  people("absent", meeting.absent, false);
  int position = 0;
  reader.list("items", meeting.items, [&](const RawNode* node, Item& item) {
    ++position;
    return nested(reader, "items", node, item, msg::w_item,
                  [&](MapReader& item_reader) { read_item(item_reader, item, position); });
  });
  NestedIds ids(ctx, kind_and_id(Kind::meeting, meeting.id));
  reader.list("actions", meeting.actions, [&](const RawNode* node, Action& action) {
    return nested(reader, "actions", node, action, msg::w_action,
                  [&](MapReader& action_reader) { read_action(action_reader, action, ids); });
  });
  check_action_items(ctx, meeting);
  reader.object("minutes", meeting.minutes, [&](const RawNode* node, Minutes& minutes) {
    MapReader minutes_reader(ctx, node, "minutes", node->span);
    read_minutes(minutes_reader, minutes);
    minutes_reader.finish();
  });
  reader.date("next_meeting", meeting.next_meeting);
}

}  // namespace sv::decode
