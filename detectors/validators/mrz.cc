#include "detectors/validators/mrz.h"

#include <chrono>
#include <cstdio>

#include "detectors/validators/birth_date.h"
#include "detectors/validators/bsn.h"

namespace piiscan::detectors {
namespace {

bool MrzChars(std::string_view s) {
  for (char c : s) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<')) return false;
  }
  return true;
}

bool CheckOk(std::string_view field, char check) {
  int want = check == '<' ? 0 : check - '0';
  if (check != '<' && (check < '0' || check > '9')) return false;
  return MrzCheckDigit(field) == want;
}

std::string StripFiller(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '<') out += c;
  }
  return out;
}

// YYMMDD of a birth date -> ISO; the century is the latest not in the future.
std::string BirthIso(std::string_view yymmdd) {
  for (char c : yymmdd) {
    if (c < '0' || c > '9') return {};
  }
  int yy = (yymmdd[0] - '0') * 10 + (yymmdd[1] - '0');
  int mm = (yymmdd[2] - '0') * 10 + (yymmdd[3] - '0');
  int dd = (yymmdd[4] - '0') * 10 + (yymmdd[5] - '0');
  auto today = std::chrono::year_month_day(
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
  int now = static_cast<int>(today.year());
  int y = 2000 + yy <= now ? 2000 + yy : 1900 + yy;
  if (!DateExists(y, mm, dd)) return {};
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mm, dd);
  return buf;
}

MrzField Field(std::string value, size_t line, size_t offset, size_t length) {
  return MrzField{std::move(value), line, offset, length};
}

// The BSN in an optional-data field: 9 leading digits passing the 11-test.
MrzField BsnIn(std::string_view field, size_t line, size_t offset) {
  std::string digits;
  size_t i = 0;
  while (i < field.size() && field[i] >= '0' && field[i] <= '9') digits += field[i++];
  if (digits.size() == 9 && (i == field.size() || field[i] == '<') && BsnChecksumOk(digits)) {
    return Field(digits, line, offset, 9);
  }
  return {};
}

}  // namespace

int MrzCheckDigit(std::string_view field) {
  static constexpr int kWeights[3] = {7, 3, 1};
  int sum = 0;
  for (size_t i = 0; i < field.size(); ++i) {
    char c = field[i];
    int v;
    if (c >= '0' && c <= '9') v = c - '0';
    else if (c >= 'A' && c <= 'Z') v = c - 'A' + 10;
    else if (c == '<') v = 0;
    else return -1;
    sum += v * kWeights[i % 3];
  }
  return sum % 10;
}

std::optional<Mrz> ParseMrz(std::string_view l1, std::string_view l2, std::string_view l3) {
  Mrz m;
  if (l3.empty() && l1.size() == 44 && l2.size() == 44) {
    if (!MrzChars(l1) || !MrzChars(l2) || l1[0] != 'P') return std::nullopt;
    if (!CheckOk(l2.substr(0, 9), l2[9]) || !CheckOk(l2.substr(13, 6), l2[19])) return std::nullopt;
    m.type = "TD3";
    std::string doc = StripFiller(l2.substr(0, 9));
    m.document_number = Field(doc, 1, 0, doc.size());
    std::string dob = BirthIso(l2.substr(13, 6));
    if (!dob.empty()) m.birth_date = Field(dob, 1, 13, 6);
    if (CheckOk(l2.substr(28, 14), l2[42])) m.bsn = BsnIn(l2.substr(28, 14), 1, 28);
    std::string composite = std::string(l2.substr(0, 10)) + std::string(l2.substr(13, 7)) +
                            std::string(l2.substr(21, 22));
    m.composite_ok = CheckOk(composite, l2[43]);
    return m;
  }
  if (l1.size() == 30 && l2.size() == 30 && l3.size() == 30) {
    if (!MrzChars(l1) || !MrzChars(l2) || !MrzChars(l3)) return std::nullopt;
    if (l1[0] != 'I' && l1[0] != 'A' && l1[0] != 'C') return std::nullopt;
    if (!CheckOk(l1.substr(5, 9), l1[14]) || !CheckOk(l2.substr(0, 6), l2[6])) return std::nullopt;
    m.type = "TD1";
    std::string doc = StripFiller(l1.substr(5, 9));
    m.document_number = Field(doc, 0, 5, doc.size());
    std::string dob = BirthIso(l2.substr(0, 6));
    if (!dob.empty()) m.birth_date = Field(dob, 1, 0, 6);
    m.bsn = BsnIn(l1.substr(15, 15), 0, 15);
    std::string composite = std::string(l1.substr(5, 25)) + std::string(l2.substr(0, 7)) +
                            std::string(l2.substr(8, 7)) + std::string(l2.substr(18, 11));
    m.composite_ok = CheckOk(composite, l2[29]);
    return m;
  }
  return std::nullopt;
}

std::optional<Validated> ValidateDocumentNumberNl(std::string_view raw) {
  if (raw.size() != 9) return std::nullopt;
  bool digit_inside = false;
  for (size_t i = 0; i < 9; ++i) {
    char c = raw[i];
    bool letter = c >= 'A' && c <= 'Z', digit = c >= '0' && c <= '9';
    if (c == 'O') return std::nullopt;
    if (i < 2 && !letter) return std::nullopt;
    if (i == 8 && !digit) return std::nullopt;
    if (!letter && !digit) return std::nullopt;
    if (i >= 2 && i < 8 && digit) digit_inside = true;
  }
  if (!digit_inside) return std::nullopt;
  Validated v;
  v.value = std::string(raw);
  if (raw.starts_with("SPECI")) {
    v.score_delta = -0.5;
    v.note = "specimen document number";
  }
  // The first letter names the document type (RvIG table 48).
  static constexpr std::string_view kTypes = "NIBDSRAX";
  if (kTypes.find(raw[0]) == std::string_view::npos) v.score_delta -= 0.1;
  return v;
}

}  // namespace piiscan::detectors
