#pragma once
// The detection engine: every detector spec of a rule set compiled once into
// one immutable Engine (one Hyperscan database holding the regex triggers
// and the caseless lexicon terms; the capitalised gazetteer terms in a word
// hash table (capital_word_matcher.h); the context keywords in a database of
// their own, matched only around candidates (keyword_hits.h); RE2 programs
// that confirm spans; validators; custom finders), and a per-thread
// EngineScanner that runs it over text segments.
//
// Per segment: fold Unicode look-alikes -> trigger passes (one Hyperscan
// pass with no start-of-match tracking: triggers mark candidates by their
// end; one pass over capitalised words; one digit-run pass) -> confirm each
// candidate's span with RE2 in a bounded window (a numeric detector's
// windows all at once, window_matcher.h) -> validate -> score with context
// (keywords near the candidate, the segment's label) -> resolve overlaps,
// most specific detector first (spec priority). engine_internal.h names
// the passes and their files; the Hyperscan callback only records hits.
//
// Thread safety: Engine is immutable and shared; EngineScanner is not
// thread-safe (it owns Hyperscan scratch and buffers): one per thread.
// The engine's files, keyword_hits.cc and literal_matcher.cc (the DSAR
// search's compiled query) are the files that know Hyperscan.

#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "core/segment.h"
#include "core/status.h"
#include "detectors/detection.h"
#include "rules/detector_spec.h"

namespace piiscan::detectors {

class EngineScanner;

struct EngineOptions {
  // Report every validated candidate: also those of detectors that require
  // context and have none, and those scored below the noise floor. For
  // `piiscan person`, which must recognise a subject's identifier whatever
  // surrounds it, and must mask every third-party value it could show.
  bool keep_all_candidates = false;
};

class Engine {
 public:
  // Compiles `rules` (copied). Errors name the detector whose pattern failed.
  static Result<std::shared_ptr<const Engine>> Build(const rules::RuleSet& rules,
                                                     EngineOptions options = {});
  ~Engine();

  const rules::RuleSet& rules() const;
  const std::vector<rules::DetectorSpec>& specs() const;
  // A scanner for one thread.
  std::unique_ptr<EngineScanner> NewScanner() const;

  struct Impl;

 private:
  explicit Engine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  friend class EngineScanner;
};

class EngineScanner {
 public:
  ~EngineScanner();
  // Appends the detections in `text`, sorted by begin; offsets are relative
  // to `text`. Matches ending at or before info.report_from are skipped.
  // A short table cell seen before is answered from a memo of its text and
  // label (cell_memo.h), unless its row decided a BSN's score.
  void Scan(std::string_view text, const SegmentInfo& info, std::vector<Detection>& out);
  // The same detections, without copying those the memo holds: a view of
  // the memo's or of `out` (cleared first), valid until the next call.
  std::span<const Detection> ScanView(std::string_view text, const SegmentInfo& info,
                                      std::vector<Detection>& out);
  // When the last ScanView's detections came from the memo or went into
  // it: one word per detection that the caller may set and read back
  // whenever the memo answers the same cell again (CellMemo::Hit::tags);
  // else empty. Valid until the next call.
  std::span<uint64_t> MemoTags() const { return tags_; }

  struct State;

 private:
  friend class Engine;
  EngineScanner(const Engine& engine, std::unique_ptr<State> state);
  // The passes over one segment, appending to `out`.
  void ScanSegment(std::string_view text, const SegmentInfo& info, std::vector<Detection>& out);
  const Engine& engine_;
  std::unique_ptr<State> state_;
  std::vector<Detection> scratch_;  // Scan's, for ScanView
  std::span<uint64_t> tags_;        // MemoTags
};

}  // namespace piiscan::detectors
