#include "formats/archive/member_reader.h"

#include <archive.h>

#include <algorithm>
#include <cstring>

namespace piiscan::formats {
namespace {

using End = MemberData::End;

bool Inside(const char* p, size_t n, std::string_view outer) {
  auto base = reinterpret_cast<uintptr_t>(outer.data());
  auto at = reinterpret_cast<uintptr_t>(p);
  return at >= base && at - base <= outer.size() && n <= outer.size() - (at - base);
}

// Accumulates a member's data: a view while the blocks are contiguous bytes
// of the archive itself, a buffer under the limits otherwise.
class Accumulator {
 public:
  Accumulator(std::string_view archive_bytes, const MemberLimits& limits, const Location& where,
              ExtractContext& ctx, MemberData& out)
      : archive_(archive_bytes), limits_(limits), where_(where), ctx_(ctx), out_(out) {}

  uint64_t size() const { return copying_ ? out_.buffer.size() : view_.size(); }

  // Adds `n` bytes at `p` (nullptr: a sparse hole of zeros). Returns
  // kComplete to go on, or the reason to stop.
  End Add(const char* p, size_t n) {
    if (!copying_ && p != nullptr && (view_.empty() ? Inside(p, n, archive_)
                                                    : p == view_.data() + view_.size())) {
      view_ = std::string_view(view_.empty() ? p : view_.data(), view_.size() + n);
      return End::kComplete;
    }
    if (!copying_) StartCopying();
    uint64_t after = out_.buffer.size() + n;
    if (after > limits_.max_size) return End::kSizeLimit;
    if (BeyondRatio(after, limits_.compressed, limits_.max_ratio)) return End::kRatioLimit;
    if (BeyondRatio(limits_.archive_expanded + out_.expanded + n, limits_.archive_size,
                    limits_.max_ratio)) {
      return End::kArchiveRatioLimit;
    }
    if (!ctx_.ChargeExpanded(n, where_)) return End::kExhausted;
    out_.expanded += n;
    if (p == nullptr) {
      out_.buffer.append(n, '\0');
    } else {
      out_.buffer.append(p, n);
    }
    return End::kComplete;
  }

  void Finish() { out_.bytes = copying_ ? std::string_view(out_.buffer) : view_; }

 private:
  void StartCopying() {
    copying_ = true;
    // Size the buffer once when the header's size is plausible; a lying
    // header costs at most what the ratio allows.
    double plausible = std::max<double>(kRatioFloorBytes,
                                        limits_.max_ratio * static_cast<double>(limits_.compressed));
    uint64_t want = std::min<uint64_t>({limits_.declared_size, limits_.max_size,
                                        static_cast<uint64_t>(std::min(plausible, 1e18))});
    out_.buffer.reserve(std::max<uint64_t>(want, view_.size()));
    out_.buffer.assign(view_);
    view_ = {};
  }

  std::string_view archive_;
  const MemberLimits& limits_;
  const Location& where_;
  ExtractContext& ctx_;
  MemberData& out_;
  std::string_view view_;
  bool copying_ = false;
};

End ErrorEnd(struct archive* a, int r) {
  if (LastErrorIsEncryption(a)) return End::kEncrypted;
  return r <= ARCHIVE_FATAL ? End::kFatal : End::kDamaged;
}

}  // namespace

bool LastErrorIsEncryption(struct archive* a) {
  const char* msg = archive_error_string(a);
  if (msg == nullptr) return false;
  std::string lower(msg);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.find("crypt") != std::string::npos || lower.find("passphrase") != std::string::npos ||
         lower.find("password") != std::string::npos;
}

MemberData ReadMember(struct archive* a, std::string_view archive_bytes,
                      const MemberLimits& limits, const Location& where, ExtractContext& ctx) {
  MemberData out;
  Accumulator acc(archive_bytes, limits, where, ctx, out);
  for (;;) {
    if (ctx.ShouldStop()) {
      out.end = End::kStopped;
      break;
    }
    const void* block = nullptr;
    size_t n = 0;
    la_int64_t offset = 0;
    int r = archive_read_data_block(a, &block, &n, &offset);
    if (r == ARCHIVE_EOF) break;
    if (r < ARCHIVE_OK) {
      out.end = ErrorEnd(a, r);
      break;
    }
    // Sparse files (tar): a block may start past the data so far.
    if (offset < 0 || static_cast<uint64_t>(offset) < acc.size()) {
      out.end = End::kDamaged;
      break;
    }
    if (uint64_t hole = static_cast<uint64_t>(offset) - acc.size(); hole > 0) {
      out.end = acc.Add(nullptr, hole);
      if (out.end != End::kComplete) break;
    }
    if (n > 0) {
      out.end = acc.Add(static_cast<const char*>(block), n);
      if (out.end != End::kComplete) break;
    }
  }
  acc.Finish();
  return out;
}

}  // namespace piiscan::formats
