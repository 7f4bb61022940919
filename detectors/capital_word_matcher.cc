#include "detectors/capital_word_matcher.h"

#include "core/byte_scan.h"

#include <algorithm>
#include <cstring>


namespace piiscan::detectors {
namespace {

constexpr unsigned kFilterBits = 16;

inline bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
}
inline bool IsCapital(unsigned char c) { return (c >= 'A' && c <= 'Z') || c >= 0xC0; }

// The n (<= 8) bytes at p as a little-endian word, zero-padded; `avail`
// bytes may be read at p (eight are loaded at once when the text goes on).
inline uint64_t Load(const char* p, size_t n, size_t avail) {
  uint64_t x = 0;
  if (avail >= 8) {
    std::memcpy(&x, p, 8);
    return n >= 8 ? x : x & ((uint64_t{1} << (8 * n)) - 1);
  }
  std::memcpy(&x, p, std::min(n, avail));
  return x;
}

inline uint64_t Mix(uint64_t h) {
  h *= 0x9E3779B97F4A7C15ULL;
  return h ^ (h >> 29);
}

// Hash of the bytes [p, p + n); `avail` (>= n) bytes may be read at p.
inline uint64_t Hash(const char* p, size_t n, size_t avail) {
  uint64_t h = n;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) h = Mix(h ^ Load(p + i, 8, 8));
  if (i < n) h = Mix(h ^ Load(p + i, n - i, avail - i));
  return Mix(h);
}

// The same hash of the first n (<= 8) bytes of an eight-byte load.
inline uint64_t Hash8(uint64_t loaded, size_t n) {
  uint64_t x = n == 8 ? loaded : loaded & ((uint64_t{1} << (8 * n)) - 1);
  return Mix(Mix(n ^ x));
}

inline uint32_t FilterIndex(uint64_t hash) { return static_cast<uint32_t>(hash >> (64 - kFilterBits)); }

}  // namespace

bool CapitalWordMatcher::Add(std::string_view literal, bool caseless, bool prefix, uint32_t list,
                             uint32_t term) {
  if (literal.empty() || caseless || !IsCapital(static_cast<unsigned char>(literal.front()))) return false;
  size_t first_word = 0;
  while (first_word < literal.size() && IsWordByte(static_cast<unsigned char>(literal[first_word]))) ++first_word;
  bool one_word = first_word == literal.size();
  if (prefix && one_word && literal.size() < 3) return false;
  auto id = static_cast<uint32_t>(entries_.size());
  entries_.push_back({std::string(literal), prefix, list, term});
  if (prefix && one_word) prefix_keys_.emplace_back(literal, id);
  else whole_keys_.emplace_back(literal.substr(0, first_word), id);
  return true;
}

void CapitalWordMatcher::Build(Table& t, std::vector<std::pair<std::string, uint32_t>> keyed) {
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  size_t size = 16;
  while (size < keyed.size() * 2) size *= 2;
  t.slots.assign(size, Bucket{});
  t.entries.clear();
  t.lengths.clear();
  t.filter.assign((size_t{1} << kFilterBits) / 64, 0);
  for (size_t i = 0; i < keyed.size();) {
    const std::string& key = keyed[i].first;
    Bucket bucket{Hash(key.data(), key.size(), key.size()), static_cast<uint32_t>(t.entries.size()), 0};
    size_t j = i;
    for (; j < keyed.size() && keyed[j].first == key; ++j, ++bucket.count) t.entries.push_back(keyed[j].second);
    size_t slot = bucket.hash & (size - 1);
    while (t.slots[slot].count != 0) slot = (slot + 1) & (size - 1);
    t.slots[slot] = bucket;
    auto len = static_cast<uint8_t>(std::min<size_t>(key.size(), 255));
    if (std::find(t.lengths.begin(), t.lengths.end(), len) == t.lengths.end()) t.lengths.push_back(len);
    uint32_t f = FilterIndex(bucket.hash);
    t.filter[f / 64] |= uint64_t{1} << (f % 64);
    i = j;
  }
  std::sort(t.lengths.begin(), t.lengths.end());
}

const CapitalWordMatcher::Bucket* CapitalWordMatcher::Table::Find(uint64_t hash) const {
  uint32_t f = FilterIndex(hash);
  if (slots.empty() || !(filter[f / 64] >> (f % 64) & 1)) return nullptr;
  const size_t mask = slots.size() - 1;
  for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    const Bucket& b = slots[slot];
    if (b.count == 0) return nullptr;
    if (b.hash == hash) return &b;
  }
}

void CapitalWordMatcher::Freeze() {
  Build(whole_, whole_keys_);
  Build(prefixes_, prefix_keys_);
}

void CapitalWordMatcher::OnWord(std::string_view text, uint32_t b, uint32_t e, std::vector<TermHit>& hits) const {
  const char* p = text.data();
  const size_t n = text.size();
  const uint32_t len = e - b;
  auto equal_at = [&](const Entry& en) {
    return b + en.literal.size() <= n && std::memcmp(p + b, en.literal.data(), en.literal.size()) == 0;
  };
  if (const Bucket* bk = whole_.Find(Hash(p + b, len, n - b))) {
    for (uint32_t k = 0; k < bk->count; ++k) {
      const Entry& en = entries_[whole_.entries[bk->first + k]];
      if (!equal_at(en)) continue;
      size_t end = b + en.literal.size();
      if (!en.prefix && end < n && IsWordByte(static_cast<unsigned char>(p[end]))) continue;
      hits.push_back({en.list, en.term, b, static_cast<uint32_t>(end)});
    }
  }
  if (prefixes_.lengths.empty() || len < 3) return;
  uint64_t first8 = Load(p + b, 8, n - b);
  for (uint8_t l : prefixes_.lengths) {
    if (l > len) break;
    const Bucket* bk = prefixes_.Find(l <= 8 ? Hash8(first8, l) : Hash(p + b, l, n - b));
    for (uint32_t k = 0; bk && k < bk->count; ++k) {
      const Entry& en = entries_[prefixes_.entries[bk->first + k]];
      if (equal_at(en)) hits.push_back({en.list, en.term, b, b + l});
    }
  }
}

void CapitalWordMatcher::Find(std::string_view text, std::vector<TermHit>& hits) const {
  if (entries_.empty() || text.empty()) return;
  const size_t n = text.size(), first_hit = hits.size();
  // The word and capital bitmaps (core/byte_scan.h), a chunk at a time.
  constexpr size_t kChunk = 4096;
  uint64_t word_bits[kChunk / 64], capital_bits[kChunk / 64];
  uint64_t prev_word = 0;  // 1 when the byte before the block is a word byte
  for (size_t chunk = 0; chunk < n; chunk += kChunk) {
    const size_t chunk_size = std::min(kChunk, n - chunk);
    WordMasks(text.substr(chunk, chunk_size), word_bits, capital_bits);
    for (size_t w = 0; 64 * w < chunk_size; ++w) {
      const size_t base = chunk + 64 * w;
      const uint64_t m = word_bits[w];
      uint64_t starts = m & ~((m << 1) | prev_word) & capital_bits[w];
      prev_word = m >> 63;
      while (starts) {
        int i = __builtin_ctzll(starts);
        starts &= starts - 1;
        uint64_t rest = ~m >> i;  // zero bits past the block: the word may go on
        size_t e;
        if (rest != 0) {  // bits past the end of the text are clear: e <= n
          e = base + static_cast<size_t>(i) + static_cast<size_t>(__builtin_ctzll(rest));
        } else {
          e = base + 64;
          while (e < n && IsWordByte(static_cast<unsigned char>(text[e]))) ++e;
        }
        OnWord(text, static_cast<uint32_t>(base + static_cast<size_t>(i)), static_cast<uint32_t>(e), hits);
      }
    }
  }
  // Words come in order; a prefix and a whole literal of one word may not.
  auto by_position = [](const TermHit& a, const TermHit& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end < b.end;
    return a.list != b.list ? a.list < b.list : a.term < b.term;
  };
  auto first = hits.begin() + static_cast<std::ptrdiff_t>(first_hit);
  if (!std::is_sorted(first, hits.end(), by_position)) std::sort(first, hits.end(), by_position);
}

}  // namespace piiscan::detectors
