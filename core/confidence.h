#pragma once
// The three confidence levels of the output contract, and the mapping from a
// detector's 0..1 score to them (thresholds from docs/detectors.md:
// >= 0.80 likely -> high, >= 0.50 possible -> medium, below -> low).

#include <optional>
#include <string_view>

namespace piiscan {

enum class Confidence { kLow = 0, kMedium = 1, kHigh = 2 };

std::string_view ConfidenceName(Confidence c);
std::optional<Confidence> ParseConfidence(std::string_view name);
Confidence ConfidenceFromScore(double score);

}  // namespace piiscan
