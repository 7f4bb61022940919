#pragma once
// Turns the engine's detections in one text segment into output Findings:
// masks the value, hashes it with the user's key, keeps the raw value only
// when asked (--show-values), applies --min-confidence, works out line and
// offset in the source, and counts repeated values once (FindingAggregator).

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/finding.h"
#include "core/keyed_hash.h"
#include "core/segment.h"
#include "detectors/detection.h"
#include "detectors/huge_table.h"
#include "detectors/name_keys.h"
#include "rules/detector_spec.h"

namespace piiscan::detectors {

struct FindingOptions {
  bool show_values = false;
  Confidence min_confidence = Confidence::kLow;
  const KeyedHasher* hasher = nullptr;  // required
  // One Finding per (location, detector, value) with a count (the default),
  // or one per occurrence (--each-occurrence).
  bool aggregate = true;
  // Set when a findings store is written: person_name and e-mail findings
  // get their name keys (Finding::name_key, name_tokens).
  const NameKeyer* name_keyer = nullptr;
};

// Remembers, for the findings of one report, which (location, detector,
// value) already has a Finding, so that another occurrence only adds to its
// count: masking, keyed hashing and writing are paid per distinct value, not
// per occurrence (a CRM export repeats the same values thousands of times).
// The highest-scoring occurrence sets confidence, score and note; the first
// sets the position. Not thread-safe: one per consumer (worker thread).
class FindingAggregator {
 public:
  // The findings in `out` from `first` on are at `where` (one segment); the
  // aggregator forgets everything when `out` no longer holds what it saw
  // (the report was handed on in parts, or a new file began).
  void BeginSegment(const Location& where, const std::vector<Finding>& out);
  // Clears everything (a new top-level file).
  void Clear();
  struct Occurrence {
    size_t index;  // of the Finding in `out`
    bool fresh;    // none yet: the caller appends it at `index`
    bool higher;   // not fresh, and `score` beats the Finding's best so far
  };
  // The Finding for this detector and value at the current location, or
  // `next` (where the caller appends it) when there is none yet. Another
  // occurrence is counted here, not in the Finding, until Settle: a dense
  // file's findings spread over megabytes, and reading each one's count
  // and score back missed the cache once per occurrence.
  //
  // `tag`, when given, is a word the caller keeps with this detection (the
  // cell memo's, EngineScanner::MemoTags): Slot stores the finding's index
  // there, stamped with the aggregator's current state, and the next
  // occurrence of the same detection comes straight to it while the state
  // holds (the same location, nothing handed on): no hash, no table probe.
  Occurrence Slot(size_t spec, std::string_view value, double score, size_t next,
                  uint64_t* tag = nullptr);
  // Counts an occurrence by its tag alone when the tag holds, without the
  // detection: a tag is only written for a detection that passed the
  // confidence filter, and the same detection again cannot beat the best
  // score its first occurrence set. False when the tag does not hold.
  bool CountTagged(uint64_t tag) {
    if ((tag >> kTagIndexBits) != stamp_ || (tag & kTagIndexMask) == 0) return false;
    ++pending_[(tag & kTagIndexMask) - 1];
    any_pending_ = true;
    return true;
  }
  // After MakeFindings: how many findings `out` held.
  void EndSegment(const std::vector<Finding>& out) { seen_size_ = out.size(); }
  // Adds the occurrences counted since the last Settle to the counts in
  // `out`. Before `out` is handed on (a part, the end of a file).
  void Settle(std::vector<Finding>& out);

 private:
  // Open addressing over (tag, value) keys, a tag being a detector and a
  // location: one 64-byte entry per key, short values inline (one cache
  // line per lookup, in huge pages: huge_table.h), longer ones in an arena. Entries of earlier
  // generations are dead, not cleared, so that starting over costs nothing
  // however large the table grew. Indexes are stored +1 (0: none).
  class KeyTable {
   public:
    uint32_t Find(uint64_t tag, std::string_view value, uint64_t hash) const;
    void Insert(uint64_t tag, std::string_view value, uint64_t hash, uint32_t index);
    void Clear();
    size_t size() const { return used_; }

   private:
    static constexpr size_t kInline = 32;
    struct Entry {
      uint64_t hash = 0, tag = 0;
      uint32_t index = 0, generation = 0;  // live while generation equals generation_
      uint32_t length = 0, offset = 0;     // offset in arena_ when longer than kInline
      char text[kInline] = {};
    };
    static_assert(sizeof(Entry) == 64);
    bool Same(const Entry& e, uint64_t tag, std::string_view value, uint64_t hash) const;
    void Grow();
    HugeTable<Entry> table_;  // zero: dead (generation 0)
    std::string arena_;
    size_t used_ = 0;
    uint32_t generation_ = 1;
  };

  // Starts a new stamp: tags of the old one no longer count.
  void Restamp();
  Occurrence Repeat(size_t i, double score);

  // The findings of this report, by location and detector and value.
  KeyTable slots_;
  // Unique across aggregators (a global counter); changes whenever the
  // location does or `out` is cleared. A tag is (stamp << kTagIndexBits) |
  // (index + 1).
  uint64_t stamp_ = 0;
  static constexpr int kTagIndexBits = 24;
  static constexpr uint64_t kTagIndexMask = (uint64_t{1} << kTagIndexBits) - 1;
  // Location ids of this report: the last location, and every one by key.
  Location last_where_;
  bool where_known_ = false;
  uint32_t location_ = 0;
  std::unordered_map<std::string, uint32_t> locations_;
  std::string location_key_;  // reused buffer
  size_t seen_size_ = 0;
  // By index in `out`: the best score so far, and occurrences not yet
  // added to the Finding's count (Settle).
  std::vector<double> best_;
  std::vector<uint64_t> pending_;
  bool any_pending_ = false;
};

// Appends the findings of `detections` to `out`; with `aggregator`, an
// occurrence of a value already in `out` at the same location counts there.
// `tags`, empty or one per detection, are the callers' words for
// FindingAggregator::Slot.
void MakeFindings(const std::vector<rules::DetectorSpec>& specs, std::string_view text,
                  const SegmentInfo& info, std::span<const Detection> detections,
                  const FindingOptions& options, std::vector<Finding>& out,
                  FindingAggregator* aggregator = nullptr, std::span<uint64_t> tags = {});

}  // namespace piiscan::detectors
