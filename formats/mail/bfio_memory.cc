#include "formats/mail/bfio_memory.h"

#include <libbfio.h>
#include <stdio.h>

#include <algorithm>
#include <cstring>

namespace piiscan::formats {
namespace {

// Our own memory handle instead of libbfio's memory range: Debian 12's
// libbfio (20170123) reads past the end of a range when asked at or beyond
// it (a 514-byte .pst made libpff read its 564-byte header 50 bytes past
// the buffer: found by fuzz/extract_fuzz.cc, extract_pst, under ASan).
// Here a read never goes past `size`: at or beyond the end it returns 0.
struct Range {
  const uint8_t* data;
  uint64_t size;
  uint64_t offset = 0;
  bool open = false;
};

Range* AsRange(intptr_t* io) { return reinterpret_cast<Range*>(io); }

int FreeRange(intptr_t** io, libbfio_error_t**) {
  delete AsRange(*io);
  *io = nullptr;
  return 1;
}

int CloneRange(intptr_t** destination, intptr_t* source, libbfio_error_t**) {
  if (destination == nullptr || *destination != nullptr) return -1;
  const Range* from = AsRange(source);
  *destination = reinterpret_cast<intptr_t*>(new Range{from->data, from->size});
  return 1;
}

int OpenRange(intptr_t* io, int access_flags, libbfio_error_t**) {
  if ((access_flags & LIBBFIO_ACCESS_FLAG_WRITE) != 0) return -1;  // read-only
  AsRange(io)->open = true;
  AsRange(io)->offset = 0;
  return 1;
}

int CloseRange(intptr_t* io, libbfio_error_t**) {
  AsRange(io)->open = false;
  return 0;
}

ssize_t ReadRange(intptr_t* io, uint8_t* buffer, size_t size, libbfio_error_t**) {
  Range* r = AsRange(io);
  if (!r->open || buffer == nullptr) return -1;
  if (r->offset >= r->size) return 0;
  size_t n = static_cast<size_t>(std::min<uint64_t>(size, r->size - r->offset));
  std::memcpy(buffer, r->data + r->offset, n);
  r->offset += n;
  return static_cast<ssize_t>(n);
}

ssize_t WriteRange(intptr_t*, const uint8_t*, size_t, libbfio_error_t**) { return -1; }

off64_t SeekRange(intptr_t* io, off64_t offset, int whence, libbfio_error_t**) {
  Range* r = AsRange(io);
  off64_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? static_cast<off64_t>(r->offset)
                                      : whence == SEEK_END ? static_cast<off64_t>(r->size) : -1;
  if (base < 0 || (offset < 0 && -offset > base)) return -1;
  r->offset = static_cast<uint64_t>(base + offset);  // past the end is allowed; reads there return 0
  return static_cast<off64_t>(r->offset);
}

int RangeExists(intptr_t*, libbfio_error_t**) { return 1; }
int RangeIsOpen(intptr_t* io, libbfio_error_t**) { return AsRange(io)->open ? 1 : 0; }
int RangeSize(intptr_t* io, size64_t* size, libbfio_error_t**) {
  *size = AsRange(io)->size;
  return 1;
}

}  // namespace

Result<BfioMemory> BfioMemory::Open(std::string_view bytes) {
  auto* range = new Range{reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()};
  libbfio_handle_t* handle = nullptr;
  libbfio_error_t* error = nullptr;
  // MANAGED: libbfio frees the range (FreeRange) with the handle.
  if (libbfio_handle_initialize(&handle, reinterpret_cast<intptr_t*>(range), FreeRange, CloneRange, OpenRange,
                                CloseRange, ReadRange, WriteRange, SeekRange, RangeExists, RangeIsOpen, RangeSize,
                                LIBBFIO_FLAG_IO_HANDLE_MANAGED | LIBBFIO_FLAG_IO_HANDLE_CLONE_BY_FUNCTION,
                                &error) != 1) {
    libbfio_error_free(&error);
    delete range;
    return Fail("cannot create a memory handle");
  }
  return BfioMemory(handle);
}

BfioMemory::~BfioMemory() {
  if (handle_ != nullptr) {
    libbfio_error_t* error = nullptr;
    libbfio_handle_free(&handle_, &error);
    libbfio_error_free(&error);
  }
}

}  // namespace piiscan::formats
