#include "detectors/validators/iban.h"

#include <array>

namespace piiscan::detectors {
namespace {

inline bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline char AsciiUpper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

}  // namespace

int IbanLength(std::string_view country) {
  // The SWIFT IBAN registry (ISO 13616), every country in it: a valid IBAN
  // of any country is a bank account of a person or an organisation, and
  // one rule for all (length, shape, mod 97) beats a hand-picked list.
  struct Entry {
    const char code[3];
    int length;
  };
  static constexpr Entry kLengths[] = {
      {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
      {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24},
      {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18},
      {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27},
      {"GT", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27},
      {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20},
      {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20}, {"MR", 27},
      {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24}, {"PL", 28},
      {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24}, {"SC", 31},
      {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25}, {"SV", 28},
      {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20}, {"YE", 30},
  };
  // By the two letters: every candidate asks, most are no IBAN.
  static const auto kTable = [] {
    std::array<uint8_t, 26 * 26> t{};
    for (const auto& e : kLengths) t[(e.code[0] - 'A') * 26 + (e.code[1] - 'A')] = static_cast<uint8_t>(e.length);
    return t;
  }();
  if (country.size() != 2 || !IsUpper(country[0]) || !IsUpper(country[1])) return 0;
  return kTable[(country[0] - 'A') * 26 + (country[1] - 'A')];
}

std::optional<Validated> ValidateIban(std::string_view raw) {
  if (raw.size() < 4) return std::nullopt;
  const char country[2] = {AsciiUpper(raw[0]), AsciiUpper(raw[1])};
  const int len = IbanLength(std::string_view(country, 2));
  if (len == 0) return std::nullopt;
  // Take exactly `len` alphanumerics from the raw text; the pattern may have
  // run on into following capitals.
  char compact[34];
  int n = 0;
  size_t used = 0;
  for (; used < raw.size() && n < len; ++used) {
    char c = AsciiUpper(raw[used]);
    if (IsUpper(c) || IsDigit(c)) {
      compact[n++] = c;
    } else if (c != ' ' || n % 4 != 0) {
      // Printed IBANs are grouped by four (ISO 13616): a space elsewhere
      // means words ran together ("be16 and be32 types").
      return std::nullopt;
    }
  }
  if (n != len) return std::nullopt;
  if (!IsDigit(compact[2]) || !IsDigit(compact[3])) return std::nullopt;
  if (country[0] == 'N' && country[1] == 'L') {
    for (int i = 4; i < 8; ++i) {
      if (!IsUpper(compact[i])) return std::nullopt;
    }
    for (int i = 8; i < 18; ++i) {
      if (!IsDigit(compact[i])) return std::nullopt;
    }
  }
  Validated v;
  v.raw_length = used;
  // ISO 13616: the first four characters moved to the end.
  std::string_view iban(compact, static_cast<size_t>(n));
  if (Mod97(iban.substr(0, 4), Mod97(iban.substr(4))) != 1) {
    // The right country, length and shape but a wrong check: a mistyped
    // IBAN. Its digits are no phone, card or BSN number; it takes its span
    // so that no other detector reports them, and is not reported itself.
    v.claim_only = true;
    return v;
  }
  v.value = iban;
  return v;
}

}  // namespace piiscan::detectors
