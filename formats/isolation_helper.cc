#include "formats/isolation_helper.h"

#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <exception>
#include <new>
#include <optional>
#include <string>

#include "core/line_count.h"
#include "formats/dispatch.h"
#include "formats/isolation.h"
#include "formats/isolation_wire.h"
#include "formats/registry.h"

namespace piiscan::formats {
namespace {

using wire::Msg;
using wire::WireReader;
using wire::WireWriter;

void (*g_fault)(std::string_view bytes) = nullptr;

// The helper's out-of-memory message, built before each item so that the
// new-handler can send it without allocating.
int g_fd = -1;
std::string g_out_of_memory;

void OnOutOfMemory() {
  (void)::send(g_fd, g_out_of_memory.data(), g_out_of_memory.size(), MSG_NOSIGNAL);
  ::_exit(kHelperOutOfMemory);
}

// A file the helper maps (a top-level file passed as its descriptor). When
// it shrinks while mapped, reading past its new end raises SIGBUS: inside
// the mapping that is the file's doing, not the library's, and is reported
// as the scan process reports it for its own mappings (scanner/scan.cc).
std::atomic<const char*> g_map_begin{nullptr};
std::atomic<const char*> g_map_end{nullptr};
std::string g_file_shrank;

void OnSigbus(int sig, siginfo_t* info, void*) {
  const char* at = static_cast<const char*>(info->si_addr);
  if (at >= g_map_begin.load() && at < g_map_end.load()) {
    (void)::send(g_fd, g_file_shrank.data(), g_file_shrank.size(), MSG_NOSIGNAL);
    ::_exit(kHelperFileShrank);
  }
  ::signal(sig, SIG_DFL);  // a library's own fault: the worker reports the crash
}

// Maps `size` bytes of the passed descriptor `fd` (taking it over) for one
// item; pages before DoneWith's offset are dropped as the reader moves on.
class MappedFile {
 public:
  MappedFile(int fd, uint64_t size) : fd_(fd) {
    if (fd_ < 0) error_ = EBADF;  // the descriptor did not arrive
    if (fd_ < 0 || size == 0) return;
    void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd_, 0);
    if (p == MAP_FAILED) {
      error_ = errno;
      return;
    }
    map_ = static_cast<char*>(p);
    size_ = size;
    ::madvise(map_, size_, MADV_SEQUENTIAL);
    g_map_begin = map_;
    g_map_end = map_ + size_;
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile() {
    g_map_begin = nullptr;
    g_map_end = nullptr;
    if (map_ != nullptr) ::munmap(map_, size_);
    if (fd_ >= 0) ::close(fd_);
  }
  bool ok() const { return map_ != nullptr; }
  int error() const { return error_; }
  std::string_view bytes() const { return {map_, size_}; }
  // As scanner/file_reader.cc FileBytes::DoneWith: in steps of 8 MiB.
  void DoneWith(uint64_t offset) {
    if (map_ == nullptr) return;
    const uint64_t page = static_cast<uint64_t>(::sysconf(_SC_PAGESIZE));
    uint64_t upto = std::min<uint64_t>(offset, size_) / page * page;
    if (upto > dropped_ + (8ull << 20)) {
      ::madvise(map_ + dropped_, upto - dropped_, MADV_DONTNEED);
      dropped_ = upto;
    }
  }

 private:
  int fd_;
  char* map_ = nullptr;
  size_t size_ = 0;
  uint64_t dropped_ = 0;
  int error_ = 0;
};

// The helper's address space may grow by `extra` bytes while it reads one
// item. Sanitizers reserve terabytes of shadow memory and map more on
// demand: there the limit is not set.
void LimitAddressSpace(uint64_t extra) {
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
  rlimit r{};
  if (::getrlimit(RLIMIT_AS, &r) != 0) return;
  if (extra == 0) {
    r.rlim_cur = r.rlim_max;
  } else {
    unsigned long pages = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
      if (std::fscanf(f, "%lu", &pages) != 1) pages = 0;
      std::fclose(f);
    }
    if (pages == 0) return;
    uint64_t want = pages * static_cast<uint64_t>(::sysconf(_SC_PAGESIZE)) + extra;
    r.rlim_cur = r.rlim_max == RLIM_INFINITY ? want : std::min<uint64_t>(want, r.rlim_max);
  }
  ::setrlimit(RLIMIT_AS, &r);
#else
  (void)extra;
#endif
}

// The ExtractContext inside the helper: the budget's checks as the
// scanner's ItemContext makes them (same limit records), everything else
// sent to the worker.
class RemoteContext final : public ExtractContext {
 public:
  RemoteContext(int fd, const Limits& limits, const FileBudget& budget, const std::atomic<int>* cancel,
                MappedFile* file)
      : fd_(fd), limits_(limits), budget_(budget), cancel_(cancel), file_(file) {}

  void Text(std::string_view utf8, const Location& where, const SegmentInfo& info) override {
    if (utf8.empty()) return;
    WireWriter w;
    w.Loc(where);
    w.U8(static_cast<uint8_t>(info.kind));
    w.Str(info.label);
    w.Str(info.row);
    w.U64(static_cast<uint64_t>(info.page));
    w.U64(info.base_offset);
    // A line cursor lives in this process: its line at the window's start
    // is what the findings count from (detectors/finding_maker.cc).
    w.U64(info.lines != nullptr ? info.lines->LineAt(info.base_offset) : info.base_line);
    w.U64(info.report_from);
    w.U8(info.has_offsets);
    w.U8(info.has_lines);
    w.Str(utf8);
    Send(Msg::kText, w);
  }
  using ExtractContext::Text;

  void Child(std::string_view bytes, const Location& where, const ChildInfo& info) override {
    if (ShouldStop()) return;
    if (budget_.depth + 1 > limits_.max_depth) {
      if (!budget_.depth_reported) {
        budget_.depth_reported = true;
        Problem(FileStatus::kLimit,
                "max_depth: nesting deeper than " + std::to_string(limits_.max_depth) + " levels", where);
      }
      return;
    }
    if (++budget_.members > limits_.max_members) {
      Problem(FileStatus::kLimit,
              "max_members: more than " + std::to_string(limits_.max_members) + " nested items", where);
      budget_.exhausted = true;
      return;
    }
    ++budget_.depth;
    DispatchItem(bytes, where, info, *this);
    --budget_.depth;
  }

  void Problem(FileStatus status, std::string_view reason, const Location& where) override {
    WireWriter w;
    w.U8(static_cast<uint8_t>(status));
    w.Str(reason);
    w.Loc(where);
    Send(Msg::kProblem, w);
  }

  void Dated(const Location& where, int64_t unix_time) override {
    WireWriter w;
    w.Loc(where);
    w.U64(static_cast<uint64_t>(unix_time));
    Send(Msg::kDated, w);
  }

  bool ChargeExpanded(uint64_t bytes, const Location& where) override {
    budget_.expanded += bytes;
    if (budget_.expanded <= limits_.max_expanded_bytes) return true;
    if (!budget_.exhausted) {
      Problem(FileStatus::kLimit,
              "max_expanded_bytes: more than " + std::to_string(limits_.max_expanded_bytes) +
                  " bytes expanded from one file",
              where);
    }
    budget_.exhausted = true;
    return false;
  }

  bool ShouldStop() const override {
    if (budget_.exhausted || Cancelled()) return true;
    if (std::chrono::steady_clock::now().time_since_epoch() > std::chrono::nanoseconds(budget_.deadline_ns)) {
      if (!budget_.deadline_reported) {
        auto* self = const_cast<RemoteContext*>(this);
        self->budget_.deadline_reported = true;
        self->Problem(FileStatus::kLimit,
                      "max_time_per_file: more than " + std::to_string(limits_.max_time_per_file.count()) + " s",
                      {});
      }
      return true;
    }
    return false;
  }

  int depth() const override { return budget_.depth; }
  const Limits& limits() const override { return limits_; }
  void DoneWith(uint64_t offset) override {
    if (budget_.depth != 0) return;
    if (file_ != nullptr) return file_->DoneWith(offset);  // the worker does not read it
    WireWriter w;
    w.U64(offset);
    Send(Msg::kDoneWith, w);
  }
  FileBudget* budget() override { return &budget_; }
  bool Cancelled() const override { return cancel_->load(std::memory_order_relaxed) != 0; }

 private:
  // Problems and dates wait in a buffer until text, the end of the item, or
  // 50 ms: a zip bomb reports a limit hundreds of thousands of times, and a
  // system call for each tripled the scan's system time.
  void Send(Msg kind, WireWriter& w) {
    if (kind != Msg::kText && pending_.size() < (64 << 10)) {
      pending_ += wire::Frame(kind, w.out());
      auto now = std::chrono::steady_clock::now();
      if (now - flushed_ < std::chrono::milliseconds(50)) return;
      Flush();
      return;
    }
    Flush();
    // The worker is gone (its scan ended or it gave up on this item).
    if (!wire::SendFrame(fd_, kind, w.out())) ::_exit(0);
  }

 public:
  void Flush() {
    flushed_ = std::chrono::steady_clock::now();
    if (pending_.empty()) return;
    if (!wire::SendRaw(fd_, pending_)) ::_exit(0);
    pending_.clear();
  }

 private:
  std::string pending_;
  std::chrono::steady_clock::time_point flushed_ = std::chrono::steady_clock::now();

  int fd_;
  const Limits& limits_;
  FileBudget budget_;
  const std::atomic<int>* cancel_;
  MappedFile* file_;  // null: the item came as bytes
};

void Serve(int fd, std::string_view request, int passed_fd, const std::atomic<int>* cancel) {
  WireReader r(request);
  std::string_view type = r.Str();
  std::string_view library = r.Str();
  Location where = r.Loc();
  auto limits = r.Pod<Limits>();
  auto budget = r.Pod<FileBudget>();
  bool from_file = r.U8() != 0;
  uint64_t size = r.U64();
  std::string_view bytes = r.Str();
  std::optional<MappedFile> file;
  if (from_file) {
    file.emplace(passed_fd, size);
    passed_fd = -1;
    bytes = file->bytes();
    WireWriter w;
    w.U8(static_cast<uint8_t>(FileStatus::kUnreadable));
    w.Str("file shrank while being read");
    w.Loc(where);
    g_file_shrank = wire::Frame(Msg::kProblem, w.out());
  } else if (passed_fd >= 0) {
    ::close(passed_fd);
  }
  const FormatEntry* entry = r.ok() ? FindFormat(type) : nullptr;
  RemoteContext ctx(fd, limits, budget, cancel, file ? &*file : nullptr);
  if (entry == nullptr || entry->extractor == nullptr) {
    ctx.Problem(FileStatus::kUnsupported, "no extractor for " + std::string(type), where);
  } else if (file && !file->ok() && size > 0) {
    ctx.Problem(FileStatus::kUnreadable, std::string("cannot map the file: ") + std::strerror(file->error()), where);
  } else {
    const Extractor& extractor = *entry->extractor;
    {
      WireWriter w;
      w.U8(static_cast<uint8_t>(FileStatus::kLimit));
      w.Str("max_extractor_memory: the " + std::string(type) + " extractor (" + std::string(library) +
            ") needed more than " + std::to_string(limits.max_extractor_memory >> 20) + " MB");
      w.Loc(where);
      g_out_of_memory = wire::Frame(Msg::kProblem, w.out());
    }
    LimitAddressSpace(bytes.size() + limits.max_extractor_memory);
    if (g_fault != nullptr) g_fault(bytes);
    // As DispatchItem: the last line of defence for exceptions.
    try {
      extractor.Extract(bytes, where, ctx);
    } catch (const std::exception& e) {
      ctx.Problem(FileStatus::kCorrupt, std::string(extractor.Name()) + ": " + e.what(), where);
    } catch (...) {
      ctx.Problem(FileStatus::kCorrupt, std::string(extractor.Name()) + ": unknown error", where);
    }
    LimitAddressSpace(0);
  }
  ctx.Flush();
  WireWriter w;
  w.Pod(*ctx.budget());
  if (!wire::SendFrame(fd, Msg::kDone, w.out())) ::_exit(0);
}

}  // namespace

void ServeIsolatedRequests(int fd, const std::atomic<int>* cancel) {
  g_fd = fd;
  std::set_new_handler(OnOutOfMemory);
  struct sigaction bus {};
  bus.sa_sigaction = OnSigbus;
  bus.sa_flags = SA_SIGINFO;
  ::sigaction(SIGBUS, &bus, nullptr);
  std::string request;
  Msg kind;
  int passed = -1;
  while (wire::RecvFrame(fd, kind, request, &passed)) {
    if (kind == Msg::kRequest) {
      Serve(fd, request, passed, cancel);
    } else if (passed >= 0) {
      ::close(passed);
    }
    // Give a big item's memory back before waiting for the next one.
    std::string().swap(request);
  }
  ::_exit(0);
}

namespace testing {
void SetIsolatedFault(void (*fault)(std::string_view bytes)) { g_fault = fault; }
}  // namespace testing

}  // namespace piiscan::formats
