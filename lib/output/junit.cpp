// JUnit XML, the test report format CI systems (GitLab, Jenkins, Azure) show.
#include <map>

#include "output/output.h"
#include "core/text.h"
#include "core/msg/lint.h"

namespace sv {

namespace {

// Text for an XML element, or (with `attr`) an attribute value; characters
// XML 1.0 cannot hold (control characters a YAML escape may produce) become U+FFFD.
std::string xml(std::string_view raw, bool attr = true) {
  std::string s = printable_lines(raw);  // valid UTF-8, no characters XML forbids
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += attr ? "&#10;" : "\n"; break;
      case '\t': out += "&#9;"; break;
      case '\r': out += "&#13;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) out += "\xEF\xBF\xBD";
        else out += c;
    }
  }
  return out;
}

}  // namespace

std::string format_junit(const Repo& repo, const std::vector<Finding>& findings, Lang lang, Severity fail_on) {
  // One suite per file, in the repository's order; findings without a file
  // form a suite named "samverkan" first.
  std::map<int, std::vector<const Finding*>> by_file;
  for (size_t i = 0; i < repo.files.size(); ++i) by_file[static_cast<int>(i)];
  for (const auto& f : findings)
    by_file[f.span.file >= 0 && f.span.file < static_cast<int>(repo.files.size()) ? f.span.file : -1].push_back(&f);

  OutputOptions plain{lang, false};
  SourceLines lines(repo, findings);
  std::string suites;
  size_t tests = 0, failures = 0;
  for (const auto& [file, list] : by_file) {
    std::string name = file < 0 ? "samverkan" : repo.files[file].path;
    std::string cases;
    size_t n = 0, failed = 0;
    for (const Finding* f : list) {
      ++n;
      std::string where = location(repo, f->span);
      cases += fmt::format("    <testcase classname=\"{}\" name=\"{}\" time=\"0\">\n", xml(name),
                           xml(f->code + (where.empty() ? "" : " " + where)));
      std::string body = format_finding_text(repo, *f, plain, lines);
      if (f->severity >= fail_on) {
        ++failed;
        cases += fmt::format("      <failure type=\"{}\" message=\"{}\">{}</failure>\n", severity_name(f->severity),
                             xml(f->message.str(lang)), xml(body, false));
      } else {
        cases += fmt::format("      <system-out>{}</system-out>\n", xml(body, false));
      }
      cases += "    </testcase>\n";
    }
    if (list.empty()) {
      ++n;
      cases += fmt::format("    <testcase classname=\"{}\" name=\"{}\" time=\"0\"/>\n", xml(name),
                           xml(msg::lint_junit_clean.get(lang)));
    }
    suites += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\" time=\"0\">\n",
                          xml(name), n, failed);
    suites += cases + "  </testsuite>\n";
    tests += n;
    failures += failed;
  }
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites name=\"samverkan lint\" tests=\"{}\" failures=\"{}\" errors=\"0\" time=\"0\">\n{}</testsuites>\n",
      tests, failures, suites);
}

}  // namespace sv
