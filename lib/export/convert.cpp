// DOCX with pandoc, PDF with headless Chromium (export/convert.h).
#include "export/convert.h"

#include <unistd.h>

#include <cstdio>

#include "core/errors.h"
#include "core/msg/export.h"
#include "core/privacy.h"
#include "export/engine.h"

namespace sv::exports {

namespace {

struct Engine {
  const char* program;  // looked for on PATH
  const char* package;  // the Debian package that installs it
};
constexpr Engine kPandoc{"pandoc", "pandoc"};
constexpr Engine kChromium{"chromium", "chromium"};

std::string find_or_throw(const Engine& e, const char* format) {
  if (auto p = find_program(e.program)) return *p;
  throw SystemError(msg_of(msg::x_engine_missing, e.program, format), msg_of(msg::x_engine_missing_help, e.package));
}

std::string run_or_throw(const Engine& e, const char* format, const std::vector<std::string>& argv,
                         const TempDir& tmp, const std::string& result, const ConvertOptions& o,
                         const std::vector<std::string>& env) {
  RunResult r = run_program(argv, tmp.path(), o.timeout_seconds, env);
  if (r.timed_out) throw SystemError(msg_of(msg::x_engine_timeout, e.program, format, o.timeout_seconds));
  if (r.exit_code != 0 || ::access(result.c_str(), F_OK) != 0) {
    std::string said = r.output;
    while (!said.empty() && (said.back() == '\n' || said.back() == '\r')) said.pop_back();
    throw SystemError(msg_of(msg::x_engine_failed, e.program, format, r.exit_code, said));
  }
  return read_whole_file(result);
}

// Seconds since 1970 of the day's midnight, UTC.
long epoch_of(const Date& d) { return d.days() * 86400L; }

// The engine's environment: its home, configuration and cache in the
// private directory (nothing of the user's is read or left behind), and
// SOURCE_DATE_EPOCH, which pandoc uses for the document's dates.
std::vector<std::string> private_env(const TempDir& tmp, const ConvertOptions& o) {
  return {"HOME=" + tmp.path(), "XDG_CONFIG_HOME=" + tmp.file("config"), "XDG_CACHE_HOME=" + tmp.file("cache"),
          "SOURCE_DATE_EPOCH=" + std::to_string(epoch_of(o.today))};
}

// Chromium stamps a PDF with the clock: its creation and modification
// dates become the given day (same length, so the cross-reference offsets
// stay right). Same input, same output.
void fix_pdf_dates(std::string& pdf, const Date& day) {
  char stamp[16];
  std::snprintf(stamp, sizeof stamp, "%04d%02d%02d000000", day.y, day.m, day.d);
  for (const char* key : {"/CreationDate (D:", "/ModDate (D:"}) {
    size_t at = pdf.find(key);
    if (at == std::string::npos) continue;
    at += std::char_traits<char>::length(key);
    if (at + 14 <= pdf.size()) pdf.replace(at, 14, stamp, 14);
  }
}

// The HTML with every link out of the document made plain text: a handed-over
// document has no site beside it (its pages would be broken links, and a
// PDF would name the private directory it was printed in). Links within it
// (href="#...") stay; the skip link goes. Render's HTML writes every attribute value escaped, so
// `href="` can only be the attribute itself.
std::string local_links_only(const std::string& html) {
  std::string out;
  out.reserve(html.size());
  size_t at = 0;
  const std::string key = "<a href=\"";
  for (size_t found; (found = html.find(key, at)) != std::string::npos;) {
    size_t value = found + key.size();
    size_t end = html.find('"', value);
    if (end == std::string::npos) break;
    out.append(html, at, found - at);
    if (value < html.size() && html[value] == '#') out.append(html, found, end + 1 - found);
    else out += "<a";
    at = end + 1;
  }
  out.append(html, at, std::string::npos);
  // The layout's skip link ("to the content") belongs to a screen, not to a
  // document on paper or in Word.
  const std::string skip = "<a class=\"skip\"";
  if (size_t b = out.find(skip); b != std::string::npos)
    if (size_t e = out.find("</a>", b); e != std::string::npos) out.erase(b, e + 4 - b);
  return out;
}

}  // namespace

std::string html_to_docx(const std::string& html, const ConvertOptions& o) {
  std::string pandoc = find_or_throw(kPandoc, "docx");
  TempDir tmp;
  privacy::write_file(tmp.file("document.html"), local_links_only(html));
  std::vector<std::string> argv = {pandoc, "--from=html", "--to=docx", "--output=document.docx"};
  if (o.reference_docx) {
    privacy::write_binary_file(tmp.file("reference.docx"), *o.reference_docx);  // the repository's own file
    argv.push_back("--reference-doc=reference.docx");
  }
  argv.push_back("document.html");
  return run_or_throw(kPandoc, "docx", argv, tmp, tmp.file("document.docx"), o, private_env(tmp, o));
}

std::string html_to_pdf(const std::string& html, const ConvertOptions& o) {
  std::string chromium = find_or_throw(kChromium, "pdf");
  TempDir tmp;
  privacy::write_file(tmp.file("document.html"), local_links_only(html));
  std::vector<std::string> argv = {chromium, "--headless", "--disable-gpu", "--no-first-run",
                                   "--no-default-browser-check", "--disable-extensions", "--disable-sync",
                                   "--disable-background-networking", "--disable-component-update",
                                   "--user-data-dir=" + tmp.file("profile"),
                                   "--no-pdf-header-footer", "--print-to-pdf=" + tmp.file("document.pdf")};
  // Chromium refuses to run as root with its sandbox (as in a CI container).
  if (::geteuid() == 0) argv.push_back("--no-sandbox");
  argv.push_back("file://" + tmp.file("document.html"));
  std::string pdf = run_or_throw(kChromium, "pdf", argv, tmp, tmp.file("document.pdf"), o, private_env(tmp, o));
  fix_pdf_dates(pdf, o.today);
  return pdf;
}

}  // namespace sv::exports
