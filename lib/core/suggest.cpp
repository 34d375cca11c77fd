// did_you_mean and its index, the Suggester.
//
// Candidates sit in two tries, one of the words and one of them reversed. A
// search walks a trie depth first with the edit-distance row of each path
// (the distances from the path to every prefix of the word) and leaves a
// path once every cell is over the bound, since rows never come nearer.
// With k the most edits allowed, the edits of a match fall either at most
// k/2 in the word's first half or at most k/2 in its second: the forward
// trie is searched for the first case, the reversed one (with the word
// reversed) for the second, each allowing only k/2 until the path has come
// past that half. Cheap edits near the root are what make a plain trie
// search visit most of it; at k/2 (0 or 1) near the root, few paths live.
#include "core/text.h"

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <unordered_map>

namespace sv {

namespace {

constexpr size_t kLongestTypo = 100;  // no typo is longer; keeps hostile input cheap
constexpr uint32_t kNone = UINT32_MAX;
// Ids of more words than this are not weighed word by word: no rule or
// entity id has that many, and it bounds the variants kept per candidate.
constexpr size_t kMostWords = 8;

// The most edits a suggestion may be away from a word of `size` bytes.
size_t suggestion_limit(size_t size) { return std::max<size_t>(1, std::min<size_t>(3, (size + 2) / 3)); }

struct Node {
  uint32_t first_child = kNone, next_sibling = kNone;
  int32_t word = -1;  // the index of the candidate ending here, in sorted order
  unsigned char byte = 0;
};

// A trie filled with words in sorted order: each shares its path with the
// previous one and then only adds children after the last, so children stay
// in byte order and a depth-first walk meets the words in sorted order.
class Trie {
 public:
  Trie() : nodes_(1), last_child_(1, kNone) {}
  void add(std::string_view word, int32_t index) {
    uint32_t node = 0;
    for (unsigned char byte : word) {
      uint32_t last = last_child_[node];
      if (last != kNone && nodes_[last].byte == byte) {
        node = last;
        continue;
      }
      auto added = static_cast<uint32_t>(nodes_.size());
      nodes_.push_back(Node{kNone, kNone, -1, byte});
      last_child_.push_back(kNone);
      (last == kNone ? nodes_[node].first_child : nodes_[last].next_sibling) = added;
      last_child_[node] = added;
      node = added;
    }
    nodes_[node].word = index;
  }
  void done() { last_child_ = {}; }
  const Node& operator[](uint32_t node) const { return nodes_[node]; }

 private:
  std::vector<Node> nodes_;  // nodes_[0] is the root
  std::vector<uint32_t> last_child_;
};

// One walk of one trie for one word.
struct Walk {
  const Trie& trie;
  std::string_view word;  // reversed for the reversed trie
  size_t band;            // the most edits allowed at all (cells farther off the diagonal are over it)
  size_t half;            // the edits allowed before the path has come past the word's first half
  size_t split;           // the length of that half
  bool sorted;            // the trie meets words in sorted order: a tie never beats what was found
  size_t& bound;          // the farthest a candidate may be and still be chosen
  int32_t& best;
  size_t& best_distance;
  std::vector<uint16_t> rows;
  std::vector<unsigned char> path;

  uint16_t* row(size_t depth) { return rows.data() + depth * (word.size() + 1); }
  void found(int32_t index, size_t distance);
  // The row of the path at `depth` plus `byte`, into row(depth + 1): whether
  // a candidate can still lie below it, and whether it has come past the half.
  bool extend(size_t depth, unsigned char byte, bool& past_half);
  void visit(uint32_t node, size_t depth, bool past_half);
};

void Walk::found(int32_t index, size_t distance) {
  if (distance == 0 || distance > bound) return;
  if (best >= 0 && (distance > best_distance || (distance == best_distance && index > best))) return;
  best = index;
  best_distance = distance;
  bound = sorted ? distance - 1 : distance;
}

bool Walk::extend(size_t depth, unsigned char byte, bool& past_half) {
  const size_t size = word.size();
  const uint16_t* prev = row(depth);
  uint16_t* next = row(depth + 1);
  next[0] = static_cast<uint16_t>(depth + 1);
  uint16_t nearest = next[0], nearest_in_half = next[0];
  // Only the band of cells within `band` of the diagonal can be near enough;
  // a far value on either side of it is what the next row reads there.
  const size_t diagonal = depth + 1;
  const size_t low = diagonal > band ? diagonal - band : 1, high = std::min(size, diagonal + band);
  const auto far = static_cast<uint16_t>(band + 1);
  if (low > 1 && low - 1 <= size) next[low - 1] = far;
  if (high < size) next[high + 1] = far;
  for (size_t j = low; j <= high; ++j) {
    const auto letter = static_cast<unsigned char>(word[j - 1]);
    // Optimal string alignment, as edit_distance: insert, delete, substitute, transpose.
    uint16_t cell = std::min({static_cast<uint16_t>(prev[j] + 1), static_cast<uint16_t>(next[j - 1] + 1),
                              static_cast<uint16_t>(prev[j - 1] + (letter != byte))});
    if (depth >= 1 && j > 1 && byte == static_cast<unsigned char>(word[j - 2]) && path[depth - 1] == letter)
      cell = std::min<uint16_t>(cell, row(depth - 1)[j - 2] + 1);
    next[j] = cell;
    nearest = std::min(nearest, cell);
    if (j <= split + 1) nearest_in_half = std::min(nearest_in_half, cell);
    // A transposition across the middle may leave the half one byte short or long.
    if (j + 1 >= split && j <= split + 1 && cell <= half) past_half = true;
  }
  // Rows never come nearer than the nearest cell of the row before.
  return nearest <= bound && (past_half || nearest_in_half <= half);
}

void Walk::visit(uint32_t node, size_t depth, bool past_half) {
  const bool in_band = depth + band >= word.size() && word.size() + band >= depth;
  if (trie[node].word >= 0 && in_band) found(trie[node].word, row(depth)[word.size()]);
  if (bound == 0 || (depth + 2) * (word.size() + 1) > rows.size()) return;
  for (uint32_t child = trie[node].first_child; child != kNone; child = trie[child].next_sibling) {
    bool now_past = past_half;
    if (!extend(depth, trie[child].byte, now_past)) continue;
    path[depth] = trie[child].byte;
    visit(child, depth + 1, now_past);
    if (bound == 0) return;
  }
}

// `text` without one of its `-`-separated words, for each word; none when
// it has fewer than three words, too many, or is too long to be a typo.
// Three at least, so that what is left shares two words with it: one word
// in common of two (stale → baseline-stale, fk-x → fk) is no likeness.
std::vector<std::string> without_one_word(std::string_view text) {
  std::vector<size_t> dashes;
  if (text.size() > kLongestTypo) return {};
  for (size_t at = text.find('-'); at != std::string_view::npos && dashes.size() < kMostWords;
       at = text.find('-', at + 1))
    dashes.push_back(at);
  std::vector<std::string> variants;
  if (dashes.size() < 2 || dashes.size() >= kMostWords) return variants;
  for (size_t i = 0; i <= dashes.size(); ++i) {
    // The word i runs from after dash i-1 to dash i; drop it with one of its dashes.
    size_t from = i == 0 ? 0 : dashes[i - 1], to = i == dashes.size() ? text.size() : dashes[i] + (i == 0);
    variants.push_back(std::string(text.substr(0, from)).append(text.substr(to)));
  }
  return variants;
}

}  // namespace

struct Suggester::Index {
  std::vector<std::string> words;  // sorted, unique
  Trie forward, reversed;
  // Each word without one of its words → the word it came from, or kMany
  // when it came from more than one; built on first need, since most
  // Suggesters never get that far.
  static constexpr int32_t kMany = -2;
  mutable std::once_flag shortened_once;
  mutable std::unordered_map<std::string, int32_t> shortened;
  const std::unordered_map<std::string, int32_t>& by_shortened() const {
    std::call_once(shortened_once, [this] {
      for (size_t i = 0; i < words.size(); ++i)
        for (auto& variant : without_one_word(words[i])) {
          auto [it, added] = shortened.try_emplace(std::move(variant), static_cast<int32_t>(i));
          if (!added && it->second != static_cast<int32_t>(i)) it->second = kMany;
        }
    });
    return shortened;
  }
  // The one word that is `word` with one word more or one word fewer
  // (meeting-minutes-approved → meeting-minutes-not-approved): too many
  // edits for a typo, but the same name misremembered. -1 when none is, or
  // more than one: then there is no telling which was meant.
  int32_t one_word_apart(std::string_view word) const {
    int32_t found = -1;
    auto take = [&found](int32_t at) { found = found == -1 || found == at ? at : kMany; };
    if (word.size() < 4 || word.size() > kLongestTypo) return -1;
    const auto& map = by_shortened();
    if (auto it = map.find(std::string(word)); it != map.end()) take(it->second);
    for (const auto& variant : without_one_word(word)) {
      auto it = std::lower_bound(words.begin(), words.end(), variant);
      if (it != words.end() && *it == variant) take(static_cast<int32_t>(it - words.begin()));
    }
    return found < 0 ? -1 : found;
  }
};

Suggester::Suggester(std::vector<std::string> candidates) {
  auto index = std::make_unique<Index>();
  auto& words = index->words;
  words = std::move(candidates);
  if (!std::is_sorted(words.begin(), words.end())) std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::vector<std::pair<std::string, int32_t>> backwards;
  backwards.reserve(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    index->forward.add(words[i], static_cast<int32_t>(i));
    backwards.emplace_back(std::string(words[i].rbegin(), words[i].rend()), static_cast<int32_t>(i));
  }
  std::sort(backwards.begin(), backwards.end());
  for (const auto& [word, at] : backwards) index->reversed.add(word, at);
  index->forward.done();
  index->reversed.done();
  index_ = std::move(index);
}

Suggester::~Suggester() = default;
Suggester::Suggester(Suggester&&) noexcept = default;
Suggester& Suggester::operator=(Suggester&&) noexcept = default;

std::optional<std::string> Suggester::suggest(std::string_view word) const {
  if (word.size() > kLongestTypo) return std::nullopt;
  const size_t limit = suggestion_limit(word.size());
  size_t bound = limit, best_distance = 0;
  int32_t best = -1;
  const std::string backwards(word.rbegin(), word.rend());
  const size_t first_half = word.size() / 2;
  auto walk = [&](const Trie& trie, std::string_view text, size_t split, bool sorted) {
    // A path longer than the word by more than the limit is too far already.
    const size_t deepest = word.size() + limit + 1;
    Walk w{trie, text, limit, limit / 2, split, sorted, bound, best, best_distance, {}, {}};
    w.rows.resize((deepest + 1) * (word.size() + 1));
    w.path.resize(deepest + 1);
    for (size_t j = 0; j <= word.size(); ++j) w.row(0)[j] = static_cast<uint16_t>(j);
    w.visit(0, 0, split <= 1);  // too short a half to wait for
  };
  walk(index_->forward, word, first_half, true);
  // What the forward walk missed has its edits in the second half, and may tie.
  bound = best >= 0 ? best_distance : limit;
  walk(index_->reversed, backwards, word.size() - first_half, false);
  // A candidate extending the word (nassjo → nassjo-kommun) counts as at most
  // `limit` away. One nearer than that was found above; otherwise the first
  // in sorted order is the one to weigh against what was found.
  const auto& words = index_->words;
  if (word.size() >= 4 && (best < 0 || best_distance >= limit)) {
    auto it = std::lower_bound(words.begin(), words.end(), word);
    if (it != words.end() && *it == word) ++it;
    bool extends = it != words.end() && it->compare(0, word.size(), word) == 0;
    auto at = static_cast<int32_t>(it - words.begin());
    if (extends && (best < 0 || at < best)) best = at;
  }
  if (best < 0) best = index_->one_word_apart(word);
  if (best < 0) return std::nullopt;
  return words[static_cast<size_t>(best)];
}

std::optional<std::string> did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  if (word.size() > kLongestTypo) return std::nullopt;
  return Suggester(candidates).suggest(word);
}

}  // namespace sv
