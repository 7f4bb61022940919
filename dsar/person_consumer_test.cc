#include "dsar/person_consumer.h"

#include <gtest/gtest.h>

#include "rules/rule_loader.h"

namespace piiscan::dsar {
namespace {

Finding Hit(Location where, Confidence c) {
  Finding f;
  f.location = std::move(where);
  f.confidence = c;
  f.matched = Finding::QueryMatch{"name", "surname"};
  return f;
}

TEST(DropLonelyWeakHitsTest, WeakHitsNeedAStrongOneInTheSameMessage) {
  std::vector<Finding> f = {
      Hit({"message 1"}, Confidence::kLow),                          // alone in message 1: dropped
      Hit({"message 2", "attachment a.pdf", "page 1"}, Confidence::kLow),  // message 2 has a strong hit
      Hit({"message 2"}, Confidence::kHigh),
      Hit({"message 3"}, Confidence::kMedium),
  };
  DropLonelyWeakHits(f);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].location[0], "message 2");
  EXPECT_EQ(f[0].confidence, Confidence::kLow);
}

TEST(DropLonelyWeakHitsTest, OutsideMailTheFileIsTheScope) {
  std::vector<Finding> lonely = {Hit({"sheet A", "cell B2"}, Confidence::kLow)};
  DropLonelyWeakHits(lonely);
  EXPECT_TRUE(lonely.empty());
  std::vector<Finding> near = {Hit({"sheet A", "cell B2"}, Confidence::kLow), Hit({"sheet B", "cell C9"}, Confidence::kHigh)};
  DropLonelyWeakHits(near);
  EXPECT_EQ(near.size(), 2u);
}

TEST(PersonConsumerTest, FindingsCarryMatchSnippetAndPosition) {
  auto rules = rules::LoadEmbeddedRules();
  ASSERT_TRUE(rules) << rules.error().message;
  auto engine = detectors::Engine::Build(*rules, detectors::EngineOptions{.keep_all_candidates = true});
  ASSERT_TRUE(engine);
  auto prefixes = LoadNamePrefixes(*rules);
  ASSERT_TRUE(prefixes) << prefixes.error().message;
  auto q = NormaliseQuery(PersonQuery{.names = {"Jan de Vries"}, .ibans = {"NL91ABNA0417164300"}}, *prefixes);
  ASSERT_TRUE(q);
  auto m = PersonMatcher::Build(*q, *engine);
  ASSERT_TRUE(m) << m.error().message;
  KeyedHasher hasher("k");
  scanner::TextConsumerFactory factory = PersonConsumerFactory(*m, {false, false, Confidence::kLow, &hasher});
  ASSERT_TRUE(factory);
  auto consumer = factory();
  ItemReport r;
  r.file = "x.txt";
  SegmentInfo info;
  info.base_line = 10;
  info.page = 2;
  consumer->Consume("Beste,\nde Vries\nJan de Vries betaalt op NL91 ABNA 0417 1643 00.", info, {"page 2"}, 0, r);
  consumer->FinishItem(r);
  ASSERT_EQ(r.findings.size(), 3u);
  const auto& weak = r.findings[0];
  EXPECT_EQ(weak.confidence, Confidence::kLow);  // kept: a strong hit is in the same file
  EXPECT_EQ(*weak.line, 11u);
  const auto& iban = r.findings[2];
  EXPECT_EQ(iban.detector, "person");
  EXPECT_EQ(iban.category, "bank_account");
  EXPECT_EQ(iban.matched->field, "iban");
  EXPECT_EQ(iban.masked, "NL91 **** **** **43 00");
  EXPECT_EQ(iban.value_hash, hasher.Hash("bank_account:NL91ABNA0417164300"));
  EXPECT_FALSE(iban.value);
  EXPECT_EQ(*iban.page, 2);
  EXPECT_EQ(*iban.line, 12u);
  EXPECT_EQ(iban.snippet->find("Jan de Vries"), std::string::npos) << *iban.snippet;
  EXPECT_EQ(iban.snippet->find("0417"), std::string::npos) << *iban.snippet;
}

}  // namespace
}  // namespace piiscan::dsar
