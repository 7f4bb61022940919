#pragma once
// Turns the engine's detections in one text segment into output Findings:
// masks the value, hashes it with the user's key, keeps the raw value only
// when asked (--show-values), applies --min-confidence, and works out line
// and offset in the source.

#include <span>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/keyed_hash.h"
#include "core/segment.h"
#include "detectors/detection.h"
#include "rules/detector_spec.h"

namespace piiscan::detectors {

struct FindingOptions {
  bool show_values = false;
  Confidence min_confidence = Confidence::kLow;
  const KeyedHasher* hasher = nullptr;  // required
};

void MakeFindings(const std::vector<rules::DetectorSpec>& specs, std::string_view text,
                  const SegmentInfo& info, std::span<const Detection> detections,
                  const FindingOptions& options, std::vector<Finding>& out);

}  // namespace piiscan::detectors
