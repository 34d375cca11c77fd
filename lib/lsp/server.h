// `samverkan lsp`: a Language Server (LSP 3.17) over standard input and
// output, on the same load, checks and rules as the command line. Each
// workspace folder is a samverkan root (the nearest samverkan.yaml upwards),
// kept in memory as a LiveRepo (load/live.h) with the open documents' text
// over the files on disk; an edit re-reads that document only.
#pragma once

#include <optional>
#include <string>

#include "core/dates.h"
#include "core/messages.h"

namespace sv::lsp {

struct ServerOptions {
  std::optional<Lang> lang;   // --lang; else initializationOptions.language; else the repository's
  bool lint = true;           // lint findings beside validation's (initializationOptions.lint)
  std::optional<Date> today;  // the lint rules' today; else the clock's (or SOURCE_DATE_EPOCH)
  std::string cache_dir;      // the per-file cache; "" for none
  unsigned threads = 0;
};

// Serves one client, reading from `in_fd`, writing to standard output
// (through the privacy edge), until `exit` or the end of input. Returns the
// process's exit code: 0 after shutdown and exit, 1 otherwise (LSP 3.17).
int serve(int in_fd, const ServerOptions& options);

}  // namespace sv::lsp
