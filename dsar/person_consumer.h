#pragma once
// The DSAR search's TextConsumer (piiscan person): runs the subject's
// PersonMatcher over each segment and turns hits into Findings (detector
// "person", `matched` and `snippet` set, value masked and hashed like a
// scan finding so the two can be joined; raw value only with --show-values).
// At the end of each file it drops weak hits: a low-confidence hit (a
// surname alone, a salutation, a postcode) is kept only when a medium or
// high hit of the subject is in the same message, or in the same file when
// the file is not mail, unless --include-weak.
//
// Thread safety: the factory is shared; each consumer belongs to one thread.

#include <memory>
#include <vector>

#include "core/finding.h"
#include "core/keyed_hash.h"
#include "dsar/person_matcher.h"
#include "scanner/text_consumer.h"

namespace piiscan::dsar {

struct PersonConsumerOptions {
  bool show_values = false;
  bool include_weak = false;
  Confidence min_confidence = Confidence::kLow;  // applied after the weak-hit rule
  const KeyedHasher* hasher = nullptr;  // required
};

scanner::TextConsumerFactory PersonConsumerFactory(std::shared_ptr<const PersonMatcher> matcher,
                                          PersonConsumerOptions options);

// The score a hit of this confidence carries (a hit has no detector score).
double ScoreOf(Confidence c);

// The weak-hit rule above, on one file's findings (exposed for tests and
// for answers from a store, dsar/store_answer.h).
void DropLonelyWeakHits(std::vector<Finding>& findings);

}  // namespace piiscan::dsar
