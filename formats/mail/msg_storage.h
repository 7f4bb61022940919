#pragma once
// Reads the OLE2 (compound file) layout of an Outlook .msg ([MS-OXMSG]) into
// plain values with libolecf: per storage the variable-length properties
// (streams "__substg1.0_IIIITTTT", I = property id, T = type), the fixed-size
// ones (the "__properties_version1.0" stream: numbers, dates, codepages),
// and the recipient, attachment and embedded-message sub-storages.
//
// Reading is bounded: it stops at `max_bytes` of stream data in total and at
// a nesting depth, and reports whether the file was damaged. Not thread-safe
// per object; one per extraction.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace piiscan::formats {

// MAPI property types used in .msg stream names.
inline constexpr uint16_t kPtString8 = 0x001E;
inline constexpr uint16_t kPtUnicode = 0x001F;
inline constexpr uint16_t kPtBinary = 0x0102;
inline constexpr uint16_t kPtObject = 0x000D;
inline constexpr uint16_t kPtLong = 0x0003;
inline constexpr uint16_t kPtSystime = 0x0040;

struct MsgStorage {
  // Variable-length properties by tag (id << 16 | type): the stream bytes.
  std::map<uint32_t, std::string> streams;
  // Fixed-size properties by tag: the 8 value bytes as a little-endian number.
  std::map<uint32_t, uint64_t> fixed;
  std::vector<MsgStorage> recipients;   // __recip_version1.0_#XXXXXXXX
  std::vector<MsgStorage> attachments;  // __attach_version1.0_#XXXXXXXX
  std::unique_ptr<MsgStorage> embedded;  // __substg1.0_3701000D of an attachment

  const std::string* Stream(uint16_t id, uint16_t type) const;
  std::optional<uint64_t> Fixed(uint16_t id, uint16_t type) const;
};

struct MsgReadResult {
  MsgStorage root;
  bool damaged = false;  // some stream or storage could not be read
  bool truncated_by_budget = false;
};

// Opens `bytes` as a compound file and reads its message tree. Fails when
// the bytes are not a compound file libolecf can open.
Result<MsgReadResult> ReadMsg(std::string_view bytes, uint64_t max_bytes);

}  // namespace piiscan::formats
