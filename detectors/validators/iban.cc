#include "detectors/validators/iban.h"

#include <cctype>
#include <map>

namespace piiscan::detectors {

int IbanLength(std::string_view country) {
  // SWIFT IBAN registry: EU/EEA, SEPA members and territories with own codes.
  static const std::map<std::string_view, int> kLengths = {
      {"AD", 24}, {"AT", 20}, {"BE", 16}, {"BG", 22}, {"CH", 21}, {"CY", 28}, {"CZ", 24},
      {"DE", 22}, {"DK", 18}, {"EE", 20}, {"ES", 24}, {"FI", 18}, {"FO", 18}, {"FR", 27},
      {"GB", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27}, {"HR", 21}, {"HU", 28}, {"IE", 22},
      {"IS", 26}, {"IT", 27}, {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21}, {"MC", 27},
      {"MT", 31}, {"NL", 18}, {"NO", 15}, {"PL", 28}, {"PT", 25}, {"RO", 24}, {"SE", 24},
      {"SI", 19}, {"SK", 24}, {"SM", 27}, {"VA", 22}, {"TR", 26}, {"UA", 29}, {"RS", 22},
      {"ME", 22}, {"MK", 19}, {"AL", 28}, {"BA", 20}, {"XK", 20}, {"MD", 24}, {"GE", 22},
  };
  auto it = kLengths.find(country);
  return it == kLengths.end() ? 0 : it->second;
}

std::optional<Validated> ValidateIban(std::string_view raw) {
  if (raw.size() < 4) return std::nullopt;
  std::string country{static_cast<char>(std::toupper(static_cast<unsigned char>(raw[0]))),
                      static_cast<char>(std::toupper(static_cast<unsigned char>(raw[1])))};
  int len = IbanLength(country);
  if (len == 0) return std::nullopt;
  // Take exactly `len` alphanumerics from the raw text; the pattern may have
  // run on into following capitals.
  std::string compact;
  size_t used = 0;
  for (; used < raw.size() && static_cast<int>(compact.size()) < len; ++used) {
    unsigned char c = static_cast<unsigned char>(raw[used]);
    if (std::isalnum(c)) {
      compact += static_cast<char>(std::toupper(c));
    } else if (c != ' ') {
      return std::nullopt;
    }
  }
  if (static_cast<int>(compact.size()) != len) return std::nullopt;
  if (!std::isdigit(static_cast<unsigned char>(compact[2])) ||
      !std::isdigit(static_cast<unsigned char>(compact[3]))) {
    return std::nullopt;
  }
  if (country == "NL") {
    for (int i = 4; i < 8; ++i) {
      if (!std::isalpha(static_cast<unsigned char>(compact[i]))) return std::nullopt;
    }
    for (int i = 8; i < 18; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(compact[i]))) return std::nullopt;
    }
  }
  std::string rearranged = compact.substr(4) + compact.substr(0, 4);
  if (Mod97(rearranged) != 1) return std::nullopt;
  Validated v;
  v.value = compact;
  v.raw_length = used;
  return v;
}

}  // namespace piiscan::detectors
