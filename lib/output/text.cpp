// Text output in the style of rustc: location, message, the source line with
// a caret, help and notes; then counts by severity.
#include "output/output.h"
#include "core/wording.h"

#include <algorithm>
#include <cstdlib>
#include <unistd.h>

#include "core/parallel.h"
#include "core/privacy.h"
#include "core/text.h"
#include "core/msg/cli.h"

namespace sv {

const Tr& severity_label(Severity s) {
  switch (s) {
    case Severity::error: return msg::sev_error;
    case Severity::warning: return msg::sev_warning;
    default: return msg::sev_info;
  }
}

bool want_color(int fd) {
  const char* no = std::getenv("NO_COLOR");
  if (no && *no) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return ::isatty(fd) == 1;
}

std::string location(const Repo& repo, const Span& s) {
  if (s.file < 0 || s.file >= static_cast<int>(repo.files.size())) return "";
  const std::string& p = repo.files[s.file].path;
  return s.line > 0 ? fmt::format("{}:{}:{}", p, s.line, s.col) : p;
}

namespace {

std::string_view text_of(const Repo& repo, int file) {
  std::string_view t = repo.files[file].content;
  if (t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);
  return t;
}

bool names_a_line(const Repo& repo, const Span& s) {
  return s.file >= 0 && s.file < static_cast<int>(repo.files.size()) && s.line > 0;
}

// Lines of more code points than this show as a window around the column.
constexpr size_t kWideLine = 160;

SourceLines::Shown show_line(std::string_view line) {
  SourceLines::Shown shown;
  shown.text = printable(mask_personal_numbers(line));
  for (char& c : shown.text)
    if (c == '\t') c = ' ';
  shown.width = utf8_length(shown.text);
  if (shown.width > kWideLine) {
    shown.starts.reserve(shown.width + 1);
    for (size_t i = 0; i < shown.text.size(); ++i)
      if ((static_cast<unsigned char>(shown.text[i]) & 0xC0) != 0x80) shown.starts.push_back(static_cast<uint32_t>(i));
    shown.starts.push_back(static_cast<uint32_t>(shown.text.size()));
  }
  return shown;
}

}  // namespace

SourceLines::SourceLines(const Repo& repo, const std::vector<Finding>& findings) : repo_(repo) {
  auto index = [&](const Span& s) {
    if (!names_a_line(repo, s) || starts_.count(s.file)) return;
    std::string_view text = text_of(repo, s.file);
    starts_.emplace(s.file, line_starts_of(text));
    if (std::string masked = privacy::mask_yaml_source(text); masked != text) masked_.emplace(s.file, std::move(masked));
  };
  std::vector<std::pair<int, int>> wanted;
  for (const auto& f : findings) {
    index(f.span);
    for (const auto& n : f.notes) index(n.span);
    if (names_a_line(repo, f.span)) wanted.emplace_back(f.span.file, f.span.line);
  }
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  shown_.resize(wanted.size());
  parallel_for(wanted.size(), threads_for(wanted.size(), 0, 256), [&](size_t i) {
    shown_[i] = {wanted[i], show_line(line(wanted[i].first, wanted[i].second))};
  });
}

SourceLines::SourceLines(const Repo& repo, const Finding& finding) : SourceLines(repo, std::vector<Finding>{finding}) {}

std::string_view SourceLines::line(int file, int line) const {
  auto it = starts_.find(file);
  if (it == starts_.end() || line < 1) return {};
  const std::vector<size_t>& starts = it->second;
  if (static_cast<size_t>(line) > starts.size()) return {};
  auto masked = masked_.find(file);
  std::string_view t = masked != masked_.end() ? std::string_view(masked->second) : text_of(repo_, file);
  // The line ends where the next begins, less its break (LF, CRLF or CR).
  size_t pos = starts[line - 1];
  size_t end = static_cast<size_t>(line) < starts.size() ? starts[line] : t.size();
  if (end > pos && t[end - 1] == '\n') --end;
  if (end > pos && t[end - 1] == '\r') --end;
  return t.substr(pos, end - pos);
}

const SourceLines::Shown* SourceLines::shown(int file, int line) const {
  auto it = std::lower_bound(shown_.begin(), shown_.end(), std::make_pair(file, line),
                             [](const auto& entry, const std::pair<int, int>& key) { return entry.first < key; });
  return it != shown_.end() && it->first == std::make_pair(file, line) ? &it->second : nullptr;
}

std::string_view SourceLines::Shown::slice(size_t from, size_t to) const {
  if (starts.empty()) return std::string_view(text).substr(0, 0);
  from = std::min(from, starts.size() - 1);
  to = std::clamp(to, from, starts.size() - 1);
  return std::string_view(text).substr(starts[from], starts[to] - starts[from]);
}

namespace {

struct Paint {
  bool on;
  std::string operator()(std::string_view code, std::string_view s) const {
    return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : std::string(s);
  }
};

const char* severity_color(Severity s) {
  switch (s) {
    case Severity::error: return "1;31";
    case Severity::warning: return "1;33";
    default: return "1;36";
  }
}

}  // namespace

std::string format_finding_text(const Repo& repo, const Finding& f, const OutputOptions& o) {
  return format_finding_text(repo, f, o, SourceLines(repo, f));
}

std::string format_finding_text(const Repo& repo, const Finding& f, const OutputOptions& o, const SourceLines& lines) {
  Paint paint{o.color};
  std::string out;
  std::string loc = location(repo, f.span);
  if (!loc.empty()) out += paint("1", printable(loc)) + ": ";
  out += paint(severity_color(f.severity), fmt::format("{}[{}]", severity_label(f.severity).get(o.lang), f.code));
  out += ": " + paint("1", printable(f.message.str(o.lang))) + "\n";

  const SourceLines::Shown* line = lines.shown(f.span.file, f.span.line);
  bool has_line = f.span.line > 0 && line && !line->text.empty();
  std::string num = has_line ? std::to_string(f.span.line) : "";
  std::string pad(num.size(), ' ');
  if (has_line) {
    // Very long lines show a window around the column.
    std::string shown;
    size_t width = line->width;
    size_t col = static_cast<size_t>(std::max(1, f.span.col)) - 1;
    size_t first = 0;
    std::string lead, tail;
    if (width > kWideLine) {
      first = col > 60 ? col - 60 : 0;
      size_t last = std::min(width, first + 120);
      if (first > 0) lead = "…";
      if (last < width) tail = "…";
      shown = lead + std::string(line->slice(first, last)) + tail;
    } else {
      shown = line->text;
    }
    if (f.redact)
      for (char& c : shown)
        if (c >= '0' && c <= '9') c = '*';
    // Never past the end of the line (a span from a damaged cache could say so).
    size_t caret_at = std::min(col - first + (lead.empty() ? 0 : 1), utf8_length(shown) + 1);
    size_t len = static_cast<size_t>(std::max(1, f.span.len));
    out += paint("1;34", pad + " |") + "\n";
    out += paint("1;34", num + " |") + " " + shown + "\n";
    out += paint("1;34", pad + " |") + " " + std::string(caret_at, ' ') +
           paint(severity_color(f.severity), std::string(std::min<size_t>(len, 120), '^')) + "\n";
  }
  std::string gutter = pad + " = ";
  if (f.help) out += paint("1;34", gutter) + paint("1", msg::cli_help_label.get(o.lang)) + ": " + printable(f.help->str(o.lang)) + "\n";
  for (const auto& n : f.notes) {
    std::string where = location(repo, n.span);
    out += paint("1;34", gutter) + paint("1", msg::cli_note_label.get(o.lang)) + ": " + printable(n.text.str(o.lang)) +
           (where.empty() ? "" : ": " + where) + "\n";
  }
  return out;
}

std::string format_summary(const Repo& repo, const std::vector<Finding>& findings, Lang lang) {
  Message files = count_of(repo.files.size(), msg::n_files_one, msg::n_files);
  if (findings.empty())
    return tr(lang, msg::summary_clean, count_of(repo.entity_count(), msg::n_entities_one, msg::n_entities), files);
  Counts c = count(findings);
  return tr(lang, msg::summary_findings, count_of(c.error, msg::n_errors_one, msg::n_errors),
            count_of(c.warning, msg::n_warnings_one, msg::n_warnings), count_of(c.info, msg::n_infos_one, msg::n_infos),
            files);
}

std::string format_text(const Repo& repo, const std::vector<Finding>& findings, const OutputOptions& o) {
  // Findings are formatted in parallel runs, joined in order; the line
  // indexes of the files they name are made first, once per file.
  SourceLines lines(repo, findings);
  constexpr size_t kRun = 256;
  std::vector<std::string> runs((findings.size() + kRun - 1) / kRun);
  parallel_for(runs.size(), threads_for(runs.size()), [&](size_t r) {
    for (size_t i = r * kRun; i < std::min(findings.size(), (r + 1) * kRun); ++i) {
      runs[r] += format_finding_text(repo, findings[i], o, lines);
      runs[r] += "\n";
    }
  });
  std::string out;
  size_t size = 0;
  for (const auto& r : runs) size += r.size();
  out.reserve(size + 256);
  for (const auto& r : runs) out += r;
  out += format_summary(repo, findings, o.lang) + "\n";
  return out;
}

}  // namespace sv
