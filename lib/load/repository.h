// Loading a whole repository: source → load (in parallel) → cross-file validation.
#pragma once

#include <optional>
#include <vector>

#include "core/finding.h"
#include "core/model.h"
#include "load/source.h"

namespace sv {

struct LoadOptions {
  std::optional<Lang> lang;  // --lang; else the configuration's language; else sv
  unsigned threads = 0;      // 0: one per core
  std::string cache_dir;     // the per-file cache (cache.h); "" for none
};

struct Loaded {
  Repo repo;
  std::vector<Finding> findings;  // sorted
  Lang lang = Lang::sv;
};

// Throws SystemError when the repository cannot be loaded at all (no or
// unreadable samverkan.yaml). Everything else is a finding.
Loaded load_repository(const Source& src, const LoadOptions& opt);

// The language: the option, else the configuration's, else Swedish.
Lang effective_lang(const std::optional<Lang>& option, const Config& config);

}  // namespace sv
