#include "detectors/validators/creditcard.h"

#include <array>

namespace piiscan::detectors {
namespace {

struct IinRange {
  std::string_view brand;
  int lo, hi;        // prefix range, inclusive, compared on `digits` leading digits
  int digits;        // how many leading digits lo/hi have
  int min_len, max_len;
};

// From the public card-type tables (docs/detectors.md). Order: the
// more specific ranges first.
constexpr std::array<IinRange, 17> kRanges = {{
    {"mir", 2200, 2204, 4, 16, 19},
    {"mastercard", 2221, 2720, 4, 16, 16},
    {"mastercard", 51, 55, 2, 16, 16},
    {"amex", 34, 34, 2, 15, 15},
    {"amex", 37, 37, 2, 15, 15},
    {"diners", 300, 305, 3, 14, 19},
    {"diners", 36, 36, 2, 14, 19},
    {"diners", 38, 39, 2, 14, 19},
    {"jcb", 3528, 3589, 4, 16, 19},
    {"discover", 6011, 6011, 4, 16, 19},
    {"discover", 644, 649, 3, 16, 19},
    {"discover", 65, 65, 2, 16, 19},
    {"unionpay", 62, 62, 2, 14, 19},
    {"maestro", 50, 50, 2, 12, 19},
    {"maestro", 56, 59, 2, 12, 19},
    {"maestro", 63, 63, 2, 12, 19},
    {"maestro", 67, 67, 2, 12, 19},
}};

int Prefix(std::string_view d, int n) {
  int v = 0;
  for (int i = 0; i < n; ++i) v = v * 10 + (d[static_cast<size_t>(i)] - '0');
  return v;
}

}  // namespace

bool LuhnOk(std::string_view d) {
  int sum = 0;
  bool dbl = false;
  for (size_t i = d.size(); i-- > 0;) {
    int x = d[i] - '0';
    if (dbl) {
      x *= 2;
      if (x > 9) x -= 9;
    }
    sum += x;
    dbl = !dbl;
  }
  return !d.empty() && sum % 10 == 0;
}

std::string_view CardBrand(std::string_view d) {
  int len = static_cast<int>(d.size());
  if (d.size() < 12) return {};
  if (d[0] == '4') return (len == 13 || len == 16 || len == 18 || len == 19) ? "visa" : "";
  for (const auto& r : kRanges) {
    int p = Prefix(d, r.digits);
    if (p >= r.lo && p <= r.hi && len >= r.min_len && len <= r.max_len) return r.brand;
  }
  return {};
}

std::optional<Validated> ValidateCreditCard(std::string_view raw) {
  std::string d = DigitsOf(raw);
  if (d.size() < 12 || d.size() > 19) return std::nullopt;
  if (d.find_first_not_of(d[0]) == std::string::npos) return std::nullopt;
  if (!LuhnOk(d)) return std::nullopt;
  std::string_view brand = CardBrand(d);
  if (brand.empty()) return std::nullopt;
  Validated v;
  v.value = d;
  v.note = std::string(brand);
  static constexpr std::string_view kTestNumbers[] = {
      "4111111111111111", "4242424242424242", "4012888888881881", "5555555555554444",
      "5105105105105100", "378282246310005",  "371449635398431",  "6011111111111117",
      "3530111333300000", "4000056655665556", "5200828282828210", "30569309025904"};
  for (auto t : kTestNumbers) {
    if (d == t) {
      v.score_delta = -0.45;  // documentation value: report, but low
      v.note = "known test number (" + std::string(brand) + ")";
    }
  }
  // A 16-digit run without separators is as often a payment reference.
  bool separated = raw.find_first_of(" -") != std::string_view::npos;
  if (!separated && v.score_delta == 0) v.score_delta = -0.1;
  return v;
}

}  // namespace piiscan::detectors
