#include "store/sqlite/replay_blob.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>

#include "store/store.h"

namespace piiscan::store::sqlite {
namespace {

constexpr char kFormat = 1;

// Which optional fields a finding carries (one byte).
enum : uint8_t {
  kHasValue = 1,
  kHasPage = 2,
  kHasOffset = 4,
  kHasLine = 8,
  kHasItemTime = 16,
  kHashBytes = 32,  // value_hash is 64 lower-case hex digits, kept as 32 bytes
};

// Each byte's two hex digits, for decoding a hash in one lookup per byte.
constexpr std::array<char, 512> kHexPairs = [] {
  constexpr std::string_view digits = "0123456789abcdef";
  std::array<char, 512> out{};
  for (size_t b = 0; b < 256; ++b) {
    out[2 * b] = digits[b >> 4];
    out[2 * b + 1] = digits[b & 15];
  }
  return out;
}();

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// The 32 bytes of a hash written as 64 lower-case hex digits (what the
// scanner writes), or false for anything else (kept as text).
bool HashBytes(std::string_view hex, char (&out)[32]) {
  if (hex.size() != 64) return false;
  for (size_t i = 0; i < 32; ++i) {
    int hi = HexDigit(hex[2 * i]), lo = HexDigit(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    out[i] = static_cast<char>(hi << 4 | lo);
  }
  return true;
}

void PutVarint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

void PutSigned(std::string& out, int64_t v) {  // zigzag
  PutVarint(out, (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
}

void PutString(std::string& out, std::string_view s) {
  PutVarint(out, s.size());
  out.append(s);
}

void PutLocation(std::string& out, const Location& location) {
  PutVarint(out, location.size());
  for (const std::string& step : location) PutString(out, step);
}

// Reads from the front of `in`; every getter fails (returns false) at the end
// of the input, so a truncated value is rejected rather than read past.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}

  bool Varint(uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (in_.empty()) return false;
      auto byte = static_cast<uint8_t>(in_.front());
      in_.remove_prefix(1);
      v |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return true;
    }
    return false;
  }
  bool Signed(int64_t& v) {
    uint64_t u;
    if (!Varint(u)) return false;
    v = static_cast<int64_t>((u >> 1) ^ (~(u & 1) + 1));
    return true;
  }
  bool String(std::string& s) {
    uint64_t n;
    if (!Varint(n) || n > in_.size()) return false;
    s.assign(in_.data(), n);
    in_.remove_prefix(n);
    return true;
  }
  bool Byte(uint8_t& b) {
    if (in_.empty()) return false;
    b = static_cast<uint8_t>(in_.front());
    in_.remove_prefix(1);
    return true;
  }
  bool Hash(std::string& hex) {
    if (in_.size() < 32) return false;
    char digits[64];
    for (size_t i = 0; i < 32; ++i)
      std::memcpy(digits + 2 * i, &kHexPairs[2 * static_cast<uint8_t>(in_[i])], 2);
    hex.assign(digits, sizeof digits);
    in_.remove_prefix(32);
    return true;
  }
  bool Double(double& d) {
    if (in_.size() < sizeof d) return false;
    std::memcpy(&d, in_.data(), sizeof d);
    in_.remove_prefix(sizeof d);
    return true;
  }
  bool Location(piiscan::Location& location) {
    uint64_t n;
    if (!Varint(n) || n > in_.size()) return false;  // each step takes a byte at least
    location.resize(n);
    for (std::string& step : location) {
      if (!String(step)) return false;
    }
    return true;
  }
  bool AtEnd() const { return in_.empty(); }

 private:
  std::string_view in_;
};

bool DecodeFinding(Reader& in, Finding& f) {
  uint8_t confidence = 0, flags = 0;
  uint64_t count = 0;
  if (!in.Location(f.location) || !in.String(f.detector) || !in.String(f.category) ||
      !in.Byte(confidence) || confidence > static_cast<uint8_t>(Confidence::kHigh) ||
      !in.Double(f.score) || !in.String(f.masked) || !in.String(f.note) || !in.Varint(count) ||
      !in.Byte(flags))
    return false;
  if (!((flags & kHashBytes) ? in.Hash(f.value_hash) : in.String(f.value_hash))) return false;
  f.confidence = static_cast<Confidence>(confidence);
  f.count = count;
  if (flags & kHasValue) {
    if (!in.String(f.value.emplace())) return false;
  }
  uint64_t u;
  int64_t s;
  if (flags & kHasPage) {
    if (!in.Signed(s)) return false;
    f.page = static_cast<int>(s);
  }
  if (flags & kHasOffset) {
    if (!in.Varint(u)) return false;
    f.offset = u;
  }
  if (flags & kHasLine) {
    if (!in.Varint(u)) return false;
    f.line = u;
  }
  if (flags & kHasItemTime) {
    if (!in.Signed(s)) return false;
    f.item_time = s;
  }
  return true;
}

}  // namespace

std::string EncodeReplay(std::span<const BufferedFinding> findings,
                         std::span<const BufferedStatus> statuses, bool with_values) {
  std::string out;
  out.reserve(16 + findings.size() * 120);
  out.push_back(kFormat);
  PutVarint(out, findings.size());
  for (const BufferedFinding& b : findings) {
    const Finding& f = *b.finding;
    PutLocation(out, f.location);
    PutString(out, f.detector);
    PutString(out, f.category);
    out.push_back(static_cast<char>(f.confidence));
    char score[sizeof f.score];
    std::memcpy(score, &f.score, sizeof score);
    out.append(score, sizeof score);
    PutString(out, f.masked);
    PutString(out, f.note);
    PutVarint(out, b.count);
    const bool value = with_values && f.value;
    char hash[32];
    const bool hash_bytes = HashBytes(f.value_hash, hash);
    out.push_back(static_cast<char>((value ? kHasValue : 0) | (f.page ? kHasPage : 0) |
                                    (f.offset ? kHasOffset : 0) | (f.line ? kHasLine : 0) |
                                    (f.item_time ? kHasItemTime : 0) |
                                    (hash_bytes ? kHashBytes : 0)));
    if (hash_bytes)
      out.append(hash, sizeof hash);
    else
      PutString(out, f.value_hash);
    if (value) PutString(out, *f.value);
    if (f.page) PutSigned(out, *f.page);
    if (f.offset) PutVarint(out, *f.offset);
    if (f.line) PutVarint(out, *f.line);
    if (f.item_time) PutSigned(out, *f.item_time);
  }
  PutVarint(out, statuses.size());
  for (const BufferedStatus& s : statuses) {
    PutLocation(out, s.steps);
    PutString(out, s.status);
    PutString(out, s.reason);
  }
  return out;
}

bool DecodeReplay(std::string_view blob, const std::string& file, std::vector<Finding>& findings,
                  std::vector<StatusRecord>& statuses) {
  if (blob.empty() || blob.front() != kFormat) return false;
  Reader in(blob.substr(1));
  const size_t findings_before = findings.size(), statuses_before = statuses.size();
  auto fail = [&] {
    findings.resize(findings_before);
    statuses.resize(statuses_before);
    return false;
  };
  uint64_t n;
  if (!in.Varint(n)) return fail();
  findings.reserve(findings_before + std::min<uint64_t>(n, blob.size()));
  for (uint64_t i = 0; i < n; ++i) {
    Finding& f = findings.emplace_back();
    f.file = file;
    if (!DecodeFinding(in, f)) return fail();
  }
  if (!in.Varint(n)) return fail();
  for (uint64_t i = 0; i < n; ++i) {
    StatusRecord& s = statuses.emplace_back();
    s.file = file;
    std::string status;
    if (!in.Location(s.location) || !in.String(status) || !in.String(s.reason)) return fail();
    s.status = ParseFileStatus(status);
  }
  if (!in.AtEnd()) return fail();
  return true;
}

}  // namespace piiscan::store::sqlite
