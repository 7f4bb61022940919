#include "detectors/validators/ip_address.h"

#include <arpa/inet.h>

#include <array>
#include <cstring>

namespace piiscan::detectors {

std::optional<Validated> ValidateIpv4(std::string_view raw) {
  std::array<int, 4> oct{};
  size_t i = 0;
  for (int k = 0; k < 4; ++k) {
    if (k > 0) {
      if (i >= raw.size() || raw[i] != '.') return std::nullopt;
      ++i;
    }
    size_t start = i;
    int v = 0;
    while (i < raw.size() && raw[i] >= '0' && raw[i] <= '9' && i - start < 3) v = v * 10 + (raw[i++] - '0');
    size_t len = i - start;
    if (len == 0 || (len > 1 && raw[start] == '0') || v > 255) return std::nullopt;
    oct[static_cast<size_t>(k)] = v;
  }
  if (i != raw.size()) return std::nullopt;
  Validated v;
  v.value = std::to_string(oct[0]) + "." + std::to_string(oct[1]) + "." + std::to_string(oct[2]) +
            "." + std::to_string(oct[3]);
  bool special = oct[0] == 10 || oct[0] == 127 || oct[0] == 0 || (oct[0] == 169 && oct[1] == 254) ||
                 (oct[0] == 172 && oct[1] >= 16 && oct[1] <= 31) || (oct[0] == 192 && oct[1] == 168) ||
                 (oct[0] == 100 && oct[1] >= 64 && oct[1] <= 127) ||
                 (oct[0] == 192 && oct[1] == 0 && oct[2] == 2) ||
                 (oct[0] == 198 && oct[1] == 51 && oct[2] == 100) ||
                 (oct[0] == 203 && oct[1] == 0 && oct[2] == 113) || oct[0] >= 224;
  if (special) {
    v.score_delta = -0.2;
    v.note = "private, loopback, documentation or multicast range";
  }
  // Small dotted numbers like 1.2.3.4 are far more often version or section
  // numbers than addresses.
  if (oct[0] < 10 && oct[1] < 10 && oct[2] < 10 && oct[3] < 10) v.score_delta = -0.3;
  return v;
}

std::optional<Validated> ValidateIpv6(std::string_view raw) {
  std::string s(raw);
  std::string zone;
  if (auto pct = s.find('%'); pct != std::string::npos) {
    zone = s.substr(pct);
    s.resize(pct);
  }
  // Trailing text the pattern may have taken: a colon that starts no group.
  while (!s.empty() && s.back() == ':' && !s.ends_with("::")) s.pop_back();
  size_t colons = 0;
  for (char c : s) colons += c == ':';
  if (colons < 2 || s.size() > 45) return std::nullopt;
  in6_addr addr{};
  if (inet_pton(AF_INET6, s.c_str(), &addr) != 1) return std::nullopt;
  // "::" alone, or a short run of 1-2 digit groups ("12::30") is not worth a finding.
  static const in6_addr kZero{};
  if (std::memcmp(&addr, &kZero, sizeof addr) == 0) return std::nullopt;
  bool has_hex_letter = false, long_group = false;
  size_t group = 0;
  for (char c : s) {
    if (c == ':') {
      group = 0;
      continue;
    }
    has_hex_letter |= (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    long_group |= ++group >= 3;
  }
  if (!has_hex_letter && !long_group) return std::nullopt;
  char buf[INET6_ADDRSTRLEN];
  if (inet_ntop(AF_INET6, &addr, buf, sizeof buf) == nullptr) return std::nullopt;
  Validated v;
  v.value = buf;
  v.raw_length = s.size() + zone.size();
  uint8_t b0 = addr.s6_addr[0], b1 = addr.s6_addr[1];
  bool special = (b0 == 0xfe && (b1 & 0xc0) == 0x80) || (b0 & 0xfe) == 0xfc ||
                 (b0 == 0x20 && b1 == 0x01 && addr.s6_addr[2] == 0x0d && addr.s6_addr[3] == 0xb8) ||
                 IN6_IS_ADDR_LOOPBACK(&addr);
  if (special) {
    v.score_delta = -0.2;
    v.note = "link-local, unique-local, loopback or documentation range";
  }
  return v;
}

}  // namespace piiscan::detectors
