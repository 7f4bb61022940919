// Planning the parts of a big text file: they cover it, end at line ends,
// know their first line, and only plain UTF-8 text big enough is split.
#include "scanner/text_split.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/line_count.h"

namespace piiscan::scanner {
namespace {

std::string Lines(size_t bytes) {
  std::string text;
  for (int i = 0; text.size() < bytes; ++i) {
    text += "Regel " + std::to_string(i) + " van het logbestand, zonder bijzonderheden.\n";
  }
  return text;
}

std::vector<formats::TextPart> Plan(std::string_view bytes, unsigned threads) {
  std::vector<formats::TextPart> parts;
  auto first = PlanTextParts(bytes, "app.log", threads, [&](const formats::TextPart& p) { parts.push_back(p); });
  if (first) parts.insert(parts.begin(), *first);
  return parts;
}

TEST(TextSplit, PartsCoverTheFileEndAtLineEndsAndKnowTheirFirstLine) {
  std::string text = Lines(40u << 20);
  auto parts = Plan(text, 2);
  ASSERT_GE(parts.size(), 2u);
  EXPECT_EQ(parts.front().begin, 0u);
  EXPECT_EQ(parts.back().end, text.size());
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) {
      EXPECT_EQ(parts[i].begin, parts[i - 1].end);
    }
    EXPECT_EQ(text[parts[i].end - 1], '\n');
    EXPECT_EQ(parts[i].first_line, 1 + CountNewlines(std::string_view(text).substr(0, parts[i].begin)));
  }
}

TEST(TextSplit, AByteOrderMarkIsNotPartOfAnyPart) {
  std::string text = "\xEF\xBB\xBF" + Lines(40u << 20);
  auto parts = Plan(text, 2);
  ASSERT_GE(parts.size(), 2u);
  EXPECT_EQ(parts.front().begin, 3u);
}

TEST(TextSplit, SmallFilesOneThreadAndOtherTypesAreNotSplit) {
  EXPECT_TRUE(Plan(Lines(1u << 20), 2).empty());
  EXPECT_TRUE(Plan(Lines(40u << 20), 1).empty());
  std::string pdf = "%PDF-1.7\n" + Lines(40u << 20);
  EXPECT_TRUE(Plan(pdf, 2).empty());
  std::string utf16 = "\xFF\xFE";
  for (char c : Lines(20u << 20)) utf16 += {c, '\0'};
  EXPECT_TRUE(Plan(utf16, 2).empty());
}

}  // namespace
}  // namespace piiscan::scanner
