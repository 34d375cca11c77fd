#include "load/repository.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "load/cache.h"
#include "load/load.h"
#include "core/parallel.h"
#include "core/text.h"
#include "load/validate.h"
#include "core/msg/core.h"

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

Loaded load_files(const Source& src, const LoadOptions& opt) {
  Loaded out;
  Repo& repo = out.repo;
  repo.root = src.root_dir();

  // The configuration first (file 0): it says what to exclude and which
  // language to use.
  repo.files.push_back(SourceFile{"samverkan.yaml", {}});
  ReadError err;
  if (!src.read(repo.files[0].path, repo.files[0].content, err))
    throw SystemError(msg_of(msg::config_unreadable, repo.files[0].path, std::move(err.message)));
  std::vector<Finding> config_findings;
  std::vector<RefUse> config_refs;
  repo.files[0].not_text = !load_config(0, repo.files[0].content, repo.config, config_refs, config_findings);
  out.lang = effective_lang(opt.lang, repo.config);

  // The cache's pack is read while the files are listed.
  std::optional<Cache> cache;
  std::optional<Background> opening;
  if (!opt.cache_dir.empty()) {
    opening.emplace([&cache, dir = opt.cache_dir, scope = src.cache_scope()] {
      try {
        cache.emplace(dir, scope);
      } catch (const std::exception&) {
        cache.reset();  // no memory for the pack: run without the cache
      }
    });
  }

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
  if (opening) opening->wait();
  std::vector<FileLoad> results(all.size());
  parallel_for(all.size(), threads_for(all.size(), opt.threads, 8), [&](size_t i) {
    if (static_cast<int>(i) == config_index) return;
    FileLoad& r = results[i];
    Finding problem;
    problem.span = Span{static_cast<int>(i), 0, 0, 0};
    if (all[i].code) {
      problem.code = all[i].code;
      problem.message = all[i].problem;
      r.findings.push_back(std::move(problem));
      return;
    }
    ReadError e;
    if (!src.read(all[i].path, repo.files[i].content, e)) {
      problem.code = e.code;
      problem.message = std::move(e.message);
      r.findings.push_back(std::move(problem));
      return;
    }
    try {
      load_file(static_cast<int>(i), repo.files[i].content, r, cache ? &*cache : nullptr);
    } catch (const std::exception& ex) {
      problem.code = code::file_unreadable;
      problem.message = msg_of(msg::file_unreadable, ex.what());
      r.findings.push_back(std::move(problem));
    }
  });

  // The pack is written while the results are joined and checked.
  Background flushing([&cache] {
    try {
      if (cache) cache->flush();
    } catch (const std::exception&) {
      // The cache is an optimisation: not writing it never fails a run.
    }
  });

  // Joined kind by kind in file order; the meetings, the largest list, on a
  // second thread.
  auto join_kind = [&results](auto& to, auto member) {
    size_t n = to.size();
    for (auto& r : results) n += (r.*member).size();
    to.reserve(n);
    for (auto& r : results) append(to, r.*member);
  };
  append(out.findings, config_findings);
  Background second([&] { join_kind(repo.meetings, KindOf<Meeting>::member); });
  for_each_kind([&](auto type) {
    using T = typename decltype(type)::type;
    if constexpr (!std::is_same_v<T, Meeting>) join_kind(repo.of<T>(), KindOf<T>::member);
  });
  join_kind(out.findings, &FileLoad::findings);
  second.wait();
  // References stay in their files' lists (joining them costs more than it gives).
  results[config_index].refs = std::move(config_refs);
  repo.refs.reserve(results.size());
  for (auto& r : results) repo.refs.push_back(std::move(r.refs));
  for (size_t i = 1; i < results.size(); ++i) repo.files[i].not_text = results[i].not_text;
  return out;
}

Loaded load_repository(const Source& src, const LoadOptions& opt) {
  Loaded out = load_files(src, opt);
  index_and_validate(out.repo, out.findings, opt.threads);
  sort_findings(out.findings, out.lang);
  return out;
}

}  // namespace sv
