#pragma once
// Finds a large set of case-sensitive literals that begin with a capital
// (the first-name gazetteer: thousands of "Jan", "Özlem", "Mohammed") by
// hashing words instead of running an automaton. One SIMD pass
// (core/byte_scan.h WordMasks) marks the words that start with 'A'..'Z' or
// a UTF-8 lead byte; only those (about one word in ten in business text)
// are hashed and looked up, behind an
// L1-sized bit filter. Inside the engine's Hyperscan database the same
// literals made every other pattern slower.
//
// The semantics are those of the engine's lexicon matching: a literal
// occurs at [b, e) when the bytes equal it exactly, b is a word start and
// e a word end, unless the literal is a prefix ("Mohammed*" may begin a
// longer word). Word bytes are ASCII letters and digits and every byte of a
// multi-byte UTF-8 character. A literal may span words ("Jan Willem"); it
// is filed under its first word. Add refuses what it cannot express
// (caseless literals, literals that do not start with a capital or are
// prefixes shorter than three bytes); the caller matches those otherwise.
//
// Thread safety: build once (Add, then Freeze); Find is const and reentrant.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "detectors/detection.h"

namespace piiscan::detectors {

class CapitalWordMatcher {
 public:
  // Files `literal`, whose hits will carry (list, term); false when it
  // cannot be expressed (see above).
  bool Add(std::string_view literal, bool caseless, bool prefix, uint32_t list, uint32_t term);
  // Builds the lookup tables; call once after the last Add.
  void Freeze();
  bool empty() const { return entries_.empty(); }

  // Appends every occurrence in `text` to `hits`, ordered by begin, then
  // end, then (list, term).
  void Find(std::string_view text, std::vector<TermHit>& hits) const;

 private:
  struct Entry {
    std::string literal;
    bool prefix;
    uint32_t list, term;
  };
  struct Bucket {
    uint64_t hash = 0;
    uint32_t first = 0, count = 0;  // range in Table::entries; count 0 = empty slot
  };
  struct Table {
    std::vector<Bucket> slots;       // open addressing, power of two
    std::vector<uint32_t> entries;   // indexes into entries_
    std::vector<uint64_t> filter;    // a bit per hash prefix: most words stop here
    std::vector<uint8_t> lengths;    // distinct key lengths, ascending
    const Bucket* Find(uint64_t hash) const;
  };
  static void Build(Table& table, std::vector<std::pair<std::string, uint32_t>> keyed);
  void OnWord(std::string_view text, uint32_t b, uint32_t e, std::vector<TermHit>& hits) const;

  std::vector<Entry> entries_;
  // whole: filed under their first word; prefixes: one-word literals that
  // may begin a longer word.
  std::vector<std::pair<std::string, uint32_t>> whole_keys_, prefix_keys_;
  Table whole_, prefixes_;
};

}  // namespace piiscan::detectors
