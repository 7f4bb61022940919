#pragma once
// Plain text that arrives in pieces (a decompressed archive member too big
// to hold whole): handed to the detectors in the same overlapping windows
// as TextExtractor (Limits::text_window / text_overlap), holding at most a
// window and its overlap. The charset is decided from the first 64 KiB;
// UTF-8 windows carry byte offsets and lines, converted ones lines only.
//
// Thread safety: one stream per member, on one thread.

#include <cstdint>
#include <string>
#include <string_view>

#include "formats/extractor.h"
#include "formats/text/charset.h"

namespace piiscan::formats {

class TextStream {
 public:
  TextStream(ExtractContext& ctx, Location where);
  TextStream(const TextStream&) = delete;
  TextStream& operator=(const TextStream&) = delete;

  // The next bytes of the text.
  void Add(std::string_view bytes);
  // Hands over what is left. Call once at the end.
  void Finish();

  uint64_t bytes_in() const { return total_; }

 private:
  void Decide();
  void Emit(bool last);
  void EmitUtf8(bool last);
  void EmitConverted(bool last);

  ExtractContext& ctx_;
  Location where_;
  uint64_t window_;
  uint64_t overlap_;
  bool decided_ = false;
  bool failed_ = false;
  Charset cs_;
  std::string buf_;     // bytes of the text from offset base_
  uint64_t base_ = 0;   // offset of buf_[0] in the text
  uint64_t start_ = 0;  // next window starts here (UTF-8)
  uint64_t line_ = 1;   // line number at offset base_ (UTF-8) or of carry_
  uint64_t total_ = 0;
  std::string carry_;  // converted: tail of the previous window
};

}  // namespace piiscan::formats
