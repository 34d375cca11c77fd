// libFuzzer target: a small repository made from the input, loaded, linted
// and rendered. The input is split at lines "~~~~": the first part is
// samverkan.yaml, each further one (at most kMaxFiles) a data file. The files
// live in memory; the lint runs on a fixed day; one document is rendered.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "core/errors.h"
#include "lint/lint.h"
#include "load/repository.h"
#include "load/source.h"
#include "output/output.h"
#include "render/render.h"

namespace {

constexpr size_t kMaxFiles = 8;
constexpr std::string_view kSeparator = "\n~~~~\n";

std::map<std::string, std::string> files_of(std::string_view input) {
  std::map<std::string, std::string> files;
  for (size_t part = 0; part <= kMaxFiles; ++part) {
    size_t end = part == kMaxFiles ? std::string_view::npos : input.find(kSeparator);
    std::string path = part == 0 ? "samverkan.yaml" : "data/f" + std::to_string(part) + ".yaml";
    files[path] = std::string(input.substr(0, end));
    if (end == std::string_view::npos) break;
    input.remove_prefix(end + kSeparator.size());
  }
  return files;
}

// One document, chosen by what loaded: a plan, else a meeting, else a collaboration.
void render_one(const sv::Repo& repo, sv::Lang lang) {
  sv::render::Options options{lang, sv::Date{2026, 10, 15}, {}};
  if (!repo.plans.empty()) sv::render::plan(repo, repo.plans.front(), sv::render::Format::html, options);
  else if (!repo.meetings.empty()) sv::render::meeting(repo, repo.meetings.front(), sv::render::Format::md, options);
  else if (!repo.collaborations.empty())
    sv::render::collaboration(repo, repo.collaborations.front(), sv::render::Format::html, options);
  else sv::render::directory(repo, sv::render::Format::md, options);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  sv::MemorySource source(files_of(std::string_view(reinterpret_cast<const char*>(data), size)));
  sv::Loaded loaded;
  try {
    loaded = sv::load_repository(source, sv::LoadOptions{std::nullopt, 1, ""});
  } catch (const sv::SystemError&) {
    return 0;  // samverkan.yaml cannot be used at all: a clear error, as designed
  }
  sv::LintOptions lint;
  lint.today = sv::Date{2026, 10, 15};
  lint.threads = 1;
  sv::run_lint(loaded, lint);
  sv::format_text(loaded.repo, loaded.findings, sv::OutputOptions{loaded.lang, false});
  sv::format_json(loaded.repo, loaded.findings, loaded.lang);
  render_one(loaded.repo, loaded.lang);
  return 0;
}
