// TextStream cuts text that arrives in pieces into the same windows as
// TextExtractor cuts the whole text, whatever the piece sizes.
#include "formats/text/text_stream.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "formats/recording_context.h"
#include "formats/text/text_extractor.h"

namespace piiscan::formats {
namespace {

struct Window {
  std::string text;
  uint64_t base_offset, base_line, report_from;
  bool has_offsets;
  bool operator==(const Window&) const = default;
};

// The extractor's windows share a line cursor that is gone after the call:
// their line is counted here from the source.
std::vector<Window> Windows(const RecordingContext& ctx, std::string_view source) {
  std::vector<Window> out;
  for (const auto& t : ctx.texts) {
    uint64_t line = t.info.base_line;
    if (t.info.lines != nullptr) {
      line = 1 + static_cast<uint64_t>(
                     std::count(source.begin(), source.begin() + t.info.base_offset, '\n'));
    }
    out.push_back({t.text, t.info.has_offsets ? t.info.base_offset : 0, line, t.info.report_from,
                   t.info.has_offsets});
  }
  return out;
}

Limits SmallWindows() {
  Limits l;
  l.text_window = 4096;
  l.text_overlap = 100;
  return l;
}

std::string Text(std::string_view bom = "") {
  std::string s(bom);
  for (int i = 0; i < 3000; ++i) s += "regel " + std::to_string(i) + " met wat tekst\n";
  return s;
}

void ExpectSameWindows(const std::string& bytes, size_t piece) {
  RecordingContext whole(SmallWindows());
  TextExtractor().Extract(bytes, {"f"}, whole);
  RecordingContext streamed(SmallWindows());
  TextStream stream(streamed, {"f"});
  for (size_t at = 0; at < bytes.size(); at += piece)
    stream.Add(std::string_view(bytes).substr(at, piece));
  stream.Finish();
  ASSERT_GT(whole.texts.size(), 10u);
  EXPECT_EQ(Windows(streamed, bytes), Windows(whole, bytes)) << "pieces of " << piece;
  EXPECT_EQ(stream.bytes_in(), bytes.size());
}

TEST(TextStream, Utf8InAnyPiecesGivesTheExtractorsWindows) {
  for (size_t piece : {1000, 4096, 7777, 1 << 20}) ExpectSameWindows(Text(), piece);
  ExpectSameWindows(Text("\xEF\xBB\xBF"), 3000);  // a BOM: offsets stay file offsets
}

TEST(TextStream, Utf16IsConvertedWindowByWindowLikeTheExtractor) {
  std::string utf8 = Text(), utf16 = "\xFF\xFE";
  for (char c : utf8) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  for (size_t piece : {999, 65536, 1 << 20}) ExpectSameWindows(utf16, piece);
}

}  // namespace
}  // namespace piiscan::formats
