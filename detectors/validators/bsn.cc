#include "detectors/validators/bsn.h"

namespace piiscan::detectors {

bool BsnChecksumOk(std::string_view d) {
  if (d.size() != 9) return false;
  static constexpr int kWeights[9] = {9, 8, 7, 6, 5, 4, 3, 2, -1};
  int sum = WeightedSum(d, kWeights, 9);
  return sum > 0 && sum % 11 == 0;
}

std::optional<Validated> ValidateBsn(std::string_view raw) {
  std::string d = DigitsOf(raw);
  if (d.size() == 8) d = "0" + d;
  if (d.size() != 9 || d == "000000000") return std::nullopt;
  if (!BsnChecksumOk(d)) return std::nullopt;
  Validated v;
  v.value = d;
  bool same = d.find_first_not_of(d[0]) == std::string::npos;
  if (same) {
    v.score_delta = -0.3;
    v.note = "repeated digits";
  }
  return v;
}

}  // namespace piiscan::detectors
