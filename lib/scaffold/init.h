// What `samverkan init` writes: a new repository in the layout of format.md
// §1, from the templates compiled in from lib/scaffold/templates/.
#pragma once

#include <string>
#include <vector>

#include "core/dates.h"
#include "core/embedded.h"
#include "core/messages.h"

namespace sv::scaffold {

// lib/scaffold/templates/**, compiled in (lib/embed.cmake):
//   <lang>/README.md                 the repository's README
//   <lang>/<folder>.README.md        <folder>/README.md: what goes there
//   <lang>/example/**                the example (--example)
//   <name>[.en].<ext>                CI files and editor settings, English
//                                    comments in the .en variant when there is one
// The paths and texts of <lang>/ may hold {{placeholders}} (init.cpp: `fill`);
// the others are copied as they are.
const std::vector<EmbeddedFile>& init_templates();

enum class Ci { none, github, gitlab };

struct InitOptions {
  std::string name;  // samverkan.yaml's `name`
  Lang lang = Lang::sv;
  Ci ci = Ci::github;
  bool example = false;  // a small complete collaboration, dated from `today`
  Date today;
};

struct GeneratedFile {
  std::string path;  // relative to the new repository's root, '/'-separated
  std::string content;
};

// Every file of the new repository, sorted by path. The example's dates are
// counted from `today`, so that it validates and lints clean on the day it
// is made: a collaboration whose agreement is signed, whose styrgrupp and
// arbetsgrupp held their first meetings and whose plan was adopted today.
std::vector<GeneratedFile> init_files(const InitOptions& o);

// Where the CI file of each Ci goes ("" for none).
std::string ci_path(Ci ci);

}  // namespace sv::scaffold
