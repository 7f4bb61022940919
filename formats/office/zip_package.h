#pragma once
// A zip package (OOXML, ODF) read from memory with libarchive, as a set of
// named parts. Parts are read one at a time, in any order, as a stream of
// chunks (so a 500 MB sheet never sits in memory whole) or whole (for small
// parts and embedded objects, which become children). Every decompressed
// byte is charged to the scan budget (ExtractContext::ChargeExpanded) and a
// part larger than Limits::max_member_size is refused before it is read.
//
// libarchive reads a zip sequentially; opening a part re-reads the central
// directory and walks to the part. That costs O(entries) per part, so a
// package lets at most kMaxPartOpens parts be opened.
//
// Thread safety: a ZipPackage is used by one thread (one per Extract call).
// The bytes it reads must outlive it.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "formats/extractor.h"

struct archive;

namespace piiscan::formats::office {

// Why a part could not be read (fully).
enum class PartError {
  kNone,
  kMissing,       // no such part
  kTooLarge,      // over Limits::max_member_size
  kTooBigToHold,  // read whole (embedded object) but over Limits::max_member_in_memory
  kEncrypted,     // zip-level encryption
  kCorrupt,       // damaged compressed data or zip structure
  kBudget,        // the expanded-bytes budget is spent (already reported)
  kTooMany,       // kMaxPartOpens reached
};

// A part being read. Read() returns the number of bytes read, 0 at the end
// of the part, -1 on an error (then error() says which).
class PartStream {
 public:
  ~PartStream();
  PartStream(const PartStream&) = delete;
  PartStream& operator=(const PartStream&) = delete;

  long Read(char* buf, size_t len);
  PartError error() const { return error_; }

 private:
  friend class ZipPackage;
  PartStream(struct archive* a, uint64_t max_size, ExtractContext& ctx, const Location& where)
      : archive_(a), max_size_(max_size), ctx_(ctx), where_(where) {}

  struct archive* archive_;
  uint64_t max_size_;
  uint64_t read_ = 0;
  ExtractContext& ctx_;
  const Location& where_;
  PartError error_ = PartError::kNone;
};

class ZipPackage {
 public:
  static constexpr int kMaxPartOpens = 2000;

  struct Entry {
    std::string name;
    int64_t size = -1;  // declared uncompressed size, -1 when unknown
    bool encrypted = false;
  };

  // Lists the parts of `bytes`. `where` is the package's location, used for
  // budget problems. Check ok() / damaged() afterwards.
  ZipPackage(std::string_view bytes, ExtractContext& ctx, const Location& where);

  // False when `bytes` is no zip at all (or not one libarchive can read).
  bool ok() const { return ok_; }
  // True when the zip structure is damaged (truncated, bad central
  // directory): the parts listed before the damage are still readable.
  bool damaged() const { return damaged_; }

  const std::vector<Entry>& entries() const { return entries_; }
  const Entry* Find(std::string_view name) const;

  // Opens part `name` for streaming; nullptr with `*error` set on failure.
  std::unique_ptr<PartStream> Open(std::string_view name, PartError* error);
  // Reads part `name` whole into `out`, at most Limits::max_member_in_memory
  // bytes (else kTooBigToHold, `out` empty).
  PartError ReadWhole(std::string_view name, std::string* out);

 private:
  std::string_view bytes_;
  ExtractContext& ctx_;
  const Location& where_;
  std::vector<Entry> entries_;
  int opens_ = 0;
  bool ok_ = false;
  bool damaged_ = false;
};

// "part is damaged" etc., for status reasons (never contains content).
std::string_view PartErrorText(PartError error);

// The status a part error becomes (kCorrupt, kEncrypted, kLimit ...).
FileStatus PartErrorStatus(PartError error);

}  // namespace piiscan::formats::office
