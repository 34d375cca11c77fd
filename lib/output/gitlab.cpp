// GitLab's Code Quality report (artifacts: reports: codequality:), the
// subset of the Code Climate format GitLab reads: a JSON array of issues
// with description, check_name, fingerprint, severity and location.
#include <algorithm>
#include <map>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <xxhash.h>

#include "output/output.h"

namespace sv {

namespace {

// GitLab's scale is info, minor, major, critical, blocker. An error (broken
// data, exit 1) is major; critical and blocker are left to tools that judge
// risk, which a data check does not.
const char* gitlab_severity(Severity s) {
  switch (s) {
    case Severity::error: return "major";
    case Severity::warning: return "minor";
    default: return "info";
  }
}

// 32 hex digits of XXH3-128 of the key: GitLab compares fingerprints
// between the pipelines of a merge request, so they must stay put while
// lines move. Ten digits in a row could be what the output edge takes
// for a personnummer and masks; such a hash is made again from the key and
// a counter, so the fingerprint stays a function of the key alone.
std::string fingerprint_of(const std::string& key) {
  for (unsigned salt = 0;; ++salt) {
    std::string input = salt ? fmt::format("{}\n#{}", key, salt) : key;
    XXH128_hash_t h = XXH3_128bits(input.data(), input.size());
    std::string hex = fmt::format("{:016x}{:016x}", h.high64, h.low64);
    size_t run = 0, longest = 0;
    for (char c : hex) longest = std::max(longest, run = (c >= '0' && c <= '9') ? run + 1 : 0);
    if (longest < 10) return hex;
  }
}

}  // namespace

std::string format_gitlab(const Repo& repo, const std::vector<Finding>& findings, Lang lang,
                          const std::string& root_in_git) {
  using json = nlohmann::ordered_json;
  const std::string prefix = root_in_git.empty() ? "" : root_in_git + "/";
  // GitLab takes issues with the same fingerprint for one: the second finding
  // with a key gets "key\n2", and so on, in the (sorted) order of findings.
  std::map<std::string, size_t> seen;
  json arr = json::array();
  for (const auto& f : findings) {
    std::string key = finding_key(repo, f);
    size_t n = ++seen[key];
    if (n > 1) key += fmt::format("\n{}", n);
    bool has_file = f.span.file >= 0 && f.span.file < static_cast<int>(repo.files.size());
    // A finding about no file (there are few) points at samverkan.yaml, the
    // first file: GitLab needs a path.
    std::string path = has_file ? repo.files[f.span.file].path : repo.files.empty() ? "samverkan.yaml" : repo.files[0].path;
    json j;
    j["description"] = message_with_help(f, lang);
    j["check_name"] = f.code;
    j["fingerprint"] = fingerprint_of(key);
    j["severity"] = gitlab_severity(f.severity);
    j["location"] = {{"path", prefix + path}, {"lines", {{"begin", has_file ? std::max(1, f.span.line) : 1}}}};
    arr.push_back(std::move(j));
  }
  return arr.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace sv
