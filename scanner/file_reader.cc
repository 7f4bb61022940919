#include "scanner/file_reader.h"

#include <algorithm>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <mutex>

#include "scanner/no_atime.h"

namespace piiscan::scanner {
namespace {

constexpr uint64_t kMapThreshold = 16ull << 20;  // read() below, mmap() above

thread_local sigjmp_buf* t_bus_jump = nullptr;

void OnSigbus(int sig, siginfo_t*, void*) {
  if (t_bus_jump) siglongjmp(*t_bus_jump, 1);
  signal(sig, SIG_DFL);
  raise(sig);
}

}  // namespace

FileBytes::~FileBytes() { Close(); }

void FileBytes::Close() {
  if (map_) ::munmap(map_, map_size_);
  map_ = nullptr;
  map_size_ = 0;
  dropped_ = 0;
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  bytes_ = {};
  skip_ = false;
  if (buffer_.capacity() > (4u << 20)) std::string().swap(buffer_);  // keep RSS bounded
}

bool FileBytes::Open(const std::string& path, uint64_t max_size, FileStatus& status,
                     std::string& reason) {
  Close();
  int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY;
  fd_ = OpenWithoutAtime(path, flags);
  if (fd_ < 0) {
    status = FileStatus::kUnreadable;
    reason = std::string("cannot open: ") + std::strerror(errno);
    return false;
  }
  struct stat st;
  if (::fstat(fd_, &st) != 0) {
    status = FileStatus::kUnreadable;
    reason = std::string("cannot stat: ") + std::strerror(errno);
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    skip_ = true;
    status = FileStatus::kOk;
    return true;
  }
  info_ = {static_cast<uint64_t>(st.st_size), static_cast<int64_t>(st.st_mtim.tv_sec),
           static_cast<uint64_t>(st.st_ino), static_cast<uint64_t>(st.st_dev),
           NanosOf(st.st_mtim), NanosOf(st.st_ctim)};
  if (max_size > 0 && info_.size > max_size) {
    status = FileStatus::kTooLarge;
    reason = "file of " + std::to_string(info_.size) + " bytes exceeds --max-file-size " +
             std::to_string(max_size);
    return false;
  }
  if (info_.size == 0) return true;
  if (info_.size >= kMapThreshold) {
    map_ = ::mmap(nullptr, info_.size, PROT_READ, MAP_PRIVATE, fd_, 0);
    if (map_ == MAP_FAILED) {
      map_ = nullptr;
    } else {
      map_size_ = info_.size;
      ::madvise(map_, map_size_, MADV_SEQUENTIAL);
      bytes_ = std::string_view(static_cast<const char*>(map_), map_size_);
      return true;
    }
  }
  buffer_.resize(info_.size);
  size_t got = 0;
  while (got < info_.size) {
    ssize_t n = ::read(fd_, buffer_.data() + got, info_.size - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      status = FileStatus::kUnreadable;
      reason = std::string("read error: ") + std::strerror(errno);
      return false;
    }
    if (n == 0) break;  // shrank since fstat: scan what is there
    got += static_cast<size_t>(n);
  }
  bytes_ = std::string_view(buffer_.data(), got);
  return true;
}

void FileBytes::DoneWith(uint64_t offset) {
  if (!map_) return;
  const uint64_t page = static_cast<uint64_t>(::sysconf(_SC_PAGESIZE));
  uint64_t upto = offset / page * page;
  if (upto > dropped_ + (8ull << 20)) {
    ::madvise(static_cast<char*>(map_) + dropped_, upto - dropped_, MADV_DONTNEED);
    dropped_ = upto;
  }
}

void FileBytes::Drop(uint64_t begin, uint64_t end) {
  if (!map_) return;
  const uint64_t page = static_cast<uint64_t>(::sysconf(_SC_PAGESIZE));
  begin = begin / page * page;
  end = std::min<uint64_t>(end, map_size_);
  if (end > begin) ::madvise(static_cast<char*>(map_) + begin, end - begin, MADV_DONTNEED);
}

bool GuardedRun(const std::function<void()>& fn) {
  static std::once_flag once;
  std::call_once(once, [] {
    struct sigaction sa;
    std::memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = OnSigbus;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigaction(SIGBUS, &sa, nullptr);
  });
  sigjmp_buf jump;
  if (sigsetjmp(jump, 1) != 0) {
    t_bus_jump = nullptr;
    return false;
  }
  t_bus_jump = &jump;
  fn();
  t_bus_jump = nullptr;
  return true;
}

}  // namespace piiscan::scanner
