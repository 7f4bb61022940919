#pragma once
// Reading without leaving access times behind. Files and directories are
// opened with O_NOATIME; the kernel allows that only to their owner (or with
// CAP_FOWNER), so a scan of files of other users falls back to a plain open
// and says so once on stderr: their atime then changes unless the share is
// mounted noatime or read-only (docs/piiscan.1, READING WITHOUT TRACES).
//
// A symbolic link's own atime is changed by the kernel whenever the link is
// followed (stat, open, even readlink), and O_NOATIME does not reach it. So
// a followed link is resolved once, its atime put back as it was, and what
// lies behind it is opened by the resolved path from then on.
//
// Thread safety: all functions may be called from any thread; the warning
// is printed at most once per process.

#include <optional>
#include <string>

namespace piiscan::scanner {

// open(2) with O_NOATIME added; on EPERM, opens without it and warns once.
int OpenWithoutAtime(const std::string& path, int flags);

// The target of the symbolic link `link`, fully resolved (an absolute path
// without links), leaving the link's atime as it found it. Putting the
// atime back (utimensat) sets the link's ctime: the one trace left, as with
// GNU tar --atime-preserve=replace; where that is not allowed (the link is
// not ours) the atime stays changed and the once-warning says so. nullopt
// when the link is dangling or cannot be resolved.
std::optional<std::string> ResolveLinkKeepingAtime(const std::string& link);

}  // namespace piiscan::scanner
