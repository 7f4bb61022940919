#include "detectors/byte_class_sequence.h"

#include <cctype>
#include <string>

namespace piiscan::detectors {
namespace {

constexpr int kMaxRepeat = 64;

void Add(std::array<uint64_t, 4>& set, unsigned char b) { set[b >> 6] |= uint64_t{1} << (b & 63); }

// The byte an escape stands for: only escaped punctuation ("\.", "\-").
bool EscapedByte(char c, unsigned char& out) {
  if (std::isalnum(static_cast<unsigned char>(c))) return false;  // \d, \x41, \b...: not supported
  out = static_cast<unsigned char>(c);
  return true;
}

}  // namespace

Result<ByteClassSequence> ByteClassSequence::Parse(std::string_view spec) {
  ByteClassSequence seq;
  auto fail = [&](const std::string& what) {
    return Fail("'" + std::string(spec) + "': " + what + " (a lead is classes like [A-Z] and characters, each with an optional {n})");
  };
  size_t i = 0;
  while (i < spec.size()) {
    ByteSet set{};
    char c = spec[i];
    if (c == '[') {
      ++i;
      bool negate = i < spec.size() && spec[i] == '^';
      if (negate) ++i;
      bool first = true;
      while (i < spec.size() && (spec[i] != ']' || first)) {
        unsigned char lo = static_cast<unsigned char>(spec[i]);
        if (spec[i] == '\\') {
          if (i + 1 >= spec.size() || !EscapedByte(spec[i + 1], lo)) return fail("unsupported escape");
          ++i;
        }
        ++i;
        unsigned char hi = lo;
        if (i + 1 < spec.size() && spec[i] == '-' && spec[i + 1] != ']') {
          hi = static_cast<unsigned char>(spec[i + 1]);
          if (spec[i + 1] == '\\') return fail("unsupported escape in a range");
          if (hi < lo) return fail("reversed range");
          i += 2;
        }
        for (unsigned b = lo; b <= hi; ++b) Add(set, static_cast<unsigned char>(b));
        first = false;
      }
      if (i >= spec.size()) return fail("unclosed '['");
      ++i;  // ']'
      if (negate) {
        for (auto& w : set) w = ~w;
      }
    } else if (c == '\\') {
      unsigned char b;
      if (i + 1 >= spec.size() || !EscapedByte(spec[i + 1], b)) return fail("unsupported escape");
      Add(set, b);
      i += 2;
    } else if (std::string_view("()|*+?{}^$.").find(c) != std::string_view::npos) {
      return fail(std::string("'") + c + "' is not supported");
    } else {
      Add(set, static_cast<unsigned char>(c));
      ++i;
    }
    int repeat = 1;
    if (i < spec.size() && spec[i] == '{') {
      size_t close = spec.find('}', i);
      if (close == std::string_view::npos) return fail("unclosed '{'");
      std::string n(spec.substr(i + 1, close - i - 1));
      if (n.empty() || n.find_first_not_of("0123456789") != std::string::npos) return fail("only {n} repeats");
      repeat = std::stoi(n.substr(0, 3));
      if (repeat < 1 || repeat > kMaxRepeat) return fail("repeat out of range");
      i = close + 1;
    }
    for (int r = 0; r < repeat; ++r) seq.sets_.push_back(set);
  }
  if (seq.sets_.empty()) return fail("empty");
  return seq;
}

}  // namespace piiscan::detectors
