#pragma once
// Walks the PATHs given to a scan and yields the regular files to read.
// Never modifies anything: directories are read with O_NOATIME where the
// user owns them (scanner/no_atime.h). Symbolic links are skipped unless
// following is asked for; when following, a link is resolved once, keeping
// its own atime, what lies behind it is opened by the resolved path
// (Item::open_path), and a directory already visited (same device and
// inode) is not entered again, so link loops end. Sockets, FIFOs and
// devices are never opened (a FIFO would block) but reported as `skipped`
// status records. A directory that cannot be read becomes an `unreadable`
// status record, and the walk goes on.
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
  // Where to open it when `path` goes through a followed symbolic link: the
  // resolved path, so that the link is not followed (and its atime not
  // changed) again. Empty: open `path`.
  std::string open_path;
};

struct WalkOptions {
  std::vector<std::string> excludes;
  bool follow_symlinks = false;
  // false: list the files of the folder walked, not of its subfolders.
  bool recurse = true;
  // Called with (root, folder below the root) for every folder the walk
  // enters, before listing it (so a folder that cannot be listed is named too).
  std::function<void(const std::string&, const std::string&)> on_folder;
};

// Calls `file` for each regular file and `problem` for each unreadable or
// skipped path; stops early when `stop` becomes true or a callback returns
// false.
void Walk(const std::vector<std::string>& roots, const WalkOptions& options,
          const std::atomic<bool>& stop, const std::function<bool(Item)>& file,
          const std::function<void(StatusRecord)>& problem);

// Walks one folder `dir` below `root` ("" : the root itself), as Walk would
// reach it from `root`: Item::root is `root`, Item::relative_path starts
// with `dir`. With options.recurse false, only the folder's own files.
void WalkFolder(const std::string& root, const std::string& dir, const WalkOptions& options,
                const std::atomic<bool>& stop, const std::function<bool(Item)>& file,
                const std::function<void(StatusRecord)>& problem);

}  // namespace piiscan::scanner
