#include "core/confidence.h"

namespace piiscan {

std::string_view ConfidenceName(Confidence c) {
  switch (c) {
    case Confidence::kLow: return "low";
    case Confidence::kMedium: return "medium";
    case Confidence::kHigh: return "high";
  }
  return "low";
}

std::optional<Confidence> ParseConfidence(std::string_view name) {
  if (name == "low") return Confidence::kLow;
  if (name == "medium") return Confidence::kMedium;
  if (name == "high") return Confidence::kHigh;
  return std::nullopt;
}

Confidence ConfidenceFromScore(double score) {
  if (score >= 0.80) return Confidence::kHigh;
  if (score >= 0.50) return Confidence::kMedium;
  return Confidence::kLow;
}

}  // namespace piiscan
