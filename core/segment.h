#pragma once
// A piece of UTF-8 text handed from an extractor to the detectors, with what
// the detectors may use to judge it: where it is, what kind of text it is,
// and a label (a column header, a form label, a mail header name) that acts
// as context for every match in it.

#include <cstdint>
#include <string_view>

#include "core/location.h"

namespace piiscan {

class LineCursor;  // core/line_count.h

enum class SegmentKind {
  kBody,      // running text
  kHeader,    // a mail header value (From, To, Subject ...)
  kMetadata,  // document properties (author, title)
  kCell,      // a spreadsheet or CSV cell, a table cell
  kAttribute, // an HTML attribute value
};

struct SegmentInfo {
  SegmentKind kind = SegmentKind::kBody;
  std::string_view label;     // e.g. "BSN" (column header), "From"
  // kCell of a CSV or spreadsheet row: the texts of all cells of its row
  // (this one included), tab-separated, as context (detectors/row_context.h).
  std::string_view row;
  int page = 0;               // 1-based, 0 = none
  uint64_t base_offset = 0;   // offset of text[0] in the source (for long texts)
  uint64_t base_line = 1;     // line number of text[0] in the source
  // Matches that end at or before this offset within `text` were already
  // reported by the previous window of the same source (overlapping windows).
  uint64_t report_from = 0;
  bool has_offsets = true;    // offsets point into the file's bytes (false after
                              // a charset conversion: then only lines are given)
  bool has_lines = true;      // line numbers mean something to a reader
  // When set, the line of text[i] is lines->LineAt(base_offset + i): the
  // extractor's count of the whole source, shared with its other segments.
  LineCursor* lines = nullptr;
};

}  // namespace piiscan
