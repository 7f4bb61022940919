#include "detectors/validators/phone_nl.h"

#include <string_view>

namespace piiscan::detectors {
namespace {

// Geographic area codes (without the trunk 0): the 2-digit ones, and every
// 3-digit one; the rest of the 9-digit number is the subscriber number.
bool GeographicNsn(const std::string& n) {
  static constexpr std::string_view kTwo[] = {"10", "13", "15", "20", "23", "24", "26", "30",
                                              "33", "35", "36", "38", "40", "43", "45", "46",
                                              "50", "53", "55", "58", "70", "71", "72", "73",
                                              "74", "75", "76", "77", "78", "79"};
  static constexpr std::string_view kThree[] = {
      "111", "113", "114", "115", "117", "118", "161", "162", "164", "165", "166", "167", "168",
      "172", "174", "180", "181", "182", "183", "184", "186", "187", "222", "223", "224", "226",
      "227", "228", "229", "251", "252", "255", "294", "297", "299", "313", "314", "315", "316",
      "317", "318", "320", "321", "341", "342", "343", "344", "345", "346", "347", "348", "411",
      "412", "413", "416", "418", "475", "478", "481", "485", "486", "487", "488", "492", "493",
      "495", "497", "499", "511", "512", "513", "514", "515", "516", "517", "518", "519", "521",
      "522", "523", "524", "525", "527", "528", "529", "541", "543", "544", "545", "546", "547",
      "548", "561", "562", "566", "570", "571", "572", "573", "575", "577", "578", "591", "592",
      "593", "594", "595", "596", "597", "598", "599"};
  std::string_view v(n);
  for (auto p : kTwo) {
    if (v.starts_with(p)) return true;
  }
  for (auto p : kThree) {
    if (v.starts_with(p)) return true;
  }
  return false;
}

bool ValidNsn(const std::string& n) {
  if (n.empty() || n[0] == '0') return false;
  bool service = n.starts_with("800") || n.starts_with("900") || n.starts_with("906") ||
                 n.starts_with("909");
  if (service) return n.size() == 7 || n.size() == 10;
  if (n.size() != 9) return false;
  if (n[0] == '6') return (n[1] >= '1' && n[1] <= '5') || n[1] == '8';
  if (n[0] == '8') return n[1] == '4' || n[1] == '5' || n[1] == '7' || n[1] == '8';
  return GeographicNsn(n);
}

}  // namespace

namespace {

// "01-12-2024 14:30": a day-first date (and the hour after it) is not a
// phone number, although its digits can form a valid one.
bool LooksLikeDate(std::string_view raw) {
  auto digit = [&](size_t i) { return i < raw.size() && raw[i] >= '0' && raw[i] <= '9'; };
  auto sep = [&](size_t i) { return i < raw.size() && (raw[i] == '-' || raw[i] == '.' || raw[i] == '/'); };
  if (!(digit(0) && digit(1) && sep(2) && digit(3) && digit(4) && sep(5) && digit(6) && digit(7) &&
        digit(8) && digit(9))) {
    return false;
  }
  int day = (raw[0] - '0') * 10 + (raw[1] - '0'), month = (raw[3] - '0') * 10 + (raw[4] - '0');
  bool year = (raw[6] == '1' && raw[7] == '9') || (raw[6] == '2' && raw[7] == '0');
  return day >= 1 && day <= 31 && month >= 1 && month <= 12 && year;
}

}  // namespace

std::optional<Validated> ValidatePhoneNl(std::string_view raw) {
  if (LooksLikeDate(raw)) return std::nullopt;
  // "(0)" after a country code is a trunk prefix to drop, not a digit.
  std::string cleaned;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw.substr(i, 3) == "(0)") {
      i += 2;
      continue;
    }
    cleaned += raw[i];
  }
  std::string d = DigitsOf(cleaned);
  bool plus = !raw.empty() && raw[0] == '+';
  std::string nsn;
  if (plus) {
    if (!d.starts_with("31")) return std::nullopt;
    nsn = d.substr(2);
  } else if (d.starts_with("0031")) {
    nsn = d.substr(4);
  } else if (d.starts_with("0") && !d.starts_with("00")) {
    nsn = d.substr(1);
  } else {
    return std::nullopt;
  }
  if (!ValidNsn(nsn)) return std::nullopt;
  Validated v;
  v.value = "+31" + nsn;
  if (nsn[0] == '6') {
    v.score_delta = 0.1;  // mobile: nearly always one person's number
  } else if (nsn.starts_with("800") || nsn.starts_with("900") || nsn.starts_with("88") ||
             nsn.starts_with("85")) {
    v.score_delta = -0.2;  // service and company numbers: organisational
    v.note = "organisation or service number";
  }
  return v;
}

}  // namespace piiscan::detectors
