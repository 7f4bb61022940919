#include "formats/text/text_extractor.h"

#include <algorithm>
#include <string>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/line_count.h"
#include "formats/text/charset.h"

namespace piiscan::formats {
namespace {

// UTF-8 text of `bytes` [begin, end) in windows that are views into the
// input, each looking back `overlap` bytes (not before `floor`, the end of
// a byte-order mark) so that a match across a window boundary is found in
// the later window. `line` is the line number at offset `begin`. Offsets
// are offsets in `bytes`.
void ExtractUtf8(std::string_view bytes, uint64_t floor, uint64_t begin, uint64_t end, uint64_t line,
                 const Location& where, ExtractContext& ctx) {
  const uint64_t window = std::max<uint64_t>(ctx.limits().text_window, 4096);
  const uint64_t overlap = std::min<uint64_t>(ctx.limits().text_overlap, window / 2);
  LineCursor lines(bytes, line, begin);  // shared with the findings of every window
  for (uint64_t start = begin; start < end && !ctx.ShouldStop(); start += window) {
    uint64_t from = start >= floor + overlap ? start - overlap : floor;
    uint64_t stop = std::min<uint64_t>(end, start + window);
    SegmentInfo info;
    info.base_line = lines.LineAt(from);  // the first window of a part looks back before `begin`
    info.lines = &lines;
    info.base_offset = from;
    info.report_from = start - from;
    ctx.Text(bytes.substr(from, stop - from), where, info);
    if (from > floor) ctx.DoneWith(from);
  }
}

// Any other charset: converted window by window; offsets are not byte
// offsets of the file any more, so only lines are reported.
void ExtractConverted(std::string_view bytes, const Charset& cs, const Location& where,
                      ExtractContext& ctx) {
  const uint64_t window = std::max<uint64_t>(ctx.limits().text_window, 4096);
  const uint64_t overlap = std::min<uint64_t>(ctx.limits().text_overlap, window / 2);
  const size_t unit = cs.unit();
  std::string carry;  // tail of the previous converted window
  uint64_t line = 1;
  for (uint64_t start = 0; start < bytes.size() && !ctx.ShouldStop();) {
    uint64_t end = std::min<uint64_t>(bytes.size(), start + window);
    end -= (end - start) % unit;
    if (unit == 2 && end + 2 <= bytes.size()) {
      // Do not split a surrogate pair (high surrogate D800-DBFF).
      auto hi = static_cast<unsigned char>(cs.name == "UTF-16LE" ? bytes[end - 1] : bytes[end - 2]);
      if (hi >= 0xD8 && hi <= 0xDB) end += 2;
    }
    if (end <= start) break;
    auto converted = ToUtf8(bytes.substr(start, end - start), cs);
    if (!converted) {
      ctx.Problem(FileStatus::kUnsupported, "unknown character set " + cs.name, where);
      return;
    }
    std::string text = carry + *converted;
    SegmentInfo info;
    info.base_line = line;
    info.report_from = carry.size();
    info.has_offsets = false;
    ctx.Text(text, where, info);
    // Keep the tail for the next window, cut at a UTF-8 character start.
    size_t keep = std::min<size_t>(overlap, text.size());
    size_t cut = text.size() - keep;
    while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;
    line += CountNewlines(std::string_view(text).substr(0, cut));
    carry = text.substr(cut);
    ctx.DoneWith(start);
    start = end;
  }
}

class TextExtractorImpl final : public Extractor {
 public:
  std::string_view Name() const override { return "text"; }
  void Extract(std::string_view bytes, const Location& where, ExtractContext& ctx) const override {
    Charset cs = DetectCharset(bytes);
    if (cs.is_utf8()) {
      ExtractUtf8(bytes, cs.bom_size, cs.bom_size, bytes.size(), 1, where, ctx);
    } else {
      ExtractConverted(bytes.substr(cs.bom_size), cs, where, ctx);
    }
  }
};

// --- CSV -----------------------------------------------------------------

char GuessDelimiter(std::string_view text) {
  std::string_view first = text.substr(0, text.find('\n'));
  size_t best = 0;
  char delim = ',';
  for (char d : {',', ';', '\t', '|'}) {
    size_t n = static_cast<size_t>(std::count(first.begin(), first.end(), d));
    if (n > best) {
      best = n;
      delim = d;
    }
  }
  return delim;
}

struct Cell {
  std::string_view text;  // into the input, or into the record's `quoted` texts
  uint64_t offset;
};

// One cell of a record from `pos`, the slow way (quotes, doubled quotes,
// carriage returns dropped), into `text`; stops at the delimiter or the
// line end outside quotes, which it leaves at `pos`.
uint64_t ReadQuotedCell(std::string_view s, size_t& pos, char delim, uint64_t& lines, std::string& text) {
  uint64_t offset = pos;
  bool quoted = false, was_quoted = false;
  for (; pos < s.size(); ++pos) {
    char c = s[pos];
    if (quoted) {
      if (c == '"') {
        if (pos + 1 < s.size() && s[pos + 1] == '"') {
          text += '"';
          ++pos;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++lines;
        text += c;
      }
      continue;
    }
    if (c == '"' && text.empty() && !was_quoted) {
      quoted = was_quoted = true;
      offset = pos + 1;
    } else if (c == delim || c == '\n') {
      break;
    } else if (c != '\r') {
      text += c;
    }
  }
  return offset;
}

// The first byte at or after `i` that ends a plain cell or makes it a
// quoted one (the delimiter, '\n', '"', '\r'), or s.size(): 16 bytes a step.
// Kept here, not in core/byte_scan: called once per cell, it must be inlined
// into ReadRecord with its constants hoisted (out of line it cost 1.4 % of
// the instructions on a dense CSV).
size_t FindStop(std::string_view s, size_t i, char delim) {
#if defined(__SSE2__)
  const __m128i d = _mm_set1_epi8(delim), nl = _mm_set1_epi8('\n');
  const __m128i quote = _mm_set1_epi8('"'), cr = _mm_set1_epi8('\r');
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, d), _mm_cmpeq_epi8(v, nl)),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, cr)));
    if (const int m = _mm_movemask_epi8(hit))
      return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(m)));
  }
#endif
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == delim || c == '\n' || c == '"' || c == '\r') return i;
  }
  return s.size();
}

// Reads one record starting at `pos` into `cells`; advances `pos` past its
// line end. Quoted fields may span lines; `lines` counts the newlines
// consumed. A cell without quotes or carriage returns is a view of `s`
// (most cells: no copy); the others are read into `quoted`.
void ReadRecord(std::string_view s, size_t& pos, char delim, uint64_t& lines, std::vector<Cell>& cells,
                std::vector<std::string>& quoted) {
  cells.clear();
  size_t used = 0;  // of `quoted`
  std::vector<std::pair<size_t, size_t>> fix;  // (cell, quoted) to point at once `quoted` stops growing
  while (true) {
    const size_t start = pos;
    const size_t i = FindStop(s, start, delim);
    if (i == s.size() || s[i] == delim || s[i] == '\n') {
      cells.push_back({s.substr(start, i - start), start});
      pos = i;
    } else {
      if (used == quoted.size()) quoted.emplace_back();
      quoted[used].clear();
      uint64_t offset = ReadQuotedCell(s, pos, delim, lines, quoted[used]);
      cells.push_back({{}, offset});
      fix.emplace_back(cells.size() - 1, used++);
    }
    if (pos >= s.size()) break;
    const char end = s[pos++];
    if (end == '\n') {
      ++lines;
      break;
    }
  }
  for (auto [c, q] : fix) cells[c].text = quoted[q];
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

class CsvExtractorImpl final : public Extractor {
 public:
  std::string_view Name() const override { return "csv"; }
  void Extract(std::string_view bytes, const Location& where, ExtractContext& ctx) const override {
    // Very large CSVs are read as windows of text: bounded memory wins over
    // column labels there.
    if (bytes.size() > 256ull << 20) {
      TextExtractor().Extract(bytes, where, ctx);
      return;
    }
    Charset cs = DetectCharset(bytes);
    std::string converted;
    std::string_view text = bytes.substr(cs.bom_size);
    bool offsets = true;
    if (!cs.is_utf8()) {
      auto c = ToUtf8(text, cs);
      if (!c) {
        ctx.Problem(FileStatus::kUnsupported, "unknown character set " + cs.name, where);
        return;
      }
      converted = std::move(*c);
      text = converted;
      offsets = false;
    }
    char delim = GuessDelimiter(text);
    size_t pos = 0;
    uint64_t lines = 0;
    std::vector<std::string> header;
    std::vector<Cell> cells;
    std::vector<std::string> quoted;
    ReadRecord(text, pos, delim, lines, cells, quoted);
    for (const auto& c : cells) header.push_back(Trim(c.text));
    SegmentInfo head_info;
    head_info.has_offsets = offsets;
    head_info.base_offset = cs.bom_size;
    ctx.Text(text.substr(0, pos), where, head_info);
    uint64_t since_check = 0;
    std::string row;
    while (pos < text.size()) {
      uint64_t line = lines + 1;
      ReadRecord(text, pos, delim, lines, cells, quoted);
      // Each cell goes with its row's texts: a number's neighbours in the
      // row are its context (detectors/row_context.h).
      row.clear();
      for (const auto& c : cells) {
        if (!row.empty()) row += '\t';
        row += c.text;
      }
      for (size_t i = 0; i < cells.size(); ++i) {
        if (cells[i].text.empty()) continue;
        SegmentInfo info;
        info.kind = SegmentKind::kCell;
        info.label = i < header.size() ? std::string_view(header[i]) : std::string_view();
        info.row = row;
        info.base_offset = cs.bom_size + cells[i].offset;
        info.base_line = line;
        info.has_offsets = offsets;
        ctx.Text(cells[i].text, where, info);
      }
      if (++since_check % 4096 == 0 && ctx.ShouldStop()) return;
    }
  }
};

class EmptyExtractorImpl final : public Extractor {
 public:
  std::string_view Name() const override { return "empty"; }
  void Extract(std::string_view, const Location&, ExtractContext&) const override {}
};

}  // namespace

void ExtractTextPart(std::string_view bytes, uint64_t begin, uint64_t end, uint64_t first_line,
                     const Location& where, ExtractContext& ctx) {
  uint64_t floor = DetectCharset(bytes.substr(0, 65536)).bom_size;
  end = std::min<uint64_t>(end, bytes.size());
  if (begin < floor || begin >= end) return;
  ExtractUtf8(bytes, floor, begin, end, first_line, where, ctx);
}

const Extractor& TextExtractor() {
  static const TextExtractorImpl kInstance;
  return kInstance;
}
const Extractor& CsvExtractor() {
  static const CsvExtractorImpl kInstance;
  return kInstance;
}
const Extractor& EmptyExtractor() {
  static const EmptyExtractorImpl kInstance;
  return kInstance;
}

}  // namespace piiscan::formats
