#include "repository.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "cache.h"
#include "load.h"
#include "text.h"
#include "validate.h"

namespace sv {

Lang effective_lang(const std::optional<Lang>& option, const Config& config) {
  if (option) return *option;
  Lang l = Lang::sv;
  if (config.language.set) parse_lang(config.language.v, l);
  return l;
}

namespace {

template <class T>
void append(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

Loaded load_repository(const Source& src, const LoadOptions& opt) {
  Loaded out;
  Repo& repo = out.repo;
  repo.root = src.root_dir();

  // The configuration first (file 0): it says what to exclude and which
  // language to use.
  repo.files.push_back(SourceFile{"samverkan.yaml", {}});
  Message err;
  if (!src.read(repo.files[0].path, repo.files[0].content, err)) throw SystemError(err);
  std::vector<Finding> config_findings;
  std::vector<RefUse> config_refs;
  load_config(0, repo.files[0].content, repo.config, config_refs, config_findings);
  out.lang = effective_lang(opt.lang, repo.config);

  std::vector<std::string> globs;
  for (const auto& g : repo.config.exclude.v) globs.push_back(g.v);
  std::vector<Listed> all = src.list([&](const std::string& rel) {
    return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) { return glob_match(g, rel); });
  });
  all.insert(all.begin(), Listed{repo.files[0].path, nullptr, {}});
  repo.files.resize(all.size());
  for (size_t i = 1; i < all.size(); ++i) repo.files[i].path = all[i].path;
  const int config_index = 0;

  // Data files in parallel: one parser per thread, nothing shared but the
  // work counter; results land in their file's slot so order never varies.
  std::optional<Cache> cache;
  if (!opt.cache_dir.empty()) cache.emplace(opt.cache_dir, src.cache_scope());
  std::vector<FileLoad> results(all.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < all.size();) {
      if (static_cast<int>(i) == config_index) continue;
      FileLoad& r = results[i];
      Finding problem;
      problem.span = Span{static_cast<int>(i), 0, 0, 0};
      if (all[i].code) {
        problem.code = all[i].code;
        problem.message = all[i].problem;
        r.findings.push_back(std::move(problem));
        continue;
      }
      Message e;
      if (!src.read(all[i].path, repo.files[i].content, e)) {
        problem.code = "file-unreadable";
        problem.message = e;
        r.findings.push_back(std::move(problem));
        continue;
      }
      try {
        load_file(static_cast<int>(i), repo.files[i].content, r, cache ? &*cache : nullptr);
      } catch (const std::exception& ex) {
        problem.code = "file-unreadable";
        problem.message = msg_of(msg::file_unreadable, ex.what());
        r.findings.push_back(std::move(problem));
      }
    }
  };
  unsigned n = opt.threads ? opt.threads : std::max(1u, std::thread::hardware_concurrency());
  n = static_cast<unsigned>(std::min<size_t>(n, std::max<size_t>(1, all.size() / 8)));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < n; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();

  if (cache) cache->flush();
  auto reserve = [&](auto& to, auto member) {
    size_t n = to.size();
    for (auto& r : results) n += (r.*member).size();
    to.reserve(n);
  };
  reserve(repo.organisations, &FileLoad::organisations);
  reserve(repo.collaborations, &FileLoad::collaborations);
  reserve(repo.forums, &FileLoad::forums);
  reserve(repo.plans, &FileLoad::plans);
  reserve(repo.meetings, &FileLoad::meetings);
  reserve(repo.reports, &FileLoad::reports);
  reserve(repo.refs, &FileLoad::refs);
  append(out.findings, config_findings);
  append(repo.refs, config_refs);
  for (auto& r : results) {
    append(repo.organisations, r.organisations);
    append(repo.collaborations, r.collaborations);
    append(repo.forums, r.forums);
    append(repo.plans, r.plans);
    append(repo.meetings, r.meetings);
    append(repo.reports, r.reports);
    append(repo.refs, r.refs);
    append(out.findings, r.findings);
  }
  index_and_validate(repo, out.findings);
  sort_findings(out.findings, out.lang);
  return out;
}

}  // namespace sv
