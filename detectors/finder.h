#pragma once
// Custom finders: detectors whose candidates are not a pattern but a small
// algorithm over the text and gazetteer (lexicon) hits — e.g.
// person names. A spec with `trigger: custom` names its finder; the lexicons
// it lists are matched by the engine's Hyperscan pass and handed in, and so
// are the match ends of the spec's `hs` pattern, when it has one. A finder
// may report a candidate under another detector (Candidate::detector).
//
// Thread safety: a Finder is built once and shared; Find must be reentrant.

#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/segment.h"
#include "core/status.h"
#include "detectors/detection.h"
#include "rules/detector_spec.h"

namespace piiscan::detectors {

struct FinderInput {
  std::string_view text;               // folded text of the segment
  const SegmentInfo& info;
  std::span<const TermHit> lexicon_hits;  // all lexicon hits, sorted by begin
  // Ends of the spec's own `hs` pattern matches, ascending (empty when the
  // spec has none; a finder with an hs pattern is only called when it hit).
  std::span<const uint32_t> trigger_ends = {};
};

class Finder {
 public:
  virtual ~Finder() = default;
  virtual void Find(const FinderInput& in, std::vector<Candidate>& out) const = 0;
};

// Lexicon name -> id used in TermHit::list for lexicon hits.
using LexiconIds = std::map<std::string, uint32_t, std::less<>>;

// Builds the finder named by spec.finder, or an error when there is none.
Result<std::unique_ptr<Finder>> MakeFinder(const rules::DetectorSpec& spec,
                                           const rules::RuleSet& rules, const LexiconIds& ids);

}  // namespace piiscan::detectors
