// Choosing detectors for a scan: only, skip, comma lists, and clear errors.
#include "rules/detector_selection.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rules/rule_loader.h"

namespace piiscan::rules {
namespace {

using ::testing::HasSubstr;

std::vector<std::string> Ids(const RuleSet& r) {
  std::vector<std::string> ids;
  for (const auto& d : r.detectors) ids.push_back(d.id);
  return ids;
}

TEST(DetectorSelection, OnlyAndSkipWithCommaLists) {
  auto rules = LoadEmbeddedRules();
  ASSERT_TRUE(rules);
  auto all = rules->detectors.size();
  auto a = *rules;
  ASSERT_TRUE(SelectDetectors(a, {"iban, bsn", "email"}, {}));
  EXPECT_THAT(Ids(a), ::testing::UnorderedElementsAre("iban", "bsn", "email"));
  auto b = *rules;
  ASSERT_TRUE(SelectDetectors(b, {}, {"person_name"}));
  EXPECT_EQ(b.detectors.size(), all - 1);
  EXPECT_THAT(Ids(b), ::testing::Not(::testing::Contains("person_name")));
  auto c = *rules;
  ASSERT_TRUE(SelectDetectors(c, {}, {}));
  EXPECT_EQ(c.detectors.size(), all);
}

TEST(DetectorSelection, UnknownIdsAndEmptyResultsAreErrorsThatListTheIds) {
  auto rules = LoadEmbeddedRules();
  ASSERT_TRUE(rules);
  auto a = *rules;
  auto r = SelectDetectors(a, {"ibna"}, {});
  ASSERT_FALSE(r);
  EXPECT_THAT(r.error().message, HasSubstr("unknown detector 'ibna'"));
  EXPECT_THAT(r.error().message, HasSubstr("iban"));
  auto b = *rules;
  auto e = SelectDetectors(b, {"iban"}, {"iban"});
  ASSERT_FALSE(e);
  EXPECT_THAT(e.error().message, HasSubstr("no detector left"));
}

}  // namespace
}  // namespace piiscan::rules
