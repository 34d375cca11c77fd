// Rendering: the repository as documents people read — Markdown and HTML
// pages, a static site, and an iCalendar file.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/codes.h"
#include "core/dates.h"
#include "core/messages.h"
#include "core/model.h"
#include "load/source.h"

namespace sv::render {

enum class Format { md, html };

struct Options {
  Lang lang = Lang::sv;
  Date today;
  // The repository's own templates by name ("plan.md.mustache",
  // "style.css"), each replacing the built-in one (read_templates).
  std::map<std::string, std::string> templates;
  // Single documents: where the site is published, for links to its pages
  // (--base-url); without it they link to nothing outside themselves.
  std::string base_url;
};

// A file of templates/ that may not be used.
struct RefusedTemplate {
  std::string path;  // "templates/style.css"
  Code code;         // symlink_outside, symlink_loop or symlink_broken
  Message message;
};

struct RepositoryTemplates {
  std::map<std::string, std::string> texts;  // for Options::templates
  std::vector<RefusedTemplate> refused;
};

// templates/<name> for every built-in template name, read through the
// source like every repository file: one that is not there stays built in;
// one behind a link out of the repository, a loop or a broken link is
// refused, never read. Throws SystemError when one cannot be read.
RepositoryTemplates read_templates(const Source& files);

// One document. Each throws SystemError when the template is broken.
std::string plan(const Repo& repo, const Plan& p, Format f, const Options& o);
std::string meeting(const Repo& repo, const Meeting& m, Format f, const Options& o);
std::string collaboration(const Repo& repo, const Collaboration& c, Format f, const Options& o);
std::string directory(const Repo& repo, Format f, const Options& o);
// The report of a collaboration for a period, joined with the written report
// for that period when there is one.
std::string report(const Repo& repo, const Collaboration& c, const Period& period, Format f,
                   const Options& o);

// The calendar as RFC 5545 iCalendar (CRLF lines, folded at 75 octets).
std::string calendar(const Repo& repo, const Options& o);

// A page two entities would have had (their ids are the same): `shown` has
// it, `skipped` none.
struct DuplicatePage {
  std::string file;
  const Entity* shown;
  const Entity* skipped;
};

// The whole site, written into `out` atomically: built in a temporary
// directory beside it, then swapped in. Throws SystemError; on failure `out`
// is as it was. Refuses to replace a non-empty directory that is not a site
// it wrote (marked by the file .samverkan-site). Returns the pages left out
// for duplicate ids, for the caller to report.
std::vector<DuplicatePage> site(const Repo& repo, const std::string& out, const Options& o);

// The whole site as one HTML document to print (render site --format pdf):
// every page's content in the site's order, each starting a printed page.
std::string site_print(const Repo& repo, const Options& o);

}  // namespace sv::render
