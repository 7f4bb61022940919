#include "detectors/finding_maker.h"

#include <algorithm>

#include "core/line_count.h"
#include "detectors/masking.h"

namespace piiscan::detectors {

void MakeFindings(const std::vector<rules::DetectorSpec>& specs, std::string_view text,
                  const SegmentInfo& info, std::span<const Detection> detections,
                  const FindingOptions& options, std::vector<Finding>& out) {
  uint64_t line = info.base_line;
  uint64_t counted = 0;
  for (const auto& d : detections) {
    Confidence conf = ConfidenceFromScore(d.score);
    if (conf < options.min_confidence) continue;
    const auto& spec = specs[d.spec];
    Finding f;
    f.detector = spec.id;
    f.category = spec.category;
    f.confidence = conf;
    f.score = d.score;
    f.masked = Mask(d.value, spec.masker);
    f.value_hash = options.hasher->Hash(spec.category + ":" + d.value);
    if (options.show_values) f.value = d.value;
    if (info.has_offsets) f.offset = info.base_offset + d.begin;
    if (info.has_lines && info.lines != nullptr) {
      f.line = info.lines->LineAt(info.base_offset + std::min<uint64_t>(d.begin, text.size()));
    } else if (info.has_lines) {
      uint64_t upto = std::min<uint64_t>(d.begin, text.size());
      if (upto > counted) {
        line += CountNewlines(text.substr(counted, upto - counted));
        counted = upto;
      }
      f.line = line;
    }
    if (info.page > 0) f.page = info.page;
    f.note = d.note;
    out.push_back(std::move(f));
  }
}

}  // namespace piiscan::detectors
