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
#include <utility>
#include <vector>

#include "core/finding.h"
#include "core/keyed_hash.h"
#include "core/segment.h"
#include "detectors/detection.h"
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
  // The index in `out` of the Finding for this detector and value at the
  // current location, and false; or, when there is none yet, `next` (where
  // the caller appends it) and true.
  std::pair<size_t, bool> Slot(size_t spec, std::string_view value, size_t next);
  // After MakeFindings: how many findings `out` held.
  void EndSegment(const std::vector<Finding>& out) { seen_size_ = out.size(); }

  // What a Finding derives from its detector and value alone: kept for the
  // whole file, across the parts its report is handed on in, so that a
  // value recurring in every part is masked and hashed once.
  struct Derived {
    std::string masked, value_hash, name_tokens;
    int64_t name_key = 0;
  };
  // The derived fields of (spec, value) in this file, or null.
  const Derived* FindDerived(size_t spec, std::string_view value);
  // Keeps them (after a FindDerived that returned null, same arguments).
  void KeepDerived(size_t spec, std::string_view value, Derived derived);

 private:
  // Forgets the findings of the report handed on, keeps Derived.
  void ForgetSlots();
  // An open-addressing table over keys kept back to back in one arena: most
  // values of a scan are new, and a node and a string per new value (a
  // std::unordered_map) cost 10% of a four-identifier scan's wall time.
  // Entries of earlier files are dead by generation, not cleared, so a new
  // file costs nothing however large the table grew.
  struct Entry {
    uint64_t hash = 0;
    uint32_t offset = 0, length = 0;  // the key in arena_
    uint32_t index = 0;               // in `out`
    uint32_t generation = 0;          // live while equal to generation_
  };
  void Grow();
  std::string location_key_;
  std::string key_;    // reused buffer
  std::string arena_;  // this file's keys
  std::vector<Entry> table_;
  size_t used_ = 0;
  uint32_t generation_ = 1;
  size_t seen_size_ = 0;
  // Derived fields by (spec, value): keys back to back in derived_keys_,
  // open addressing over derived_; bounded by kMaxDerived (then forgotten).
  struct DerivedEntry {
    uint64_t hash = 0;
    uint32_t offset = 0, length = 0;  // the key in derived_keys_
    uint32_t index = 0;               // in derived_, +1 (0: empty slot)
  };
  std::string derived_keys_;
  std::vector<DerivedEntry> derived_table_;
  std::vector<Derived> derived_;
  uint64_t derived_hash_ = 0;  // of the last FindDerived
};

// Appends the findings of `detections` to `out`; with `aggregator`, an
// occurrence of a value already in `out` at the same location counts there.
void MakeFindings(const std::vector<rules::DetectorSpec>& specs, std::string_view text,
                  const SegmentInfo& info, std::span<const Detection> detections,
                  const FindingOptions& options, std::vector<Finding>& out,
                  FindingAggregator* aggregator = nullptr);

}  // namespace piiscan::detectors
