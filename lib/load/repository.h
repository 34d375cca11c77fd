// Loading a whole repository: source → load (in parallel) → cross-file validation.
#pragma once

#include <memory>
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
  // The files it was read from, for what reads more of them later (render's
  // templates); set by whoever made the source, null when nobody did.
  std::shared_ptr<const Source> source;
};

// Throws SystemError when the repository cannot be loaded at all (no or
// unreadable samverkan.yaml). Everything else is a finding.
Loaded load_repository(const Source& src, const LoadOptions& opt);

// The first half of load_repository: every file listed, read and loaded,
// with its own findings (unsorted), and no cross-file check; the indexes are
// empty. For a repository kept in memory (live.h).
Loaded load_files(const Source& src, const LoadOptions& opt);

// The language: the option, else the configuration's, else Swedish.
Lang effective_lang(const std::optional<Lang>& option, const Config& config);

}  // namespace sv
