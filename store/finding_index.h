#pragma once
// An index of a file's findings by their aggregation key (location, detector,
// value_hash) that keeps no copy of the key: an open-addressed table of
// (hash, position) pairs, the caller telling whether the finding at a
// position has the key looked for. Aggregating a findings-dense file had cost
// a string key (an allocation and a copy) per finding. Not thread safe (one
// owner).

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "core/location.h"

namespace piiscan::store {

// The hash of a key; the location as its JSON text or as its steps (the two
// forms hash differently: one index uses one form).
inline size_t FindingKeyHash(std::string_view location, std::string_view detector,
                             std::string_view value_hash) {
  std::hash<std::string_view> h;
  size_t seed = h(value_hash);
  seed ^= h(detector) + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
  seed ^= h(location) + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
  return seed;
}
inline size_t FindingKeyHash(const Location& location, std::string_view detector,
                             std::string_view value_hash) {
  std::hash<std::string_view> h;
  size_t seed = FindingKeyHash(std::string_view(), detector, value_hash);
  for (const std::string& step : location)
    seed ^= h(step) + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
  return seed;
}

class FindingIndex {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  // The position of the entry with `hash` for which same(position) holds,
  // else kNone.
  template <typename Same>
  uint32_t Find(size_t hash, Same same) const {
    if (slots_.empty()) return kNone;
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.position == kNone) return kNone;
      if (s.hash == hash && same(s.position)) return s.position;
    }
  }

  // Adds `position` under `hash` (the caller checked with Find that no entry
  // has the key).
  void Add(size_t hash, uint32_t position) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].position == kNone) {
        slots_[i] = Slot{hash, position};
        ++size_;
        return;
      }
    }
  }

  // Empties the index; a small table keeps its memory for the next file.
  void Clear() {
    if (slots_.size() > 4096) {
      slots_.clear();
      slots_.shrink_to_fit();
      mask_ = 0;
    } else if (size_ > 0) {
      std::fill(slots_.begin(), slots_.end(), Slot{});
    }
    size_ = 0;
  }

 private:
  struct Slot {
    size_t hash = 0;
    uint32_t position = kNone;
  };
  void Grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    size_ = 0;
    for (const Slot& s : old)
      if (s.position != kNone) Add(s.hash, s.position);
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace piiscan::store
