#include "store/location_json.h"

#include <gtest/gtest.h>

namespace piiscan::store {
namespace {

TEST(LocationJson, EmptyLocationIsAnEmptyArray) {
  EXPECT_EQ(LocationToJson({}), "[]");
  EXPECT_EQ(LocationFromJson("[]"), Location{});
  EXPECT_EQ(LocationFromJson(" [ ] "), Location{});
}

TEST(LocationJson, StepsAreEscapedAndComeBackExactly) {
  Location loc = {"message 3",        "attachment \"offerte\".zip", "a\\b",
                  "line\nbreak\ttab", std::string("nul\0byte", 8),  "caf\xc3\xa9 \xe2\x82\xac",
                  "bad \xff\xfe utf8"};
  std::string json = LocationToJson(loc);
  EXPECT_EQ(json.find('\n'), std::string::npos);
  EXPECT_NE(json.find("\\u0000"), std::string::npos);
  EXPECT_NE(json.find("\\\"offerte\\\""), std::string::npos);
  EXPECT_EQ(LocationFromJson(json), loc);
}

TEST(LocationJson, ReadsEscapesOtherWritersUse) {
  EXPECT_EQ(LocationFromJson(R"(["a\/b","\u00e9","\ud83d\ude00"])"),
            (Location{"a/b", "\xc3\xa9", "\xf0\x9f\x98\x80"}));
}

TEST(LocationJson, RefusesWhatIsNotAnArrayOfStrings) {
  for (const char* bad : {"", "{}", "[1]", "[\"a\"", "[\"a\",]", "[\"a\"] x", "\"a\"", "[\"\\q\"]"})
    EXPECT_FALSE(LocationFromJson(bad).has_value()) << bad;
}

}  // namespace
}  // namespace piiscan::store
