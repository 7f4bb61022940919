#include "detectors/validators/postcode.h"

namespace piiscan::detectors {

std::optional<Validated> ValidatePostcode(std::string_view raw) {
  std::string c = UpperAlnumOf(raw);
  if (c.size() != 6 || c[0] < '1' || c[0] > '9') return std::nullopt;
  for (int i = 1; i < 4; ++i) {
    if (c[i] < '0' || c[i] > '9') return std::nullopt;
  }
  if (c[4] < 'A' || c[4] > 'Z' || c[5] < 'A' || c[5] > 'Z') return std::nullopt;
  std::string_view letters = std::string_view(c).substr(4);
  if (letters == "SA" || letters == "SD" || letters == "SS") return std::nullopt;
  // The letters must be written as capitals: "1200 mb" is not an address.
  for (size_t i = raw.size() - 2; i < raw.size(); ++i) {
    if (raw[i] < 'A' || raw[i] > 'Z') return std::nullopt;
  }
  Validated v;
  v.value = c;
  static constexpr std::string_view kUnits[] = {
      "MB", "GB", "KB", "TB", "PB", "KG", "MG", "ML", "CL", "DL", "CM", "MM", "KM", "PK",
      "KW", "MW", "GW", "HZ", "BV", "NV", "EU", "CC", "PC", "ST", "EX", "BC", "AD", "VA", "DB"};
  for (auto u : kUnits) {
    if (letters == u) {
      v.score_delta = -0.25;
      v.note = "letters are also a unit or abbreviation";
    }
  }
  return v;
}

}  // namespace piiscan::detectors
