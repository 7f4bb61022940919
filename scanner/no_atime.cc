#include "scanner/no_atime.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace piiscan::scanner {
namespace {

std::atomic<bool> g_warned{false};

void WarnOnce() {
  if (g_warned.exchange(true)) return;
  std::fputs(
      "piiscan: warning: some files or links are not ours, so their access time (atime) will "
      "change when read (O_NOATIME needs the owner or CAP_FOWNER); to leave no trace, scan as "
      "their owner, with CAP_FOWNER, or on a noatime or read-only mount\n",
      stderr);
}

}  // namespace

int OpenWithoutAtime(const std::string& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_NOATIME);
  if (fd < 0 && errno == EPERM) {
    fd = ::open(path.c_str(), flags);
    if (fd >= 0) WarnOnce();
  }
  return fd;
}

std::optional<std::string> ResolveLinkKeepingAtime(const std::string& link) {
  struct stat before;
  if (::lstat(link.c_str(), &before) != 0) return std::nullopt;
  std::unique_ptr<char, decltype(&std::free)> resolved(::realpath(link.c_str(), nullptr), &std::free);
  struct stat after;
  if (::lstat(link.c_str(), &after) == 0 &&
      (after.st_atim.tv_sec != before.st_atim.tv_sec || after.st_atim.tv_nsec != before.st_atim.tv_nsec)) {
    struct timespec times[2] = {before.st_atim, {0, UTIME_OMIT}};
    if (::utimensat(AT_FDCWD, link.c_str(), times, AT_SYMLINK_NOFOLLOW) != 0) WarnOnce();
  }
  if (!resolved) return std::nullopt;
  return std::string(resolved.get());
}

}  // namespace piiscan::scanner
