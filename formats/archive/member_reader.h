#pragma once
// Reads the data of the archive entry libarchive is positioned on, block by
// block, under the per-member limits, each checked as the bytes arrive: the
// member is never longer than Limits::max_member_size, never expands beyond
// Limits::max_ratio of its compressed size, and every decompressed block is
// charged to the top-level file's expanded-bytes budget before it is kept.
//
// Memory: nothing is reserved from sizes an archive claims. Decompressed
// members are held whole only within Limits::max_member_in_memory, a budget
// of the worker thread shared by all nesting levels (a zip in a zip holds
// both). A member that sniffs as text (formats/sniff.h) and outgrows 16 MiB
// or the budget is streamed on through the text windows
// (formats/text/text_stream.h) and costs a window; any other member that
// outgrows the budget ends kMemoryLimit, at once when its header declares
// more than the budget has left (a header that claims less is caught as
// the bytes arrive).
//
// Data that libarchive hands out as a pointer into the archive's own bytes
// (tar members, stored zip members) is not copied: the member is then a view
// of the parent, costs no memory and is not "expanded".
//
// Used by one thread at a time, like the libarchive handle it reads from.

#include <cstdint>
#include <string>
#include <string_view>

#include "formats/extractor.h"

struct archive;

namespace piiscan::formats {

struct MemberLimits {
  uint64_t max_size = 0;       // Limits::max_member_size, for decompressed data
  double max_ratio = 0;        // Limits::max_ratio
  uint64_t compressed = 0;     // the member's compressed size, or the archive's size
  uint64_t declared_size = 0;  // size from the header when known (0: unknown);
                               // only ever checked, never trusted for memory
  // The ratio also holds for the archive as a whole: what its earlier members
  // expanded to, against the archive's own size. This stops archives of many
  // members that each stay under the floor below.
  uint64_t archive_size = 0;
  uint64_t archive_expanded = 0;
};

// Below this many expanded bytes the ratio is not applied: small files of
// spaces or empty CSV columns legitimately compress beyond 200:1, and 1 MiB
// costs nothing. The expanded-bytes budget still counts them.
inline constexpr uint64_t kRatioFloorBytes = 1ULL << 20;

// True when `expanded` bytes from `compressed` break the ratio.
inline bool BeyondRatio(uint64_t expanded, uint64_t compressed, double max_ratio) {
  return expanded > kRatioFloorBytes &&
         static_cast<double>(expanded) > max_ratio * static_cast<double>(compressed);
}

// Bytes of a decompressed member, charged while alive to the worker
// thread's Limits::max_member_in_memory. Grown with realloc (no copy of the
// old block beside the new one for big buffers) and never beyond the budget.
class MemberBuffer {
 public:
  MemberBuffer() = default;
  MemberBuffer(MemberBuffer&& other) noexcept;
  MemberBuffer& operator=(MemberBuffer&&) = delete;
  ~MemberBuffer();

  // Appends `n` bytes at `p` (nullptr: zeros). False, with nothing added,
  // when the worker's budget `budget` would be exceeded (or malloc fails).
  bool Append(const char* p, size_t n, uint64_t budget);
  // Whether `size` more bytes would fit in the worker's budget beside what
  // its other member buffers hold now.
  static bool Fits(uint64_t size, uint64_t budget);
  std::string_view view() const { return {data_, size_}; }
  size_t size() const { return size_; }
  void Clear();

 private:
  char* data_ = nullptr;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

struct MemberData {
  enum class End {
    kComplete,
    kSizeLimit,   // max_member_size reached
    kRatioLimit,  // max_ratio reached by this member
    kArchiveRatioLimit,  // max_ratio reached by the archive's members together
    kMemoryLimit,  // max_member_in_memory reached by a member that is no text
    kExhausted,   // ChargeExpanded refused (the context recorded the limit)
    kStopped,     // ctx.ShouldStop()
    kEncrypted,   // libarchive could not decrypt the data
    kDamaged,     // this member is damaged; the next may be readable
    kFatal,       // the archive cannot be read any further
  };
  End end = End::kComplete;
  std::string_view bytes;  // the data read: a view into the archive or into `buffer`
  MemberBuffer buffer;
  uint64_t expanded = 0;   // bytes decompressed (charged), not counting views
  uint64_t size = 0;       // bytes of the member read, streamed ones included
  // The member was text too big to hold: it went to the detectors as it
  // arrived (up to where it ended), and `bytes` is empty.
  bool streamed = false;
};

// Reads the current entry of `a`. `archive_bytes` is the memory libarchive
// reads from (to recognise views); `where` is the member's location, for
// ChargeExpanded and streamed text; `name` its name, for sniffing.
MemberData ReadMember(struct archive* a, std::string_view archive_bytes,
                      const MemberLimits& limits, const Location& where, std::string_view name,
                      ExtractContext& ctx);

// True when a member starting with `head` is read by the text or CSV
// extractor, so that a part of it is worth scanning on its own.
bool ReadsAsText(std::string_view head, std::string_view name);

// True when libarchive's last error on `a` is about encryption or a missing
// passphrase.
bool LastErrorIsEncryption(struct archive* a);

}  // namespace piiscan::formats
