// Single documents: a view, its template, one string.
#include "render/render.h"
#include "render/templates.h"
#include "core/msg/render.h"

namespace sv::render {

static std::string site_name(const Repo& repo, const Options& o) {
  return repo.config.name ? repo.config.name.v : std::string(msg::r_samverkan.get(o.lang));
}

std::string plan(const Repo& repo, const Plan& p, Format f, const Options& o) {
  return render_page("plan", plan_view(make_view(repo, o.lang, o.today, Links{false, o.base_url}), p), f, o, site_name(repo, o), false);
}

std::string meeting(const Repo& repo, const Meeting& m, Format f, const Options& o) {
  return render_page("meeting", meeting_view(make_view(repo, o.lang, o.today, Links{false, o.base_url}), m), f, o, site_name(repo, o), false);
}

std::string collaboration(const Repo& repo, const Collaboration& c, Format f, const Options& o) {
  return render_page("collaboration", collaboration_view(make_view(repo, o.lang, o.today, Links{false, o.base_url}), c), f, o,
                     site_name(repo, o), false);
}

std::string directory(const Repo& repo, Format f, const Options& o) {
  return render_page("directory", directory_view(make_view(repo, o.lang, o.today, Links{false, o.base_url})), f, o, site_name(repo, o), false);
}

std::string report(const Repo& repo, const Collaboration& c, const Period& period, Format f, const Options& o) {
  const Report* narrative = nullptr;
  for (const auto& r : repo.reports)
    if (r.collaboration.v == c.id.v && r.period && r.period->start == period.start && r.period->end == period.end)
      narrative = &r;
  return render_page("report", report_view(make_view(repo, o.lang, o.today, Links{false, o.base_url}), c, period, narrative), f, o,
                     site_name(repo, o), false);
}

}  // namespace sv::render
