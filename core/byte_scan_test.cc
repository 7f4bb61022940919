// Every path of the byte-scanning loops (AVX2 where the CPU has it, SSE2,
// the plain tail) gives what a plain loop gives: random text with the bytes
// looked for sprinkled at every alignment, scanned from every start offset
// near the vector sizes.
#include "core/byte_scan.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace piiscan {
namespace {

std::string RandomText(uint32_t seed, size_t n) {
  std::mt19937 rng(seed);
  // Plus the bytes at the edges of the classes tested: capitals, letters,
  // digits, controls and whitespace, UTF-8 lead and continuation bytes,
  // a quote and a backslash.
  const std::string alphabet =
      "abcdefghij klm\n\n0123456789\xC2\xA0\xE2\x80\x93\xEF\xBC\x91\xC3\xA9"
      "AZaz@[`{/:\x01\x1F\t\r\x0C\x0B\x7F\x80\xBF\xC0\xFF\"\\";
  std::string s;
  for (size_t i = 0; i < n; ++i) s.push_back(alphabet[rng() % alphabet.size()]);
  // Long runs without the bytes looked for, so the vector skips are taken.
  s.insert(n / 3, std::string(300, 'x'));
  return s;
}

// A bitmap laid out as DigitMasks, bit by bit: the reference for every
// mask function.
template <typename Pred>
std::vector<uint64_t> PlainMasks(std::string_view s, Pred in_class) {
  std::vector<uint64_t> out((s.size() + 63) / 64, 0);
  for (size_t i = 0; i < s.size(); ++i) {
    out[i / 64] |= static_cast<uint64_t>(in_class(static_cast<unsigned char>(s[i]))) << (i % 64);
  }
  return out;
}

// Output words with every bit set, so that each bit must be written.
std::vector<uint64_t> Unwritten(size_t len) { return std::vector<uint64_t>((len + 63) / 64, ~0ull); }

class ByteScan : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override { DisableAvx2ForTests(GetParam()); }
  void TearDown() override { DisableAvx2ForTests(false); }
};

TEST_P(ByteScan, AgreesWithPlainLoops) {
  for (uint32_t seed = 1; seed <= 3; ++seed) {
    const std::string text = RandomText(seed, 2000 + seed * 37);
    const auto* u = reinterpret_cast<const unsigned char*>(text.data());
    for (size_t from = 0; from < 200; from += (from < 70 ? 1 : 13)) {
      for (size_t len : {size_t{0}, size_t{1}, size_t{15}, size_t{31}, size_t{33}, size_t{64}, size_t{1000}, text.size()}) {
        if (from + len > text.size()) continue;
        std::string_view s(text.data() + from, len);
        uint64_t newlines = 0;
        for (char c : s) newlines += c == '\n';
        ASSERT_EQ(CountByte(s, '\n'), newlines) << from << " " << len;
        auto digit = [](unsigned char c) { return c >= '0' && c <= '9'; };
        auto upper = [](unsigned char c) { return c >= 'A' && c <= 'Z'; };
        auto word = [&](unsigned char c) { return digit(c) || upper(c) || (c >= 'a' && c <= 'z') || c >= 0x80; };
        auto capital = [&](unsigned char c) { return upper(c) || c >= 0xC0; };
        std::vector<uint64_t> digits = Unwritten(len), words = Unwritten(len), capitals = Unwritten(len),
                              uppers = Unwritten(len);
        DigitMasks(s, digits.data());
        WordMasks(s, words.data(), capitals.data());
        UpperMasks(s, uppers.data());
        ASSERT_EQ(digits, PlainMasks(s, digit)) << from << " " << len;
        ASSERT_EQ(words, PlainMasks(s, word)) << from << " " << len;
        ASSERT_EQ(capitals, PlainMasks(s, capital)) << from << " " << len;
        ASSERT_EQ(uppers, PlainMasks(s, upper)) << from << " " << len;
        uint64_t controls = 0;
        for (unsigned char c : s) controls += c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r';
        ASSERT_EQ(CountControls(s), controls) << from << " " << len;
      }
      size_t lead = from;
      while (lead < text.size() && u[lead] != 0xC2 && u[lead] != 0xE2 && u[lead] != 0xEF) ++lead;
      ASSERT_EQ(FindNonAsciiOf(text, from, 0xC2, 0xE2, 0xEF), lead) << from;
      size_t plain = from;
      while (plain < text.size() && u[plain] >= 0x20 && u[plain] < 0x80 && text[plain] != '"' && text[plain] != '\\')
        ++plain;
      ASSERT_EQ(FindControlNonAsciiOr(text, from, '"', '\\'), plain) << from;
    }
  }
  EXPECT_EQ(FindNonAsciiOf(std::string(100, 'x') + "\xC3\xA9", 0, 0xC2, 0xE2, 0xEF), 102u);
}

TEST_P(ByteScan, CountsPastTheByteCounterLimit) {
  // More than 255 vectors of all-newlines: the per-byte counters must be
  // folded before they overflow.
  std::string text(32 * 300 + 5, '\n');
  EXPECT_EQ(CountByte(text, '\n'), text.size());
  std::string controls(32 * 300 + 5, '\x01');
  EXPECT_EQ(CountControls(controls), controls.size());
}

INSTANTIATE_TEST_SUITE_P(Paths, ByteScan, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? "Sse2" : "Best"; });

}  // namespace
}  // namespace piiscan
