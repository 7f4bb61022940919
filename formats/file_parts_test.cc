// Planning the parts of a big file: they cover it, end at line ends (text)
// or envelope lines (mbox), know their first line or message number, and
// only plain UTF-8 text and mboxes big enough are split.
#include "formats/file_parts.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/line_count.h"
#include "formats/mbox/mbox_split.h"

namespace piiscan::formats {
namespace {

std::string Lines(size_t bytes) {
  std::string text;
  for (int i = 0; text.size() < bytes; ++i) {
    text += "Regel " + std::to_string(i) + " van het logbestand, zonder bijzonderheden.\n";
  }
  return text;
}

std::string Mbox(size_t bytes) {
  std::string box;
  for (int i = 0; box.size() < bytes; ++i) {
    box += "From sender@voorbeeld.nl Mon Jan  1 00:00:00 2024\nFrom: a@voorbeeld.nl\nSubject: bericht " +
           std::to_string(i) + "\n\nTekst van bericht " + std::to_string(i) + ".\nFrom here on, nothing.\n\n";
  }
  return box;
}

std::vector<FilePart> Plan(std::string_view bytes, unsigned threads, std::string_view name = "app.log") {
  std::vector<FilePart> parts;
  uint64_t released = 0;
  auto first = PlanParts(
      bytes, name, threads, [&](const FilePart& p) { parts.push_back(p); },
      [&](uint64_t begin, uint64_t end) {
        EXPECT_EQ(begin, released == 0 ? begin : released);  // in order, without gaps
        EXPECT_LE(end - begin, 9u << 20);                     // in small steps
        released = end;
      });
  if (first) {
    EXPECT_EQ(released, bytes.size());
  }
  if (first) parts.insert(parts.begin(), *first);
  return parts;
}

TEST(FileParts, TextPartsCoverTheFileEndAtLineEndsAndKnowTheirFirstLine) {
  std::string text = Lines(40u << 20);
  auto parts = Plan(text, 2);
  ASSERT_GE(parts.size(), 2u);
  EXPECT_EQ(parts.front().begin, 0u);
  EXPECT_EQ(parts.back().end, text.size());
  for (size_t i = 0; i < parts.size(); ++i) {
    EXPECT_EQ(parts[i].type, "text");
    if (i > 0) {
      EXPECT_EQ(parts[i].begin, parts[i - 1].end);
    }
    EXPECT_EQ(text[parts[i].end - 1], '\n');
    EXPECT_EQ(parts[i].first_line, 1 + CountNewlines(std::string_view(text).substr(0, parts[i].begin)));
  }
}

TEST(FileParts, MboxPartsStartAtEnvelopeLinesAndKnowTheirFirstMessage) {
  std::string box = Mbox(40u << 20);
  auto parts = Plan(box, 2, "archive.mbox");
  ASSERT_GE(parts.size(), 2u);
  EXPECT_EQ(parts.back().end, box.size());
  // Messages are numbered from 1 in file order: count the envelope lines
  // before each part, in one pass (parts are in file order; counting from
  // the start for every part took ten minutes under ASan).
  uint64_t at = 0, before = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    EXPECT_EQ(parts[i].type, "mbox");
    EXPECT_TRUE(mbox::IsFromLine(box, parts[i].begin)) << i;
    for (; at < parts[i].begin; at = mbox::NextFromLine(box, mbox::LineEnd(box, at))) ++before;
    EXPECT_EQ(parts[i].first_item, before + 1) << i;
  }
}

TEST(FileParts, AByteOrderMarkIsNotPartOfAnyPart) {
  std::string text = "\xEF\xBB\xBF" + Lines(40u << 20);
  auto parts = Plan(text, 2);
  ASSERT_GE(parts.size(), 2u);
  EXPECT_EQ(parts.front().begin, 3u);
}

TEST(FileParts, SmallFilesOneThreadAndOtherTypesAreNotSplit) {
  EXPECT_TRUE(Plan(Lines(1u << 20), 2).empty());
  EXPECT_TRUE(Plan(Lines(40u << 20), 1).empty());
  std::string pdf = "%PDF-1.7\n" + Lines(40u << 20);
  EXPECT_TRUE(Plan(pdf, 2).empty());
  std::string utf16 = "\xFF\xFE";
  for (char c : Lines(20u << 20)) utf16 += {c, '\0'};
  EXPECT_TRUE(Plan(utf16, 2).empty());
}

}  // namespace
}  // namespace piiscan::formats
