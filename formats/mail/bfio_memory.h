#pragma once
// A libbfio handle that reads from bytes in memory, so that libpff and
// libolecf can open a PST or MSG that the scanner holds as a view (a mapped
// file, or a member of an archive) without a temporary file.
//
// The bytes must outlive the handle and everything opened through it. Not
// thread-safe; one per extraction.

#include <cstdint>
#include <string_view>

#include "core/status.h"

// The same typedef as <libbfio/types.h>: the library header stays in .cc files.
typedef intptr_t libbfio_handle_t;

namespace piiscan::formats {

class BfioMemory {
 public:
  // A handle over `bytes` (read only, never written through).
  static Result<BfioMemory> Open(std::string_view bytes);

  BfioMemory(BfioMemory&& other) noexcept : handle_(other.handle_) { other.handle_ = nullptr; }
  BfioMemory& operator=(BfioMemory&&) = delete;
  BfioMemory(const BfioMemory&) = delete;
  ~BfioMemory();

  libbfio_handle_t* get() const { return handle_; }

 private:
  explicit BfioMemory(libbfio_handle_t* handle) : handle_(handle) {}
  libbfio_handle_t* handle_;
};

}  // namespace piiscan::formats
