#pragma once
// A DSAR query answered from a findings store (piiscan person --db), without
// reading the scanned files: the same hits, as Findings of detector "person"
// with `matched`, that a scanning `person` gives, as far as the store knows
// them.
//   - Identifiers (e-mail, IBAN, BSN, phone, ID document, birth date,
//     postcode) by keyed hash: the query value normalised as the detectors
//     normalise, hashed as a scan hashes it ("category:value"), looked up on
//     the store's value index.
//   - Names by name keys (detectors/name_keys.h): the store indexes the last
//     surname word of every person_name finding and the local part of every
//     e-mail address; a candidate's tokens then say full name (high),
//     initials + surname (medium) or surname only (low), and e-mail local
//     parts match the forms a name is written as (jan.devries@).
// Weak hits follow the scanning search's rule (dsar/person_consumer.h). What
// the store cannot tell: snippets (--verify re-reads the hit files for
// them), dates written in other forms than a birth date the scan
// recognised, and a postcode's house number (a postcode alone is weak).
//
// Coverage is part of the answer: the roots the store holds, when each was
// last scanned completely, and the files under them that could not be read
// (blind spots, as status records).
//
// Thread safety: a call uses the reader it is given (one thread).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/confidence.h"
#include "core/finding.h"
#include "core/keyed_hash.h"
#include "detectors/name_keys.h"
#include "dsar/person_query.h"
#include "rules/detector_spec.h"
#include "store/store.h"
#include "store/triage_match.h"

namespace piiscan::dsar {

struct StoreAnswerOptions {
  bool include_weak = false;
  Confidence min_confidence = Confidence::kLow;
  // Triage verdicts (store/triage_match.h): a hit whose stored finding a
  // verdict covers is left out and counted, or with `include_triaged` kept
  // with the verdict in its note. Null: no verdicts.
  store::TriageMatcher* triage = nullptr;
  bool include_triaged = false;
};

struct RootCoverage {
  std::string root;                          // normalised
  std::optional<int64_t> completed_unix_ms;  // start of the last completed scan of it
  std::string scan_id;                       // that scan's id
};

struct StoreAnswer {
  std::vector<ItemReport> files;  // sorted by path: hits and blind spots
  std::vector<RootCoverage> roots;
  // ItemReport::file (the path as the scan was given it) -> where the file
  // is: its root and relative path joined (for re-reading, --verify).
  std::map<std::string, std::string> on_disk;
  uint64_t hits = 0;
  uint64_t blind_spots = 0;  // status records under the roots
  store::TriageTally triaged;  // hits under a triage verdict
};

// The keys a query is looked up by; built once per query.
class StoreQuery {
 public:
  // `specs`: the rules' detectors (their categories make the hashes);
  // `keyer` and `hasher`: under the key the store's scans used.
  StoreQuery(const NormalisedQuery& query, const std::vector<rules::DetectorSpec>& specs,
             const KeyedHasher& hasher, const detectors::NameKeyer& keyer);
  ~StoreQuery();
  StoreQuery(const StoreQuery&) = delete;
  StoreQuery& operator=(const StoreQuery&) = delete;

  // `scans` as from reader.Scans() (they give the coverage).
  Result<StoreAnswer> Answer(store::StoreReader& reader, const std::vector<store::ScanRecord>& scans,
                             const StoreAnswerOptions& options) const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace piiscan::dsar
