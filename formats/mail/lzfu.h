#pragma once
// Compressed RTF ([MS-OXRTFCP], "LZFu"): the form in which Outlook stores a
// message's RTF body (PR_RTF_COMPRESSED, property 0x1009). An LZ77 variant
// with a 4 KiB ring dictionary pre-filled with common RTF words.
//
// Pure functions, thread-safe.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace piiscan::formats {

struct LzfuResult {
  std::string rtf;        // decompressed bytes (the RTF text)
  bool complete = false;  // false: input ended early or was damaged; `rtf` holds what was read
  bool crc_ok = false;    // the header CRC matched (always true for stored "MELA" data)
};

// Decompresses `data`: a 16-byte header (compressed size, raw size, "LZFu"
// or "MELA", CRC) and the body. Output is capped at `max_output` bytes and
// at the raw size the header declares. Fails only when the header is not
// one of compressed RTF.
Result<LzfuResult> DecompressLzfu(std::string_view data, uint64_t max_output);

// CRC-32 as [MS-OXRTFCP] 3.1.3 computes it (initial value 0, no final xor).
uint32_t LzfuCrc(std::string_view data);

}  // namespace piiscan::formats
