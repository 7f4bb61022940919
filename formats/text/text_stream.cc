#include "formats/text/text_stream.h"

#include <algorithm>

#include "core/line_count.h"

namespace piiscan::formats {

namespace {
constexpr uint64_t kHead = 64 << 10;  // what DetectCharset looks at
}  // namespace

TextStream::TextStream(ExtractContext& ctx, Location where)
    : ctx_(ctx),
      where_(std::move(where)),
      window_(std::max<uint64_t>(ctx.limits().text_window, 4096)),
      overlap_(std::min<uint64_t>(ctx.limits().text_overlap, window_ / 2)) {}

void TextStream::Add(std::string_view bytes) {
  // A window at a time, so that a big first piece is never copied whole.
  while (!bytes.empty() && !failed_) {
    std::string_view piece = bytes.substr(0, window_);
    bytes.remove_prefix(piece.size());
    total_ += piece.size();
    buf_.append(piece);
    if (!decided_ && buf_.size() >= kHead) Decide();
    if (decided_) Emit(false);
  }
}

void TextStream::Finish() {
  if (failed_) return;
  if (!decided_) Decide();
  Emit(true);
  buf_.clear();
  buf_.shrink_to_fit();
}

void TextStream::Decide() {
  decided_ = true;
  cs_ = DetectCharset(std::string_view(buf_).substr(0, kHead));
  start_ = base_ + cs_.bom_size;  // buf_ still starts at offset 0 here
  if (!cs_.is_utf8()) {
    buf_.erase(0, cs_.bom_size);
    base_ = cs_.bom_size;
  }
}

void TextStream::Emit(bool last) {
  if (cs_.is_utf8()) {
    EmitUtf8(last);
  } else {
    EmitConverted(last);
  }
}

// Windows [start_ - overlap_, start_ + window_) as TextExtractor cuts them;
// a window is emitted once its bytes are all here (or at the end).
void TextStream::EmitUtf8(bool last) {
  const uint64_t floor = cs_.bom_size;
  const uint64_t end = base_ + buf_.size();
  while (start_ < end && !ctx_.ShouldStop()) {
    if (!last && start_ + window_ > end) break;
    uint64_t from = start_ >= floor + overlap_ ? start_ - overlap_ : floor;
    uint64_t stop = std::min<uint64_t>(end, start_ + window_);
    std::string_view all(buf_);
    SegmentInfo info;
    info.base_line = line_ + CountNewlines(all.substr(0, from - base_));
    info.base_offset = from;
    info.report_from = start_ - from;
    ctx_.Text(all.substr(from - base_, stop - from), where_, info);
    start_ += window_;
    // Keep what the next window looks back to.
    uint64_t keep_from = std::min<uint64_t>(start_ >= overlap_ ? start_ - overlap_ : 0, end);
    if (keep_from > base_) {
      line_ += CountNewlines(all.substr(0, keep_from - base_));
      buf_.erase(0, keep_from - base_);
      base_ = keep_from;
    }
  }
}

// Another charset: converted window by window, as TextExtractor does.
void TextStream::EmitConverted(bool last) {
  const size_t unit = cs_.unit();
  while (!buf_.empty() && !ctx_.ShouldStop()) {
    if (!last && buf_.size() < window_ + 2) break;
    uint64_t end = std::min<uint64_t>(buf_.size(), window_);
    end -= end % unit;
    if (unit == 2 && end + 2 <= buf_.size()) {
      auto hi = static_cast<unsigned char>(cs_.name == "UTF-16LE" ? buf_[end - 1] : buf_[end - 2]);
      if (hi >= 0xD8 && hi <= 0xDB) end += 2;
    }
    if (end == 0) break;
    auto converted = ToUtf8(std::string_view(buf_).substr(0, end), cs_);
    if (!converted) {
      ctx_.Problem(FileStatus::kUnsupported, "unknown character set " + cs_.name, where_);
      failed_ = true;
      return;
    }
    std::string text = carry_ + *converted;
    SegmentInfo info;
    info.base_line = line_;
    info.report_from = carry_.size();
    info.has_offsets = false;
    ctx_.Text(text, where_, info);
    size_t keep = std::min<size_t>(overlap_, text.size());
    size_t cut = text.size() - keep;
    while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;
    line_ += CountNewlines(std::string_view(text).substr(0, cut));
    carry_ = text.substr(cut);
    buf_.erase(0, end);
  }
}

}  // namespace piiscan::formats
