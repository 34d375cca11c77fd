#include "fsutil.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "source.h"

namespace sv {

void write_file_atomic(const std::string& path, const std::string& content, bool make_dirs, bool sync) {
  namespace fs = std::filesystem;
  auto fail = [&](int err) { throw SystemError(msg_of(msg::cli_write_failed, path, std::strerror(err))); };
  fs::path target(path);
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  if (make_dirs) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) fail(ec.value());
  }
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) fail(errno);
  const char* p = content.data();
  size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int e = errno;
      ::close(fd);
      ::unlink(tmpl.c_str());
      fail(e);
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  ::fchmod(fd, 0644);
  if ((sync && ::fsync(fd) != 0) || ::close(fd) != 0) {
    int e = errno;
    ::unlink(tmpl.c_str());
    fail(e);
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    int e = errno;
    ::unlink(tmpl.c_str());
    fail(e);
  }
}

}  // namespace sv
