// Keywords matched block by block, on demand, must be exactly the hits of
// one pass over the whole text: the reference tries every keyword at every
// position with the boundary rules ('*' ends). Windows are asked for in a
// scrambled order, so blocks are matched out of order and reused.
#include "detectors/keyword_hits.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <tuple>

namespace piiscan::detectors {
namespace {

bool IsWordByte(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || u >= 0x80;
}

std::vector<TermHit> Reference(std::string_view text, const std::vector<Keyword>& kws) {
  std::string lower(text);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::vector<TermHit> hits;
  for (size_t b = 0; b < text.size(); ++b) {
    for (uint32_t k = 0; k < kws.size(); ++k) {
      const auto& kw = kws[k];
      if (std::string_view(lower).substr(b, kw.text.size()) != kw.text) continue;
      size_t e = b + kw.text.size();
      if (!kw.suffix && b > 0 && IsWordByte(text[b - 1])) continue;
      if (!kw.prefix && e < text.size() && IsWordByte(text[e])) continue;
      hits.push_back({k, 0, static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    }
  }
  return hits;
}

auto Key(const TermHit& h) { return std::tie(h.begin, h.end, h.list); }

TEST(KeywordHits, WindowsInAnyOrderSeeWhatOnePassSees) {
  std::vector<Keyword> kws = {{"iban", false, false},   {"bankrekening", true, false}, {"straat", false, true},
                              {"t.n.v.", false, false}, {"burger service nummer", false, false},
                              {"bsn", false, false},    {"€", false, false}};
  std::string text;
  std::mt19937 rng(7);
  const char* words[] = {"IBAN", "iban:", "Bankrekeningnummer", "Kerkstraat", "straatje", "t.n.v.", "T.N.V.",
                         "burger service nummer", "bsn", "BSNs", "€", "levering", "order", "de", "\n"};
  while (text.size() < 20000) {
    text += words[rng() % std::size(words)];
    text += rng() % 3 ? " " : "";  // sometimes glued: boundaries matter
  }
  auto set = KeywordSet::Build(kws);
  ASSERT_TRUE(set) << set.error().message;
  auto want = Reference(text, kws);
  for (int round = 0; round < 3; ++round) {
    KeywordScanner scanner(*set);
    scanner.Reset(text);
    std::vector<std::pair<uint64_t, uint64_t>> windows;
    for (uint64_t lo = 0; lo < text.size(); lo += 97) windows.emplace_back(lo, lo + 300);
    std::shuffle(windows.begin(), windows.end(), rng);
    for (auto [lo, hi] : windows) {
      std::vector<TermHit> got;
      scanner.ForEach(lo, hi, [&](const TermHit& h) {
        got.push_back(h);
        return true;
      });
      std::vector<TermHit> expect;
      for (const auto& h : want) {
        if (h.begin >= lo && h.begin < hi) expect.push_back(h);
      }
      ASSERT_EQ(got.size(), expect.size()) << lo;
      for (size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(Key(got[i]), Key(expect[i])) << lo << " " << i;
      }
    }
  }
}

TEST(KeywordHits, StopsWhenAskedAndHandlesTheEnds) {
  auto set = KeywordSet::Build({{"bsn", false, false}});
  ASSERT_TRUE(set);
  KeywordScanner scanner(*set);
  std::string text = "bsn " + std::string(1020, 'x') + " bsn bsn";
  scanner.Reset(text);
  int seen = 0;
  scanner.ForEach(0, text.size() + 100, [&](const TermHit&) { return ++seen < 2; });
  EXPECT_EQ(seen, 2);
  seen = 0;
  scanner.ForEach(text.size() - 3, text.size(), [&](const TermHit& h) {
    EXPECT_EQ(h.end, text.size());
    return ++seen > 0;
  });
  EXPECT_EQ(seen, 1);
  scanner.Reset("");
  scanner.ForEach(0, 10, [&](const TermHit&) { return ADD_FAILURE(), true; });
}

// One scanner goes from segment to segment (a long one, then shorter
// ones): blocks matched for an earlier segment must not answer for a later
// one, whose hits are its own.
TEST(KeywordHits, ANewSegmentForgetsTheBlocksOfTheLast) {
  auto set = KeywordSet::Build({{"bsn", false, false}, {"iban", false, false}});
  ASSERT_TRUE(set);
  KeywordScanner scanner(*set);
  auto all = [&](std::string_view text) {
    std::vector<uint32_t> begins;
    scanner.ForEach(0, text.size(), [&](const TermHit& h) {
      begins.push_back(h.begin);
      return true;
    });
    return begins;
  };
  std::string first = std::string(600, 'x') + " bsn " + std::string(600, 'y') + " iban";
  scanner.Reset(first);
  EXPECT_EQ(all(first), (std::vector<uint32_t>{601, 1206}));
  std::string second = "iban " + std::string(300, 'z');
  scanner.Reset(second);
  EXPECT_EQ(all(second), (std::vector<uint32_t>{0}));
  std::string third(700, 'q');  // where the first had a hit: none now
  scanner.Reset(third);
  EXPECT_TRUE(all(third).empty());
  scanner.Reset(first);
  EXPECT_EQ(all(first), (std::vector<uint32_t>{601, 1206}));
}

}  // namespace
}  // namespace piiscan::detectors
