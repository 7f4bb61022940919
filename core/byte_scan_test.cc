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
  // digits, controls and whitespace, UTF-8 lead and continuation bytes.
  const std::string alphabet =
      "abcdefghij klm\n\n0123456789\xC2\xA0\xE2\x80\x93\xEF\xBC\x91\xC3\xA9"
      "AZaz@[`{/:\x01\x1F\t\r\x0C\x0B\x7F\x80\xBF\xC0\xFF";
  std::string s;
  for (size_t i = 0; i < n; ++i) s.push_back(alphabet[rng() % alphabet.size()]);
  // Long runs without the bytes looked for, so the vector skips are taken.
  s.insert(n / 3, std::string(300, 'x'));
  return s;
}

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
        std::vector<uint64_t> masks((len + 63) / 64, ~0ull);  // every bit must be written
        DigitMasks(s, masks.data());
        for (size_t w = 0; w < masks.size(); ++w) {
          uint64_t want = 0;
          for (size_t b = 0; b < 64 && 64 * w + b < len; ++b) {
            want |= static_cast<uint64_t>(s[64 * w + b] >= '0' && s[64 * w + b] <= '9') << b;
          }
          ASSERT_EQ(masks[w], want) << from << " " << len << " word " << w;
        }
        uint64_t controls = 0;
        for (unsigned char c : s) controls += c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r';
        ASSERT_EQ(CountControls(s), controls) << from << " " << len;
        std::vector<uint64_t> words((len + 63) / 64, ~0ull), capitals((len + 63) / 64, ~0ull);
        WordMasks(s, words.data(), capitals.data());
        for (size_t w = 0; w < words.size(); ++w) {
          uint64_t want_word = 0, want_capital = 0;
          for (size_t b = 0; b < 64 && 64 * w + b < len; ++b) {
            auto c = static_cast<unsigned char>(s[64 * w + b]);
            bool word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
            want_word |= static_cast<uint64_t>(word) << b;
            want_capital |= static_cast<uint64_t>((c >= 'A' && c <= 'Z') || c >= 0xC0) << b;
          }
          ASSERT_EQ(words[w], want_word) << from << " " << len << " word " << w;
          ASSERT_EQ(capitals[w], want_capital) << from << " " << len << " word " << w;
        }
        std::vector<uint64_t> uppers((len + 63) / 64, ~0ull);
        UpperMasks(s, uppers.data());
        for (size_t w = 0; w < uppers.size(); ++w) {
          uint64_t want = 0;
          for (size_t b = 0; b < 64 && 64 * w + b < len; ++b) {
            want |= static_cast<uint64_t>(s[64 * w + b] >= 'A' && s[64 * w + b] <= 'Z') << b;
          }
          ASSERT_EQ(uppers[w], want) << from << " " << len << " word " << w;
        }
      }
      size_t lead = from;
      while (lead < text.size() && u[lead] != 0xC2 && u[lead] != 0xE2 && u[lead] != 0xEF) ++lead;
      ASSERT_EQ(FindNonAsciiOf(text, from, 0xC2, 0xE2, 0xEF), lead) << from;
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
