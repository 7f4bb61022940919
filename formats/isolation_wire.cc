#include "formats/isolation_wire.h"

#include <sys/socket.h>
#include <sys/uio.h>

#include <cerrno>

namespace piiscan::formats::wire {
namespace {

constexpr size_t kHeader = 1 + sizeof(uint64_t);

bool SendAll(int fd, iovec* iov, int count) {
  while (count > 0) {
    msghdr msg{};
    msg.msg_iov = iov;
    msg.msg_iovlen = static_cast<size_t>(count);
    ssize_t n = ::sendmsg(fd, &msg, MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
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

}  // namespace

std::string Frame(Msg kind, std::string_view payload) {
  std::string out(kHeader, '\0');
  out[0] = static_cast<char>(kind);
  uint64_t n = payload.size();
  std::memcpy(out.data() + 1, &n, sizeof n);
  out.append(payload);
  return out;
}

bool SendFrame(int fd, Msg kind, std::string_view payload) {
  char header[kHeader];
  header[0] = static_cast<char>(kind);
  uint64_t n = payload.size();
  std::memcpy(header + 1, &n, sizeof n);
  iovec iov[2] = {{header, kHeader}, {const_cast<char*>(payload.data()), payload.size()}};
  return SendAll(fd, iov, payload.empty() ? 1 : 2);
}

bool SendRaw(int fd, std::string_view frames) {
  iovec iov{const_cast<char*>(frames.data()), frames.size()};
  return SendAll(fd, &iov, 1);
}

bool RecvFrame(int fd, Msg& kind, std::string& payload) {
  char header[kHeader];
  if (!RecvAll(fd, header, kHeader)) return false;
  kind = static_cast<Msg>(header[0]);
  uint64_t n = 0;
  std::memcpy(&n, header + 1, sizeof n);
  payload.resize(n);
  return RecvAll(fd, payload.data(), n);
}

}  // namespace piiscan::formats::wire
