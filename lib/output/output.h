// Printing findings: text in the style of rustc/ruff, and JSON (format.md §10).
// One file per format in output/: text.cpp, json.cpp, sarif.cpp, junit.cpp, github.cpp, gitlab.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/finding.h"
#include "core/model.h"

namespace sv {

struct OutputOptions {
  Lang lang = Lang::sv;
  bool color = false;
};

const Tr& severity_label(Severity s);

// The source lines that findings point at: each file's line index is made
// once, for the files the findings name, and each line a finding points at
// is made ready to show once (however many findings it holds), so that many
// findings in one file, or on one long line, never rescan it. Read-only once
// made: safe to share between threads.
class SourceLines {
 public:
  SourceLines(const Repo& repo, const std::vector<Finding>& findings);
  SourceLines(const Repo& repo, const Finding& finding);
  // The text of line `line` (1-based) of a file, without its line break;
  // empty when the file was not indexed or has no such line.
  std::string_view line(int file, int line) const;

  // A line as shown under a finding: printable, personal numbers masked,
  // tabs as one space (so the caret stays under its column).
  struct Shown {
    std::string text;
    size_t width = 0;              // in code points
    std::vector<uint32_t> starts;  // where each code point starts, for lines too wide to show whole
    std::string_view slice(size_t from, size_t to) const;  // code points [from, to)
  };
  // nullptr for a line no finding pointed at when this was made.
  const Shown* shown(int file, int line) const;

 private:
  const Repo& repo_;
  std::unordered_map<int, std::vector<size_t>> starts_;
  // Files that hold a personnummer, as written or in YAML escapes: the text
  // with its secret digits masked, so that no quoted line shows them in any form.
  std::unordered_map<int, std::string> masked_;
  std::vector<std::pair<std::pair<int, int>, Shown>> shown_;  // by (file, line)
};

// One finding with its source line and a caret, then help and notes.
std::string format_finding_text(const Repo& repo, const Finding& f, const OutputOptions& o);
std::string format_finding_text(const Repo& repo, const Finding& f, const OutputOptions& o, const SourceLines& lines);
// All findings, then a summary line.
std::string format_text(const Repo& repo, const std::vector<Finding>& findings, const OutputOptions& o);
std::string format_summary(const Repo& repo, const std::vector<Finding>& findings, Lang lang);
std::string format_json(const Repo& repo, const std::vector<Finding>& findings, Lang lang);

// A finding's line-independent identity (sarif.cpp): code, entity and
// nested id, or the file's path for a finding without an entity; never the
// line or the message, so it survives edits elsewhere in the file. Masked
// whole (ids and file names may hold a personnummer), so it is the same
// whether or not the output edge sees it. SARIF's partialFingerprints and
// GitLab's fingerprints are made from it.
std::string finding_key(const Repo& repo, const Finding& f);
// The message, then "hjälp: ..." on a line of its own when there is help.
std::string message_with_help(const Finding& f, Lang lang);

// Code scanning (SARIF) and GitLab want paths from the top of the git
// repository: `root_in_git` is where the samverkan root lies in it ("" at
// the top, or outside git), put before every file's path.
// SARIF 2.1.0 (sarif.cpp): every rule with its metadata and help, and
// each result with its file, line and column.
std::string format_sarif(const Repo& repo, const std::vector<Finding>& findings, Lang lang,
                         const std::string& root_in_git = "");
// GitLab's Code Quality report (gitlab.cpp): a JSON array, one object per
// finding with description, check_name, fingerprint, severity (error →
// major, warning → minor, info → info) and location.path/lines.begin.
std::string format_gitlab(const Repo& repo, const std::vector<Finding>& findings, Lang lang,
                          const std::string& root_in_git = "");
// JUnit XML (junit.cpp): a testsuite per file, a testcase per finding,
// a failure for each finding at or above `fail_on`.
std::string format_junit(const Repo& repo, const std::vector<Finding>& findings, Lang lang, Severity fail_on);
// GitHub Actions workflow commands (github.cpp), at most `kGithubLimit`
// per severity, then the summary; and the whole list as a Markdown table for
// GITHUB_STEP_SUMMARY.
inline constexpr size_t kGithubLimit = 10;
std::string format_github(const Repo& repo, const std::vector<Finding>& findings, Lang lang);
std::string format_markdown(const Repo& repo, const std::vector<Finding>& findings, Lang lang);

// "path:line:col" (or "path" when there is no line).
std::string location(const Repo& repo, const Span& s);

// Whether to colour output on this stream: a terminal, NO_COLOR unset, TERM not dumb.
bool want_color(int fd);

}  // namespace sv
