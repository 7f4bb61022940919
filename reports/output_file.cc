#include "reports/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>

namespace piiscan::reports {

Result<OutputFile> OutputFile::Open(const std::string& path) {
  if (path == "-") return OutputFile(stdout, path, false);
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return Fail("cannot write " + path + ": " + std::strerror(errno));
  // An existing file keeps its mode on O_CREAT: tighten it.
  ::fchmod(fd, 0600);
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
