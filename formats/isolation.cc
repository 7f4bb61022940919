#include "formats/isolation.h"

#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "formats/isolation_helper.h"
#include "formats/isolation_wire.h"
#include "formats/isolation_zygote.h"

namespace piiscan::formats {
namespace {

using Clock = std::chrono::steady_clock;
using wire::Msg;
using wire::WireReader;
using wire::WireWriter;

// How often a waiting worker looks at Ctrl-C and at the helper's exit.
constexpr auto kTick = std::chrono::milliseconds(100);
// Helpers forked by this process, and how many as spares, for tests.
std::atomic<uint64_t> g_forked{0};
std::atomic<uint64_t> g_spares_forked{0};
std::atomic<uint64_t> g_zygote_forked{0};
// How long a cancelled helper may take to notice before it is killed.
constexpr auto kCancelGrace = std::chrono::seconds(2);

std::string SignalName(int sig) {
  const char* abbrev = ::sigabbrev_np(sig);
  return abbrev ? std::string("SIG") + abbrev : "signal " + std::to_string(sig);
}

// One worker's helper process. The first is forked before the scan starts
// its threads (SpareHelpers) and taken by the worker on first use; one that
// replaces a helper that died is forked by the zygote (isolation_zygote.h),
// so no helper is forked from a process whose other threads may hold locks.
// Only without spares and zygote (a fork refused, a caller that made no
// SpareHelpers) does a worker fork its helper itself: glibc's malloc is safe
// then, and the helper only ever runs the format module, sniffing and the
// registry, which the scan's threads do not lock (docs/design-notes.md). A
// helper forked before the module was loaded loads it on its first item.
class Helper {
 public:
  Helper() = default;
  // With its Ctrl-C flag in a mapping the zygote shares.
  explicit Helper(std::atomic<int>* cancel) : cancel_(cancel) {}
  Helper(const Helper&) = delete;
  Helper& operator=(const Helper&) = delete;
  // Between items a helper holds nothing worth a goodbye.
  ~Helper() { End(true); }

  // Takes over `other`'s process (this one has none).
  void Adopt(Helper& other) {
    std::swap(pid_, other.pid_);
    std::swap(fd_, other.fd_);
    std::swap(cancel_, other.cancel_);
  }

  bool alive() const { return pid_ > 0; }
  int fd() const { return fd_; }
  pid_t pid() const { return pid_; }
  std::atomic<int>& cancel() { return *cancel_; }

  bool Start() {
    if (cancel_ == nullptr) {
      void* page = ::mmap(nullptr, sizeof(std::atomic<int>), PROT_READ | PROT_WRITE,
                          MAP_SHARED | MAP_ANONYMOUS, -1, 0);
      if (page == MAP_FAILED) return false;
      cancel_ = new (page) std::atomic<int>(0);
    }
    int sv[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) return false;
    pid_t parent = ::getpid();
    pid_t pid = ::fork();
    if (pid < 0) {
      ::close(sv[0]);
      ::close(sv[1]);
      return false;
    }
    if (pid == 0) BecomeHelper(sv[1], cancel_, parent);
    g_forked.fetch_add(1, std::memory_order_relaxed);
    ::close(sv[1]);
    fd_ = sv[0];
    pid_ = pid;
    return true;
  }

  // Has the zygote fork the helper; false when there is no zygote or this
  // helper's Ctrl-C flag is not in the mapping the zygote shares.
  bool StartFromZygote(const std::atomic<int>* shared, size_t slots) {
    auto at = reinterpret_cast<uintptr_t>(cancel_), from = reinterpret_cast<uintptr_t>(shared);
    if (shared == nullptr || at < from || at >= from + slots * sizeof(*shared)) return false;
    SpawnedHelper h = SpawnHelper(cancel_);
    if (h.pid <= 0) return false;
    g_forked.fetch_add(1, std::memory_order_relaxed);
    g_zygote_forked.fetch_add(1, std::memory_order_relaxed);
    pid_ = h.pid;
    fd_ = h.fd;
    return true;
  }

  // Ends the helper (killed when `kill`, else it ends at the closed socket)
  // and returns its wait status, -1 when there was none.
  int End(bool kill) {
    if (pid_ <= 0) return -1;
    if (kill) ::kill(pid_, SIGKILL);
    ::close(fd_);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    fd_ = -1;
    return status;
  }

  // The wait status when the helper has exited by now, else -1.
  int Exited() {
    int status = 0;
    if (pid_ > 0 && ::waitpid(pid_, &status, WNOHANG) == pid_) {
      ::close(fd_);
      pid_ = -1;
      fd_ = -1;
      return status;
    }
    return -1;
  }

 private:
  pid_t pid_ = -1;
  int fd_ = -1;
  std::atomic<int>* cancel_ = nullptr;  // shared with every helper of this worker
};

thread_local Helper t_helper;
thread_local bool t_had_helper = false;

// Helpers forked before the scan's threads, for its workers' first items,
// and the mapping of their Ctrl-C flags (one slot each), which the zygote
// shares for the helpers it forks later.
std::mutex g_spares_mu;
std::vector<std::unique_ptr<Helper>> g_spares;
std::atomic<int>* g_slots = nullptr;
size_t g_slot_count = 0;
size_t g_next_slot = 0;  // the next free flag; flags are not reused until all end
unsigned g_users = 0;    // SpareHelpers alive
constexpr size_t kSlots = 1024;

// Gives this thread a helper: a spare for its first, else one from the
// zygote, else a fork of its own.
bool EnsureHelper() {
  if (t_helper.alive()) return true;
  std::unique_ptr<Helper> spare;
  const std::atomic<int>* slots = nullptr;
  size_t slot_count = 0;
  {
    std::lock_guard lock(g_spares_mu);
    if (!t_had_helper && !g_spares.empty()) {
      spare = std::move(g_spares.back());
      g_spares.pop_back();
    }
    slots = g_slots;
    slot_count = g_slot_count;
  }
  t_had_helper = true;
  if (spare && spare->alive()) {
    t_helper.Adopt(*spare);
    return true;
  }
  return t_helper.StartFromZygote(slots, slot_count) || t_helper.Start();
}

// Replays one message of the helper into `ctx`. False on a malformed one.
bool Replay(Msg kind, std::string_view payload, ExtractContext& ctx, FileBudget* budget) {
  WireReader r(payload);
  switch (kind) {
    case Msg::kText: {
      Location where = r.Loc();
      SegmentInfo info;
      info.kind = static_cast<SegmentKind>(r.U8());
      info.label = r.Str();
      info.row = r.Str();
      info.page = static_cast<int>(r.U64());
      info.base_offset = r.U64();
      info.base_line = r.U64();
      info.report_from = r.U64();
      info.has_offsets = r.U8() != 0;
      info.has_lines = r.U8() != 0;
      std::string_view text = r.Str();
      if (r.ok()) ctx.Text(text, where, info);
      break;
    }
    case Msg::kProblem: {
      auto status = static_cast<FileStatus>(r.U8());
      std::string_view reason = r.Str();
      Location where = r.Loc();
      if (r.ok()) ctx.Problem(status, reason, where);
      break;
    }
    case Msg::kDated: {
      Location where = r.Loc();
      auto time = static_cast<int64_t>(r.U64());
      if (r.ok()) ctx.Dated(where, time);
      break;
    }
    case Msg::kDoneWith: {
      uint64_t offset = r.U64();
      if (r.ok()) ctx.DoneWith(offset);
      break;
    }
    case Msg::kDone: {
      auto b = r.Pod<FileBudget>();
      if (r.ok() && budget != nullptr) *budget = b;
      break;
    }
    default:
      return false;
  }
  return r.ok();
}

enum class Outcome { kDone, kDied, kSilent, kCancelled };

// Waits for the helper's messages until it is done, dies, is silent for
// file_timeout, or the scan is cancelled and it does not stop in time.
Outcome Converse(ExtractContext& ctx, FileBudget* budget, int& wait_status) {
  const auto silence = std::chrono::duration_cast<Clock::duration>(ctx.limits().file_timeout);
  auto last = Clock::now();
  std::optional<Clock::time_point> cancelled_at;
  std::string payload;
  for (;;) {
    pollfd p{t_helper.fd(), POLLIN, 0};
    int ready = ::poll(&p, 1, static_cast<int>(kTick.count()));
    if (ready > 0) {
      Msg kind;
      if (!wire::RecvFrame(t_helper.fd(), kind, payload) || !Replay(kind, payload, ctx, budget)) {
        wait_status = t_helper.End(true);
        return Outcome::kDied;
      }
      if (kind == Msg::kDone) return Outcome::kDone;
      last = Clock::now();
      continue;
    }
    if (ready < 0 && errno != EINTR) {
      wait_status = t_helper.End(true);
      return Outcome::kDied;
    }
    // Another helper may hold a copy of this helper's socket (both forked
    // from one process), so its end is not always seen as end of stream.
    if ((wait_status = t_helper.Exited()) != -1) return Outcome::kDied;
    auto now = Clock::now();
    if (ctx.Cancelled()) {
      if (!cancelled_at) {
        cancelled_at = now;
        t_helper.cancel().store(1, std::memory_order_relaxed);
      } else if (now - *cancelled_at > kCancelGrace) {
        t_helper.End(true);
        return Outcome::kCancelled;
      }
    } else if (now - last > silence) {
      t_helper.End(true);
      return Outcome::kSilent;
    }
  }
}

}  // namespace

void RunIsolated(const Extractor& real, std::string_view type, std::string_view library,
                 std::string_view bytes, int file_fd, const Location& where, ExtractContext& ctx) {
  FileBudget* budget = ctx.budget();
  FileBudget start;
  if (budget != nullptr) {
    start = *budget;
  } else {
    start.depth = ctx.depth();
    start.deadline_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                            (Clock::now() + ctx.limits().max_time_per_file).time_since_epoch())
                            .count();
  }
  WireWriter w;
  w.Str(type);
  w.Str(library);
  w.Loc(where);
  w.Pod(ctx.limits());
  w.Pod(start);
  w.U8(file_fd >= 0);
  w.U64(bytes.size());
  // A file goes as its descriptor; the helper maps bytes.size() of it.
  w.Str(file_fd >= 0 ? std::string_view() : bytes);
  // A helper that died between items (killed from outside) is replaced once.
  bool sent = false;
  for (int attempt = 0; attempt < 2 && !sent; ++attempt) {
    if (!EnsureHelper()) break;
    t_helper.cancel().store(0, std::memory_order_relaxed);
    sent = wire::SendFrame(t_helper.fd(), Msg::kRequest, w.out(), file_fd);
    if (!sent) t_helper.End(true);
  }
  if (!sent) {
    // No process to be had (fork refused): read it here rather than not at all.
    real.Extract(bytes, where, ctx);
    return;
  }
  std::string().swap(w.out());
  int wait_status = -1;
  const std::string who = "the " + std::string(type) + " extractor (" + std::string(library) + ")";
  switch (Converse(ctx, budget, wait_status)) {
    case Outcome::kDone:
    case Outcome::kCancelled:
      return;
    case Outcome::kSilent:
      ctx.Problem(FileStatus::kLimit,
                  "file_timeout: " + who + " sent nothing for " +
                      std::to_string(ctx.limits().file_timeout.count()) +
                      " s and was ended; what it had read before was scanned",
                  where);
      return;
    case Outcome::kDied:
      break;
  }
  if (WIFEXITED(wait_status) &&
      (WEXITSTATUS(wait_status) == kHelperOutOfMemory || WEXITSTATUS(wait_status) == kHelperFileShrank))
    return;  // it said so
  std::string how = WIFSIGNALED(wait_status)  ? "crashed (" + SignalName(WTERMSIG(wait_status)) + ")"
                    : WIFEXITED(wait_status) ? "ended unexpectedly (exit " +
                                                   std::to_string(WEXITSTATUS(wait_status)) + ")"
                                             : "ended unexpectedly";
  ctx.Problem(FileStatus::kCrashed, who + " " + how + "; what it had read before was scanned", where);
}

SpareHelpers::SpareHelpers(unsigned count) {
  std::lock_guard lock(g_spares_mu);
  // The first of the process's SpareHelpers (two scans at once share)
  // maps the flags and starts the zygote; the last unmaps and ends them.
  if (g_users++ == 0) {
    void* map = ::mmap(nullptr, kSlots * sizeof(std::atomic<int>), PROT_READ | PROT_WRITE,
                       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (map == MAP_FAILED) return;  // the workers fork their own
    g_slots = static_cast<std::atomic<int>*>(map);
    g_slot_count = kSlots;
    g_next_slot = 0;
    for (size_t i = 0; i < g_slot_count; ++i) new (g_slots + i) std::atomic<int>(0);
    StartZygote();
  }
  for (unsigned i = 0; i < count && g_slots != nullptr && g_next_slot < g_slot_count; ++i) {
    auto helper = std::make_unique<Helper>(g_slots + g_next_slot++);
    if (!helper->Start()) break;
    g_spares_forked.fetch_add(1, std::memory_order_relaxed);
    g_spares.push_back(std::move(helper));
  }
}

SpareHelpers::~SpareHelpers() {
  std::vector<std::unique_ptr<Helper>> left;
  std::atomic<int>* slots = nullptr;
  size_t slot_count = 0;
  {
    std::lock_guard lock(g_spares_mu);
    left.swap(g_spares);  // another scan's workers then start theirs from the zygote
    if (--g_users == 0) {
      std::swap(slots, g_slots);
      std::swap(slot_count, g_slot_count);
    }
  }
  left.clear();
  if (slots == nullptr) return;
  EndZygote();
  ::munmap(slots, slot_count * sizeof(std::atomic<int>));
}

namespace testing {
uint64_t HelpersForked() { return g_forked.load(std::memory_order_relaxed); }
uint64_t SpareHelpersForked() { return g_spares_forked.load(std::memory_order_relaxed); }
uint64_t ZygoteHelpersForked() { return g_zygote_forked.load(std::memory_order_relaxed); }
}  // namespace testing

}  // namespace piiscan::formats
