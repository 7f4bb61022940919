#pragma once
// Reads one file for scanning without changing it: opened read-only with
// O_NOATIME (falling back, with one warning, where the user does not own
// the file: scanner/no_atime.h),
// O_NONBLOCK (a FIFO swapped in after the walk cannot block the scan), and
// checked to be a regular file after opening. Small files are read into a
// buffer; large ones are memory-mapped, and the pages already scanned can be
// dropped (bounded memory on multi-gigabyte mailboxes).
//
// A mapped file that shrinks while it is read raises SIGBUS; GuardedRun turns
// that into an error instead of a crash.
//
// Thread safety: a FileBytes belongs to one thread.

#include <sys/types.h>
#include <time.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace piiscan::scanner {

// Nanoseconds since the epoch of a stat(2) time.
inline int64_t NanosOf(const struct timespec& t) {
  return static_cast<int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
}

class FileBytes {
 public:
  struct Info {
    uint64_t size = 0;
    int64_t mtime = 0;
    uint64_t inode = 0;
    uint64_t device = 0;
    int64_t mtime_ns = 0;
    int64_t ctime_ns = 0;
  };
  FileBytes() = default;
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;
  ~FileBytes();

  // Opens `path`. On error: status kUnreadable or kTooLarge and a reason.
  // A path that is no longer a regular file gives kOk with skip() true.
  // max_size 0 = no limit.
  bool Open(const std::string& path, uint64_t max_size, FileStatus& status, std::string& reason);
  std::string_view bytes() const { return bytes_; }
  const Info& info() const { return info_; }
  bool skip() const { return skip_; }
  // The open file (read-only, O_NOATIME where allowed), -1 when none.
  int fd() const { return fd_; }
  // True when the bytes are a mapping of the file (only then can they fault).
  bool mapped() const { return map_ != nullptr; }
  // Drops mapped pages before `offset` (no-op for buffered files).
  void DoneWith(uint64_t offset);
  // Drops the mapped pages of [begin, end) now (no-op for buffered files);
  // touched again, they come back from the page cache.
  void Drop(uint64_t begin, uint64_t end);
  void Close();

 private:
  int fd_ = -1;
  void* map_ = nullptr;
  size_t map_size_ = 0;
  uint64_t dropped_ = 0;
  std::string buffer_;
  std::string_view bytes_;
  Info info_;
  bool skip_ = false;
};

// Runs `fn`; returns false if a SIGBUS (mapped file truncated underneath)
// interrupted it. Installs the handler on first use. Costs a system call
// (the signal mask is saved): worth it for mapped files only.
bool GuardedRun(const std::function<void()>& fn);

}  // namespace piiscan::scanner
