#include "formats/archive/member_reader.h"

#include <archive.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "formats/registry.h"
#include "formats/sniff.h"
#include "formats/text/text_stream.h"

namespace piiscan::formats {
namespace {

using End = MemberData::End;

bool Inside(const char* p, size_t n, std::string_view outer) {
  auto base = reinterpret_cast<uintptr_t>(outer.data());
  auto at = reinterpret_cast<uintptr_t>(p);
  return at >= base && at - base <= outer.size() && n <= outer.size() - (at - base);
}

// Bytes held by this worker's member buffers, all nesting levels together.
thread_local uint64_t t_held = 0;

// Text members up to this size are held whole and read like any other
// member (CSV keeps its column labels); bigger ones are streamed.
constexpr uint64_t kTextWhole = 16ULL << 20;

// Accumulates a member's data: a view while the blocks are contiguous bytes
// of the archive itself, a buffer under the limits otherwise, and a text
// stream once a text member outgrows the memory budget.
class Accumulator {
 public:
  Accumulator(std::string_view archive_bytes, const MemberLimits& limits, const Location& where,
              std::string_view name, ExtractContext& ctx, MemberData& out)
      : archive_(archive_bytes), limits_(limits), where_(where), name_(name), ctx_(ctx), out_(out) {}

  uint64_t size() const { return copying_ ? out_.size : view_.size(); }

  // Adds `n` bytes at `p` (nullptr: a sparse hole of zeros). Returns
  // kComplete to go on, or the reason to stop.
  End Add(const char* p, size_t n) {
    if (!copying_ && p != nullptr && (view_.empty() ? Inside(p, n, archive_)
                                                    : p == view_.data() + view_.size())) {
      view_ = std::string_view(view_.empty() ? p : view_.data(), view_.size() + n);
      return End::kComplete;
    }
    if (!copying_) {
      if (End e = StartCopying(); e != End::kComplete) return e;
    }
    uint64_t after = out_.size + n;
    if (after > limits_.max_size) return End::kSizeLimit;
    if (BeyondRatio(after, limits_.compressed, limits_.max_ratio)) return End::kRatioLimit;
    if (BeyondRatio(limits_.archive_expanded + out_.expanded + n, limits_.archive_size,
                    limits_.max_ratio)) {
      return End::kArchiveRatioLimit;
    }
    if (!ctx_.ChargeExpanded(n, where_)) return End::kExhausted;
    out_.expanded += n;
    return Keep(p, n);
  }

  // Ends the member: the view or buffer becomes out.bytes, a stream hands
  // over its last window (also after a limit: what was read is scanned).
  void Finish() {
    if (stream_) {
      stream_->Finish();
      out_.streamed = true;
      out_.bytes = {};
      return;
    }
    out_.bytes = copying_ ? out_.buffer.view() : view_;
    if (!copying_) out_.size = view_.size();
  }

 private:
  End StartCopying() {
    copying_ = true;
    std::string_view so_far = view_;
    view_ = {};
    return Keep(so_far.data(), so_far.size());
  }

  End Keep(const char* p, size_t n) {
    if (!stream_) {
      // Text needs no more than a window: past kTextWhole, or when the
      // memory budget is spent, it goes on as a stream; anything else is
      // held whole within the budget.
      // A member that must be held whole and whose header declares more
      // than the budget has left would only fill the budget to be refused:
      // refused before, without holding anything.
      if (n > 0 && out_.buffer.size() == 0 && limits_.declared_size > 0 && !IsText(p, n) &&
          !MemberBuffer::Fits(limits_.declared_size, ctx_.limits().max_member_in_memory)) {
        return End::kMemoryLimit;
      }
      bool fits = out_.buffer.size() + n <= kTextWhole || !IsText(p, n);
      if (fits && out_.buffer.Append(p, n, ctx_.limits().max_member_in_memory)) {
        out_.size += n;
        return End::kComplete;
      }
      if (!IsText(p, n)) return End::kMemoryLimit;
      stream_ = std::make_unique<TextStream>(ctx_, where_);
      stream_->Add(out_.buffer.view());
      out_.buffer.Clear();
    }
    Stream(p, n);
    out_.size += n;
    return End::kComplete;
  }

  // Whether the member is text, decided once from its first bytes (those
  // held, or the block at hand when none are).
  bool IsText(const char* p, size_t n) {
    if (!is_text_) {
      std::string_view head =
          out_.buffer.size() > 0 || p == nullptr ? out_.buffer.view() : std::string_view(p, n);
      is_text_ = ReadsAsText(head.substr(0, 64 << 10), name_);
    }
    return *is_text_;
  }

  void Stream(const char* p, size_t n) {
    if (p != nullptr) {
      stream_->Add(std::string_view(p, n));
      return;
    }
    static const std::string kZeros(64 << 10, '\0');
    for (size_t left = n; left > 0;) {
      size_t k = std::min(left, kZeros.size());
      stream_->Add(std::string_view(kZeros).substr(0, k));
      left -= k;
    }
  }

  std::string_view archive_;
  const MemberLimits& limits_;
  const Location& where_;
  std::string_view name_;
  ExtractContext& ctx_;
  MemberData& out_;
  std::string_view view_;
  bool copying_ = false;
  std::unique_ptr<TextStream> stream_;
  std::optional<bool> is_text_;
};

End ErrorEnd(struct archive* a, int r) {
  if (LastErrorIsEncryption(a)) return End::kEncrypted;
  return r <= ARCHIVE_FATAL ? End::kFatal : End::kDamaged;
}

}  // namespace

MemberBuffer::MemberBuffer(MemberBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      capacity_(std::exchange(other.capacity_, 0)) {}

MemberBuffer::~MemberBuffer() { Clear(); }

void MemberBuffer::Clear() {
  std::free(data_);
  t_held -= capacity_;
  data_ = nullptr;
  size_ = capacity_ = 0;
}

bool MemberBuffer::Fits(uint64_t size, uint64_t budget) {
  return t_held <= budget && size <= budget - t_held;
}

bool MemberBuffer::Append(const char* p, size_t n, uint64_t budget) {
  if (n == 0) return true;
  if (n > capacity_ - size_) {
    uint64_t held_elsewhere = t_held - capacity_;
    if (held_elsewhere > budget || size_ + n > budget - held_elsewhere) return false;
    uint64_t want = std::max<uint64_t>({size_ + n, capacity_ * 2, 1 << 20});
    want = std::min<uint64_t>(want, budget - held_elsewhere);
    auto* grown = static_cast<char*>(std::realloc(data_, want));
    if (grown == nullptr) return false;
    t_held += want - capacity_;
    data_ = grown;
    capacity_ = want;
  }
  if (p == nullptr) {
    std::memset(data_ + size_, 0, n);
  } else {
    std::memcpy(data_ + size_, p, n);
  }
  size_ += n;
  return true;
}

bool ReadsAsText(std::string_view head, std::string_view name) {
  SniffResult sniff = Sniff(head, name);
  if (sniff.format == nullptr || sniff.format->extractor == nullptr) return false;
  std::string_view reader = sniff.format->extractor->Name();
  return reader == "text" || reader == "csv";
}

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
                      const MemberLimits& limits, const Location& where, std::string_view name,
                      ExtractContext& ctx) {
  MemberData out;
  Accumulator acc(archive_bytes, limits, where, name, ctx, out);
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
    // The compressed bytes behind libarchive's read position are done with:
    // a top-level archive's mapped pages need not stay resident (pages read
    // again later, e.g. a stored member handed on as a view, come back from
    // the page cache).
    if (la_int64_t at = archive_filter_bytes(a, -1); at > 0) ctx.DoneWith(static_cast<uint64_t>(at));
  }
  acc.Finish();
  return out;
}

}  // namespace piiscan::formats
