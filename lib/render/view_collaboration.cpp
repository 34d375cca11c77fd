// A collaboration's page: who takes part, its forums, plans, meetings and reports.
#include <algorithm>
#include <tuple>

#include "core/msg/render.h"
#include "render/view_builder.h"

namespace sv::render {

namespace {

void put_parties(const ViewBuilder& builder, Data& page, const Collaboration& collaboration) {
  Data parties = empty_list();
  for (const auto& party : collaboration.parties.v) {
    Data row = builder.reference(Kind::organisation, party.v);
    auto* organisation = builder.view.repo.find_as<Organisation>(party.v);
    put(row, "o_type", organisation ? builder.enum_label<OrgType>(organisation->type) : std::string());
    parties.push_back(row);
  }
  put_data(page, "parties", parties, !collaboration.parties.v.empty());
}

void put_coordinator(const ViewBuilder& builder, Data& page, const Collaboration& collaboration) {
  if (!collaboration.coordinator) {
    page.set("coordinator", false);
    return;
  }
  const auto& coordinator = *collaboration.coordinator;
  Data data = builder.contact(coordinator);
  put(data, "c_text", builder.contact_text(coordinator));
  if (coordinator.organisation)
    data.set("c_org", builder.reference(Kind::organisation, coordinator.organisation.v));
  else data.set("c_org", false);
  put(data, "fte", coordinator.fte ? builder.number(coordinator.fte.v) : std::string());
  page.set("coordinator", data);
}

void put_agreement(const ViewBuilder& builder, Data& page, const Collaboration& collaboration) {
  if (!collaboration.agreement) {
    page.set("agreement", false);
    return;
  }
  Data data;
  put(data, "signed", collaboration.agreement->signed_on);
  put(data, "valid_until", collaboration.agreement->valid_until);
  put(data, "form", builder.enum_label<AgreementForm>(collaboration.agreement->form));
  put(data, "document", collaboration.agreement->document);
  page.set("agreement", data);
}

void put_target_groups(Data& page, const Collaboration& collaboration) {
  Data groups = empty_list();
  for (const auto& group : collaboration.target_groups.v) {
    Data row;
    put(row, "tg_id", group.id);
    put(row, "tg_name", group.name);
    put(row, "tg_description", group.description);
    groups.push_back(row);
  }
  put_data(page, "target_groups", groups, !collaboration.target_groups.v.empty());
}

Data forum_data(const ViewBuilder& builder, const Forum& forum) {
  Data row;
  row.set("f_id", forum.id.v);
  row.set("f_name", forum.name ? forum.name.v : forum.id.v);
  put(row, "f_type", builder.enum_label<ForumType>(forum.type));
  put(row, "f_level", builder.enum_label<ForumLevel>(forum.level));
  put(row, "f_cadence", builder.enum_label<Cadence>(forum.cadence));
  put(row, "f_mandate", forum.mandate);
  Data members = empty_list();
  for (const auto& member : forum.members.v) {
    Data entry;
    entry.set("mem_org", builder.reference(Kind::organisation, member.organisation.v));
    put(entry, "mem_name", member.name);
    put(entry, "mem_role", member.role);
    put(entry, "mem_deputy", member.deputy);
    entry.set("mem_chair", member.chair && member.chair.v);
    members.push_back(entry);
  }
  put_data(row, "members", members, !forum.members.v.empty());
  return row;
}

void put_forums(const ViewBuilder& builder, Data& page, const Collaboration& collaboration) {
  Data forums = empty_list();
  for (const Forum* forum : builder.forums_of(collaboration.id.v)) forums.push_back(forum_data(builder, *forum));
  bool any_forums = !forums.list_value().empty();
  put_data(page, "forums", forums, any_forums);
}

void put_plans(const ViewBuilder& builder, Data& page, const Collaboration& collaboration) {
  Data plans = empty_list();
  for (const Plan* plan : builder.plans_of(collaboration.id.v)) {
    Data row = builder.reference(Kind::plan, plan->id.v);
    row.set("period", plan->period.v.text);
    row.set("p_status", builder.enum_label(plan->status_value()));
    plans.push_back(row);
  }
  bool any_plans = !plans.list_value().empty();
  put_data(page, "plans", plans, any_plans);
}

void put_meetings(const ViewBuilder& builder, Data& page, const Collaboration& collaboration) {
  Data meetings = empty_list();
  for (const Meeting* meeting : builder.meetings_of(collaboration.id.v)) {
    Data row = builder.reference(Kind::meeting, meeting->id.v);
    row.set("m_date", meeting->date.v.str());
    put(row, "m_type", builder.enum_label<MeetingType>(meeting->type));
    meetings.push_back(row);
  }
  bool any_meetings = !meetings.list_value().empty();
  put_data(page, "meetings", meetings, any_meetings);
}

// The written reports, by period start.
void put_reports(const ViewBuilder& builder, Data& page, const Collaboration& collaboration) {
  std::vector<const Report*> written;
  for (const auto& report : builder.view.repo.reports)
    if (report.collaboration.v == collaboration.id.v) written.push_back(&report);
  std::sort(written.begin(), written.end(), [](auto* left, auto* right) {
    return std::tie(left->period.v.start, left->id.v) < std::tie(right->period.v.start, right->id.v);
  });
  Data reports = empty_list();
  for (const Report* report : written) {
    Data row;
    row.set("name", builder.format(msg::r_report_name, report->period.v.text));
    put(row, "href", builder.href(page_of(Kind::report, report->id.v)));
    reports.push_back(row);
  }
  put_data(page, "reports", reports, !written.empty());
}

}  // namespace

Data collaboration_view(const View& view, const Collaboration& collaboration) {
  ViewBuilder builder{view};
  Data page;
  page.set("title", collaboration.name ? collaboration.name.v : collaboration.id.v);
  put(page, "area", collaboration.area);
  put(page, "integration", builder.enum_label<IntegrationLevel>(collaboration.integration_level));
  put(page, "purpose", collaboration.purpose);
  put_data(page, "parent", builder.reference(Kind::collaboration, collaboration.parent.v),
           collaboration.parent.set);
  Data children = builder.children(Kind::collaboration, view.repo.collaborations, collaboration.id.v);
  bool any_children = !children.list_value().empty();
  put_data(page, "children", children, any_children);
  put_parties(builder, page, collaboration);
  put_coordinator(builder, page, collaboration);
  put_agreement(builder, page, collaboration);
  put_target_groups(page, collaboration);
  put_list(page, "needs", collaboration.needs);
  put_forums(builder, page, collaboration);
  put_plans(builder, page, collaboration);
  put_meetings(builder, page, collaboration);
  put_reports(builder, page, collaboration);
  builder.wheel(page, collaboration.id.v, "wheel");
  return page;
}

}  // namespace sv::render
