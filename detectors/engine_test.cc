// The engine on real text: overlaps resolved from the most specific detector
// down, Unicode look-alikes folded, context and labels raising confidence,
// window overlap semantics, and invalid rules reported by name.
#include "detectors/engine.h"

#include <gtest/gtest.h>

#include "rules/rule_loader.h"

namespace piiscan::detectors {
namespace {

class EngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto rules = rules::LoadEmbeddedRules();
    ASSERT_TRUE(rules) << rules.error().message;
    auto e = Engine::Build(*rules);
    ASSERT_TRUE(e) << e.error().message;
    engine_ = *e;
    scanner_ = engine_->NewScanner();
  }
  std::vector<std::pair<std::string, std::string>> Find(std::string_view text, SegmentInfo info = {}) {
    std::vector<Detection> d;
    scanner_->Scan(text, info, d);
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& x : d) out.emplace_back(engine_->specs()[x.spec].id, x.value);
    return out;
  }
  double ScoreOf(std::string_view text, std::string_view id, SegmentInfo info = {}) {
    std::vector<Detection> d;
    scanner_->Scan(text, info, d);
    for (const auto& x : d) {
      if (engine_->specs()[x.spec].id == id) return x.score;
    }
    return -1;
  }
  std::shared_ptr<const Engine> engine_;
  std::unique_ptr<EngineScanner> scanner_;
};

TEST_F(EngineTest, FindsEachKindInOneText) {
  auto found = Find(
      "Beste Jan,\nJe BSN 111222333 staat genoteerd. Betaal op NL91 ABNA 0417 1643 00.\n"
      "Bel 06-12345678 of mail jan.devries@voorbeeld.nl.\n");
  std::vector<std::pair<std::string, std::string>> want = {
      {"bsn", "111222333"},
      {"iban", "NL91ABNA0417164300"},
      {"phone_nl", "+31612345678"},
      {"email", "jan.devries@voorbeeld.nl"}};
  EXPECT_EQ(found, want);
}

TEST_F(EngineTest, NoBsnInsideAnIban) {
  // The IBAN's account digits 0417164300 are not a BSN candidate of 9 digits,
  // but a compact IBAN followed by digits must not yield anything else either.
  auto found = Find("rekening NL91ABNA0417164300 ontvangen");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].first, "iban");
}

TEST_F(EngineTest, FoldsNoBreakSpacesAndDashes) {
  // U+00A0 no-break spaces inside an IBAN, U+2011 non-breaking hyphen in a phone number.
  auto found = Find("IBAN NL91\xC2\xA0" "ABNA\xC2\xA0" "0417\xC2\xA0" "1643\xC2\xA0" "00, tel 06\xE2\x80\x91" "12345678");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].second, "NL91ABNA0417164300");
  EXPECT_EQ(found[1].second, "+31612345678");
}

TEST_F(EngineTest, OffsetsPointIntoTheOriginalText) {
  std::string text = "\xC2\xA0\xC2\xA0" "BSN: 111222333";
  std::vector<Detection> d;
  scanner_->Scan(text, {}, d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(text.substr(d[0].begin, d[0].end - d[0].begin), "111222333");
}

TEST_F(EngineTest, ContextAndLabelsRaiseBsnConfidence) {
  EXPECT_LT(ScoreOf("nummer 111222333", "bsn"), 0.5);
  EXPECT_GE(ScoreOf("BSN: 111222333", "bsn"), 0.8);
  EXPECT_GE(ScoreOf("burgerservicenummer van de werknemer is 111222333", "bsn"), 0.8);
  SegmentInfo cell;
  cell.kind = SegmentKind::kCell;
  cell.label = "BSN";
  EXPECT_GE(ScoreOf("111222333", "bsn", cell), 0.8);
  EXPECT_EQ(ScoreOf("factuurnummer 111222333", "bsn"), -1);  // below the noise floor
}

TEST_F(EngineTest, MatchesEndingInTheOverlapAreLeftToThePreviousWindow) {
  SegmentInfo info;
  std::string text = "BSN 111222333 en mail a.b@voorbeeld.nl";
  info.report_from = text.find(" en");  // the BSN ends before this point
  auto found = Find(text, info);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].first, "email");
}

TEST_F(EngineTest, GluedDigitsAreNotIdentifiers) {
  EXPECT_TRUE(Find("id 1112223330 en A111222333").empty());
}

TEST(EngineBuild, NamesTheDetectorWhosePatternFails) {
  auto rules = rules::LoadEmbeddedRules();
  ASSERT_TRUE(rules);
  auto& spec = rules->detectors.back();
  spec.pattern = "(unclosed";
  auto e = Engine::Build(*rules);
  ASSERT_FALSE(e);
  EXPECT_NE(e.error().message.find("'" + spec.id + "'"), std::string::npos) << e.error().message;
}

}  // namespace
}  // namespace piiscan::detectors
