// Every detector spec carries its own must-match and must-not-match examples
// (rules/data/detectors/*.yaml); this parameterised test runs them all, so a
// detector added as data is tested without writing a test.
#include <gtest/gtest.h>

#include "detectors/engine.h"
#include "rules/rule_loader.h"

namespace piiscan::detectors {
namespace {

struct Example {
  std::string detector;
  std::string text;
  bool must_match;
};

const rules::RuleSet& Rules() {
  static const rules::RuleSet kRules = [] {
    auto r = rules::LoadEmbeddedRules();
    if (!r) throw std::runtime_error(r.error().message);
    return *r;
  }();
  return kRules;
}

std::vector<Example> AllExamples() {
  std::vector<Example> out;
  for (const auto& d : Rules().detectors) {
    for (const auto& t : d.must_match) out.push_back({d.id, t, true});
    for (const auto& t : d.must_not_match) out.push_back({d.id, t, false});
  }
  return out;
}

class SpecExample : public ::testing::TestWithParam<Example> {};

TEST_P(SpecExample, HoldsAsWritten) {
  static auto engine = Engine::Build(Rules());
  ASSERT_TRUE(engine) << engine.error().message;
  auto scanner = (*engine)->NewScanner();
  std::vector<Detection> found;
  scanner->Scan(GetParam().text, SegmentInfo{}, found);
  bool hit = false;
  for (const auto& d : found) hit |= (*engine)->specs()[d.spec].id == GetParam().detector;
  EXPECT_EQ(hit, GetParam().must_match) << GetParam().detector << " on: " << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(Rules, SpecExample, ::testing::ValuesIn(AllExamples()),
                         [](const ::testing::TestParamInfo<Example>& info) {
                           return info.param.detector + (info.param.must_match ? "_match_" : "_nomatch_") +
                                  std::to_string(info.index);
                         });

TEST(Rules, EverySpecHasExamplesOfBothKinds) {
  for (const auto& d : Rules().detectors) {
    EXPECT_FALSE(d.must_match.empty()) << d.id;
    EXPECT_FALSE(d.must_not_match.empty()) << d.id;
  }
}

}  // namespace
}  // namespace piiscan::detectors
