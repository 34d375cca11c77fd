#include "core/fsutil.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/errors.h"
#include "core/msg/cli.h"

namespace sv {

namespace {

bool write_all(int fd, std::string_view content) {
  const char* p = content.data();
  size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    p += n;
    left -= static_cast<size_t>(n);
  }
  return true;
}

// The pieces one after the other, gathered into writes of about 64 KiB (a
// pack of many small entries is not written a few bytes per call).
bool write_all(int fd, const std::vector<std::string_view>& pieces) {
  constexpr size_t kChunk = 64 * 1024;
  std::string buf;
  buf.reserve(kChunk);
  for (std::string_view piece : pieces) {
    if (buf.size() + piece.size() > kChunk) {
      if (!write_all(fd, std::string_view(buf))) return false;
      buf.clear();
    }
    if (piece.size() >= kChunk) {
      if (!write_all(fd, piece)) return false;
    } else {
      buf.append(piece);
    }
  }
  return write_all(fd, std::string_view(buf));
}

mode_t default_mode() {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

// Writes `content` to a new temporary file next to `target` in `dir`, with
// `mode`, flushed to disk when `sync`; returns its path. `fail(errno)` throws.
template <class Fail>
std::string write_temp(const std::filesystem::path& dir, const std::filesystem::path& target,
                       const std::vector<std::string_view>& content, mode_t mode, bool sync, Fail fail) {
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) fail(errno);
  auto abandon = [&](int e) {
    ::close(fd);
    ::unlink(tmpl.c_str());
    fail(e);
  };
  if (!write_all(fd, content)) abandon(errno);
  ::fchmod(fd, mode);
  if (sync && ::fsync(fd) != 0) abandon(errno);
  if (::close(fd) != 0) {
    int e = errno;
    ::unlink(tmpl.c_str());
    fail(e);
  }
  return tmpl;
}

}  // namespace

void write_file_atomic(const std::string& path, const std::string& content, bool make_dirs, bool sync) {
  write_file_atomic(path, std::vector<std::string_view>{content}, make_dirs, sync);
}

void write_file_atomic(const std::string& path, const std::vector<std::string_view>& content, bool make_dirs,
                       bool sync) {
  namespace fs = std::filesystem;
  auto fail = [&](int err) { throw SystemError(msg_of(msg::cli_write_failed, path, std::strerror(err))); };
  // A symbolic link is written through: its target is replaced, not the link.
  std::error_code ec;
  fs::path target(path);
  if (fs::is_symlink(fs::symlink_status(target, ec))) target = fs::weakly_canonical(target, ec);
  // Something that is not a regular file (/dev/null, a FIFO, a terminal) is
  // written to as it is: renaming over it would replace it.
  struct stat st{};
  bool exists = ::stat(target.c_str(), &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) fail(EISDIR);
    int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) fail(errno);
    bool ok = write_all(fd, content);
    int e = errno;
    if (::close(fd) != 0 && ok) fail(errno);
    if (!ok) fail(e);
    return;
  }
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  if (make_dirs) {
    fs::create_directories(dir, ec);
    if (ec) fail(ec.value());
  }
  // The new file keeps the old one's permissions, else the umask's.
  std::string tmpl = write_temp(dir, target, content, exists ? (st.st_mode & 07777) : default_mode(), sync, fail);
  if (::rename(tmpl.c_str(), target.c_str()) != 0) {
    int e = errno;
    ::unlink(tmpl.c_str());
    fail(e);
  }
}

bool create_file_atomic(const std::string& path, const std::string& content, bool make_dirs) {
  namespace fs = std::filesystem;
  auto fail = [&](int err) { throw SystemError(msg_of(msg::cli_write_failed, path, std::strerror(err))); };
  std::error_code ec;
  fs::path target(path);
  if (fs::exists(fs::symlink_status(target, ec))) return false;
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  if (make_dirs) {
    fs::create_directories(dir, ec);
    if (ec) fail(ec.value());
  }
  std::string tmpl = write_temp(dir, target, {content}, default_mode(), true, fail);
  // A hard link, unlike rename, fails when the name exists: no race can
  // replace a file that appeared meanwhile.
  int linked = ::link(tmpl.c_str(), target.c_str());
  int e = errno;
  ::unlink(tmpl.c_str());
  if (linked != 0 && e == EEXIST) return false;
  if (linked != 0) fail(e);
  return true;
}

bool append_to_file(const std::string& path, std::string_view content) {
  int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
  if (fd < 0) return false;
  const char* at = content.data();
  size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, at, left);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int e = errno;
      ::close(fd);
      errno = e;
      return false;
    }
    at += n;
    left -= static_cast<size_t>(n);
  }
  return ::close(fd) == 0;
}

}  // namespace sv
