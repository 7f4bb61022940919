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
  Validated v;
  v.value = c;
  // Letters in lower case ("5086 db") are how people type a postcode in a
  // form or a mail, but also how a year or amount runs into a word ("2019
  // in", "1500 en"): a common two-letter word is not a postcode, any other
  // pair is weaker evidence, like a unit (address context makes it medium).
  static constexpr std::string_view kUnits[] = {
      "MB", "GB", "KB", "TB", "PB", "KG", "MG", "ML", "CL", "DL", "CM", "MM", "KM", "PK",
      "KW", "MW", "GW", "HZ", "BV", "NV", "EU", "CC", "PC", "ST", "EX", "BC", "AD", "VA", "DB"};
  const bool lower = raw[raw.size() - 2] >= 'a' || raw[raw.size() - 1] >= 'a';
  if (lower) {
    // Units of measure are written in lower case ("1000 ms", "1920 px",
    // "500 mb"); "db", "bv" or "cc" are also letter pairs of real postcodes.
    static constexpr std::string_view kLowerUnits[] = {
        "MS", "NS", "PX", "PT", "HZ", "KB", "MB", "GB", "TB", "KG", "MG", "ML", "CL", "DL",
        "CM", "MM", "KM", "KW", "MW", "GW", "MV"};
    for (auto u : kLowerUnits) {
      if (letters == u) return std::nullopt;
    }
    static constexpr std::string_view kWords[] = {
        "AD", "AL", "AM", "AN", "AS", "AT", "BE", "BY", "CA", "DA", "DE", "DI", "DO", "DU", "EH", "EL",
        "EN", "ER", "ET", "EX", "GO", "HA", "HE", "HI", "IK", "IF", "IN", "IS", "IT", "JA", "JE", "LA",
        "LE", "MA", "ME", "MY", "NA", "NO", "NU", "OF", "OH", "OK", "OM", "ON", "OP", "OR", "PM", "SO",
        "TE", "TO", "UM", "UN", "UP", "US", "UW", "VR", "VS", "WE", "WO", "ZA", "ZE", "ZO"};
    for (auto w : kWords) {
      if (letters == w) return std::nullopt;
    }
    v.score_delta = -0.25;
    v.note = "letters in lower case";
    return v;
  }

  for (auto u : kUnits) {
    if (letters == u) {
      v.score_delta = -0.25;
      v.note = "letters are also a unit or abbreviation";
    }
  }
  return v;
}

}  // namespace piiscan::detectors
