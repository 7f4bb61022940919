#include "formats/archive/zip_directory.h"

#include <algorithm>

namespace piiscan::formats {
namespace {

// Zip record signatures and fixed sizes (APPNOTE.TXT 4.3).
constexpr uint32_t kLocalSig = 0x04034b50;
constexpr uint32_t kCentralSig = 0x02014b50;
constexpr uint32_t kEndSig = 0x06054b50;
constexpr uint32_t kZip64EndSig = 0x06064b50;
constexpr uint32_t kZip64LocatorSig = 0x07064b50;
constexpr size_t kLocalSize = 30;
constexpr size_t kCentralSize = 46;
constexpr size_t kEndSize = 22;
constexpr size_t kZip64EndSize = 56;
constexpr size_t kZip64LocatorSize = 20;
constexpr uint16_t kZip64ExtraId = 0x0001;

// Little-endian reads; the caller checks bounds.
uint64_t Le(std::string_view s, size_t at, int bytes) {
  uint64_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(s[at + i]);
  return v;
}
uint16_t Le16(std::string_view s, size_t at) { return static_cast<uint16_t>(Le(s, at, 2)); }
uint32_t Le32(std::string_view s, size_t at) { return static_cast<uint32_t>(Le(s, at, 4)); }
uint64_t Le64(std::string_view s, size_t at) { return Le(s, at, 8); }

bool Fits(std::string_view s, uint64_t at, uint64_t size) {
  return at <= s.size() && size <= s.size() - at;
}

struct EndRecord {
  uint64_t entries = 0;
  uint64_t directory_size = 0;
  uint64_t directory_offset = 0;  // as written
  uint64_t bias = 0;              // bytes in front of the zip (self-extractor stub)
};

// The end-of-central-directory record: the last signature within the final
// 64 KiB + 22 bytes (the comment may hold anything, so scan from the end).
std::optional<size_t> FindEnd(std::string_view zip) {
  if (zip.size() < kEndSize) return std::nullopt;
  size_t lowest = zip.size() > kEndSize + 0xFFFF ? zip.size() - kEndSize - 0xFFFF : 0;
  for (size_t at = zip.size() - kEndSize + 1; at-- > lowest;) {
    if (Le32(zip, at) == kEndSig && at + kEndSize + Le16(zip, at + 20) <= zip.size()) return at;
  }
  return std::nullopt;
}

std::optional<EndRecord> ReadEnd(std::string_view zip) {
  auto end = FindEnd(zip);
  if (!end) return std::nullopt;
  EndRecord r;
  r.entries = Le16(zip, *end + 10);
  r.directory_size = Le32(zip, *end + 12);
  r.directory_offset = Le32(zip, *end + 16);
  uint64_t record_at = *end;
  bool zip64 = r.entries == 0xFFFF || r.directory_size == 0xFFFFFFFF ||
               r.directory_offset == 0xFFFFFFFF;
  if (zip64 && *end >= kZip64LocatorSize && Le32(zip, *end - kZip64LocatorSize) == kZip64LocatorSig) {
    uint64_t at = Le64(zip, *end - kZip64LocatorSize + 8);
    if (!Fits(zip, at, kZip64EndSize) || Le32(zip, at) != kZip64EndSig) return std::nullopt;
    r.entries = Le64(zip, at + 32);
    r.directory_size = Le64(zip, at + 40);
    r.directory_offset = Le64(zip, at + 48);
    record_at = at;
  }
  // The directory ends where the end record starts; when it was written as
  // starting earlier, the difference is a stub prepended to the zip.
  if (r.directory_size > record_at) return std::nullopt;
  uint64_t actual = record_at - r.directory_size;
  if (actual < r.directory_offset) return std::nullopt;
  r.bias = actual - r.directory_offset;
  return r;
}

// Applies the zip64 extra field: 8-byte values replace the 32-bit fields
// that hold 0xFFFFFFFF, in the order uncompressed, compressed, offset.
void ApplyZip64Extra(std::string_view extra, ZipEntryInfo& e, bool big_u, bool big_c, bool big_o) {
  for (size_t at = 0; at + 4 <= extra.size();) {
    uint16_t id = Le16(extra, at);
    size_t len = Le16(extra, at + 2);
    if (at + 4 + len > extra.size()) return;
    if (id == kZip64ExtraId) {
      std::string_view f = extra.substr(at + 4, len);
      size_t p = 0;
      auto next = [&](uint64_t& field) {
        if (p + 8 > f.size()) return;
        field = Le64(f, p);
        p += 8;
      };
      if (big_u) next(e.uncompressed_size);
      if (big_c) next(e.compressed_size);
      if (big_o) next(e.local_offset);
      return;
    }
    at += 4 + len;
  }
}

}  // namespace

std::optional<ZipDirectory> ReadZipDirectory(std::string_view zip, uint64_t max_entries) {
  auto end = ReadEnd(zip);
  if (!end) return std::nullopt;
  ZipDirectory dir;
  uint64_t at = end->directory_offset + end->bias;
  const uint64_t stop = at + end->directory_size;
  while (at < stop && dir.entries.size() < end->entries) {
    if (dir.entries.size() >= max_entries) {
      dir.capped = true;
      break;
    }
    if (!Fits(zip, at, kCentralSize) || Le32(zip, at) != kCentralSig) break;
    size_t name_len = Le16(zip, at + 28), extra_len = Le16(zip, at + 30);
    size_t comment_len = Le16(zip, at + 32);
    if (!Fits(zip, at + kCentralSize, name_len + extra_len)) break;
    ZipEntryInfo e;
    e.method = Le16(zip, at + 10);
    e.compressed_size = Le32(zip, at + 20);
    e.uncompressed_size = Le32(zip, at + 24);
    e.local_offset = Le32(zip, at + 42);
    e.name.assign(zip.substr(at + kCentralSize, name_len));
    ApplyZip64Extra(zip.substr(at + kCentralSize + name_len, extra_len), e,
                    e.uncompressed_size == 0xFFFFFFFF, e.compressed_size == 0xFFFFFFFF,
                    e.local_offset == 0xFFFFFFFF);
    e.local_offset += end->bias;
    dir.entries.push_back(std::move(e));
    at += kCentralSize + name_len + extra_len + comment_len;
  }
  return dir;
}

std::optional<std::string_view> StoredEntryData(std::string_view zip, const ZipEntryInfo& entry) {
  if (entry.method != 0 || entry.compressed_size != entry.uncompressed_size) return std::nullopt;
  if (!Fits(zip, entry.local_offset, kLocalSize) || Le32(zip, entry.local_offset) != kLocalSig) {
    return std::nullopt;
  }
  uint64_t data = entry.local_offset + kLocalSize + Le16(zip, entry.local_offset + 26) +
                  Le16(zip, entry.local_offset + 28);
  if (!Fits(zip, data, entry.compressed_size)) return std::nullopt;
  return zip.substr(data, entry.compressed_size);
}

uint64_t CountOverlappingEntries(std::string_view zip, const ZipDirectory& directory) {
  struct Span {
    uint64_t begin, end;
  };
  std::vector<Span> spans;
  spans.reserve(directory.entries.size());
  for (const auto& e : directory.entries) {
    if (!Fits(zip, e.local_offset, kLocalSize) || Le32(zip, e.local_offset) != kLocalSig) continue;
    uint64_t header = kLocalSize + Le16(zip, e.local_offset + 26) + Le16(zip, e.local_offset + 28);
    uint64_t end = e.local_offset + header + std::min<uint64_t>(e.compressed_size, zip.size());
    spans.push_back({e.local_offset, end});
  }
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  uint64_t overlapping = 0, reach = 0;
  for (size_t i = 0; i < spans.size(); ++i) {
    if (i > 0 && spans[i].begin < reach) ++overlapping;
    reach = std::max(reach, spans[i].end);
  }
  return overlapping;
}

}  // namespace piiscan::formats
