// EngineOptions::keep_all_candidates: what the DSAR search relies on. A BSN
// next to a negative keyword scores below the noise floor and is dropped by
// a normal scan, but a person search must still see (and mask) it.
#include <gtest/gtest.h>

#include "detectors/engine.h"
#include "rules/rule_loader.h"

namespace piiscan::detectors {
namespace {

std::vector<std::string> Values(const Engine& engine, std::string_view text) {
  auto scanner = engine.NewScanner();
  std::vector<Detection> d;
  scanner->Scan(text, {}, d);
  std::vector<std::string> out;
  for (const auto& x : d) out.push_back(engine.specs()[x.spec].id + "=" + x.value);
  return out;
}

TEST(EngineOptionsTest, KeepAllCandidatesKeepsWhatContextDrops) {
  auto rules = rules::LoadEmbeddedRules();
  ASSERT_TRUE(rules) << rules.error().message;
  auto normal = Engine::Build(*rules);
  auto all = Engine::Build(*rules, EngineOptions{.keep_all_candidates = true});
  ASSERT_TRUE(normal && all);
  const std::string_view text = "factuurnummer 111222333";
  EXPECT_TRUE(Values(**normal, text).empty());
  EXPECT_EQ(Values(**all, text), std::vector<std::string>{"bsn=111222333"});
}

TEST(EngineOptionsTest, KeepAllCandidatesIgnoresRequiresContext) {
  auto rules = rules::LoadEmbeddedRules();
  ASSERT_TRUE(rules) << rules.error().message;
  for (auto& s : rules->detectors) {
    if (s.id == "bsn") s.requires_context = true;
  }
  auto normal = Engine::Build(*rules);
  auto all = Engine::Build(*rules, EngineOptions{.keep_all_candidates = true});
  ASSERT_TRUE(normal && all);
  const std::string_view text = "nummer 111222333 hier";
  EXPECT_TRUE(Values(**normal, text).empty());
  EXPECT_EQ(Values(**all, text), std::vector<std::string>{"bsn=111222333"});
  // Invalid values stay out even so: validation is not context.
  EXPECT_TRUE(Values(**all, "nummer 111222334 hier").empty());
}

}  // namespace
}  // namespace piiscan::detectors

namespace piiscan::detectors {
namespace {

TEST(EngineOptionsTest, ExtraCandidatesDoNotTakeSpansFromReportedOnes) {
  // A 10-digit mobile number may also be read as a weak candidate of another
  // detector; keep_all must not let that one claim the phone number's span.
  auto rules = rules::LoadEmbeddedRules();
  ASSERT_TRUE(rules) << rules.error().message;
  auto all = Engine::Build(*rules, EngineOptions{.keep_all_candidates = true});
  ASSERT_TRUE(all);
  auto found = Values(**all, "0612345678");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0], "phone_nl=+31612345678");
}

}  // namespace
}  // namespace piiscan::detectors
