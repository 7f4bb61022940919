#pragma once
// Gathers the running text of one document part (a body, a header, a slide)
// line by line and hands it to the detectors as one segment, or as several
// when it grows past Limits::text_window: a long document is cut at a line
// (paragraph) end, so memory stays bounded and no paragraph is split unless
// a single one is itself huge.
//
// Thread safety: one collector per part, on one thread.

#include <string>
#include <string_view>

#include "formats/extractor.h"

namespace piiscan::formats {

class TextCollector {
 public:
  TextCollector(ExtractContext& ctx, Location where, SegmentInfo info = {});
  TextCollector(const TextCollector&) = delete;
  TextCollector& operator=(const TextCollector&) = delete;

  void Add(std::string_view utf8);
  void Add(char c) { buffer_.push_back(c); }
  // Ends the current line (nothing when the line is empty, so empty
  // paragraphs leave no blank lines).
  void EndLine();
  // Ends a table cell: a tab, unless the line is empty.
  void EndCell();
  // Hands over what is buffered. Call once at the end (not done by the
  // destructor: the context may be gone then).
  void Flush();

  bool empty() const { return buffer_.empty(); }

 private:
  ExtractContext& ctx_;
  Location where_;
  SegmentInfo info_;
  std::string buffer_;
  size_t window_;
};

}  // namespace piiscan::formats
