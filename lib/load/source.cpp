#include "load/source.h"
#include "core/msg/core.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

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

bool is_within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i)
    if (i == inner.end() || *i != *o) return false;
  return true;
}

class WorkTree : public Source {
 public:
  explicit WorkTree(std::string root) : root_(std::move(root)) {}

  std::vector<Listed> list(const Excluded& excluded) const override {
    std::vector<Listed> out;
    walk(root_, "", excluded, out);
    std::sort(out.begin(), out.end(), [](const Listed& a, const Listed& b) { return a.path < b.path; });
    return out;
  }

  bool read(const std::string& path, std::string& out, Message& error) const override {
    std::string full = root_ + "/" + path;
    // O_NONBLOCK so that a FIFO never blocks us; only regular files are read.
    int fd = ::open(full.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
      error = msg_of(msg::file_unreadable, std::strerror(errno));
      return false;
    }
    struct stat st{};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      ::close(fd);
      error = msg_of(msg::file_unreadable, std::strerror(S_ISDIR(st.st_mode) ? EISDIR : EINVAL));
      return false;
    }
    // Straight into the string: the size from fstat first, then whatever
    // more there is (a file may grow while it is read), up to the limit.
    size_t cap = std::min(static_cast<size_t>(st.st_size), kMaxFileBytes) + 1;
    out.resize(cap);
    size_t got = 0;
    for (;;) {
      if (got == out.size()) {
        if (got > kMaxFileBytes) break;
        out.resize(std::min(out.size() * 2, kMaxFileBytes + 1));
      }
      ssize_t n = ::read(fd, out.data() + got, out.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        error = msg_of(msg::file_unreadable, std::strerror(errno));
        ::close(fd);
        out.resize(got);  // what was read is kept, as the rules may still scan it
        return false;
      }
      if (n == 0) break;
      got += static_cast<size_t>(n);
    }
    out.resize(got);
    ::close(fd);
    return true;
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
        check_symlink(fs::path(full), path, out);
      } else if (type == DT_DIR) {
        walk(full, path, excluded, out);
      } else if (is_data_file_name(name)) {
        out.push_back(Listed{path, nullptr, {}});
      }
    }
    ::closedir(d);
  }

  // Symbolic links are never followed: one that leaves the repository is
  // reported; one that stays inside names something read where it lives.
  void check_symlink(const fs::path& link, const std::string& path, std::vector<Listed>& out) const {
    std::error_code ec;
    fs::path target = fs::read_symlink(link, ec);
    std::string shown = ec ? std::string("?") : target.string();
    fs::path resolved = fs::weakly_canonical(link, ec);
    if (ec || !is_within(resolved, fs::path(root_))) {
      out.push_back(Listed{path, code::symlink_outside, msg_of(msg::symlink_outside, shown)});
    } else if (!fs::exists(resolved, ec) && is_data_file_name(link.filename().string())) {
      out.push_back(Listed{path, code::symlink_broken, msg_of(msg::symlink_broken, shown)});
    }
  }

  std::string root_;
};

}  // namespace

std::unique_ptr<Source> open_worktree(const std::string& root) { return std::make_unique<WorkTree>(root); }

}  // namespace sv
