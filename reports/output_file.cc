#include "reports/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>

namespace piiscan::reports {

namespace {

std::string_view KindOf(mode_t mode) {
  if (S_ISLNK(mode)) return "a symbolic link";
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  return "not a regular file";
}

Error Refused(const std::string& path, std::string_view kind) {
  return Error{"refusing to write " + path + ": it is " + std::string(kind) +
               " (outputs are written only to regular files, never through links)"};
}

}  // namespace

Result<int> OpenOutputDescriptor(const std::string& path) {
  // The one device allowed: the discard of benchmarks (`-o /dev/null`).
  // Opened as it is: a chmod would take it away from every other user.
  if (path == "/dev/null") {
    int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return Fail("cannot write " + path + ": " + std::strerror(errno));
    return fd;
  }
  // lstat first: opening a FIFO or a device for writing can block or have
  // effects of its own, so those are refused without being opened.
  struct stat st;
  if (::lstat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    return std::unexpected(Refused(path, KindOf(st.st_mode)));
  }
  // O_NOFOLLOW and O_NONBLOCK close the race with a link or FIFO put there
  // since the lstat; the fstat below then refuses what is not regular.
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0600);
  if (fd < 0 && errno == ELOOP) return std::unexpected(Refused(path, "a symbolic link"));
  if (fd < 0) return Fail("cannot write " + path + ": " + std::strerror(errno));
  auto fail = [&](std::string what) -> Result<int> {
    std::string error = std::strerror(errno);
    ::close(fd);
    return Fail(what + path + ": " + error);
  };
  if (::fstat(fd, &st) != 0) return fail("cannot stat ");
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return std::unexpected(Refused(path, KindOf(st.st_mode)));
  }
  // An existing file keeps its mode on O_CREAT: tighten it before a byte
  // is written, and truncate only now that it is known to be ours to write.
  if (::fchmod(fd, 0600) != 0) return fail("cannot make private (chmod 600) ");
  if (::ftruncate(fd, 0) != 0) return fail("cannot truncate ");
  if (::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0) return fail("cannot write ");
  return fd;
}

Result<OutputFile> OutputFile::Open(const std::string& path) {
  if (path == "-") return OutputFile(stdout, path, false);
  auto opened = OpenOutputDescriptor(path);
  if (!opened) return std::unexpected(opened.error());
  int fd = *opened;
  FILE* f = ::fdopen(fd, "w");
  if (!f) {
    ::close(fd);
    return Fail("cannot write " + path);
  }
  std::setvbuf(f, nullptr, _IOFBF, 1 << 16);
  return OutputFile(f, path, true);
}

OutputFile::OutputFile(OutputFile&& o) noexcept
    : f_(o.f_), path_(std::move(o.path_)), owned_(o.owned_), failed_(o.failed_) {
  o.f_ = nullptr;
}

OutputFile::~OutputFile() {
  if (f_ && owned_) std::fclose(f_);
  else if (f_) std::fflush(f_);
}

void OutputFile::Write(std::string_view s) {
  if (f_ && std::fwrite(s.data(), 1, s.size(), f_) != s.size()) failed_ = true;
}

bool OutputFile::Flush() {
  if (f_ && std::fflush(f_) != 0) failed_ = true;
  return !failed_;
}

}  // namespace piiscan::reports
