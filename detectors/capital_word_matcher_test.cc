// The word-hash gazetteer against a plain reference: every literal tried at
// every position with the engine's boundary rules. Run over the real
// first-name gazetteer and real text (the seeds), and over text made to hit
// the edges: names at block boundaries and at the very end, prefixes,
// multi-word literals, UTF-8 names, and case.
#include "detectors/capital_word_matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "rules/rule_loader.h"
#include "tests/support/test_support.h"

namespace piiscan::detectors {
namespace {

bool IsWordByte(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || u >= 0x80;
}

struct Literal {
  std::string text;
  bool prefix;
};

std::vector<TermHit> Reference(std::string_view text, const std::vector<Literal>& lits) {
  std::vector<TermHit> hits;
  for (size_t b = 0; b < text.size(); ++b) {
    if (b > 0 && IsWordByte(text[b - 1])) continue;
    for (uint32_t t = 0; t < lits.size(); ++t) {
      const auto& l = lits[t];
      if (text.substr(b, l.text.size()) != l.text) continue;
      size_t e = b + l.text.size();
      if (!l.prefix && e < text.size() && IsWordByte(text[e])) continue;
      hits.push_back({7, t, static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    }
  }
  std::sort(hits.begin(), hits.end(), [](const TermHit& a, const TermHit& b) {
    return std::tie(a.begin, a.end, a.list, a.term) < std::tie(b.begin, b.end, b.list, b.term);
  });
  return hits;
}

void ExpectSameAsReference(std::string_view text, const std::vector<Literal>& lits) {
  CapitalWordMatcher m;
  for (uint32_t t = 0; t < lits.size(); ++t) ASSERT_TRUE(m.Add(lits[t].text, false, lits[t].prefix, 7, t)) << lits[t].text;
  m.Freeze();
  std::vector<TermHit> got;
  m.Find(text, got);
  auto want = Reference(text, lits);
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(std::tie(got[i].begin, got[i].end, got[i].term), std::tie(want[i].begin, want[i].end, want[i].term))
        << i;
  }
}

TEST(CapitalWordMatcher, EdgesOfWordsBlocksAndText) {
  std::vector<Literal> lits = {{"Jan", false},  {"Jan Willem", false}, {"Özlem", false},
                               {"Moham", true}, {"El", false},         {"Anne-Marie", false}};
  std::string text = "Jan en jan, Janssen; Jan Willem. Özlemx Özlem Mohammed Moham Mohamed EL El-Amrani Anne-Marie";
  ExpectSameAsReference(text, lits);
  // A name at every offset around the 64-byte blocks, and at the very end.
  for (size_t pad = 55; pad < 72; ++pad) {
    ExpectSameAsReference(std::string(pad, ' ') + "Jan Willem Özlem", lits);
    ExpectSameAsReference(std::string(pad, 'x') + " Mohammed", lits);
  }
  ExpectSameAsReference("Jan", lits);
  ExpectSameAsReference(std::string(200, 'A') + " Jan", lits);  // a word longer than a block
}

TEST(CapitalWordMatcher, TheRealGazetteerOnRealText) {
  auto rules = rules::LoadEmbeddedRules();
  ASSERT_TRUE(rules) << rules.error().message;
  std::vector<Literal> lits;
  for (const auto& t : rules->lexicons.at("first_names")) {
    bool prefix = t.size() > 1 && t.back() == '*';
    lits.push_back({prefix ? t.substr(0, t.size() - 1) : t, prefix});
  }
  std::string text =
      "Geachte mevrouw Yılmaz, beste Jan-Willem en Priya El Amrani,\nMet vriendelijke groet, Sjoerd de Vries\n";
  text += testing::SeedsText();
  ExpectSameAsReference(text, lits);
}

TEST(CapitalWordMatcher, RefusesWhatItCannotExpress) {
  CapitalWordMatcher m;
  EXPECT_FALSE(m.Add("beste", false, false, 0, 0));   // not a capital
  EXPECT_FALSE(m.Add("Beste", true, false, 0, 0));    // caseless
  EXPECT_FALSE(m.Add("Ab", false, true, 0, 0));       // short prefix
  EXPECT_TRUE(m.Add("Ab", false, false, 0, 0));
}

}  // namespace
}  // namespace piiscan::detectors
