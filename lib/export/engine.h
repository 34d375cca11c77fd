// Running an external engine (pandoc, chromium) for the formats samverkan
// does not write itself: found on PATH, run with an argument vector (never a
// shell), in its own process group, with a time limit, in a private
// temporary directory that is removed afterwards.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sv::exports {

// A directory only this user can read (mode 0700) under $TMPDIR (else
// /tmp), removed with everything in it when the object goes. Throws
// SystemError when it cannot be made.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(std::string_view name) const { return path_ + "/" + std::string(name); }

 private:
  std::string path_;
};

// The whole file; throws SystemError.
std::string read_whole_file(const std::string& path);

// The executable called `name` on PATH, or nullopt.
std::optional<std::string> find_program(std::string_view name);

struct RunResult {
  int exit_code = -1;   // the exit status; -1 when killed by a signal
  bool timed_out = false;
  std::string output;   // the end of what it printed (stdout and stderr), at most 2 KiB
};

// Runs argv[0] (a path) with the arguments, standard input from /dev/null,
// standard output and error into a file of `dir`, the working directory
// `dir`, the environment plus `env` ("NAME=value", replacing the same
// name). After `timeout_seconds` the whole process group is killed. When it
// ends, whatever it left behind in its group is killed too. Throws
// SystemError when it cannot be started.
RunResult run_program(const std::vector<std::string>& argv, const std::string& dir, int timeout_seconds,
                      const std::vector<std::string>& env = {});

}  // namespace sv::exports
