#pragma once
// Walks the entries of an archive held in memory with libarchive (any format
// and compression filter libarchive knows) and hands every regular file to
// ctx.Child at Append(where, member path). Directories, links and device
// entries are skipped. Encrypted members become kEncrypted problems, damage
// kCorrupt (members read before it stay scanned), limits kLimit problems.
//
// Nothing touches the disk: libarchive reads from the view, members are views
// of it or buffers bounded by the limits (see member_reader.h).
//
// Stateless; each call owns its libarchive handle, so calls may run on any
// thread.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "formats/extractor.h"

namespace piiscan::formats {

struct WalkOptions {
  std::string_view format;  // for reasons, e.g. "zip"
  // A single compressed file (.gz, .xz ...): libarchive's raw format, one
  // member named `raw_name`.
  bool raw = false;
  std::string raw_name;
  // With `raw`: a member of NUL bytes only is no file (an empty tar reads
  // so) and is dropped; one with anything else is sniffed as usual.
  bool drop_all_nul = false;
  // Compressed sizes of members by stored name (zip central directory), for
  // the ratio limit; members not listed are held against the archive's size.
  // Entries are consumed as they are matched, so duplicate names work.
  std::unordered_multimap<std::string, uint64_t> compressed_sizes;
  // True when a member past a limit can be skipped without decompressing it
  // (zip read through its central directory). Otherwise the walk stops there:
  // in a compressed stream (tar.gz, solid 7z) skipping a bomb means
  // expanding it.
  bool cheap_skip = false;
};

struct WalkResult {
  // False when libarchive could not open the archive or read its first
  // header: nothing was emitted or reported, the caller decides (another
  // try as a raw compressed file, or a kCorrupt/kEncrypted problem).
  bool opened = false;
  bool encrypted = false;  // with !opened: the headers are encrypted
  uint64_t entries = 0;    // headers read (0: an empty archive, or bytes that
                           // only looked like one, e.g. NULs read as a tar end)
};

WalkResult WalkArchive(std::string_view bytes, const Location& where, WalkOptions options,
                       ExtractContext& ctx);

}  // namespace piiscan::formats
