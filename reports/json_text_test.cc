// JSON strings as the sinks write them: every byte that JSON requires to be
// escaped is, runs that need none are copied whole, and the result reads
// back (nlohmann) as the text written, or its UTF-8-sanitised form.
#include "reports/json_text.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/utf8.h"

namespace piiscan::reports {
namespace {

std::string Written(std::string_view s) {
  std::string out = "x";  // appended to what is there
  AppendJsonString(out, s);
  EXPECT_EQ(out.substr(0, 1), "x");
  return out.substr(1);
}

TEST(JsonText, EscapesWhatJsonRequiresAndReadsBack) {
  for (std::string s : {std::string(""), std::string("plain"), std::string("\"quoted\""), std::string("back\\slash"),
                        std::string("line\nbreak\r\ttab"), std::string("\x01\x1f ctl"), std::string("a\"\\\n"),
                        std::string("trailing \""), std::string("\"leading"), std::string("Zo\xc3\xab \xe2\x82\xac")}) {
    std::string json = Written(s);
    EXPECT_EQ(nlohmann::json::parse(json).get<std::string>(), s) << json;
  }
  EXPECT_EQ(Written("a\"b"), "\"a\\\"b\"");
  EXPECT_EQ(Written("\x01"), "\"\\u0001\"");
}

TEST(JsonText, InvalidUtf8IsSanitisedToValidJson) {
  std::string bad = "caf\xe9 \xff\"x";
  std::string json = Written(bad);
  EXPECT_TRUE(IsValidUtf8(json));
  EXPECT_EQ(nlohmann::json::parse(json).get<std::string>(), SanitizeUtf8(bad));
}

// Plain runs are found 16 bytes at a time: a byte that needs escaping, or
// one of a multi-byte character (invalid or not), is seen at any place of
// any block, and also in the tail shorter than a block.
TEST(JsonText, EveryPlaceOfAStringIsLookedAt) {
  for (size_t size : {1u, 15u, 16u, 17u, 31u, 32u, 33u, 70u}) {
    for (size_t at = 0; at < size; ++at) {
      for (std::string_view odd : {"\"", "\\", "\n", "\x1f", "\xc3\xab", "\xff"}) {
        std::string s(size, 'a');
        s.replace(at, 1, odd);
        std::string json = Written(s);
        ASSERT_TRUE(IsValidUtf8(json)) << size << " " << at;
        EXPECT_EQ(nlohmann::json::parse(json).get<std::string>(), SanitizeUtf8(s)) << size << " " << at;
      }
    }
    std::string plain(size, '~');
    EXPECT_EQ(Written(plain), "\"" + plain + "\"");
  }
}

TEST(JsonText, LocationIsAnArrayOfStrings) {
  std::string out;
  AppendJsonLocation(out, Location{"message 3", "attachment \"a\".zip"});
  auto j = nlohmann::json::parse(out);
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[1].get<std::string>(), "attachment \"a\".zip");
}

}  // namespace
}  // namespace piiscan::reports
