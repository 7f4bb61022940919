#include "formats/mail/bfio_memory.h"

#include <libbfio.h>

namespace piiscan::formats {

Result<BfioMemory> BfioMemory::Open(std::string_view bytes) {
  libbfio_handle_t* handle = nullptr;
  libbfio_error_t* error = nullptr;
  if (libbfio_memory_range_initialize(&handle, &error) != 1) {
    libbfio_error_free(&error);
    return Fail("cannot create a memory handle");
  }
  // libbfio takes a non-const pointer for read-write use; it is opened read-only.
  auto* start = reinterpret_cast<uint8_t*>(const_cast<char*>(bytes.data()));
  static uint8_t empty = 0;
  if (libbfio_memory_range_set(handle, bytes.empty() ? &empty : start, bytes.size(), &error) != 1) {
    libbfio_error_free(&error);
    libbfio_handle_free(&handle, nullptr);
    return Fail("cannot set the memory range");
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
