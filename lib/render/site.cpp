// The static site: every page into a temporary directory, then swapped in.
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "fsutil.h"
#include "render/render.h"
#include "render/templates.h"
#include "source.h"

namespace sv::render {

namespace fs = std::filesystem;

static constexpr const char* kMarker = ".samverkan-site";

static void write_all(const Repo& repo, const fs::path& dir, const Options& o) {
  View v{repo, o.lang, o.today};
  std::string name = repo.config.name ? repo.config.name.v : std::string(msg::r_samverkan.get(o.lang));
  auto page = [&](const std::string& file, const std::string& tmpl, Data data) {
    write_file_atomic((dir / file).string(), render_page(tmpl, std::move(data), Format::html, o, name, true));
  };
  page("index.html", "index", index_view(v));
  page("directory.html", "directory", directory_view(v));
  for (const auto& c : repo.collaborations) page(page_of(Kind::collaboration, c.id.v), "collaboration", collaboration_view(v, c));
  for (const auto& p : repo.plans) page(page_of(Kind::plan, p.id.v), "plan", plan_view(v, p));
  for (const auto& m : repo.meetings) page(page_of(Kind::meeting, m.id.v), "meeting", meeting_view(v, m));
  for (const auto& o2 : repo.organisations) page(page_of(Kind::organisation, o2.id.v), "organisation", organisation_view(v, o2));
  for (const auto& r : repo.reports) {
    auto* c = repo.find_as<Collaboration>(r.collaboration.v);
    if (!c || !r.period) continue;
    page(page_of(Kind::report, r.id.v), "report", report_view(v, *c, *r.period, &r));
  }
  write_file_atomic((dir / "samverkan.ics").string(), calendar(repo, o));
  write_file_atomic((dir / kMarker).string(), "samverkan render site\n");
}

void site(const Repo& repo, const std::string& out, const Options& o) {
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
    write_all(repo, tmp, o);
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
  } catch (...) {
    fs::remove_all(tmp, ec);
    throw;
  }
}

}  // namespace sv::render
