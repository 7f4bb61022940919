#pragma once
// The audit's trends over the completed scans of a findings store (`piiscan
// audit --db`): per register system and category, how many findings and how
// many of them are evidence of a gap, at each completed scan; and what is
// new or resolved since the previous completed scan.
//
//   TrendBuilder b(reg, min_confidence, points, completed_scans);
//   for each FindingGroup of the store: b.AddGroup(...);   // any order
//   b.SetBase(previous);  for each change since it: b.AddChange(added, finding);
//   AuditTrends t = std::move(b).Finish();
//
// A finding counts at a point (a completed scan s) when first_scan <= s and
// it was not resolved in a scan <= s. It is attributed to a system and
// judged as the audit does (audit/register_match.h); the gaps counted are
// the category and location gaps (undeclared_location, undeclared_category,
// special_category, bsn_without_basis, id_copy) — retention depends on the
// day the audit is run, not on the scan, and is left out. Memory grows with
// points x (system, category) pairs and the capped change rows, not with
// the number of findings. Not thread-safe: one builder per thread.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/confidence.h"
#include "core/finding.h"
#include "rules/register.h"

namespace piiscan::audit {

// A completed scan of the store: one point of the trends.
struct TrendPoint {
  int64_t scan = 0;  // the store's number of the scan
  std::string scan_id;
  int64_t started_unix_ms = 0;
};

struct TrendSeries {
  std::string system;  // register id; "" = no system's locations cover the files
  std::string category;
  std::vector<uint64_t> findings;  // per point
  std::vector<uint64_t> gaps;      // per point: findings that are evidence of a gap
};

// Per system and category: changes since the previous completed scan.
struct ChangeCount {
  std::string system;
  std::string category;
  uint64_t added = 0;
  uint64_t resolved = 0;
};

// One new or resolved finding, masked as the report shows it.
struct ChangedFinding {
  bool added = true;  // false: resolved
  std::string file;
  Location location;
  std::string detector;
  std::string category;
  std::string masked;
  std::string system;
  std::string gap;  // the gap kind it is (was) evidence for, "" when none
};

struct AuditTrends {
  std::vector<TrendPoint> points;        // oldest first
  uint64_t completed_scans = 0;          // in the store; points are the last of them
  std::vector<TrendSeries> series;       // by system (register order, "" last), then category
  std::vector<uint64_t> total_findings;  // per point
  std::vector<uint64_t> total_gaps;      // per point
  std::optional<TrendPoint> base;        // the previous completed scan; none with one point
  std::vector<ChangeCount> changes;      // by system, then category
  uint64_t added = 0;
  uint64_t resolved = 0;
  std::vector<ChangedFinding> changed;  // new first, then resolved; capped
  bool changed_truncated = false;
};

class TrendBuilder {
 public:
  // `reg` must outlive the builder; `points` oldest first.
  TrendBuilder(const rules::Register& reg, Confidence min_confidence,
               std::vector<TrendPoint> points, uint64_t completed_scans, size_t max_changed = 1000);
  ~TrendBuilder();
  TrendBuilder(const TrendBuilder&) = delete;
  TrendBuilder& operator=(const TrendBuilder&) = delete;

  // `findings` findings of `file` and `category`, present from scan
  // `first_scan` until `resolved_in_scan` (excluded; none: still current).
  void AddGroup(const std::string& file, const std::string& category, Confidence confidence,
                int64_t first_scan, std::optional<int64_t> resolved_in_scan, uint64_t findings);

  // The changes are counted against `base` (the previous completed scan).
  void SetBase(TrendPoint base);
  void AddChange(bool added, const Finding& finding);

  AuditTrends Finish() &&;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace piiscan::audit
