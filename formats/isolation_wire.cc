#include "formats/isolation_wire.h"

#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>

namespace piiscan::formats::wire {
namespace {

constexpr size_t kHeader = 1 + sizeof(uint64_t);

// Sends all of `iov`; `pass_fd` (when >= 0) rides on the first sendmsg,
// so on the frame's first byte, where the receiver's header read finds it.
bool SendAll(int fd, iovec* iov, int count, int pass_fd = -1) {
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))];
  while (count > 0) {
    msghdr msg{};
    msg.msg_iov = iov;
    msg.msg_iovlen = static_cast<size_t>(count);
    if (pass_fd >= 0) {
      msg.msg_control = control;
      msg.msg_controllen = sizeof control;
      cmsghdr* c = CMSG_FIRSTHDR(&msg);
      c->cmsg_level = SOL_SOCKET;
      c->cmsg_type = SCM_RIGHTS;
      c->cmsg_len = CMSG_LEN(sizeof(int));
      std::memcpy(CMSG_DATA(c), &pass_fd, sizeof(int));
    }
    ssize_t n = ::sendmsg(fd, &msg, MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    pass_fd = -1;  // sent with the first bytes
    auto left = static_cast<size_t>(n);
    while (count > 0 && left >= iov->iov_len) {
      left -= iov->iov_len;
      ++iov;
      --count;
    }
    if (count > 0) {
      iov->iov_base = static_cast<char*>(iov->iov_base) + left;
      iov->iov_len -= left;
    }
  }
  return true;
}

bool RecvAll(int fd, char* p, size_t n) {
  while (n > 0) {
    ssize_t got = ::recv(fd, p, n, 0);
    if (got == 0) return false;
    if (got < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += got;
    n -= static_cast<size_t>(got);
  }
  return true;
}

// Receives the first bytes of a frame with recvmsg, so that a descriptor
// sent with them is taken (a plain recv would drop it), then the rest.
bool RecvHead(int fd, char* p, size_t n, int* passed) {
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))];
  iovec iov{p, n};
  msghdr msg{};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  ssize_t got;
  do {
    got = ::recvmsg(fd, &msg, MSG_CMSG_CLOEXEC);
  } while (got < 0 && errno == EINTR);
  if (got <= 0) return false;
  for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c != nullptr; c = CMSG_NXTHDR(&msg, c)) {
    if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
    size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
    for (size_t i = 0; i < count; ++i) {
      int received = -1;
      std::memcpy(&received, CMSG_DATA(c) + i * sizeof(int), sizeof(int));
      if (passed != nullptr && *passed < 0) {
        *passed = received;
      } else {
        ::close(received);
      }
    }
  }
  return RecvAll(fd, p + got, n - static_cast<size_t>(got));
}

}  // namespace

std::string Frame(Msg kind, std::string_view payload) {
  std::string out(kHeader, '\0');
  out[0] = static_cast<char>(kind);
  uint64_t n = payload.size();
  std::memcpy(out.data() + 1, &n, sizeof n);
  out.append(payload);
  return out;
}

bool SendFrame(int fd, Msg kind, std::string_view payload, int pass_fd) {
  char header[kHeader];
  header[0] = static_cast<char>(kind);
  uint64_t n = payload.size();
  std::memcpy(header + 1, &n, sizeof n);
  iovec iov[2] = {{header, kHeader}, {const_cast<char*>(payload.data()), payload.size()}};
  return SendAll(fd, iov, payload.empty() ? 1 : 2, pass_fd);
}

bool SendRaw(int fd, std::string_view frames) {
  iovec iov{const_cast<char*>(frames.data()), frames.size()};
  return SendAll(fd, &iov, 1);
}

bool RecvFrame(int fd, Msg& kind, std::string& payload, int* passed) {
  if (passed != nullptr) *passed = -1;
  char header[kHeader];
  bool ok = RecvHead(fd, header, kHeader, passed);
  if (ok) {
    kind = static_cast<Msg>(header[0]);
    uint64_t n = 0;
    std::memcpy(&n, header + 1, sizeof n);
    payload.resize(n);
    ok = RecvAll(fd, payload.data(), n);
  }
  if (!ok && passed != nullptr && *passed >= 0) {
    ::close(*passed);
    *passed = -1;
  }
  return ok;
}

}  // namespace piiscan::formats::wire
