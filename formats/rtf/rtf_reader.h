#pragma once
// A small RTF-to-text reader (Debian has no library that does this well).
// Understands control words and groups; skips destinations that are not
// text (\*, fonttbl, colortbl, stylesheet, pict, objdata, field
// instructions ...); turns \par, \line, \row into line ends and \tab,
// \cell into tabs; decodes \'xx in the document's code page (\ansicpg,
// default 1252, or the current font's \fcharset) and \uN with \ucN
// fallback skipping (surrogate pairs joined); \~ becomes a space, \- (soft
// hyphen) nothing, \_ a hyphen. From \info it keeps author, operator (last
// modified by), title, subject, keywords, company, manager, doccomm and
// category as metadata.
//
// Bounded: no recursion (an explicit stack of group states, whose depth is
// capped: deeper groups share their parent's state), \binN data skipped by
// count, text handed on in windows by the caller's sink.
//
// Thread safety: one reader per call.

#include <functional>
#include <string>
#include <string_view>

namespace piiscan::formats::rtf {

class RtfSink {
 public:
  virtual ~RtfSink() = default;
  virtual void Text(std::string_view utf8) = 0;
  virtual void LineEnd() = 0;
  virtual void CellEnd() = 0;
  virtual void Metadata(std::string_view label, std::string_view utf8) = 0;
};

// Reads `rtf` into `sink`. `should_stop` is polled now and then. Returns
// false when the input ended inside an unclosed group (truncated).
bool ReadRtf(std::string_view rtf, RtfSink& sink, const std::function<bool()>& should_stop);

}  // namespace piiscan::formats::rtf
