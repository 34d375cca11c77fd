// A meeting's minutes: who came, the items with their decisions, the actions.
#include <map>

#include "core/msg/render.h"
#include "core/text.h"
#include "render/view_builder.h"

namespace sv::render {

namespace {

// People grouped by organisation, the organisations in the order first written;
// each person as "name (role)", or whichever of the two is written.
Data by_organisation(const ViewBuilder& builder, const std::vector<Attendee>& people) {
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::string>> names;
  for (const auto& person : people) {
    if (!names.count(person.organisation.v)) order.push_back(person.organisation.v);
    auto& of_organisation = names[person.organisation.v];
    std::string shown = person.name.v;
    if (person.role) shown = shown.empty() ? person.role.v : shown + " (" + person.role.v + ")";
    if (!shown.empty()) of_organisation.push_back(shown);
  }
  Data groups = empty_list();
  for (const auto& organisation : order) {
    Data row;
    row.set("org", builder.reference(Kind::organisation, organisation));
    put(row, "people", join(names[organisation], "; "));
    groups.push_back(row);
  }
  return groups;
}

// An item's references ("id" or "id#part"), by the title of what they name,
// linked to its page and anchor (item_reference).
void put_item_refs(const ViewBuilder& builder, Data& row, const Item& item) {
  Data refs = empty_list();
  std::vector<std::string> ref_texts;
  for (size_t i = 0; i < item.refs.v.size(); ++i) {
    Data entry = builder.item_reference(item.refs.v[i].v);
    entry.set("r_sep", i + 1 < item.refs.v.size());
    ref_texts.push_back(entry.get("name")->string_value());
    refs.push_back(entry);
  }
  put_data(row, "refs", refs, !item.refs.v.empty());
  put(row, "refs_text", join(ref_texts, "; "));
}

void put_items(const ViewBuilder& builder, Data& page, const Meeting& meeting) {
  Data items = empty_list();
  for (const auto& item : meeting.items.v) {
    Data row;
    row.set("number", std::to_string(item.number));
    put(row, "i_title", item.title);
    put(row, "i_notes", item.notes);
    put_list(row, "decisions", item.decisions);
    put_item_refs(builder, row, item);
    items.push_back(row);
  }
  put_data(page, "items", items, !meeting.items.v.empty());
}

void put_minutes(Data& page, const Meeting& meeting) {
  if (!meeting.minutes) {
    page.set("minutes", false);
    return;
  }
  Data data;
  std::vector<std::string> by;
  for (const auto& name : meeting.minutes->approved_by.v) by.push_back(name.v);
  put(data, "approved_by", join(by, "; "));
  put(data, "approved", meeting.minutes->approved);
  page.set("minutes", data);
}

}  // namespace

Data meeting_view(const View& view, const Meeting& meeting) {
  ViewBuilder builder{view};
  Data page;
  page.set("title",
           builder.format(msg::r_minutes_title, builder.forum_name(meeting.forum.v), meeting.date.v.str()));
  page.set("forum", builder.reference(Kind::forum, meeting.forum.v));
  std::string collaboration = builder.collaboration_of(meeting);
  put_data(page, "collaboration", builder.reference(Kind::collaboration, collaboration), !collaboration.empty());
  put(page, "date", meeting.date);
  std::string time;
  if (meeting.start) time = meeting.start.v.str();
  if (meeting.end) time += "–" + meeting.end.v.str();
  put(page, "time", time);
  put(page, "location", meeting.location);
  put(page, "m_type", builder.enum_label<MeetingType>(meeting.type));
  put(page, "chair", meeting.chair);
  put(page, "secretary", meeting.secretary);
  put_data(page, "present", by_organisation(builder, meeting.attendees.v), !meeting.attendees.v.empty());
  put_data(page, "absent", by_organisation(builder, meeting.absent.v), !meeting.absent.v.empty());
  put_items(builder, page, meeting);
  // The protokoll says what was recorded: the actions as of the meeting's
  // date. Only the live site adds their status today (labelled so).
  Date as_of = meeting.date ? meeting.date.v : view.today;
  page.set("as_of", as_of.str());
  page.set("live", view.links.in_site);
  Data actions = empty_list();
  for (const auto& action : meeting.actions.v) {
    Data row = builder.action(meeting, action, as_of);
    if (view.links.in_site) row.set("now", builder.action(meeting, action, view.today));
    else row.set("now", false);
    actions.push_back(row);
  }
  put_data(page, "actions", actions, !meeting.actions.v.empty());
  put_minutes(page, meeting);
  put(page, "next_meeting", meeting.next_meeting);
  return page;
}

}  // namespace sv::render
