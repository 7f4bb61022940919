#pragma once
// Context keywords, found only where a candidate asks for them. Business
// text is full of words that are some detector's keyword ("order",
// "factuur", "bedrag", "...straat"): matching them all over every segment
// was a third of the engine's time, though only the few hundred bytes
// around candidates are ever looked at. A KeywordScanner matches the
// keywords (one Hyperscan database of literals) in fixed blocks of the
// segment the first time a context window touches them, and keeps the hits
// of every block it matched: what a window asks for is exactly what a scan
// of the whole segment would have found there.
//
// A keyword is a case-insensitive literal; a trailing '*' lets it run on
// into more letters ("bankrekening*" in "bankrekeningnummer"), a leading
// '*' lets it end a longer word ("*straat" in "Kerkstraat").
//
// Thread safety: KeywordSet is immutable and shared; a KeywordScanner owns
// Hyperscan scratch and its hits: one per thread. With engine.cc and
// literal_matcher.cc, one of the files that know Hyperscan.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "detectors/detection.h"

namespace piiscan::detectors {

struct Keyword {
  std::string text;  // lower case, without the '*'s
  bool prefix;       // '*' at the end
  bool suffix;       // '*' at the start
};

class KeywordSet {
 public:
  // Compiles the keywords; hits carry the keyword's index as TermHit::list.
  static Result<std::shared_ptr<const KeywordSet>> Build(const std::vector<Keyword>& keywords);
  ~KeywordSet();

  struct Impl;

 private:
  explicit KeywordSet(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  friend class KeywordScanner;
};

class KeywordScanner {
 public:
  explicit KeywordScanner(std::shared_ptr<const KeywordSet> set);
  ~KeywordScanner();

  // Starts on a new segment; hits are relative to `text`, which must stay
  // alive until the next Reset.
  void Reset(std::string_view text);

  // Calls f(hit) for every keyword hit that begins in [lo, hi), in order
  // of begin; stops early when f returns false.
  template <typename F>
  void ForEach(uint64_t lo, uint64_t hi, F&& f) {
    if (hi > text_.size()) hi = text_.size();
    if (lo >= hi) return;
    Ensure(lo, hi);
    for (uint64_t b = lo / kBlock; b <= (hi - 1) / kBlock; ++b) {
      for (uint32_t i = blocks_[b].first; i < blocks_[b].last; ++i) {
        const TermHit& h = hits_[i];
        if (h.begin < lo) continue;
        if (h.begin >= hi) return;
        if (!f(h)) return;
      }
    }
  }

  struct State;

 private:
  // Small enough that a window of a few hundred bytes does not match much
  // beyond itself; runs of unmatched blocks are matched in one call.
  // Callgrind on bench text: 512 -> 128 bytes took the keyword work from
  // 80M to 47M instructions per 8 MB.
  static constexpr uint64_t kBlock = 128;
  struct Block {
    uint32_t first = 0, last = 0;  // range in hits_
    uint32_t generation = 0;       // matched in this segment when == generation_
  };
  bool Matched(uint64_t b) const { return blocks_[b].generation == generation_; }
  // Matches every block of [lo, hi) not matched yet.
  void Ensure(uint64_t lo, uint64_t hi);

  std::shared_ptr<const KeywordSet> set_;
  std::unique_ptr<State> state_;
  std::string_view text_;
  // Grown, never cleared: a new segment only takes a new generation (most
  // files are small, and filling a block table per segment cost more than
  // matching their keywords).
  std::vector<Block> blocks_;
  uint32_t generation_ = 0;
  std::vector<TermHit> hits_;
};

}  // namespace piiscan::detectors
