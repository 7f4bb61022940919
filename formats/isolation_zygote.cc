#include "formats/isolation_zygote.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <mutex>
#include <string>

#include "formats/isolation_helper.h"
#include "formats/isolation_wire.h"

namespace piiscan::formats {
namespace {

using wire::Msg;
using wire::WireReader;
using wire::WireWriter;

std::mutex g_mu;      // one request at a time on the zygote's socket
pid_t g_zygote = -1;  // guarded by g_mu
int g_fd = -1;        // the scan's end of the zygote's socket, guarded by g_mu

// Keeps descriptor `keep` and 0-2, closes every other one.
void KeepOnly(int keep) {
  ::close_range(3, static_cast<unsigned>(keep) - 1, 0);
  ::close_range(static_cast<unsigned>(keep) + 1, ~0U, 0);
}

// Forks a helper through an intermediate process and returns its pid once
// it is the scan's child (the intermediate has ended), or -1.
pid_t ForkHelper(int sock, int zygote_fd, std::atomic<int>* cancel, pid_t scan) {
  int pid_pipe[2];
  if (::pipe2(pid_pipe, O_CLOEXEC) != 0) return -1;
  pid_t middle = ::fork();
  if (middle == 0) {
    pid_t helper = ::fork();
    if (helper == 0) {
      ::close(zygote_fd);
      ::close(pid_pipe[0]);
      ::close(pid_pipe[1]);
      BecomeHelper(sock, cancel, scan);
    }
    (void)!::write(pid_pipe[1], &helper, sizeof helper);
    ::_exit(0);
  }
  ::close(pid_pipe[1]);
  pid_t helper = -1;
  if (middle < 0 || ::read(pid_pipe[0], &helper, sizeof helper) != sizeof helper) helper = -1;
  ::close(pid_pipe[0]);
  // The intermediate has ended when it is reaped: its child is then the
  // subreaper's (the scan's).
  while (middle > 0 && ::waitpid(middle, nullptr, 0) < 0 && errno == EINTR) {
  }
  return helper;
}

[[noreturn]] void ServeZygote(int fd, pid_t scan) {
  std::string request;
  Msg kind;
  while (wire::RecvFrame(fd, kind, request)) {
    WireReader r(request);
    auto* cancel = reinterpret_cast<std::atomic<int>*>(static_cast<uintptr_t>(r.U64()));
    pid_t helper = -1;
    int sv[2] = {-1, -1};
    if (kind == Msg::kSpawn && r.ok() && ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0) {
      helper = ForkHelper(sv[1], fd, cancel, scan);
      ::close(sv[1]);
    }
    WireWriter w;
    w.U64(static_cast<uint64_t>(helper));
    bool sent = wire::SendFrame(fd, Msg::kSpawned, w.out(), helper > 0 ? sv[0] : -1);
    if (sv[0] >= 0) ::close(sv[0]);
    if (!sent) break;
  }
  ::_exit(0);
}

}  // namespace

void BecomeHelper(int sock, std::atomic<int>* cancel, pid_t parent) {
  // Only its own socket: a copy of another worker's end kept here would
  // hide that worker's closing from its helper (both would wait for the
  // other at the end of the scan), and output files and stores are none of
  // the helper's business.
  KeepOnly(sock);
  // A helper forked by the zygote becomes the scan's child when the
  // intermediate process ends, at once.
  for (int i = 0; ::getppid() != parent && i < 20000; ++i) {
    timespec pause{0, 50'000};
    ::nanosleep(&pause, nullptr);
  }
  // Ends with the thread of the scan it is the child of, whatever happens
  // to it (and at once if that has already happened).
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(0);
  // Ctrl-C reaches the whole process group: the scan decides.
  ::signal(SIGINT, SIG_IGN);
  ::signal(SIGQUIT, SIG_IGN);
  ServeIsolatedRequests(sock, cancel);
}

bool StartZygote() {
  std::lock_guard lock(g_mu);
  if (g_zygote > 0) return true;
  // Orphans of the scan's descendants come to it: the helpers the zygote
  // forks through an intermediate that ends.
  if (::prctl(PR_SET_CHILD_SUBREAPER, 1) != 0) return false;
  int sv[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) return false;
  pid_t scan = ::getpid();
  pid_t pid = ::fork();
  if (pid < 0) {
    ::close(sv[0]);
    ::close(sv[1]);
    return false;
  }
  if (pid == 0) {
    KeepOnly(sv[1]);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != scan) ::_exit(0);
    ::signal(SIGINT, SIG_IGN);
    ::signal(SIGQUIT, SIG_IGN);
    ServeZygote(sv[1], scan);
  }
  ::close(sv[1]);
  g_fd = sv[0];
  g_zygote = pid;
  return true;
}

void EndZygote() {
  std::lock_guard lock(g_mu);
  if (g_zygote <= 0) return;
  ::close(g_fd);  // the zygote ends at the end of its stream
  while (::waitpid(g_zygote, nullptr, 0) < 0 && errno == EINTR) {
  }
  g_fd = -1;
  g_zygote = -1;
}

SpawnedHelper SpawnHelper(std::atomic<int>* cancel) {
  std::lock_guard lock(g_mu);
  SpawnedHelper out;
  if (g_zygote <= 0) return out;
  WireWriter w;
  w.U64(static_cast<uint64_t>(reinterpret_cast<uintptr_t>(cancel)));
  std::string reply;
  Msg kind;
  int passed = -1;
  if (!wire::SendFrame(g_fd, Msg::kSpawn, w.out()) || !wire::RecvFrame(g_fd, kind, reply, &passed) ||
      kind != Msg::kSpawned) {
    if (passed >= 0) ::close(passed);
    return out;
  }
  WireReader r(reply);
  auto pid = static_cast<pid_t>(static_cast<int64_t>(r.U64()));
  if (!r.ok() || pid <= 0 || passed < 0) {
    if (passed >= 0) ::close(passed);
    return out;
  }
  out.pid = pid;
  out.fd = passed;
  return out;
}

}  // namespace piiscan::formats
