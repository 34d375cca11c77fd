#include "load/files.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "core/msg/core.h"

namespace fs = std::filesystem;

namespace sv {

namespace {

// The components of a path, "" and "." left out.
std::vector<std::string> components(const std::string& path) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = std::min(path.find('/', start), path.size());
    std::string part = path.substr(start, slash - start);
    if (!part.empty() && part != ".") out.push_back(std::move(part));
    start = slash + 1;
  }
  return out;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "/") + part;
  return out;
}

}  // namespace

Resolved resolve_path(const std::string& rel, const LookUp& look_up) {
  Resolved out;
  std::vector<std::string> done;         // resolved: real directories, no link among them
  std::vector<std::string> todo = components(rel);
  std::reverse(todo.begin(), todo.end());  // the next component at the back
  auto refuse = [&](Code code) {
    out.code = code;
    if (out.target.empty()) out.target = rel;
    return out;
  };
  int links = 0;
  std::string first_target;  // a loop is shown by where the path's own link points
  while (!todo.empty()) {
    std::string name = std::move(todo.back());
    todo.pop_back();
    if (name == "..") {
      if (done.empty()) return refuse(code::symlink_outside);
      done.pop_back();  // physical: `done` holds no link, so its parent is real
      continue;
    }
    done.push_back(name);
    std::string path = joined(done);
    PathEntry entry = look_up(path);
    if (entry.type == PathEntry::Type::link) {
      done.pop_back();  // the target is relative to the link's folder
      out.target = entry.target;
      if (links == 0) first_target = entry.target;
      if (++links > kMaxLinks) {
        out.target = first_target;
        return refuse(code::symlink_loop);
      }
      if (entry.target.empty() || entry.target[0] == '/') return refuse(code::symlink_outside);
      std::vector<std::string> more = components(entry.target);
      todo.insert(todo.end(), more.rbegin(), more.rend());
      continue;
    }
    if (todo.empty() || entry.type != PathEntry::Type::dir) {
      // The end, or something that is no folder where one is needed.
      out.path = path;
      out.type = todo.empty() || entry.type == PathEntry::Type::unreadable ? entry.type : PathEntry::Type::missing;
      out.error = entry.error;
      return out;
    }
  }
  out.path = joined(done);
  out.type = PathEntry::Type::dir;
  return out;
}

std::optional<ReadError> read_error_of(const Resolved& r) {
  using Type = PathEntry::Type;
  auto unreadable = [](int err) { return ReadError{code::file_unreadable, msg_of(msg::file_unreadable, std::strerror(err))}; };
  if (r.code == code::symlink_outside) return ReadError{r.code, msg_of(msg::symlink_outside, r.target)};
  if (r.code == code::symlink_loop) return ReadError{r.code, msg_of(msg::symlink_loop, r.target)};
  switch (r.type) {
    case Type::file: return std::nullopt;
    case Type::missing:
      if (!r.target.empty()) return ReadError{code::symlink_broken, msg_of(msg::symlink_broken, r.target)};
      return ReadError{code::file_unreadable, msg_of(msg::file_unreadable, std::strerror(ENOENT)), true};
    case Type::dir: return unreadable(EISDIR);
    case Type::unreadable: return unreadable(r.error);
    default: return unreadable(EINVAL);  // a FIFO, a device, a socket, a submodule
  }
}

namespace {

PathEntry look_up_in(int root_fd, const std::string& rel) {
  using Type = PathEntry::Type;
  struct stat st{};
  if (::fstatat(root_fd, rel.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
    return errno == ENOENT || errno == ENOTDIR ? PathEntry{} : PathEntry{Type::unreadable, {}, errno};
  if (S_ISREG(st.st_mode)) return PathEntry{Type::file};
  if (S_ISDIR(st.st_mode)) {
    // A folder holding .git is another repository (a submodule): not ours.
    struct stat git{};
    bool repository = ::fstatat(root_fd, (rel + "/.git").c_str(), &git, AT_SYMLINK_NOFOLLOW) == 0;
    return PathEntry{repository ? Type::other : Type::dir};
  }
  if (!S_ISLNK(st.st_mode)) return PathEntry{Type::other};
  // st_size is the target's length, except where a file system says 0.
  std::string target(std::max<size_t>(static_cast<size_t>(st.st_size), 255) + 1, '\0');
  for (;;) {
    ssize_t n = ::readlinkat(root_fd, rel.c_str(), target.data(), target.size());
    if (n < 0) return PathEntry{Type::unreadable, {}, errno};
    if (static_cast<size_t>(n) < target.size()) {
      target.resize(static_cast<size_t>(n));
      return PathEntry{Type::link, std::move(target)};
    }
    target.resize(target.size() * 2);
  }
}

// Reads an open file (closing it): regular files only, at most one byte
// over the limit, so that the loader can tell.
bool read_fd(int fd, std::string& out, ReadError& error) {
  auto fail = [&](int err) {
    error = ReadError{code::file_unreadable, msg_of(msg::file_unreadable, std::strerror(err))};
    ::close(fd);
    return false;
  };
  struct stat st{};
  if (::fstat(fd, &st) != 0) return fail(errno);
  if (!S_ISREG(st.st_mode)) return fail(S_ISDIR(st.st_mode) ? EISDIR : EINVAL);
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
      out.resize(got);  // what was read is kept, as the rules may still scan it
      return fail(errno);
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  out.resize(got);
  ::close(fd);
  return true;
}

constexpr int kReadFlags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW;  // O_NONBLOCK: a FIFO never blocks

// openat2 does it in one call where the kernel has it (Linux 5.6): no link
// anywhere, nothing above the root.
int open_beneath_at_once(int root_fd, const std::string& rel) {
  static std::atomic<bool> missing{false};
  if (missing.load(std::memory_order_relaxed)) {
    errno = ENOSYS;
    return -1;
  }
  open_how how{};
  how.flags = kReadFlags;
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
  int fd = static_cast<int>(::syscall(SYS_openat2, root_fd, rel.c_str(), &how, sizeof how));
  if (fd < 0 && (errno == ENOSYS || errno == EPERM || errno == E2BIG)) {
    missing = true;  // an older kernel, or a sandbox that forbids the call
    errno = ENOSYS;
  }
  return fd;
}

// Opens `rel` (no link on it) under `root_fd`, refusing every link on the
// way: a folder that became a link since it was resolved is not followed.
int open_beneath(int root_fd, const std::string& rel) {
  int fd = open_beneath_at_once(root_fd, rel);
  if (fd >= 0 || errno != ENOSYS) return fd;
  std::vector<std::string> parts = components(rel);
  if (parts.empty()) {
    errno = EISDIR;
    return -1;
  }
  int dir = root_fd;
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    int next = ::openat(dir, parts[i].c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    int err = errno;
    if (dir != root_fd) ::close(dir);
    if (next < 0) {
      errno = err;
      return -1;
    }
    dir = next;
  }
  fd = ::openat(dir, parts.back().c_str(), kReadFlags);
  int err = errno;
  if (dir != root_fd) ::close(dir);
  errno = err;
  return fd;
}

bool is_within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i)
    if (i == inner.end() || *i != *o) return false;
  return true;
}

// `path` as a path of the work tree at `root`, when it lies inside it: the
// first of its leading parts whose real place is inside the root, then the
// rest as written (resolved by the repository's rules).
std::optional<std::string> path_in_root(const std::string& root, const std::string& path) {
  std::error_code ec;
  fs::path whole = fs::absolute(path, ec).lexically_normal();
  if (ec) return std::nullopt;
  fs::path leading;
  for (auto it = whole.begin(); it != whole.end(); ++it) {
    leading /= *it;
    fs::path real = fs::weakly_canonical(leading, ec);
    if (ec) return std::nullopt;
    if (!is_within(real, fs::path(root))) continue;
    fs::path rel = real.lexically_relative(root);
    for (auto rest = std::next(it); rest != whole.end(); ++rest) rel /= *rest;
    return rel.generic_string() == "." ? std::string() : rel.generic_string();
  }
  return std::nullopt;
}

}  // namespace

std::optional<ReadError> link_problem(const Resolved& resolved, bool data_name) {
  if (resolved.code) return read_error_of(resolved);
  if (resolved.type == PathEntry::Type::missing && data_name) return read_error_of(resolved);
  return std::nullopt;
}

WorkTreeFiles::WorkTreeFiles(const std::string& root) : fd_(::open(root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC)) {
  if (fd_ < 0) error_ = errno;
}

WorkTreeFiles::~WorkTreeFiles() {
  if (fd_ >= 0) ::close(fd_);
}

PathEntry WorkTreeFiles::look_up(const std::string& rel) const {
  if (fd_ < 0) return PathEntry{PathEntry::Type::unreadable, {}, error_};
  return look_up_in(fd_, rel);
}

Resolved WorkTreeFiles::resolve(const std::string& rel) const {
  return resolve_path(rel, [this](const std::string& p) { return look_up(p); });
}

bool WorkTreeFiles::read(const std::string& rel, std::string& out, ReadError& error) const {
  Resolved resolved = resolve(rel);
  if (auto refused = read_error_of(resolved)) {
    error = std::move(*refused);
    return false;
  }
  return read_listed(resolved.path, out, error);
}

bool WorkTreeFiles::read_listed(const std::string& rel, std::string& out, ReadError& error) const {
  int fd = open_beneath(fd_, rel);
  if (fd < 0) {
    error = ReadError{code::file_unreadable, msg_of(msg::file_unreadable, std::strerror(errno)), errno == ENOENT};
    return false;
  }
  return read_fd(fd, out, error);
}

bool read_named_file(const std::string& root, const std::string& path, std::string& out, ReadError& error) {
  std::optional<std::string> rel = root.empty() ? std::nullopt : path_in_root(root, path);
  if (rel) return WorkTreeFiles(root).read(*rel, out, error);
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    error = ReadError{code::file_unreadable, msg_of(msg::file_unreadable, std::strerror(errno)), errno == ENOENT};
    return false;
  }
  return read_fd(fd, out, error);
}

}  // namespace sv
