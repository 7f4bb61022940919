// The engine on real text: overlaps resolved from the most specific detector
// down, Unicode look-alikes folded, context and labels raising confidence,
// window overlap semantics, and invalid rules reported by name.
#include "detectors/engine.h"

#include <gtest/gtest.h>

#include <tuple>

#include "detectors/embedded_engine_for_tests.h"
#include "rules/rule_loader.h"

namespace piiscan::detectors {
namespace {

class EngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto shared = EmbeddedEngineForTests();
    ASSERT_TRUE(shared) << "embedded rules do not build";
    engine_ = shared;
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
      {"person_name", "Jan"},  // "Beste Jan," at the start of a line
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

TEST_F(EngineTest, BsnPrintedFormsAndSynonyms) {
  for (auto text : {"BSN: 1234.56.782", "BSN 123 456 782", "BSN 123-456-782", "BSN 123.456.782",
                    "fiscaal nummer: 123456782", "Fiscaal nummer 123456782", "sofinummer 123456782",
                    "sofi-nummer: 123456782", "persoonsnummer 123456782", "BSN-nummer: 123456782",
                    "Burgerservicenummer 123456782"}) {
    EXPECT_GE(ScoreOf(text, "bsn"), 0.8) << text;
  }
  SegmentInfo cell;
  cell.kind = SegmentKind::kCell;
  for (auto label : {"Fiscaal nummer", "Sofi-nummer", "BSN-nummer", "persoonsnummer"}) {
    cell.label = label;
    EXPECT_GE(ScoreOf("123456782", "bsn", cell), 0.8) << label;
  }
}

TEST_F(EngineTest, EightDigitBsnNeedsContext) {
  EXPECT_EQ(ScoreOf("nummer 12345672 genoteerd", "bsn"), -1);
  double s = ScoreOf("BSN: 12345672", "bsn");
  EXPECT_GE(s, 0.5);
  EXPECT_LT(s, 0.8);
}

TEST_F(EngineTest, BsnInATableRowWithANameOrIbanIsMedium) {
  // A valid 9-digit number alone is low; in a delimited row that also holds
  // a person's name or an IBAN it is medium.
  EXPECT_LT(ScoreOf("Jan de Vries 123456782", "bsn"), 0.5);  // no cells
  EXPECT_LT(ScoreOf("12;123456782;Utrecht", "bsn"), 0.5);     // no name, no IBAN
  double row = ScoreOf("Jan de Vries;123456782;NL91ABNA0417164300;Utrecht", "bsn");
  EXPECT_GE(row, 0.5);
  EXPECT_LT(row, 0.8);
  EXPECT_GE(ScoreOf("7\t123456782\tNL91 ABNA 0417 1643 00", "bsn"), 0.5);
  EXPECT_GE(ScoreOf("| Piet Jansen | 123456782 |", "bsn"), 0.5);
  // The row is one line: a name on the next line does not count.
  EXPECT_LT(ScoreOf("12;123456782;x\nJan de Vries;NL91ABNA0417164300", "bsn"), 0.5);
  // Negative words still win: an order number in a row is no BSN.
  EXPECT_EQ(ScoreOf("Jan de Vries;ordernummer 123456782;NL91ABNA0417164300", "bsn"), -1);
}

TEST_F(EngineTest, MistypedIbanDigitsAreNoOtherIdentifier) {
  // NL12 INGB 0201 2345 67 fails mod 97 (the check digits are 11): its tail
  // "0201 2345 67" is a valid Amsterdam number, and must not be reported.
  EXPECT_TRUE(Find("Rekening: NL12 INGB 0201 2345 67").empty());
  EXPECT_TRUE(Find("IBAN DE87 0041 1111 1111 1111 11").empty());
  // AT15 fails mod 97 (AT10 holds); its digits are a Luhn-valid Visa number.
  EXPECT_TRUE(Find("IBAN AT15 4539 1488 0343 6467").empty());
  EXPECT_EQ(Find("kaart 4539 1488 0343 6467").size(), 1u);
  EXPECT_TRUE(Find("iban nl12ingb0201234567 ontvangen").empty());
  // The same digits on their own are found.
  auto found = Find("Telefoon 0201 2345 67");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].first, "phone_nl");
}

TEST_F(EngineTest, LowerCaseIbansAndPostcodes) {
  auto found = Find("rekening nl91abna0417164300 en nl91 abna 0417 1643 00");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0], (std::pair<std::string, std::string>{"iban", "NL91ABNA0417164300"}));
  EXPECT_EQ(found[1].second, "NL91ABNA0417164300");
  EXPECT_GE(ScoreOf("Dorpsweg 3, 5086 db Goirle", "postcode_nl"), 0.5);
  EXPECT_GE(ScoreOf("Postcode: 5086db", "postcode_nl"), 0.5);
  EXPECT_LT(ScoreOf("toen 5086 db", "postcode_nl"), 0.5);
  EXPECT_EQ(ScoreOf("Adres sinds 2019 in Utrecht", "postcode_nl"), -1);
}

TEST_F(EngineTest, ServiceNumbersWithSevenDigits) {
  for (auto text : {"Bel 0800-1234567", "bel 0900 123 45 67", "tel 0906-1234567", "tel: 09091234567"}) {
    auto found = Find(text);
    ASSERT_EQ(found.size(), 1u) << text;
    EXPECT_EQ(found[0].first, "phone_nl") << text;
  }
  EXPECT_GE(ScoreOf("Bel 0800-1234567", "phone_nl"), 0.5);
  auto short_form = Find("Bel 0800-1234");
  ASSERT_EQ(short_form.size(), 1u);
  EXPECT_EQ(short_form[0].second, "+318001234");
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

TEST_F(EngineTest, NearestKeywordDecides) {
  // The second date's nearest keyword is "datum in dienst", not the birth
  // date label one line up; a label on the next line does not count for the
  // line above.
  auto found = Find("Geboortedatum: 12.03.1985\nDatum in dienst: 01-02-2015\n");
  std::vector<std::pair<std::string, std::string>> want = {{"date_of_birth", "1985-03-12"}};
  EXPECT_EQ(found, want);
}

TEST_F(EngineTest, SuffixKeywordsMatchTheEndOfCompounds) {
  // "*straat" is context in "Kerkstraat": the postcode gets address context.
  EXPECT_GE(ScoreOf("Kerkstraat 12, 3531 WR Utrecht", "postcode_nl"), 0.8);
  EXPECT_LT(ScoreOf("code 3531 WR", "postcode_nl"), 0.8);
}

TEST_F(EngineTest, MrzReportsDocumentBirthDateAndBsnUnderTheirOwnDetectors) {
  auto found = Find(
      "P<NLDDE<VRIES<<JAN<<<<<<<<<<<<<<<<<<<<<<<<<<\n"
      "NW3RK8L521NLD8503127M3001019111222333<<<<<60\n");
  std::vector<std::pair<std::string, std::string>> want = {
      {"id_document_nl", "NW3RK8L52"}, {"date_of_birth", "1985-03-12"}, {"bsn", "111222333"}};
  EXPECT_EQ(found, want);
  // The birth date needs no "geboortedatum" here: the check digits prove it.
  EXPECT_GE(ScoreOf("P<NLDDE<VRIES<<JAN<<<<<<<<<<<<<<<<<<<<<<<<<<\n"
                    "NW3RK8L521NLD8503127M3001019111222333<<<<<60", "date_of_birth"), 0.95);
}

TEST_F(EngineTest, NoBsnInsideABtwNumber) {
  auto found = Find("btw NL 854423783 B01");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0], (std::pair<std::string, std::string>{"btw", "NL854423783B01"}));
}

TEST_F(EngineTest, PrefixLexiconTermsMatchCompounds) {
  // "ziekmelding*" matches "ziekmeldingen"; the value is the term.
  auto found = Find("De ziekmeldingen van medewerker P. Jansen zijn verwerkt.");
  bool health = false;
  for (const auto& [id, value] : found) health |= id == "special_health" && value == "ziekmelding";
  EXPECT_TRUE(health);
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

namespace piiscan::detectors {
namespace {

// Two engines that must agree: the same detections (detector, span,
// value, score) on the text and on its suffixes from every `step` bytes on,
// so that matches meet the text's start at every offset.
void ExpectSameOnEverySuffix(const Engine& a, const Engine& b, std::string_view text, size_t step) {
  for (size_t cut = 0; cut < text.size(); cut += step) {
    std::string_view part = text.substr(cut);
    std::vector<Detection> x, y;
    a.NewScanner()->Scan(part, {}, x);
    b.NewScanner()->Scan(part, {}, y);
    ASSERT_EQ(x.size(), y.size()) << cut;
    for (size_t i = 0; i < x.size(); ++i) {
      EXPECT_EQ(std::tie(x[i].spec, x[i].begin, x[i].end, x[i].value, x[i].score),
                std::tie(y[i].spec, y[i].begin, y[i].end, y[i].value, y[i].score))
          << "from byte " << cut;
    }
  }
}

// An anchored trigger (hs_anchor) must find what the plain trigger finds:
// the same rules with the anchor removed are the reference, on names at the
// start and end of the text, long surnames before ", J.", runs of initials
// and tussenvoegsels, and anchors that lead nowhere ("B.V.", "N.V.").
TEST(AnchoredTrigger, FindsWhatThePlainTriggerFinds) {
  auto rules = rules::LoadEmbeddedRules();
  ASSERT_TRUE(rules) << rules.error().message;
  auto plain_rules = *rules;
  bool had_anchor = false;
  for (auto& s : plain_rules.detectors) {
    had_anchor = had_anchor || !s.engine.hs_anchor.empty();
    s.engine.hs_anchor.clear();
  }
  ASSERT_TRUE(had_anchor) << "no detector uses hs_anchor any more: test something else";
  auto anchored = Engine::Build(*rules);
  auto plain = Engine::Build(plain_rules);
  ASSERT_TRUE(anchored && plain);
  std::string text =
      "J.P. de Vries\nAanwezig: A.B.C.D.E. van der Berg, Th. Jansen en Chr. ten Hove. Factuur aan X B.V. en N.V.\n"
      "Verslag: " + std::string(60, 'x') + " Abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghij, J. "
      "Oosterhuis, P.\nIJ. IJzerman en Ph. Özdemir spraken met M. El Amrani. Tot slot S. 't Hart\n"
      "Het rapport is opgesteld door Oudshoornhuizen, J. en goedgekeurd door Vermeulen-Brinkhorst, A.\nP. Bakker";
  ExpectSameOnEverySuffix(**anchored, **plain, text, 7);
}

TEST(AnchoredTrigger, ABadAnchorIsNamed) {
  auto rules = rules::LoadEmbeddedRules();
  ASSERT_TRUE(rules);
  for (auto& s : rules->detectors) {
    if (!s.engine.hs_anchor.empty()) s.engine.hs_anchor = "(unclosed";
  }
  auto e = Engine::Build(*rules);
  ASSERT_FALSE(e);
  EXPECT_NE(e.error().message.find("(hs_anchor)"), std::string::npos) << e.error().message;
}

}  // namespace
}  // namespace piiscan::detectors

namespace piiscan::detectors {
namespace {

// The IBAN is found from number tokens with its country code as `lead`;
// the reference is the same detector with a Hyperscan trigger on
// "[A-Z]{2}[0-9]{2}" and the window it had then. Both must report the same
// on grouped and compact forms, at the very start and end of the text,
// glued to words or digits, in lower case, invalid, and next to BSNs and
// phone numbers.
TEST(NumericLead, FindsWhatARegexTriggerFinds) {
  auto rules = rules::LoadEmbeddedRules();
  ASSERT_TRUE(rules) << rules.error().message;
  auto regex_rules = *rules;
  bool had_lead = false;
  for (auto& s : regex_rules.detectors) {
    if (s.id != "iban") continue;
    ASSERT_EQ(s.engine.lead, "[A-Za-z]{2}") << "the iban detector changed: update this test";
    had_lead = true;
    s.trigger = "regex";
    s.hs = "[A-Za-z]{2}[0-9]{2}";
    s.engine.lead.clear();
    s.before = 4;
  }
  ASSERT_TRUE(had_lead);
  auto lead = Engine::Build(*rules);
  auto regex = Engine::Build(regex_rules);
  ASSERT_TRUE(lead && regex);
  std::string text =
      "NL91ABNA0417164300 IBAN: NL91 ABNA 0417 1643 00, DE89 3704 0044 0532 0130 00 en BE71 0961 2345 6769.\n"
      "Fout: NL91ABNA0417164301, xNL91ABNA0417164300, 12NL91ABNA0417164300, nl91abna0417164300,\n"
      "GB29 NWBK 6016 1331 9268 19; FR14 2004 1010 0505 0001 3M02 606 (IBAN) BSN 111222333 tel 06-12345678\n"
      "rekening NL02ABNA0123456789 t.n.v. X, NL2 ABNA, AB12, NL91ABNA041716430";
  ExpectSameOnEverySuffix(**lead, **regex, text, 5);
  std::vector<Detection> all;
  (*lead)->NewScanner()->Scan(text, {}, all);
  int ibans = 0;
  for (const auto& d : all) ibans += (*lead)->specs()[d.spec].id == "iban";
  EXPECT_GE(ibans, 7);
}

TEST(DigitLead, GivesTheFinderWhatAHyperscanTriggerGave) {
  auto rules = rules::LoadEmbeddedRules();
  ASSERT_TRUE(rules) << rules.error().message;
  auto regex_rules = *rules;
  bool had_lead = false;
  for (auto& s : regex_rules.detectors) {
    if (s.id != "id_document_nl") continue;
    ASSERT_EQ(s.engine.digit_lead, "[A-Z]{2}[A-Z0-9]{6}") << "the id_document_nl detector changed: update this test";
    ASSERT_EQ(s.hs, "<<");
    had_lead = true;
    s.hs = "<<|[A-Z]{2}[A-Z0-9]{6}[0-9]";
    s.engine.digit_lead.clear();
  }
  ASSERT_TRUE(had_lead);
  auto lead = Engine::Build(*rules);
  auto regex = Engine::Build(regex_rules);
  ASSERT_TRUE(lead && regex);
  // Document numbers with and without context, glued to other text, digits
  // at every place of the shape, lower case, too short, and an MRZ.
  std::string text =
      "Paspoortnummer: NW92BH4P5, documentnummer SPECI2014 en ID-kaart IR5K46PH1; xNW92BH4P5 NW92BH4P55\n"
      "AB1234567 AB12345678 ABCDEFGH9 A1CDEFGH9 nw92bh4p5 NW92BH4P identiteitsbewijs XN0123456.\n"
      "P<NLDDE<BRUIJN<<WILLEKE<LISELOTTE<<<<<<<<<<<\nSPECI20142NLD6503101F2403096999999990<<<86\n"
      "I<NLDSPECI20212999999990<<<<<<\n6503101F3108022NLD<<<<<<<<<<<8\nDE<BRUIJN<<WILLEKE<LISELOTTE<<\n";
  ExpectSameOnEverySuffix(**lead, **regex, text, 3);
  std::vector<Detection> all;
  (*lead)->NewScanner()->Scan(text, {}, all);
  int documents = 0;
  for (const auto& d : all) documents += (*lead)->specs()[d.spec].id == "id_document_nl";
  EXPECT_GE(documents, 3);
}

TEST(DigitLead, TheRuleLoaderKeepsDigitLeadsToCustomDetectors) {
  auto regex = rules::ParseDetectorSpecs(
      "- {id: x, category: c, trigger: regex, hs: x, pattern: '(x)', engine: {digit_lead: '[A-Z]'}}", "x.yaml");
  ASSERT_FALSE(regex);
  EXPECT_NE(regex.error().message.find("custom"), std::string::npos);
}

TEST(NumericLead, ABadLeadIsNamed) {
  auto rules = rules::LoadEmbeddedRules();
  ASSERT_TRUE(rules);
  for (auto& s : rules->detectors) {
    if (!s.engine.lead.empty()) s.engine.lead = "[A-Z]+";
  }
  auto e = Engine::Build(*rules);
  ASSERT_FALSE(e);
  EXPECT_NE(e.error().message.find("'iban': lead"), std::string::npos) << e.error().message;
}

TEST(NumericLead, TheRuleLoaderKeepsLeadsToNumericDetectors) {
  const std::string base = "- id: x\n  category: c\n  pattern: '([0-9]{4})'\n";
  auto ok = rules::ParseDetectorSpecs(base + "  trigger: numeric\n  engine: {lead: 'NL'}\n  before: 2\n", "x.yaml");
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ((*ok)[0].engine.lead, "NL");
  auto no_before = rules::ParseDetectorSpecs(base + "  trigger: numeric\n  engine: {lead: 'NL'}\n", "x.yaml");
  ASSERT_FALSE(no_before);
  EXPECT_NE(no_before.error().message.find("before"), std::string::npos);
  auto regex = rules::ParseDetectorSpecs(base + "  trigger: regex\n  hs: 'x'\n  engine: {lead: 'NL'}\n  before: 2\n", "x.yaml");
  ASSERT_FALSE(regex);
  EXPECT_NE(regex.error().message.find("numeric"), std::string::npos);
}

}  // namespace
}  // namespace piiscan::detectors
