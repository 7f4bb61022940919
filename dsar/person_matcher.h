#pragma once
// The DSAR search's matcher: one subject's query compiled into one
// Hyperscan database (detectors/literal_matcher.h) of
//   - name forms, e-mail local parts, birth-date forms, ID-document numbers
//     and postcodes: literals over text folded by dsar/person_fold.h;
//   - identifier prefilters (IBAN, BSN, phone, e-mail): the value's
//     characters with the separators printed forms put between them.
// One pass over each segment finds candidates. Identifier candidates are
// then confirmed by the detection engine (built with keep_all_candidates)
// on a small window around them: a hit needs a detection of that detector
// whose normalised value equals the query value, so identifiers match in
// exactly the printed forms the detectors know. The same engine windows
// yield every other detection near a hit, which snippets mask.
//
// A surname found alone is refined by what precedes it: the subject's own
// first initial ("J.K. de Vries") or first given name ("Jan Peter de
// Vries") make it medium; other initials or names leave it low. A postcode
// with the subject's house number nearby is high, alone low.
//
// Thread safety: PersonMatcher is immutable and shared; PersonScanner owns
// scratch and buffers: one per thread.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/confidence.h"
#include "core/segment.h"
#include "core/status.h"
#include "detectors/detection.h"
#include "detectors/engine.h"
#include "dsar/person_query.h"

namespace piiscan::dsar {

struct PersonHit {
  uint64_t begin = 0;  // span in the segment's original text
  uint64_t end = 0;
  std::string field;     // name | email | phone | iban | bsn | birth_date | id_document | address
  std::string variant;   // which form matched, e.g. "initials + surname"
  Confidence confidence = Confidence::kLow;
  std::string value;     // normalised query value (identifiers) or the text as written
  std::string category;  // register category of the field ("name", "bank_account" ...)
  std::string masker;    // detectors/masking.h masker for `value`
};

class PersonScanner;

class PersonMatcher {
 public:
  // `engine` must be built with EngineOptions::keep_all_candidates and hold
  // the detectors iban, bsn, phone_nl and email when the query has them.
  static Result<std::shared_ptr<const PersonMatcher>> Build(const NormalisedQuery& query,
                                                            std::shared_ptr<const detectors::Engine> engine);
  ~PersonMatcher();

  const NormalisedQuery& query() const;
  const detectors::Engine& engine() const;
  // Every literal compiled (folded, one per line in benchmarks against
  // grep tools); identifier prefilters are given as their compact value.
  std::vector<std::string> Literals() const;
  std::unique_ptr<PersonScanner> NewScanner() const;

  struct Impl;

 private:
  explicit PersonMatcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  friend class PersonScanner;
};

class PersonScanner {
 public:
  ~PersonScanner();
  // Appends the hits in `text` (sorted by begin; none ending at or before
  // info.report_from) to `hits`, and the engine's detections around them
  // (offsets in `text`) to `detections`.
  void Scan(std::string_view text, const SegmentInfo& info, std::vector<PersonHit>& hits,
            std::vector<detectors::Detection>& detections);

  struct State;

 private:
  friend class PersonMatcher;
  PersonScanner(const PersonMatcher& matcher, std::unique_ptr<State> state);
  // Runs the engine around the candidates, confirms identifiers, keeps the
  // strongest of overlapping hits.
  void ConfirmAndResolve(std::string_view text, std::vector<PersonHit>& hits,
                         std::vector<detectors::Detection>& detections);
  const PersonMatcher& matcher_;
  std::unique_ptr<State> state_;
};

}  // namespace piiscan::dsar
