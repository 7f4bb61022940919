#include "detectors/masking.h"

#include <charconv>

namespace piiscan::detectors {
namespace {

std::string KeepLast(std::string_view v, size_t keep) {
  if (v.size() <= keep) return std::string(v.size(), '*');
  return std::string(v.size() - keep, '*') + std::string(v.substr(v.size() - keep));
}

std::string MaskIban(std::string_view v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += ' ';
    out += (i < 4 || i + 4 >= v.size()) ? v[i] : '*';
  }
  return out;
}

std::string MaskEmail(std::string_view v) {
  auto at = v.find('@');
  if (at == std::string_view::npos || at == 0) return KeepLast(v, 0);
  return std::string(1, v[0]) + "***" + std::string(v.substr(at));
}

std::string MaskName(std::string_view v) {
  std::string out;
  bool word_start = true;
  for (size_t i = 0; i < v.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(v[i]);
    if (c == ' ' || c == '-' || c == '.' || c == ',' || c == '\'') {
      out += static_cast<char>(c);
      word_start = true;
    } else if (word_start) {
      out += static_cast<char>(c);
      // Keep a whole multi-byte first letter.
      while (i + 1 < v.size() && (static_cast<unsigned char>(v[i + 1]) & 0xC0) == 0x80) out += v[++i];
      word_start = false;
    } else if ((c & 0xC0) != 0x80) {
      out += '*';
    }
  }
  return out;
}

std::string MaskIp(std::string_view v) {
  char sep = v.find(':') != std::string_view::npos ? ':' : '.';
  std::string out;
  int parts = 0;
  for (char c : v) {
    if (c == sep) ++parts;
  }
  int keep = (parts + 1) / 2, seen = 0;
  for (char c : v) {
    if (c == sep) ++seen;
    out += (seen < keep || c == sep) ? c : '*';
  }
  return out;
}

}  // namespace

std::string Mask(std::string_view value, std::string_view masker) {
  if (masker == "iban") return MaskIban(value);
  if (masker == "email") return MaskEmail(value);
  if (masker == "name") return MaskName(value);
  if (masker == "ip") return MaskIp(value);
  if (masker == "term") return std::string(value);
  if (masker == "phone") {
    if (value.size() > 6 && value[0] == '+') {
      return std::string(value.substr(0, 4)) + std::string(value.size() - 6, '*') +
             std::string(value.substr(value.size() - 2));
    }
    return KeepLast(value, 2);
  }
  if (masker == "date") {
    std::string out(value);
    for (size_t i = 0; i < out.size(); ++i) {
      if (out[i] >= '0' && out[i] <= '9' && i >= 2) out[i] = '*';
    }
    return out;
  }
  if (masker.starts_with("keep_last")) {
    size_t keep = 3;
    if (auto colon = masker.find(':'); colon != std::string_view::npos) {
      std::from_chars(masker.data() + colon + 1, masker.data() + masker.size(), keep);
    }
    return KeepLast(value, keep);
  }
  // Unknown masker or keep_ends: first and last character.
  if (value.size() <= 4) return std::string(value.size(), '*');
  return std::string(1, value[0]) + std::string(value.size() - 2, '*') + value.back();
}

}  // namespace piiscan::detectors
