#include "core/byte_scan.h"

#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#define PIISCAN_X86 1
#endif

namespace piiscan {
namespace {

bool avx2_disabled = false;

bool UseAvx2() {
#if defined(PIISCAN_X86)
  static const bool has = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
  }();
  return has && !avx2_disabled;
#else
  return false;
#endif
}

inline bool IsDigit(unsigned char c) { return static_cast<unsigned char>(c - '0') < 10; }

// --- SSE2 (the x86-64 baseline) and plain loops -----------------------------

uint64_t CountByteSse2(const char* p, const char* end, char c) {
  uint64_t n = 0;
#if defined(PIISCAN_X86)
  // Per-byte counters (a match subtracts -1), summed with psadbw before
  // they can overflow.
  const __m128i needle = _mm_set1_epi8(c);
  while (end - p >= 16) {
    __m128i acc = _mm_setzero_si128();
    for (int k = 0; k < 255 && end - p >= 16; ++k, p += 16) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(v, needle));
    }
    __m128i sums = _mm_sad_epu8(acc, _mm_setzero_si128());
    n += static_cast<uint64_t>(_mm_cvtsi128_si64(sums)) +
         static_cast<uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
  }
#endif
  for (; p < end; ++p) n += *p == c;
  return n;
}

size_t FindNonAsciiOfSse2(const unsigned char* p, size_t i, size_t n, unsigned char a, unsigned char b,
                          unsigned char c) {
#if defined(PIISCAN_X86)
  const __m128i va = _mm_set1_epi8(static_cast<char>(a));
  const __m128i vb = _mm_set1_epi8(static_cast<char>(b));
  const __m128i vc = _mm_set1_epi8(static_cast<char>(c));
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    if (_mm_movemask_epi8(v) == 0) continue;  // all ASCII
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)), _mm_cmpeq_epi8(v, vc));
    if (int m = _mm_movemask_epi8(hit)) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(m)));
  }
#endif
  for (; i < n; ++i) {
    if (p[i] == a || p[i] == b || p[i] == c) return i;
  }
  return n;
}

size_t FindControlNonAsciiOrSse2(const unsigned char* p, size_t i, size_t n, char a, char b) {
#if defined(PIISCAN_X86)
  // As signed bytes, the control bytes and every byte of 0x80 and up are
  // below 0x20: one comparison finds both.
  const __m128i space = _mm_set1_epi8(0x20), va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b);
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    __m128i hit = _mm_or_si128(_mm_cmplt_epi8(v, space), _mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)));
    if (int m = _mm_movemask_epi8(hit)) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(m)));
  }
#endif
  for (; i < n; ++i) {
    if (p[i] < 0x20 || p[i] >= 0x80 || static_cast<char>(p[i]) == a || static_cast<char>(p[i]) == b) return i;
  }
  return n;
}

// Masks of the bytes in [lo, lo + span] (digits: '0', 9; capitals: 'A', 25)
// for the 64-byte blocks from `w` on (the last, partial one plainly).
void RangeMasksSse2(const unsigned char* p, size_t n, size_t w, unsigned char lo, unsigned char span,
                    uint64_t* out) {
#if defined(PIISCAN_X86)
  const __m128i base = _mm_set1_epi8(static_cast<char>(lo));
  const __m128i top = _mm_set1_epi8(static_cast<char>(span));
  auto block = [&](const unsigned char* b) {
    uint64_t m = 0;
    for (int k = 0; k < 4; ++k) {
      __m128i v = _mm_sub_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(b + 16 * k)), base);
      auto bits = static_cast<uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(v, top), v))));
      m |= bits << (16 * k);
    }
    return m;
  };
  for (; 64 * w + 64 <= n; ++w) out[w] = block(p + 64 * w);
  if (64 * w < n) {
    // The partial block (all of a short cell) as one step on a padded
    // copy instead of a byte loop; the bits past the end cleared.
    alignas(16) unsigned char pad[64] = {};
    std::memcpy(pad, p + 64 * w, n - 64 * w);
    out[w] = block(pad) & ((uint64_t{1} << (n - 64 * w)) - 1);
    return;
  }
#endif
  for (; 64 * w < n; ++w) {
    uint64_t m = 0;
    for (size_t b = 0; b < 64 && 64 * w + b < n; ++b) {
      m |= static_cast<uint64_t>(static_cast<unsigned char>(p[64 * w + b] - lo) <= span) << b;
    }
    out[w] = m;
  }
}

inline bool IsControl(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r'; }
inline bool IsWordByte(unsigned char c) {
  return IsDigit(c) || static_cast<unsigned char>((c | 0x20) - 'a') < 26 || c >= 0x80;
}
inline bool IsCapital(unsigned char c) { return static_cast<unsigned char>(c - 'A') < 26 || c >= 0xC0; }

uint64_t CountControlsSse2(const unsigned char* p, const unsigned char* end) {
  uint64_t n = 0;
#if defined(PIISCAN_X86)
  const __m128i max = _mm_set1_epi8(0x1F);
  const __m128i tab = _mm_set1_epi8('\t'), lf = _mm_set1_epi8('\n'), ff = _mm_set1_epi8('\f'), cr = _mm_set1_epi8('\r');
  while (end - p >= 16) {
    __m128i acc = _mm_setzero_si128();
    for (int k = 0; k < 255 && end - p >= 16; ++k, p += 16) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, max), v);
      __m128i space = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, lf)),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, ff), _mm_cmpeq_epi8(v, cr)));
      acc = _mm_sub_epi8(acc, _mm_andnot_si128(space, low));
    }
    __m128i sums = _mm_sad_epu8(acc, _mm_setzero_si128());
    n += static_cast<uint64_t>(_mm_cvtsi128_si64(sums)) +
         static_cast<uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
  }
#endif
  for (; p < end; ++p) n += IsControl(*p);
  return n;
}

// Word and capital masks of the 64-byte blocks from `w` on (the last,
// partial one plainly).
void WordMasksSse2(const unsigned char* p, size_t n, size_t w, uint64_t* word, uint64_t* capital) {
#if defined(PIISCAN_X86)
  const __m128i zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9);
  const __m128i a = _mm_set1_epi8('a'), z = _mm_set1_epi8(25), bit5 = _mm_set1_epi8(0x20);
  const __m128i cap_a = _mm_set1_epi8('A'), lead = _mm_set1_epi8(static_cast<char>(0xC0));
  auto block = [&](const unsigned char* b, uint64_t& wm, uint64_t& cm) {
    wm = cm = 0;
    for (int k = 0; k < 4; ++k) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + 16 * k));
      __m128i d = _mm_sub_epi8(v, zero);
      __m128i is_digit = _mm_cmpeq_epi8(_mm_min_epu8(d, nine), d);
      __m128i l = _mm_sub_epi8(_mm_or_si128(v, bit5), a);
      __m128i is_letter = _mm_cmpeq_epi8(_mm_min_epu8(l, z), l);
      __m128i u = _mm_sub_epi8(v, cap_a);
      __m128i is_upper = _mm_cmpeq_epi8(_mm_min_epu8(u, z), u);
      __m128i is_lead = _mm_cmpeq_epi8(_mm_max_epu8(v, lead), v);
      auto wk = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(is_digit, is_letter)) | _mm_movemask_epi8(v));
      auto ck = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(is_upper, is_lead)));
      wm |= static_cast<uint64_t>(wk) << (16 * k);
      cm |= static_cast<uint64_t>(ck) << (16 * k);
    }
  };
  for (; 64 * w + 64 <= n; ++w) block(p + 64 * w, word[w], capital[w]);
  if (64 * w < n) {
    // The partial block as one step on a padded copy (zeros are neither
    // word nor capital bytes).
    alignas(16) unsigned char pad[64] = {};
    std::memcpy(pad, p + 64 * w, n - 64 * w);
    block(pad, word[w], capital[w]);
    return;
  }
#endif
  for (; 64 * w < n; ++w) {
    uint64_t wm = 0, cm = 0;
    for (size_t b = 0; b < 64 && 64 * w + b < n; ++b) {
      wm |= static_cast<uint64_t>(IsWordByte(p[64 * w + b])) << b;
      cm |= static_cast<uint64_t>(IsCapital(p[64 * w + b])) << b;
    }
    word[w] = wm;
    capital[w] = cm;
  }
}

// --- AVX2 -------------------------------------------------------------------
// Each does the 32-byte steps and leaves the rest to the SSE2 version.

#if defined(PIISCAN_X86)
__attribute__((target("avx2"))) uint64_t CountByteAvx2(const char* p, const char* end, char c) {
  uint64_t n = 0;
  const __m256i needle = _mm256_set1_epi8(c);
  while (end - p >= 32) {
    __m256i acc = _mm256_setzero_si256();
    for (int k = 0; k < 255 && end - p >= 32; ++k, p += 32) {
      __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
      acc = _mm256_sub_epi8(acc, _mm256_cmpeq_epi8(v, needle));
    }
    __m256i sums = _mm256_sad_epu8(acc, _mm256_setzero_si256());
    n += static_cast<uint64_t>(_mm256_extract_epi64(sums, 0)) + static_cast<uint64_t>(_mm256_extract_epi64(sums, 1)) +
         static_cast<uint64_t>(_mm256_extract_epi64(sums, 2)) + static_cast<uint64_t>(_mm256_extract_epi64(sums, 3));
  }
  return n + CountByteSse2(p, end, c);
}

__attribute__((target("avx2"))) size_t FindNonAsciiOfAvx2(const unsigned char* p, size_t i, size_t n,
                                                           unsigned char a, unsigned char b, unsigned char c) {
  const __m256i va = _mm256_set1_epi8(static_cast<char>(a));
  const __m256i vb = _mm256_set1_epi8(static_cast<char>(b));
  const __m256i vc = _mm256_set1_epi8(static_cast<char>(c));
  for (; i + 64 <= n; i += 64) {  // two vectors per all-ASCII test
    __m256i v0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    __m256i v1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i + 32));
    if (_mm256_movemask_epi8(_mm256_or_si256(v0, v1)) == 0) continue;
    for (int half = 0; half < 2; ++half) {
      __m256i v = half ? v1 : v0;
      __m256i hit = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, va), _mm256_cmpeq_epi8(v, vb)),
                                    _mm256_cmpeq_epi8(v, vc));
      if (auto m = static_cast<unsigned>(_mm256_movemask_epi8(hit))) {
        return i + static_cast<size_t>(32 * half) + static_cast<size_t>(__builtin_ctz(m));
      }
    }
  }
  return FindNonAsciiOfSse2(p, i, n, a, b, c);
}

__attribute__((target("avx2"))) void RangeMasksAvx2(const unsigned char* p, size_t n, unsigned char lo,
                                                     unsigned char span, uint64_t* out) {
  const __m256i base = _mm256_set1_epi8(static_cast<char>(lo));
  const __m256i top = _mm256_set1_epi8(static_cast<char>(span));
  size_t w = 0;
  for (; 64 * w + 64 <= n; ++w) {
    __m256i v0 = _mm256_sub_epi8(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 64 * w)), base);
    __m256i v1 = _mm256_sub_epi8(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 64 * w + 32)), base);
    auto lo_bits = static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_min_epu8(v0, top), v0)));
    auto hi_bits = static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_min_epu8(v1, top), v1)));
    out[w] = static_cast<uint64_t>(lo_bits) | static_cast<uint64_t>(hi_bits) << 32;
  }
  RangeMasksSse2(p, n, w, lo, span, out);
}

__attribute__((target("avx2"))) uint64_t CountControlsAvx2(const unsigned char* p, const unsigned char* end) {
  uint64_t n = 0;
  const __m256i max = _mm256_set1_epi8(0x1F);
  const __m256i tab = _mm256_set1_epi8('\t'), lf = _mm256_set1_epi8('\n'), ff = _mm256_set1_epi8('\f'),
                cr = _mm256_set1_epi8('\r');
  while (end - p >= 32) {
    __m256i acc = _mm256_setzero_si256();
    for (int k = 0; k < 255 && end - p >= 32; ++k, p += 32) {
      __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
      __m256i low = _mm256_cmpeq_epi8(_mm256_min_epu8(v, max), v);
      __m256i space = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, tab), _mm256_cmpeq_epi8(v, lf)),
                                      _mm256_or_si256(_mm256_cmpeq_epi8(v, ff), _mm256_cmpeq_epi8(v, cr)));
      acc = _mm256_sub_epi8(acc, _mm256_andnot_si256(space, low));
    }
    __m256i sums = _mm256_sad_epu8(acc, _mm256_setzero_si256());
    n += static_cast<uint64_t>(_mm256_extract_epi64(sums, 0)) + static_cast<uint64_t>(_mm256_extract_epi64(sums, 1)) +
         static_cast<uint64_t>(_mm256_extract_epi64(sums, 2)) + static_cast<uint64_t>(_mm256_extract_epi64(sums, 3));
  }
  return n + CountControlsSse2(p, end);
}

__attribute__((target("avx2"))) void WordMasksAvx2(const unsigned char* p, size_t n, uint64_t* word,
                                                    uint64_t* capital) {
  const __m256i zero = _mm256_set1_epi8('0'), nine = _mm256_set1_epi8(9);
  const __m256i a = _mm256_set1_epi8('a'), z = _mm256_set1_epi8(25), bit5 = _mm256_set1_epi8(0x20);
  const __m256i cap_a = _mm256_set1_epi8('A'), lead = _mm256_set1_epi8(static_cast<char>(0xC0));
  size_t w = 0;
  for (; 64 * w + 64 <= n; ++w) {
    uint64_t wm = 0, cm = 0;
    for (int k = 0; k < 2; ++k) {
      __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 64 * w + 32 * k));
      __m256i d = _mm256_sub_epi8(v, zero);
      __m256i is_digit = _mm256_cmpeq_epi8(_mm256_min_epu8(d, nine), d);
      __m256i l = _mm256_sub_epi8(_mm256_or_si256(v, bit5), a);
      __m256i is_letter = _mm256_cmpeq_epi8(_mm256_min_epu8(l, z), l);
      __m256i u = _mm256_sub_epi8(v, cap_a);
      __m256i is_upper = _mm256_cmpeq_epi8(_mm256_min_epu8(u, z), u);
      __m256i is_lead = _mm256_cmpeq_epi8(_mm256_max_epu8(v, lead), v);
      auto wk = static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_or_si256(_mm256_or_si256(is_digit, is_letter), v)));
      auto ck = static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_or_si256(is_upper, is_lead)));
      wm |= static_cast<uint64_t>(wk) << (32 * k);
      cm |= static_cast<uint64_t>(ck) << (32 * k);
    }
    word[w] = wm;
    capital[w] = cm;
  }
  WordMasksSse2(p, n, w, word, capital);
}
#endif

}  // namespace

void UpperMasks(std::string_view s, uint64_t* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
#if defined(PIISCAN_X86)
  if (UseAvx2()) return RangeMasksAvx2(p, s.size(), 'A', 25, out);
#endif
  RangeMasksSse2(p, s.size(), 0, 'A', 25, out);
}

uint64_t CountControls(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
#if defined(PIISCAN_X86)
  if (UseAvx2()) return CountControlsAvx2(p, p + s.size());
#endif
  return CountControlsSse2(p, p + s.size());
}

void WordMasks(std::string_view s, uint64_t* word, uint64_t* capital) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
#if defined(PIISCAN_X86)
  if (UseAvx2()) return WordMasksAvx2(p, s.size(), word, capital);
#endif
  WordMasksSse2(p, s.size(), 0, word, capital);
}

uint64_t CountByte(std::string_view s, char c) {
#if defined(PIISCAN_X86)
  if (UseAvx2()) return CountByteAvx2(s.data(), s.data() + s.size(), c);
#endif
  return CountByteSse2(s.data(), s.data() + s.size(), c);
}

size_t FindNonAsciiOf(std::string_view s, size_t i, unsigned char a, unsigned char b, unsigned char c) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
#if defined(PIISCAN_X86)
  if (UseAvx2()) return FindNonAsciiOfAvx2(p, i, s.size(), a, b, c);
#endif
  return FindNonAsciiOfSse2(p, i, s.size(), a, b, c);
}

size_t FindControlNonAsciiOr(std::string_view s, size_t i, char a, char b) {
  return FindControlNonAsciiOrSse2(reinterpret_cast<const unsigned char*>(s.data()), i, s.size(), a, b);
}

void DigitMasks(std::string_view s, uint64_t* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
#if defined(PIISCAN_X86)
  if (UseAvx2()) return RangeMasksAvx2(p, s.size(), '0', 9, out);
#endif
  RangeMasksSse2(p, s.size(), 0, '0', 9, out);
}

void DisableAvx2ForTests(bool disabled) { avx2_disabled = disabled; }

}  // namespace piiscan
