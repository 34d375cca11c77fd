#include "load/cache.h"

#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <atomic>
#include <mutex>
#include <unordered_map>
#include <unordered_set>
#include <vector>
#include <xxhash.h>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/fsutil.h"
#include "load/tree.h"
#include "load/source.h"

#ifndef SAMVERKAN_CACHE_SALT
#define SAMVERKAN_CACHE_SALT "dev"
#endif

namespace sv {
namespace {

constexpr char kMagic[8] = {'S', 'V', 'K', 'C', 'A', 'C', 'H', 'E'};
constexpr uint32_t kFormat = 2;

// The salt: anything that could change what a file parses to.
const Cache::Key& salt() {
  static const Cache::Key s = Cache::key_of(std::string("samverkan ") + SAMVERKAN_VERSION + " " + SAMVERKAN_CACHE_SALT);
  return s;
}

class Writer {
 public:
  std::string out;
  void u8(uint8_t v) { out.push_back(static_cast<char>(v)); }
  // Unsigned LEB128: most numbers here (lines, columns, lengths) take one byte.
  void u32(uint32_t v) {
    while (v >= 0x80) {
      out.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out.push_back(static_cast<char>(v));
  }
  void i32(int32_t v) { u32((static_cast<uint32_t>(v) << 1) ^ static_cast<uint32_t>(v >> 31)); }
  void u64(uint64_t v) { raw(&v, 8); }
  void str(std::string_view s) {
    u32(static_cast<uint32_t>(s.size()));
    out.append(s);
  }
  void raw(const void* p, size_t n) { out.append(static_cast<const char*>(p), n); }
  void span(const Span& s) {
    i32(s.line);
    i32(s.col);
    i32(s.len);
  }
  void message(const Message& m) {
    str(m.text ? m.text->id : "");
    u32(static_cast<uint32_t>(m.args.size()));
    for (const Arg& a : m.args) {
      u8(a.t ? 1 : 0);
      str(a.t ? a.t->id : a.s);
      if (a.t) str(a.s);  // a word's id, if any
    }
  }
};

// Every read is bounds-checked; a failed read poisons the reader.
class Reader {
 public:
  Reader(const char* p, size_t n) : p_(p), end_(p + n) {}
  bool ok = true;
  bool done() const { return ok && p_ == end_; }
  uint8_t u8() {
    uint8_t v = 0;
    raw(&v, 1);
    return v;
  }
  uint32_t u32() {
    uint32_t v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (p_ == end_) return fail(), 0;
      uint8_t b = static_cast<uint8_t>(*p_++);
      v |= static_cast<uint32_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    return fail(), 0;
  }
  int32_t i32() {
    uint32_t z = u32();
    return static_cast<int32_t>((z >> 1) ^ (~(z & 1) + 1));
  }
  std::string str() { return std::string(view()); }
  std::string_view view() {
    uint32_t n = u32();
    if (!ok || static_cast<size_t>(end_ - p_) < n) return fail(), std::string_view();
    std::string_view s(p_, n);
    p_ += n;
    return s;
  }
  void raw(void* dst, size_t n) {
    if (!ok || static_cast<size_t>(end_ - p_) < n) return fail();
    std::memcpy(dst, p_, n);
    p_ += n;
  }
  // Lines, columns and lengths lie within a file that was read: anything
  // else is a damaged (or crafted) entry.
  Span span(int file) {
    Span s;
    s.file = file;
    s.line = i32();
    s.col = i32();
    s.len = i32();
    for (int v : {s.line, s.col, s.len})
      if (v < 0 || static_cast<size_t>(v) > kMaxFileBytes) fail();
    return s;
  }
  size_t left() const { return static_cast<size_t>(end_ - p_); }
  const Tr* tr(const std::string& id) {
    static const auto* index = [] {
      auto* m = new std::unordered_map<std::string, const Tr*>;
      for (const Tr* t : catalogue()) (*m)[t->id] = t;
      return m;
    }();
    auto it = index->find(id);
    if (it == index->end()) return fail(), nullptr;
    return it->second;
  }
  Message message() {
    Message m;
    std::string id = str();
    if (!id.empty()) m.text = tr(id);
    uint32_t n = u32();
    if (n > 64) return fail(), m;
    for (uint32_t i = 0; i < n && ok; ++i) {
      bool is_tr = u8() != 0;
      std::string s = str();
      m.args.push_back(is_tr ? Arg{str(), tr(s)} : Arg{std::move(s), nullptr});
    }
    return m;
  }
  void fail() { ok = false; }
  const char* at() const { return p_; }

 private:
  const char* p_;
  const char* end_;
};

struct KeyHash {
  size_t operator()(const Cache::Key& k) const {
    size_t h;
    std::memcpy(&h, k.data(), sizeof h);
    return h;
  }
};

std::string hex(const Cache::Key& k) {
  static const char* digits = "0123456789abcdef";
  std::string s;
  for (uint8_t b : k) {
    s += digits[b >> 4];
    s += digits[b & 15];
  }
  return s;
}

std::string encode(const ParsedFile& p) {
  Writer w;
  w.out.reserve(256 + 16 * p.raw.nodes.size());
  w.u8(p.parsed ? 1 : 0);
  w.u32(static_cast<uint32_t>(p.findings.size()));
  for (const Finding& f : p.findings) {
    w.str(f.code);
    w.message(f.message);
    w.span(f.span);
    w.u8(f.help ? 1 : 0);
    if (f.help) w.message(*f.help);
    w.u32(static_cast<uint32_t>(f.notes.size()));
    for (const Note& n : f.notes) {
      w.message(n.text);
      w.span(n.span);
    }
  }
  w.u32(static_cast<uint32_t>(p.raw.nodes.size()));
  for (const RawNode* n : p.raw.nodes) {
    w.u8(static_cast<uint8_t>(n->type));
    w.u8(n->quoted ? 1 : 0);
    w.span(n->span);
    w.str(n->value);
    w.u32(static_cast<uint32_t>(n->kids.size()));
    // Items mostly follow their container: store the distance, zigzagged.
    int32_t self = static_cast<int32_t>(n->index);
    for (const RawNode* k : n->kids) w.i32(static_cast<int32_t>(k->index) - self);
  }
  w.u32(static_cast<uint32_t>(p.raw.docs.size()));
  for (const RawDoc& d : p.raw.docs) {
    w.i32(d.root ? static_cast<int32_t>(d.root->index) : -1);
    w.span(d.start);
  }
  return std::move(w.out);
}

bool decode(std::string_view payload, int file, ParsedFile& p) {
  Reader r(payload.data(), payload.size());
  p.parsed = r.u8() != 0;
  uint32_t nf = r.u32();
  if (nf > r.left()) return false;
  for (uint32_t i = 0; i < nf && r.ok; ++i) {
    Finding f;
    f.code = r.str();
    f.message = r.message();
    f.span = r.span(file);
    if (r.u8()) f.help = r.message();
    uint32_t nn = r.u32();
    if (nn > 64) return false;
    for (uint32_t k = 0; k < nn && r.ok; ++k) {
      Message m = r.message();
      f.notes.push_back(Note{std::move(m), r.span(file)});
    }
    p.findings.push_back(std::move(f));
  }
  // Counts are checked against the bytes left before anything is made: an
  // encoded node takes at least 7 bytes, a child at least one.
  uint32_t nodes = r.u32();
  if (!r.ok || nodes > r.left() / 7) return false;
  // Kids may point forward (a container is made before its items finish), so
  // make every node first, then link.
  p.raw.nodes.reserve(nodes);
  for (uint32_t i = 0; i < nodes; ++i) p.raw.make();
  const std::vector<RawNode*>& at = p.raw.nodes;
  for (uint32_t i = 0; i < nodes && r.ok; ++i) {
    RawNode& n = *at[i];
    uint8_t type = r.u8();
    if (type > static_cast<uint8_t>(RawNode::Type::map)) return false;
    n.type = static_cast<RawNode::Type>(type);
    n.quoted = r.u8() != 0;
    n.span = r.span(file);
    n.value = p.raw.arena.text(r.view());
    uint32_t nk = r.u32();
    if (!r.ok || nk > nodes || nk > r.left()) return false;
    const RawNode** kids = p.raw.arena.list(nk);
    for (uint32_t k = 0; k < nk; ++k) {
      int64_t idx = static_cast<int64_t>(i) + r.i32();
      if (!r.ok || idx < 0 || idx >= static_cast<int64_t>(nodes)) return false;
      kids[k] = at[static_cast<size_t>(idx)];
    }
    n.kids = {kids, nk};
    if (n.type == RawNode::Type::map && nk % 2 != 0) return false;
  }
  uint32_t docs = r.u32();
  if (!r.ok || docs > nodes + 1 + payload.size()) return false;
  for (uint32_t i = 0; i < docs && r.ok; ++i) {
    int32_t root = r.i32();
    if (root < -1 || root >= static_cast<int32_t>(nodes)) return false;
    RawDoc d;
    d.root = root < 0 ? nullptr : at[root];
    d.start = r.span(file);
    p.raw.docs.push_back(d);
  }
  return r.done();
}

// Reads the whole pack into an uninitialised buffer (the pack is tens of
// megabytes for a large repository; this is on every run's critical path).
bool read_pack(const std::string& path, std::unique_ptr<char[]>& data, size_t& size) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st{};
  // A pack larger than this is not ours to read whole (a repository would
  // need hundreds of megabytes of YAML to make one): run without it.
  constexpr off_t kMaxPack = off_t(1) << 30;
  bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= kMaxPack;
  if (ok) {
    data.reset(new char[static_cast<size_t>(st.st_size)]);
    size = 0;
    while (size < static_cast<size_t>(st.st_size)) {
      ssize_t n = ::read(fd, data.get() + size, static_cast<size_t>(st.st_size) - size);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;  // an error, or the file shrank: what was read is checked like any pack
      size += static_cast<size_t>(n);
    }
  }
  ::close(fd);
  return ok;
}

}  // namespace

struct Cache::State {
  std::unique_ptr<char[]> data;  // the pack as read
  size_t size = 0;
  std::unordered_map<Key, std::string_view, KeyHash> entries;  // payloads in `data`
  mutable std::mutex mu;
  mutable std::unordered_map<Key, std::string, KeyHash> fresh;  // encoded this run
  mutable std::unordered_set<Key, KeyHash> used;                // read entries hit this run
  mutable bool dirty = false;
  mutable std::atomic<size_t> hits{0}, misses{0};
};

std::string Cache::default_dir() {
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x == '/') return std::string(x) + "/samverkan";
  if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.cache/samverkan";
  return "";
}

Cache::Key Cache::key_of(std::string_view content) {
  XXH128_hash_t h = XXH3_128bits(content.data(), content.size());
  Key k;
  std::memcpy(k.data(), &h.high64, 8);
  std::memcpy(k.data() + 8, &h.low64, 8);
  return k;
}

// Pack layout: magic, format, salt, entry count; then per entry: key,
// payload length, XXH3-64 of the payload, payload. Every field is checked
// before it is trusted; a bad pack is ignored as a whole, a bad entry alone.
Cache::Cache(std::string dir, std::string_view scope) : s_(std::make_unique<State>()) {
  if (dir.empty()) return;
  path_ = dir + "/v1/" + hex(key_of(scope)) + ".pack";
  if (!read_pack(path_, s_->data, s_->size)) return;
  const std::string_view d(s_->data.get(), s_->size);
  if (d.size() < sizeof kMagic || std::memcmp(d.data(), kMagic, sizeof kMagic) != 0) return;
  Reader r(d.data() + sizeof kMagic, d.size() - sizeof kMagic);
  Key s;
  if (r.u32() != kFormat) return;
  r.raw(s.data(), 16);
  uint32_t n = r.u32();
  if (!r.ok || s != salt()) return;
  size_t pos = static_cast<size_t>(r.at() - d.data());
  s_->entries.reserve(std::min<size_t>(n, d.size() / 32));
  for (uint32_t i = 0; i < n; ++i) {
    Key k;
    uint64_t len = 0;
    if (d.size() - pos < 16 + 8 + 8) break;
    std::memcpy(k.data(), d.data() + pos, 16);
    std::memcpy(&len, d.data() + pos + 16, 8);
    pos += 16 + 8;
    if (len > d.size() - pos - 8) break;  // truncated: keep what came before
    s_->entries.emplace(k, std::string_view(d.data() + pos, len + 8));
    pos += 8 + len;
  }
}

Cache::~Cache() = default;

size_t Cache::hits() const { return s_->hits; }
size_t Cache::misses() const { return s_->misses; }

bool Cache::get(const Key& key, int file, ParsedFile& out) const {
  bool found = get_entry(key, file, out);
  ++(found ? s_->hits : s_->misses);
  return found;
}

bool Cache::get_entry(const Key& key, int file, ParsedFile& out) const {
  auto decoded = [&](std::string_view payload) {
    ParsedFile p(payload.size() * 2);  // the tree takes about twice its encoding
    if (!decode(payload, file, p)) return false;
    out = std::move(p);
    return true;
  };
  if (auto it = s_->entries.find(key); it != s_->entries.end()) {
    std::string_view e = it->second;  // checksum, then payload
    uint64_t sum = 0;
    std::memcpy(&sum, e.data(), 8);
    std::string_view payload = e.substr(8);
    if (sum == XXH3_64bits(payload.data(), payload.size()) && decoded(payload)) {
      std::lock_guard<std::mutex> lock(s_->mu);
      s_->used.insert(key);
      return true;
    }
  }
  // Encoded earlier in this run (a blob met again further back in a history,
  // or one whose entry in the pack was damaged): decoded, not parsed again.
  // An entry, once in, never changes, so it is read without the lock.
  std::string_view payload;
  {
    std::lock_guard<std::mutex> lock(s_->mu);
    auto f = s_->fresh.find(key);
    if (f == s_->fresh.end()) return false;
    payload = f->second;
  }
  return decoded(payload);
}

void Cache::put(const Key& key, const ParsedFile& parsed) const {
  if (path_.empty()) return;
  std::string payload = encode(parsed);
  std::lock_guard<std::mutex> lock(s_->mu);
  // Two threads may parse the same content at once: the first entry stays
  // (get() reads it without the lock once found).
  if (s_->fresh.try_emplace(key, std::move(payload)).second) s_->dirty = true;
}

void Cache::flush() const {
  std::lock_guard<std::mutex> lock(s_->mu);
  // Entries not used in this run (files deleted or changed) are dropped.
  if (path_.empty() || (!s_->dirty && s_->used.size() == s_->entries.size())) return;
  // The pack is written from the pieces where they are (the read pack, the
  // fresh entries) and small headers: a long history's pack is not copied
  // whole into memory once more to be written.
  std::vector<std::pair<Key, std::string_view>> kept;  // checksum and payload
  kept.reserve(s_->used.size());
  for (const Key& k : s_->used) kept.emplace_back(k, s_->entries.at(k));
  std::sort(kept.begin(), kept.end());
  std::vector<std::pair<const Key*, const std::string*>> fresh;
  fresh.reserve(s_->fresh.size());
  for (const auto& [k, payload] : s_->fresh) fresh.emplace_back(&k, &payload);
  std::sort(fresh.begin(), fresh.end(), [](const auto& a, const auto& b) { return *a.first < *b.first; });
  Writer heads;  // the pack's header, then each entry's: key, length (and the checksum of a fresh one)
  heads.raw(kMagic, sizeof kMagic);
  heads.u32(kFormat);
  heads.raw(salt().data(), 16);
  heads.u32(static_cast<uint32_t>(kept.size() + fresh.size()));
  size_t first = heads.out.size();
  constexpr size_t kHead = 16 + 8, kFreshHead = 16 + 8 + 8;
  heads.out.reserve(first + kept.size() * kHead + fresh.size() * kFreshHead);
  for (const auto& [k, e] : kept) {
    heads.raw(k.data(), 16);
    heads.u64(e.size() - 8);
  }
  for (const auto& [k, payload] : fresh) {
    heads.raw(k->data(), 16);
    heads.u64(payload->size());
    heads.u64(XXH3_64bits(payload->data(), payload->size()));
  }
  std::vector<std::string_view> pieces;
  pieces.reserve(1 + 2 * (kept.size() + fresh.size()));
  const char* h = heads.out.data();
  pieces.emplace_back(h, first);
  h += first;
  for (const auto& entry : kept) {
    pieces.emplace_back(h, kHead);
    h += kHead;
    pieces.push_back(entry.second);
  }
  for (const auto& entry : fresh) {
    pieces.emplace_back(h, kFreshHead);
    h += kFreshHead;
    pieces.emplace_back(*entry.second);
  }
  try {
    write_file_atomic(path_, pieces, true, false);
  } catch (const std::exception&) {
    // The cache is an optimisation: a read-only or full disk must not fail the run.
  }
}

}  // namespace sv
