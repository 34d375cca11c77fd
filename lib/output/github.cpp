// GitHub Actions: workflow commands that annotate the files of a pull
// request, and a Markdown table for the job summary.
#include "output/output.h"
#include "core/wording.h"
#include "core/text.h"
#include "core/msg/cli.h"
#include "core/msg/lint.h"

namespace sv {

namespace {

// "3 varningar" / "3 warnings".
Message findings_of(Severity s, size_t n) {
  switch (s) {
    case Severity::error: return count_of(n, msg::n_errors_one, msg::n_errors);
    case Severity::warning: return count_of(n, msg::n_warnings_one, msg::n_warnings);
    default: return count_of(n, msg::n_infos_one, msg::n_infos);
  }
}

// Escapes for a workflow command's message, and (with `property`) for a
// property value.
std::string escape(std::string_view raw, bool property) {
  std::string s = printable_lines(raw);  // no escape sequences reach the log
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

const char* command(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    default: return "notice";
  }
}

}  // namespace

std::string format_github(const Repo& repo, const std::vector<Finding>& findings, Lang lang) {
  std::string out;
  size_t shown[4] = {0, 0, 0, 0}, total[4] = {0, 0, 0, 0};
  for (const auto& f : findings) {
    auto sev = static_cast<size_t>(f.severity);
    if (++total[sev] > kGithubLimit) continue;
    ++shown[sev];
    std::vector<std::string> props;
    if (f.span.file >= 0 && f.span.file < static_cast<int>(repo.files.size())) {
      props.push_back("file=" + escape(repo.files[f.span.file].path, true));
      if (f.span.line > 0) {
        props.push_back(fmt::format("line={}", f.span.line));
        props.push_back(fmt::format("col={}", std::max(1, f.span.col)));
        props.push_back(fmt::format("endColumn={}", std::max(1, f.span.col) + std::max(1, f.span.len)));
      }
    }
    props.push_back("title=" + escape(f.code, true));
    std::string joined;
    for (const auto& p : props) joined += (joined.empty() ? "" : ",") + p;
    out += fmt::format("::{} {}::{}\n", command(f.severity), joined, escape(message_with_help(f, lang), false));
  }
  for (Severity s : {Severity::error, Severity::warning, Severity::info}) {
    auto i = static_cast<size_t>(s);
    if (total[i] > shown[i])
      out += tr(lang, msg::lint_github_more, findings_of(s, total[i] - shown[i]), kGithubLimit) + "\n";
  }
  out += format_summary(repo, findings, lang) + "\n";
  return out;
}

std::string format_markdown(const Repo& repo, const std::vector<Finding>& findings, Lang lang) {
  auto cell = [](std::string_view s) {
    std::string out;
    for (char c : s) {
      if (c == '|') out += "\\|";
      else if (c == '<') out += "&lt;";
      else if (c == '\n' || c == '\r') out += ' ';
      else out += c;
    }
    return out;
  };
  std::string out = fmt::format("### {}\n\n{}\n", msg::lint_md_title.get(lang), format_summary(repo, findings, lang));
  if (findings.empty()) return out + "\n";
  out += fmt::format("\n| {} | {} | {} | {} |\n| --- | --- | --- | --- |\n", msg::lint_md_severity.get(lang),
                     msg::lint_md_rule.get(lang), msg::lint_md_location.get(lang), msg::lint_md_message.get(lang));
  for (const auto& f : findings) {
    std::string where = location(repo, f.span);
    out += fmt::format("| {} | `{}` | {} | {} |\n", severity_label(f.severity).get(lang), cell(f.code),
                       where.empty() ? "" : "`" + cell(where) + "`", cell(f.message.str(lang)));
  }
  return out + "\n";
}

}  // namespace sv
