#pragma once
// Walks the PATHs given to a scan and yields the regular files to read.
// Never modifies anything: directories are read with O_NOATIME where the
// user owns them. Symbolic links are skipped unless following is asked for;
// when following, a directory already visited (same device and inode) is not
// entered again, so link loops end. Sockets, FIFOs and devices are skipped
// without being opened (a FIFO would block). A directory that cannot be read
// becomes an `unreadable` status record, and the walk goes on.
//
// Thread safety: Walk runs on one thread; `emit` is called on that thread.

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/finding.h"

namespace piiscan::scanner {

struct Item {
  std::string path;    // as reached from the PATH given (PATH joined with the relative path)
  std::string root;           // the PATH given it was found under
  std::string relative_path;  // below root, '/'-separated; "" when root is the file itself
  uint64_t size = 0;
  int64_t mtime = 0;
  uint64_t inode = 0;
  uint64_t device = 0;
};

struct WalkOptions {
  std::vector<std::string> excludes;
  bool follow_symlinks = false;
};

// Calls `file` for each regular file and `problem` for each unreadable path;
// stops early when `stop` becomes true or a callback returns false.
void Walk(const std::vector<std::string>& roots, const WalkOptions& options,
          const std::atomic<bool>& stop, const std::function<bool(Item)>& file,
          const std::function<void(StatusRecord)>& problem);

}  // namespace piiscan::scanner
