#include "core/scan_info.h"

#include <openssl/rand.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "core/digest.h"

namespace piiscan {
namespace {

std::string Hostname() {
  char buf[256] = {0};
  if (gethostname(buf, sizeof buf - 1) != 0) return "unknown";
  return buf;
}

std::string RandomHex(size_t bytes) {
  unsigned char raw[16] = {0};
  if (bytes > sizeof raw) bytes = sizeof raw;
  RAND_bytes(raw, static_cast<int>(bytes));
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < bytes; ++i) {
    out += kHex[raw[i] >> 4];
    out += kHex[raw[i] & 15];
  }
  return out;
}

}  // namespace

std::string IsoTimeUtc(int64_t unix_ms) {
  std::time_t t = static_cast<std::time_t>(unix_ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::optional<int64_t> ParseIsoTimeUtc(std::string_view text) {
  const std::string t(text);
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0, n = 0;
  if (std::sscanf(t.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3) return std::nullopt;
  const char* rest = t.c_str() + n;
  if (*rest == 'T') {
    if (std::sscanf(rest, "T%2d:%2d%n", &h, &mi, &n) != 2) return std::nullopt;
    rest += n;
    if (*rest == ':') {
      if (std::sscanf(rest, ":%2d%n", &s, &n) != 1) return std::nullopt;
      rest += n;
    }
    if (*rest == '.') {
      if (std::sscanf(rest, ".%3d%n", &ms, &n) != 1 || n != 4) return std::nullopt;
      rest += n;
    }
  }
  if (*rest == 'Z') ++rest;
  if (*rest != '\0' || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60)
    return std::nullopt;
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  return static_cast<int64_t>(::timegm(&tm)) * 1000 + ms;
}

std::string ConfigFingerprint(const ScanInfo& info) {
  // The piiscan version too: a new piiscan may find differently with the
  // same rules.
  std::string text = "piiscan=" + info.piiscan_version + "\nrules=" + info.rules_version +
                     "\nkey=" + info.key_fingerprint + "\n";
  for (const auto& o : info.result_options) text += o + "\n";
  return Sha256Hex(text).substr(0, 16);
}

void StampScanInfo(ScanInfo& info) {
  auto now = std::chrono::system_clock::now();
  info.started_unix_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  if (info.scan_id.empty()) {
    std::string stamp = IsoTimeUtc(info.started_unix_ms);  // 2026-12-07T13:48:01Z
    std::string compact;
    for (char c : stamp) {
      if (c != '-' && c != ':') compact += c;
    }
    info.scan_id = compact + "-" + RandomHex(4);
  }
  if (info.host.empty()) info.host = Hostname();
  std::sort(info.result_options.begin(), info.result_options.end());
  info.config_fingerprint = ConfigFingerprint(info);
}

}  // namespace piiscan
