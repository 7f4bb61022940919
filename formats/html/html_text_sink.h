#pragma once
// Turns the parser's element and character events into what a reader sees:
// running text with line breaks at block elements and tabs between table
// cells, collapsed whitespace, and the data-carrying attribute values. Hands
// the text to the context in overlapping windows (Limits::text_window /
// text_overlap) so a page of any size needs bounded memory.
//
// Thread safety: one sink per parse; not shared.

#include <string>
#include <string_view>

#include "formats/extractor.h"

namespace piiscan::formats {

class HtmlTextSink {
 public:
  HtmlTextSink(const Location& where, ExtractContext& ctx);
  HtmlTextSink(const HtmlTextSink&) = delete;
  HtmlTextSink& operator=(const HtmlTextSink&) = delete;

  // `name` is lower-case (libxml2 folds HTML names); `atts` is a
  // null-terminated list of name, value pairs (values may be null), or null.
  void StartElement(std::string_view name, const char** atts);
  void EndElement(std::string_view name);
  // Decoded UTF-8 text (entities already resolved).
  void Characters(std::string_view text);
  // Hands over the remaining text. Call once, after the parse.
  void Finish();

 private:
  void Attributes(std::string_view element, const char** atts);
  void Attribute(std::string_view value, std::string_view label);
  void Break(char separator);
  void FlushIfFull();
  void Emit();

  const Location& where_;
  ExtractContext& ctx_;
  std::string text_;
  size_t reported_ = 0;     // bytes at the start of text_ already handed over
  int skip_depth_ = 0;      // inside <style>: text not read
  int verbatim_depth_ = 0;  // inside <pre>, <textarea>, <script>: whitespace kept
  bool pending_space_ = false;
};

}  // namespace piiscan::formats
