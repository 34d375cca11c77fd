#include "render/view.h"

#include <algorithm>
#include <tuple>

#include "core/text.h"

namespace sv::render {

View make_view(const Repo& repo, Lang lang, const Date& today, Links links) {
  auto index = std::make_shared<Index>();
  for (const auto& forum : repo.forums) index->forums[forum.collaboration.v].push_back(&forum);
  for (const auto& plan : repo.plans) index->plans[plan.collaboration.v].push_back(&plan);
  for (const auto& meeting : repo.meetings) {
    auto* forum = repo.find_as<Forum>(meeting.forum.v);
    index->meetings[forum ? forum->collaboration.v : std::string()].push_back(&meeting);
  }
  for (auto& [_, meetings] : index->meetings)
    std::sort(meetings.begin(), meetings.end(), [](auto* left, auto* right) {
      return std::tie(left->date.v, left->id.v) < std::tie(right->date.v, right->id.v);
    });
  for (auto& [_, plans] : index->plans)
    std::sort(plans.begin(), plans.end(), [](auto* left, auto* right) {
      return std::tie(left->period.v.start, left->id.v) < std::tie(right->period.v.start, right->id.v);
    });
  if (!links.base_url.empty() && links.base_url.back() != '/') links.base_url += '/';
  return View{repo, lang, today, std::move(index), std::move(links)};
}

std::string link_to(const Links& links, const std::string& page) {
  if (page.empty() || page[0] == '#') return page;
  if (links.in_site) return page;
  return links.base_url.empty() ? std::string() : links.base_url + page;
}

std::string page_of(Kind kind, std::string_view id) {
  // An id that is not id-shaped (the repository has errors) gets no page: it
  // could name a path outside the site.
  if (!is_valid_id(id)) return {};
  // A file name is output too: a personnummer in an id is masked with
  // letters, so that the name stays id-shaped ("o-811218xxxx").
  std::string name(id);
  for (const auto& p : find_personal_numbers(name)) name.replace(p.pos + p.len - 4, 4, "xxxx");
  return fmt::format("{}-{}.html", kind_name(kind), name);
}

}  // namespace sv::render
