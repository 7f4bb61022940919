#pragma once
// A compiled set of literals and small regular expressions, matched in one
// Hyperscan pass: what `piiscan person` compiles a subject's query into
// (name variants, e-mail local parts, date forms, identifier prefilters).
// Matches are reported by pattern id and end offset only (no start-of-match
// tracking, which halves Hyperscan's speed): a literal's start is its end
// minus its length; a regex's span is confirmed by the caller.
//
// Thread safety: a LiteralMatcher is immutable and may be shared; a
// LiteralScanner owns Hyperscan scratch: one per thread.
// Besides detectors/engine.cc this is the only file pair that knows
// Hyperscan (hs.h is included in literal_matcher.cc only).

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace piiscan::detectors {

class LiteralScanner;

class LiteralMatcher {
 public:
  struct Pattern {
    std::string expression;  // the literal, or a Hyperscan regex when !literal
    bool literal = true;
    bool caseless = true;    // ASCII case folding only: fold diacritics first
  };
  struct Match {
    uint32_t id;   // index into the patterns given to Build
    uint64_t end;  // offset one past the match
  };

  // Compiles all patterns into one database. Errors name the pattern.
  static Result<std::shared_ptr<const LiteralMatcher>> Build(const std::vector<Pattern>& patterns);
  ~LiteralMatcher();

  size_t size() const { return size_; }
  std::unique_ptr<LiteralScanner> NewScanner() const;

  struct Impl;

 private:
  LiteralMatcher(std::unique_ptr<Impl> impl, size_t size);
  std::unique_ptr<Impl> impl_;
  size_t size_;
  friend class LiteralScanner;
};

class LiteralScanner {
 public:
  ~LiteralScanner();
  // Appends every match in `text`, in end order. Text longer than 4 GiB is
  // not scanned (extractors hand over text in windows far below that).
  void Scan(std::string_view text, std::vector<LiteralMatcher::Match>& out);

 private:
  friend class LiteralMatcher;
  struct State;
  explicit LiteralScanner(const LiteralMatcher& matcher);
  const LiteralMatcher& matcher_;
  std::unique_ptr<State> state_;
};

}  // namespace piiscan::detectors
