// The static site: every page into a temporary directory, then swapped in.
#include <cerrno>
#include <cstring>
#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

#include <unistd.h>

#include "core/parallel.h"
#include "core/privacy.h"
#include "render/render.h"
#include "render/templates.h"
#include "core/errors.h"
#include "core/msg/cli.h"
#include "core/msg/render.h"

namespace sv::render {

namespace fs = std::filesystem;

static constexpr const char* kMarker = ".samverkan-site";

// A file of the new site, through the privacy boundary. Not fsynced: the
// swap of the whole directory is atomic for readers and against a failed
// render; durability across a power cut would cost a minute at national
// scale, on a busy disk much more.
static void write_new(const fs::path& path, const std::string& content) {
  privacy::write_file(path.string(), content, false, false);
}

// Every page, rendered on all cores: pages are independent, so the files are
// the same whatever the order. Each file has one job: of entities whose ids
// give one page (an id declared twice), the first in its list — by file, then
// position, the one the id names — is rendered and the others returned, as
// two jobs writing one file would leave a page that differs from run to run.
// Calls page(file, template, view, entity) for every page of the site, in
// the site's order: the index, the directory, then collaborations, plans,
// meetings, organisations and reports.
template <class F>
static void for_each_page(const Repo& repo, const View& v, F&& page) {
  page("index.html", "index", [&] { return index_view(v); }, nullptr);
  page("directory.html", "directory", [&] { return directory_view(v); }, nullptr);
  for (const auto& c : repo.collaborations)
    page(page_of(Kind::collaboration, c.id.v), "collaboration", [&] { return collaboration_view(v, c); }, &c);
  for (const auto& p : repo.plans) page(page_of(Kind::plan, p.id.v), "plan", [&] { return plan_view(v, p); }, &p);
  for (const auto& m : repo.meetings)
    page(page_of(Kind::meeting, m.id.v), "meeting", [&] { return meeting_view(v, m); }, &m);
  for (const auto& org : repo.organisations)
    page(page_of(Kind::organisation, org.id.v), "organisation", [&] { return organisation_view(v, org); }, &org);
  for (const auto& r : repo.reports) {
    auto* c = repo.find_as<Collaboration>(r.collaboration.v);
    if (!c || !r.period) continue;
    page(page_of(Kind::report, r.id.v), "report", [&, c] { return report_view(v, *c, *r.period, &r); }, &r);
  }
}

static std::string site_name(const Repo& repo, const Options& o) {
  return repo.config.name ? repo.config.name.v : std::string(msg::r_samverkan.get(o.lang));
}

// Every page, rendered on all cores: pages are independent, so the files are
// the same whatever the order. Each file has one job: of entities whose ids
// give one page (an id declared twice), the first in its list — by file, then
// position, the one the id names — is rendered and the others returned, as
// two jobs writing one file would leave a page that differs from run to run.
static std::vector<DuplicatePage> write_all(const Repo& repo, const fs::path& dir, const Options& o) {
  View v = make_view(repo, o.lang, o.today, Links{true, {}});
  const std::string name = site_name(repo, o);
  std::vector<std::function<void()>> jobs;
  std::map<std::string, const Entity*> pages;
  std::vector<DuplicatePage> duplicates;
  for_each_page(repo, v, [&](std::string file, std::string tmpl, std::function<Data()> view, const Entity* entity) {
    if (file.empty()) return;  // an id that cannot name a file
    auto [taken, fresh] = pages.emplace(file, entity);
    if (!fresh) {
      duplicates.push_back(DuplicatePage{file, taken->second, entity});
      return;
    }
    jobs.push_back([&, file = std::move(file), tmpl = std::move(tmpl), view = std::move(view)] {
      write_new(dir / file, render_page(tmpl, view(), Format::html, o, name, true));
    });
  });
  jobs.push_back([&] { write_new(dir / "samverkan.ics", calendar(repo, o)); });
  parallel_for(jobs.size(), threads_for(jobs.size()), [&](size_t i) { jobs[i](); });
  write_new(dir / kMarker, "samverkan render site\n");
  return duplicates;
}

std::string site_print(const Repo& repo, const Options& o) {
  View v = make_view(repo, o.lang, o.today, Links{true, {}});
  const std::string name = site_name(repo, o);
  std::vector<std::pair<std::string, std::function<std::string()>>> jobs;
  std::map<std::string, bool> seen;
  for_each_page(repo, v, [&](std::string file, std::string tmpl, std::function<Data()> view, const Entity*) {
    if (file.empty() || !seen.emplace(file, true).second) return;
    jobs.emplace_back(file, [&, tmpl = std::move(tmpl), view = std::move(view)] {
      return render_page(tmpl, view(), Format::html, o, name, true);
    });
  });
  std::vector<std::string> pages(jobs.size());
  parallel_for(jobs.size(), threads_for(jobs.size()), [&](size_t i) { pages[i] = jobs[i].second(); });
  // The first page's document, its <main> holding every page's <main>, one
  // printed page after another.
  auto main_of = [](const std::string& html) -> std::pair<size_t, size_t> {
    size_t open = html.find("<main");
    size_t body = open == std::string::npos ? std::string::npos : html.find('>', open);
    size_t close = html.rfind("</main>");
    if (body == std::string::npos || close == std::string::npos || close < body) return {std::string::npos, 0};
    return {body + 1, close};
  };
  if (pages.empty()) return {};
  std::string all;
  for (const std::string& page : pages) {
    auto [from, to] = main_of(page);
    if (from == std::string::npos) continue;
    all += "<div class=\"print-page\">";
    all.append(page, from, to - from);
    all += "</div>\n";
  }
  std::string out = pages.front();
  auto [from, to] = main_of(out);
  if (from == std::string::npos) return out;
  out.replace(from, to - from, all);
  return out;
}

std::vector<DuplicatePage> site(const Repo& repo, const std::string& out, const Options& o) {
  fs::path target = fs::absolute(fs::path(out)).lexically_normal();
  if (target.filename().empty()) target = target.parent_path();
  auto fail = [&](const fs::path& p, int err) {
    throw SystemError(msg_of(msg::cli_write_failed, p.string(), std::strerror(err)));
  };
  std::error_code ec;
  bool exists = fs::exists(target, ec);
  if (exists) {
    if (!fs::is_directory(target, ec)) throw SystemError(msg_of(msg::r_out_not_site, target.string()));
    if (!fs::is_empty(target, ec) && !fs::exists(target / kMarker, ec))
      throw SystemError(msg_of(msg::r_out_not_site, target.string()));
  }
  fs::path parent = target.parent_path();
  fs::create_directories(parent, ec);
  if (ec) fail(parent, ec.value());
  std::string tmpl = (parent / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  if (!::mkdtemp(tmpl.data())) fail(parent, errno);
  fs::path tmp(tmpl);
  try {
    fs::permissions(tmp, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                             fs::perms::others_read | fs::perms::others_exec);
    std::vector<DuplicatePage> duplicates = write_all(repo, tmp, o);
    if (exists) {
      // Keep the old site until the new one is in place.
      std::string old = (parent / ("." + target.filename().string() + ".old-XXXXXX")).string();
      if (!::mkdtemp(old.data())) fail(parent, errno);
      fs::path oldp(old);
      if (::rename(target.c_str(), (oldp / "site").c_str()) != 0) fail(target, errno);
      if (::rename(tmp.c_str(), target.c_str()) != 0) {
        int e = errno;
        ::rename((oldp / "site").c_str(), target.c_str());
        fs::remove_all(oldp, ec);
        fail(target, e);
      }
      fs::remove_all(oldp, ec);
    } else if (::rename(tmp.c_str(), target.c_str()) != 0) {
      fail(target, errno);
    }
    return duplicates;
  } catch (...) {
    fs::remove_all(tmp, ec);
    throw;
  }
}

}  // namespace sv::render
