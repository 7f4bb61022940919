#pragma once
// The ExtractContext of the fuzz targets: extracts children recursively
// through dispatch like the scanner, under small limits (a fuzz input is at
// most 1 MiB), and checks the extractor contract on every call: every
// location is non-empty and a problem's reason is valid UTF-8 (it is written
// as is). Text is not checked for UTF-8: text of a file sniffed as UTF-8 is
// a view into its bytes, invalid sequences and all, and the detectors read
// bytes. A broken contract aborts, so the fuzzer reports it like a crash.
// Keeps nothing but counts.
//
// Thread safety: one per run, not shared.

#include <cstdio>
#include <cstdlib>

#include "core/utf8.h"
#include "formats/dispatch.h"
#include "formats/extractor.h"

namespace piiscan::fuzz {

inline Limits FuzzLimits() {
  Limits limits;
  limits.max_depth = 4;
  limits.max_expanded_bytes = 64ULL << 20;
  limits.max_members = 2000;
  limits.max_member_size = 16ULL << 20;
  return limits;
}

class FuzzContext : public formats::ExtractContext {
 public:
  void Text(std::string_view utf8, const Location& where, const SegmentInfo&) override {
    Check(!where.empty(), "text without a location");
    text_bytes_ += utf8.size();
  }
  using ExtractContext::Text;
  void Child(std::string_view bytes, const Location& where, const formats::ChildInfo& info) override {
    Check(!where.empty(), "child without a location");
    if (depth_ + 1 > limits_.max_depth || ++members_ > limits_.max_members) return;
    ++depth_;
    formats::DispatchItem(bytes, where, info, *this);
    --depth_;
  }
  void Problem(FileStatus, std::string_view reason, const Location&) override {
    Check(IsValidUtf8(reason), "problem reason is not valid UTF-8");
  }
  void Dated(const Location&, int64_t) override {}
  bool ChargeExpanded(uint64_t bytes, const Location&) override {
    expanded_ += bytes;
    if (expanded_ > limits_.max_expanded_bytes) exhausted_ = true;
    return !exhausted_;
  }
  bool ShouldStop() const override { return exhausted_; }
  int depth() const override { return depth_; }
  const Limits& limits() const override { return limits_; }
  void DoneWith(uint64_t) override {}

  uint64_t text_bytes() const { return text_bytes_; }

 private:
  static void Check(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz: extractor contract broken: %s\n", what);
    std::abort();
  }

  Limits limits_ = FuzzLimits();
  int depth_ = 0;
  uint64_t members_ = 0;
  uint64_t expanded_ = 0;
  uint64_t text_bytes_ = 0;
  bool exhausted_ = false;
};

}  // namespace piiscan::fuzz
