#pragma once
// The short context shown with a DSAR hit ("… betaling van [J** d* V****]
// op NL91 **** **** **** 4300 …"). A DSAR copy goes to the subject, so it
// must not leak anyone else: every value the detectors find in the snippet
// that is not the subject's is masked, always. The subject's own values
// (the hits) are shown only with --show-values, masked otherwise. A value
// that crosses the snippet's edge widens the snippet rather than being cut
// (a cut value would show part of it unmasked).
// Pure function; thread-safe.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "detectors/detection.h"
#include "dsar/person_matcher.h"
#include "rules/detector_spec.h"

namespace piiscan::dsar {

// Bytes of context on each side of a hit.
inline constexpr uint64_t kSnippetContext = 60;

// `hits` and `detections` are all of the segment's (offsets in `text`).
std::string MakeSnippet(std::string_view text, const PersonHit& hit, std::span<const PersonHit> hits,
                        std::span<const detectors::Detection> detections, const std::vector<rules::DetectorSpec>& specs,
                        bool show_values);

}  // namespace piiscan::dsar
