#include <cctype>

#include "detectors/validators/validator.h"

namespace piiscan::detectors {

std::string DigitsOf(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out;
}

std::string UpperAlnumOf(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

int WeightedSum(std::string_view digits, const int* weights, size_t n) {
  int sum = 0;
  for (size_t i = 0; i < n && i < digits.size(); ++i) sum += (digits[i] - '0') * weights[i];
  return sum;
}

int Mod97(std::string_view alnum, int r) {
  for (char c : alnum) {
    if (c >= '0' && c <= '9') {
      r = (r * 10 + (c - '0')) % 97;
    } else if (c >= 'A' && c <= 'Z') {
      r = (r * 100 + (c - 'A' + 10)) % 97;
    } else {
      return -1;
    }
  }
  return r;
}

}  // namespace piiscan::detectors
