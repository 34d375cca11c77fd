// The per-file cache: what parsing a file gave (its tree and its own
// findings), stored under $XDG_CACHE_HOME/samverkan (default ~/.cache/samverkan),
// keyed by a 128-bit hash of the file's bytes (XXH3) and a salt that changes
// with the tool version and the parser's code. Cross-file checks always run.
//
// An entry is trusted only when its magic, format, salt, key, length and
// checksum all match; anything else (corrupt, truncated, foreign) is ignored
// and rewritten. Writing is best effort and atomic; a cache that cannot be
// written never fails a command.
#pragma once

#include <array>
#include <memory>
#include <cstdint>
#include <string>
#include <string_view>

namespace sv {

struct ParsedFile;

class Cache {
 public:
  using Key = std::array<uint8_t, 16>;
  // A cache for the repository named `scope` (its root directory, or the git
  // repository and subdirectory) under `dir`. Entries live in one pack file
  // per scope, read once and rewritten atomically by flush() when anything
  // changed, so a run costs one read and at most one write.
  Cache(std::string dir, std::string_view scope);
  ~Cache();
  // $XDG_CACHE_HOME/samverkan, else $HOME/.cache/samverkan; "" if neither is set.
  static std::string default_dir();
  static Key key_of(std::string_view content);

  // Fills `out` (spans pointing at `file`) from the entry for `key`, if it is
  // there and intact. Safe to call from several threads.
  bool get(const Key& key, int file, ParsedFile& out) const;
  // Records an entry for the next flush(). Safe to call from several threads.
  void put(const Key& key, const ParsedFile& parsed) const;
  // Writes the pack (the entries this run used) if anything changed.
  void flush() const;
  const std::string& pack_path() const { return path_; }
  // How many get()s found their entry, and how many did not (the file was
  // parsed): for the tests and the benchmark.
  size_t hits() const;
  size_t misses() const;

 private:
  bool get_entry(const Key& key, int file, ParsedFile& out) const;
  struct State;
  std::string path_;
  std::unique_ptr<State> s_;
};

}  // namespace sv
