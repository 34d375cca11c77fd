#include "load/source.h"
#include "load/files.h"
#include "core/msg/core.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <unordered_set>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace sv {

std::string find_root(const std::string& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start.empty() ? "." : start, ec);
  if (!ec) dir = fs::weakly_canonical(dir, ec);
  if (ec || !fs::is_directory(dir, ec))
    throw SystemError(msg_of(msg::config_missing, start), msg_of(msg::help_init));
  for (fs::path d = dir;; d = d.parent_path()) {
    if (fs::exists(d / "samverkan.yaml", ec)) return d.string();
    if (d == d.parent_path()) break;
  }
  throw SystemError(msg_of(msg::config_missing, dir.string()), msg_of(msg::help_init));
}

namespace {

class WorkTree : public Source {
 public:
  explicit WorkTree(std::string root) : root_(std::move(root)), files_(root_) {}

  std::vector<Listed> list(const Excluded& excluded) const override {
    std::vector<Listed> out;
    walk(root_, "", excluded, out);
    std::sort(out.begin(), out.end(), [](const Listed& a, const Listed& b) { return a.path < b.path; });
    listed_.clear();
    for (const auto& l : out)
      if (!l.code) listed_.insert(l.path);
    return out;
  }

  bool read(const std::string& path, std::string& out, ReadError& error) const override {
    // What the walk found is resolved already (resolving it again added
    // about 30 % to a cold validate's system time).
    if (listed_.count(path)) return files_.read_listed(path, out, error);
    return files_.read(path, out, error);
  }

  std::string root_dir() const override { return root_; }

 private:
  // readdir's file types spare a stat per file; only a file system that
  // does not give them (DT_UNKNOWN) costs an lstat.
  void walk(const std::string& dir, const std::string& rel, const Excluded& excluded, std::vector<Listed>& out) const {
    auto unreadable = [&](int err) {
      out.push_back(Listed{rel.empty() ? "." : rel, code::dir_unreadable, msg_of(msg::dir_unreadable, std::strerror(err))});
    };
    DIR* d = ::opendir(dir.c_str());
    if (!d) return unreadable(errno);
    for (;;) {
      errno = 0;
      const dirent* e = ::readdir(d);
      if (!e) {
        if (errno) unreadable(errno);
        break;
      }
      std::string name = e->d_name;
      if (name.empty() || name[0] == '.') continue;
      std::string path = rel.empty() ? name : rel + "/" + name;
      if (rel.empty() && name == "samverkan.yaml") continue;
      if (excluded(path)) continue;
      std::string full = dir + "/" + name;
      unsigned char type = e->d_type;
      if (type == DT_UNKNOWN) {
        struct stat st{};
        if (::lstat(full.c_str(), &st) == 0)
          type = S_ISLNK(st.st_mode) ? DT_LNK : S_ISDIR(st.st_mode) ? DT_DIR : DT_REG;
      }
      if (type == DT_LNK) {
        if (auto problem = link_problem(files_.resolve(path), is_data_file_name(name)))
          out.push_back(Listed{path, problem->code, std::move(problem->message)});
      } else if (type == DT_DIR) {
        if (files_.look_up(path).type != PathEntry::Type::other) walk(full, path, excluded, out);  // not a submodule
      } else if (is_data_file_name(name)) {
        out.push_back(Listed{path, nullptr, {}});
      }
    }
    ::closedir(d);
  }

  std::string root_;
  WorkTreeFiles files_;
  // The data files the last list() found (read() runs after it, on many threads).
  mutable std::unordered_set<std::string> listed_;
};

}  // namespace

std::unique_ptr<Source> open_worktree(const std::string& root) { return std::make_unique<WorkTree>(root); }

namespace {

// Whether the work tree's walk would meet `path`: no part of it hidden, no
// folder on the way nor the file itself excluded.
bool walk_reaches(const std::string& path, const Excluded& excluded) {
  for (size_t from = 0;;) {
    const size_t slash = path.find('/', from);
    if (slash == from || path[from] == '.') return false;  // an empty or hidden name
    const std::string upto = path.substr(0, slash);
    if (excluded(upto)) return false;
    if (slash == std::string::npos) return true;
    from = slash + 1;
    if (from == path.size()) return false;
  }
}

}  // namespace

std::vector<Listed> MemorySource::list(const Excluded& excluded) const {
  std::vector<Listed> out;
  for (const auto& entry : files_) {
    const std::string& path = entry.first;
    const std::string name = path.substr(path.rfind('/') + 1);  // npos + 1 is 0
    if (path == "samverkan.yaml" || !is_data_file_name(name) || !walk_reaches(path, excluded)) continue;
    out.push_back(Listed{path, nullptr, {}});
  }
  return out;
}

bool MemorySource::read(const std::string& path, std::string& out, ReadError& error) const {
  auto it = files_.find(path);
  if (it == files_.end()) {
    // As the work tree says it of a file that is not there.
    error = ReadError{code::file_unreadable, msg_of(msg::file_unreadable, std::strerror(ENOENT)), true};
    return false;
  }
  out = it->second;
  return true;
}

std::vector<Listed> OverlaySource::list(const Excluded& excluded) const {
  std::vector<Listed> out = base_->list(excluded);
  std::map<std::string, std::string> extra;
  for (const auto& [path, text] : texts_) {
    auto at = std::lower_bound(out.begin(), out.end(), path, [](const Listed& l, const std::string& p) { return l.path < p; });
    if (at == out.end() || at->path != path) extra.emplace(path, std::string());
  }
  if (extra.empty()) return out;
  for (auto& l : MemorySource(std::move(extra)).list(excluded)) out.push_back(std::move(l));
  std::sort(out.begin(), out.end(), [](const Listed& a, const Listed& b) { return a.path < b.path; });
  return out;
}

bool OverlaySource::read(const std::string& path, std::string& out, ReadError& error) const {
  auto it = texts_.find(path);
  if (it == texts_.end()) return base_->read(path, out, error);
  out = it->second;
  return true;
}

}  // namespace sv
