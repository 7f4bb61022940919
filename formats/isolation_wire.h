#pragma once
// The messages between a worker and its extractor helper process
// (formats/isolation.h), framed on a stream socket: one byte of kind, eight
// of length, the payload. Payloads are built with WireWriter and read with
// WireReader (little-endian host order: both ends are the same binary).
// A request may carry a file descriptor (SCM_RIGHTS) on its first byte.
//
// Thread safety: a writer or reader belongs to one thread; a socket is used
// by one worker and its helper only.

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

#include "core/location.h"

namespace piiscan::formats::wire {

enum class Msg : uint8_t {
  kRequest = 1,  // worker → helper: type, location, limits, budget, bytes or a file's descriptor
  kText,         // helper → worker: ExtractContext::Text
  kProblem,      // helper → worker: ExtractContext::Problem
  kDated,        // helper → worker: ExtractContext::Dated
  kDoneWith,     // helper → worker: ExtractContext::DoneWith
  kDone,         // helper → worker: the item is read; the budget as it is now
  kSpawn,        // scan → zygote: fork a helper (its cancel flag's address)
  kSpawned,      // zygote → scan: the helper's pid (-1: none), its socket passed
};

class WireWriter {
 public:
  void U8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void U64(uint64_t v) { Raw(&v, sizeof v); }
  void Str(std::string_view s) {
    U64(s.size());
    out_.append(s);
  }
  void Loc(const Location& where) {
    U64(where.size());
    for (const auto& step : where) Str(step);
  }
  // Plain data only (Limits, FileBudget): both ends are one binary.
  template <class T>
  void Pod(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    Raw(&v, sizeof v);
  }
  std::string& out() { return out_; }

 private:
  void Raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  std::string out_;
};

// Reads what WireWriter wrote; a short payload sets !ok() and yields zeros.
class WireReader {
 public:
  explicit WireReader(std::string_view in) : in_(in) {}
  uint8_t U8() {
    uint8_t v = 0;
    Raw(&v, 1);
    return v;
  }
  uint64_t U64() {
    uint64_t v = 0;
    Raw(&v, sizeof v);
    return v;
  }
  std::string_view Str() {
    uint64_t n = U64();
    if (n > in_.size() - pos_) {
      ok_ = false;
      return {};
    }
    std::string_view s = in_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  Location Loc() {
    Location where;
    uint64_t n = U64();
    for (uint64_t i = 0; i < n && ok_; ++i) where.emplace_back(Str());
    return where;
  }
  template <class T>
  T Pod() {
    static_assert(std::is_trivially_copyable_v<T>);
    T v{};
    Raw(&v, sizeof v);
    return v;
  }
  bool ok() const { return ok_; }

 private:
  void Raw(void* p, size_t n) {
    if (n > in_.size() - pos_) {
      ok_ = false;
      return;
    }
    std::memcpy(p, in_.data() + pos_, n);
    pos_ += n;
  }
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

// Sends one frame; false when the other end is gone. Never raises SIGPIPE.
// With `pass_fd` >= 0 a duplicate of that descriptor goes along (SCM_RIGHTS).
bool SendFrame(int fd, Msg kind, std::string_view payload, int pass_fd = -1);
// The frame header alone, for a message that must be sent without
// allocating (the helper's out-of-memory handler).
std::string Frame(Msg kind, std::string_view payload);
// Sends frames made with Frame() as they are.
bool SendRaw(int fd, std::string_view frames);
// Receives one frame (blocking); false at end of stream or on an error. A
// descriptor sent with it lands in `*passed` (close-on-exec; -1 when none),
// or is closed when `passed` is null.
bool RecvFrame(int fd, Msg& kind, std::string& payload, int* passed = nullptr);

}  // namespace piiscan::formats::wire
