// Baselines: the findings a repository already had, so that lint reports only
// new ones. Findings are keyed by code, entity and nested id (the file's path
// only when there is no entity) and counted, never by line or message, so
// edits elsewhere, moved text and changed dates do not break the baseline.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/model.h"

namespace sv {

struct BaselineEntry {
  std::string code, entity, nested, file;  // file: only when entity is empty
  size_t count = 0;
};

struct Baseline {
  std::vector<BaselineEntry> entries;  // sorted by key, keys unique
};

Baseline make_baseline(const Repo& repo, const std::vector<Finding>& findings);
// JSON: {"version": 1, "findings": [{"code", "entity", "nested", "file", "count"}, ...]}.
std::string format_baseline(const Baseline& b);
// Throws SystemError when the text is not a baseline (`path` names it).
Baseline parse_baseline(std::string_view text, const std::string& path);
// Reads the baseline at `path`; one inside the work tree at `root` ("" for
// none) is a repository file, read by its rules (load/files.h).
Baseline read_baseline(const std::string& path, const std::string& root);

// Hides the findings the baseline holds (up to each entry's count, in the
// findings' order) and adds a `baseline-stale` finding at `stale` (unless off)
// for every entry of which fewer occur now. Returns how many were hidden.
size_t apply_baseline(const Repo& repo, const Baseline& b, Severity stale, std::vector<Finding>& findings);

}  // namespace sv
