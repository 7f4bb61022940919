#include "detectors/validators/kvk.h"

namespace piiscan::detectors {

bool KvkPatternOk(std::string_view d) {
  static constexpr int kWeights8[8] = {8, 7, 6, 5, 4, 3, 2, 1};
  static constexpr int kWeights12[12] = {12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
  if (d.size() == 8) return WeightedSum(d, kWeights8, 8) % 11 == 0;
  if (d.size() == 12) return WeightedSum(d, kWeights12, 12) % 11 == 0;
  return false;
}

std::optional<Validated> ValidateKvk(std::string_view raw) {
  std::string d = DigitsOf(raw);
  if (d.size() != 8 && d.size() != 12) return std::nullopt;
  if (d.find_first_not_of(d[0]) == std::string::npos) return std::nullopt;  // 00000000
  if (d.size() == 8 && d[0] == '0') return std::nullopt;  // KvK numbers have no leading zero
  Validated v;
  v.value = d;
  if (KvkPatternOk(d)) v.score_delta = 0.05;
  if (d.size() == 12) v.note = "vestigingsnummer (branch number)";
  return v;
}

}  // namespace piiscan::detectors
