// The view model: what the pages show, computed from the model and "today".
// Every value is plain text; the templates escape it for their format.
// Statuses and progress: status.h; the data helpers and labels: page_data.h.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/messages.h"
#include "core/model.h"
#include "render/page_data.h"
#include "render/status.h"

namespace sv::render {

// What belongs to each collaboration, found once per rendering.
struct Index {
  std::unordered_map<std::string, std::vector<const Meeting*>> meetings;  // by date, id
  std::unordered_map<std::string, std::vector<const Plan*>> plans;        // by period start, id
  std::unordered_map<std::string, std::vector<const Forum*>> forums;      // in file order
};

// Where a page's links to other pages go. In the site, every page is there:
// links are relative. A single document links only to what exists: to the
// pages of the site at `base_url` when one is given, else to nothing (a name
// is then shown without a link).
struct Links {
  bool in_site = false;
  std::string base_url;  // ends in '/' when not empty
};

struct View {
  const Repo& repo;
  Lang lang;
  Date today;
  std::shared_ptr<const Index> index;
  Links links;
};
View make_view(const Repo& repo, Lang lang, const Date& today, Links links = {});

// The link to `page` (a file of the site, with an optional "#anchor") from a
// page under `links`; empty when there is none.
std::string link_to(const Links& links, const std::string& page);

// Page data. Each has "title"; HTML pages also get "svg_*" strings made by svg.cpp.
// One file each: view_<page>.cpp.
Data index_view(const View& view);
Data collaboration_view(const View& view, const Collaboration& collaboration);
Data plan_view(const View& view, const Plan& plan);
Data meeting_view(const View& view, const Meeting& meeting);
// A report for a collaboration and period; `narrative` is the written report, if any.
Data report_view(const View& view, const Collaboration& collaboration, const Period& period,
                 const Report* narrative);
Data organisation_view(const View& view, const Organisation& organisation);
Data directory_view(const View& view);

// Page file names in the site, from ids; empty for an id that is not id-shaped.
std::string page_of(Kind kind, std::string_view id);

}  // namespace sv::render
