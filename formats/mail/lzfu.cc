#include "formats/mail/lzfu.h"

#include <algorithm>
#include <array>

namespace piiscan::formats {
namespace {

constexpr uint32_t kCompressed = 0x75465A4C;    // "LZFu"
constexpr uint32_t kUncompressed = 0x414C454D;  // "MELA"
constexpr size_t kHeaderSize = 16;
constexpr size_t kDictSize = 4096;

// The dictionary's initial contents, [MS-OXRTFCP] 3.1.2.1 (207 bytes).
constexpr std::string_view kInitialDict =
    "{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss "
    "\\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier"
    "{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx";
static_assert(kInitialDict.size() == 207);

uint32_t ReadLe32(std::string_view s, size_t at) {
  return static_cast<uint32_t>(static_cast<unsigned char>(s[at])) |
         static_cast<uint32_t>(static_cast<unsigned char>(s[at + 1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[at + 2])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[at + 3])) << 24;
}

constexpr std::array<uint32_t, 256> MakeCrcTable() {
  std::array<uint32_t, 256> table{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? (c >> 1) ^ 0xEDB88320u : c >> 1;
    table[i] = c;
  }
  return table;
}
constexpr std::array<uint32_t, 256> kCrcTable = MakeCrcTable();

// Runs the LZ77 loop over `body`; returns true when the end marker was seen.
bool Inflate(std::string_view body, size_t limit, std::string& out) {
  std::array<char, kDictSize> dict{};
  std::copy(kInitialDict.begin(), kInitialDict.end(), dict.begin());
  size_t write = kInitialDict.size();
  size_t pos = 0;
  while (pos < body.size()) {
    auto control = static_cast<unsigned char>(body[pos++]);
    for (int bit = 0; bit < 8; ++bit) {
      if (out.size() >= limit) return false;
      if ((control & (1u << bit)) == 0) {
        if (pos >= body.size()) return false;
        char c = body[pos++];
        out.push_back(c);
        dict[write] = c;
        write = (write + 1) % kDictSize;
        continue;
      }
      if (pos + 2 > body.size()) return false;
      // A reference: 12-bit dictionary offset, 4-bit length - 2 (big-endian).
      uint16_t word = static_cast<uint16_t>(static_cast<unsigned char>(body[pos]) << 8 |
                                            static_cast<unsigned char>(body[pos + 1]));
      pos += 2;
      size_t offset = word >> 4;
      size_t length = (word & 0xF) + 2;
      if (offset == write) return true;  // the end marker points at the write position
      for (size_t i = 0; i < length && out.size() < limit; ++i) {
        // Byte by byte: a reference may overlap the bytes it is writing.
        char c = dict[(offset + i) % kDictSize];
        out.push_back(c);
        dict[write] = c;
        write = (write + 1) % kDictSize;
      }
    }
  }
  return false;
}

}  // namespace

uint32_t LzfuCrc(std::string_view data) {
  uint32_t crc = 0;
  for (char ch : data) {
    crc = kCrcTable[(crc ^ static_cast<unsigned char>(ch)) & 0xFF] ^ (crc >> 8);
  }
  return crc;
}

Result<LzfuResult> DecompressLzfu(std::string_view data, uint64_t max_output) {
  if (data.size() < kHeaderSize) return Fail("lzfu: shorter than its header");
  const uint32_t comp_size = ReadLe32(data, 0);
  const uint32_t raw_size = ReadLe32(data, 4);
  const uint32_t type = ReadLe32(data, 8);
  const uint32_t crc = ReadLe32(data, 12);
  if (type != kCompressed && type != kUncompressed) return Fail("lzfu: unknown compression type");
  // COMPSIZE counts the bytes after itself: the rest of the header and the body.
  const size_t declared_end = static_cast<size_t>(comp_size) + 4;
  const bool truncated = declared_end > data.size();
  std::string_view body = data.substr(kHeaderSize, std::min(declared_end, data.size()) - kHeaderSize);
  const size_t limit = static_cast<size_t>(std::min<uint64_t>(raw_size, max_output));

  LzfuResult result;
  if (type == kUncompressed) {
    result.rtf.assign(body.substr(0, limit));
    result.crc_ok = true;
    result.complete = !truncated && body.size() >= raw_size;
    return result;
  }
  result.crc_ok = !truncated && LzfuCrc(body) == crc;
  result.rtf.reserve(std::min<size_t>(limit, 16u << 20));
  bool ended = Inflate(body, limit, result.rtf);
  // Writers do not always emit the end marker when the output is exactly
  // raw_size long; either way of ending is complete.
  result.complete = !truncated && (ended || result.rtf.size() == raw_size);
  return result;
}

}  // namespace piiscan::formats
