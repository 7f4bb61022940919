#pragma once
// The verdicts of the last few labels, kept as given (not lowered, not
// hashed). A table's cells come column after column with the same label
// (the column header), so a handful of entries answers most lookups before
// any cache keyed on a normalised label is asked.
//
// Thread safety: none; one per thread (or per engine scanner state).

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace piiscan::detectors {

template <typename Verdict, size_t N = 16>
class RecentLabels {
 public:
  // The verdict kept for `label`, or null.
  const Verdict* Find(std::string_view label) const {
    for (const auto& e : entries_) {
      if (e.known && e.label == label) return &e.verdict;
    }
    return nullptr;
  }
  // Keeps `verdict` for `label` in place of the oldest entry.
  void Put(std::string_view label, const Verdict& verdict) {
    Entry& e = entries_[next_++ % N];
    e.label.assign(label);
    e.verdict = verdict;
    e.known = true;
  }
  // Forgets every entry (their verdicts point into a cache being cleared).
  void Clear() {
    for (auto& e : entries_) e.known = false;
  }

 private:
  struct Entry {
    std::string label;
    Verdict verdict{};
    bool known = false;
  };
  std::array<Entry, N> entries_{};
  uint32_t next_ = 0;
};

}  // namespace piiscan::detectors
