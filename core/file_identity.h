#pragma once
// What makes a top-level file "the same file, unchanged" between scans: where
// the walk found it (the PATH given and the path below it) and what stat(2)
// says about it. The scanner fills one per top-level file (ItemReport), the
// findings store (store/store.h) keys its files by (root, relative_path) and
// skips a file whose identity and scan configuration are unchanged.
// A plain value; thread safety as for any value type.

#include <cstdint>
#include <string>
#include <string_view>

namespace piiscan {

struct FileIdentity {
  std::string root;           // the PATH as given to the scan (one of ScanInfo::roots)
  std::string relative_path;  // below root, '/'-separated; "" when root is the file itself
  uint64_t device = 0;
  uint64_t inode = 0;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  int64_t ctime_ns = 0;

  bool operator==(const FileIdentity&) const = default;
};

// The path a walk reports for `relative_path` below `root`: root itself when
// relative_path is empty, else the two joined by one '/'.
inline std::string JoinedPath(std::string_view root, std::string_view relative_path) {
  std::string out(root);
  if (relative_path.empty()) return out;
  if (!out.ends_with('/')) out += '/';
  out += relative_path;
  return out;
}

}  // namespace piiscan
