// An organisation's page — what it does, who it has where, what it owes — and
// the directory, which is every organisation's page in one, by name.
#include <algorithm>
#include <tuple>

#include "core/msg/render.h"
#include "core/text.h"
#include "render/view_builder.h"

namespace sv::render {

namespace {

// A Swedish-aware sort key: å, ä, ö after z, in that order; case folded.
std::string sort_key(std::string_view text) {
  std::string key;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char byte = text[i];
    if (byte == 0xC3 && i + 1 < text.size()) {
      unsigned char next = text[i + 1];
      const char* replacement = nullptr;
      if (next == 0xA5 || next == 0x85) replacement = "{1";
      else if (next == 0xA4 || next == 0x84) replacement = "{2";
      else if (next == 0xB6 || next == 0x96) replacement = "{3";
      if (replacement) {
        key += replacement;
        ++i;
        continue;
      }
    }
    key += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
  }
  return key;
}

// One row per forum, with everyone the organisation has in it.
void put_forums(const ViewBuilder& builder, Data& page, const Organisation& organisation) {
  Data forums = empty_list();
  for (const auto& forum : builder.view.repo.forums) {
    std::vector<std::string> people;
    for (const auto& member : forum.members.v) {
      if (member.organisation.v != organisation.id.v) continue;
      std::string person = builder.contact_text(Contact{{}, member.name, member.role, {}, {}});
      if (member.chair && member.chair.v) person += " (" + builder.text(msg::r_chair_note) + ")";
      people.push_back(person);
    }
    if (people.empty()) continue;
    Data row = builder.reference(Kind::forum, forum.id.v);
    row.set("f_collab", builder.reference(Kind::collaboration, forum.collaboration.v));
    put(row, "people", join(people, "; "));
    forums.push_back(row);
  }
  bool any_forums = !forums.list_value().empty();
  put_data(page, "forums", forums, any_forums);
}

// The collaborations it is a party to, the activities it owns, its open actions.
void put_commitments(const ViewBuilder& builder, Data& page, const Organisation& organisation) {
  const View& view = builder.view;
  Data collaborations = empty_list();
  for (const auto& collaboration : view.repo.collaborations)
    for (const auto& party : collaboration.parties.v)
      if (party.v == organisation.id.v)
        collaborations.push_back(builder.reference(Kind::collaboration, collaboration.id.v));
  bool any_collaborations = !collaborations.list_value().empty();
  put_data(page, "collaborations", collaborations, any_collaborations);
  Data activities = empty_list();
  for (const auto& plan : view.repo.plans)
    for (const auto& activity : plan.activities.v)
      if (activity.owner.v == organisation.id.v)
        activities.push_back(builder.activity(plan, activity, view.today));
  bool any_activities = !activities.list_value().empty();
  put_data(page, "activities", activities, any_activities);
  Data actions = empty_list();
  for (const auto& meeting : view.repo.meetings)
    for (const auto& action : meeting.actions.v)
      if (action.owner.v == organisation.id.v && action.status_value() == ActionStatus::open)
        actions.push_back(builder.action(meeting, action, view.today));
  bool any_actions = !actions.list_value().empty();
  put_data(page, "open_actions", actions, any_actions);
}

}  // namespace

Data organisation_view(const View& view, const Organisation& organisation) {
  ViewBuilder builder{view};
  Data page;
  page.set("title", organisation.name ? organisation.name.v : organisation.id.v);
  put(page, "short_name", organisation.short_name);
  put(page, "o_type", builder.enum_label<OrgType>(organisation.type));
  put(page, "org_number", organisation.org_number);
  put_data(page, "parent", builder.reference(Kind::organisation, organisation.parent.v), organisation.parent.set);
  Data units = builder.children(Kind::organisation, view.repo.organisations, organisation.id.v);
  bool any_units = !units.list_value().empty();
  put_data(page, "units", units, any_units);
  put(page, "website",
      organisation.website && is_http_url(organisation.website.v) ? organisation.website.v : std::string());
  put(page, "mandate", organisation.mandate);
  put_list(page, "services", organisation.services);
  Data contacts = empty_list();
  for (const auto& contact : organisation.contacts.v) contacts.push_back(builder.contact(contact));
  put_data(page, "contacts", contacts, !organisation.contacts.v.empty());
  put_forums(builder, page, organisation);
  put_commitments(builder, page, organisation);
  return page;
}

Data directory_view(const View& view) {
  ViewBuilder builder{view};
  Data page;
  page.set("title", builder.text(msg::r_directory));
  std::vector<const Organisation*> organisations;
  for (const auto& organisation : view.repo.organisations) organisations.push_back(&organisation);
  std::sort(organisations.begin(), organisations.end(), [](auto* left, auto* right) {
    return std::tuple(sort_key(left->name.v), left->id.v) < std::tuple(sort_key(right->name.v), right->id.v);
  });
  Data entries = empty_list();
  for (const Organisation* organisation : organisations) {
    Data entry = organisation_view(view, *organisation);
    entry.set("org", builder.reference(Kind::organisation, organisation->id.v));
    entries.push_back(entry);
  }
  put_data(page, "organisations", entries, !organisations.empty());
  return page;
}

}  // namespace sv::render
