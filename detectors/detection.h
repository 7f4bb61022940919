#pragma once
// Intermediate results of the detection engine, before they become Findings.

#include <cstdint>
#include <string>

namespace piiscan::detectors {

// A literal from a keyword list or lexicon found in the (folded) text.
struct TermHit {
  uint32_t list;   // keyword id, or lexicon id (see Engine::LexiconId)
  uint32_t term;   // index of the term within its lexicon (0 for keywords)
  uint32_t begin;
  uint32_t end;
};

// A candidate proposed by a custom finder (offsets in the folded text).
struct Candidate {
  uint32_t begin;
  uint32_t end;
  std::string value;  // normalised value
  double score;       // the finder's own score, before context
  std::string note;
  // Report under this detector id instead of the finder's own (an MRZ also
  // yields a birth date and a BSN); empty = the finder's spec.
  std::string detector;
  // The score is final (e.g. proven by check digits): no context scoring,
  // no context requirement.
  bool fixed_score = false;
};

// A confirmed, validated, scored match (offsets in the original text of the
// segment, i.e. relative to the text handed to Scan).
struct Detection {
  uint32_t spec;       // index into Engine::specs()
  uint64_t begin;
  uint64_t end;
  std::string value;   // normalised value
  double score;
  std::string note;
};

}  // namespace piiscan::detectors
