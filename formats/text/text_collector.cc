#include "formats/text/text_collector.h"

#include <algorithm>

namespace piiscan::formats {

TextCollector::TextCollector(ExtractContext& ctx, Location where, SegmentInfo info)
    : ctx_(ctx), where_(std::move(where)), info_(info) {
  // Extracted text has no byte offsets or line numbers in the file.
  info_.has_offsets = false;
  info_.has_lines = false;
  window_ = static_cast<size_t>(std::max<uint64_t>(ctx.limits().text_window, 4096));
}

void TextCollector::Add(std::string_view utf8) {
  buffer_.append(utf8);
  // One paragraph of many megabytes (hostile, or a dump in one line): cut
  // it at a space so the buffer stays bounded.
  if (buffer_.size() > 4 * window_) {
    size_t cut = buffer_.find_last_of(" \t", buffer_.size() - 1);
    if (cut == std::string::npos || cut < window_) cut = buffer_.size();
    // Do not cut inside a UTF-8 sequence.
    while (cut < buffer_.size() && (static_cast<unsigned char>(buffer_[cut]) & 0xC0) == 0x80) ++cut;
    std::string rest = buffer_.substr(cut);
    buffer_.resize(cut);
    Flush();
    buffer_ = std::move(rest);
  }
}

void TextCollector::EndLine() {
  while (!buffer_.empty() && (buffer_.back() == ' ' || buffer_.back() == '\t')) buffer_.pop_back();
  if (buffer_.empty() || buffer_.back() == '\n') return;
  buffer_.push_back('\n');
  if (buffer_.size() >= window_) Flush();
}

void TextCollector::EndCell() {
  while (!buffer_.empty() && buffer_.back() == ' ') buffer_.pop_back();
  if (buffer_.empty() || buffer_.back() == '\n') return;
  buffer_.push_back('\t');
}

void TextCollector::Flush() {
  if (buffer_.find_first_not_of(" \t\n") != std::string::npos) ctx_.Text(buffer_, where_, info_);
  buffer_.clear();
}

}  // namespace piiscan::formats
