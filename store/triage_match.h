#pragma once
// Which triage verdict (store/store.h TriageVerdict) a stored finding falls
// under, decided in one place for every command that reads the store
// (report, audit --db, person --db). Built once from the verdict list and
// the scans; then a lookup per finding costs a hash lookup by value hash,
// plus, for detectors that have glob verdicts, a glob check once per file
// (findings of a file come together): globs are indexed by a literal path
// component they hold, so only the few that can match a path are tried.
//
// Precedence when several verdicts cover a finding: value hash + file, then
// value hash, then glob + detector (the latest of those). Value-hash
// verdicts match only findings hashed with the verdict's key (the key
// fingerprint of the scan that last saw the finding).
// A remediated verdict reopens once a completed scan after the verdict's
// scan still saw the finding: the finding is then shown again, marked.
//
// Not thread safe (a per-file cache): one matcher per thread.

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/store.h"

namespace piiscan::store {

// Whether the `file` of a value-hash + file verdict names `path` (a
// Finding::file): the same, or a trailing part of it after a '/'.
bool TriageFileNames(std::string_view file, std::string_view path);

struct TriageMatch {
  const TriageVerdict* verdict = nullptr;  // nullptr: no verdict covers it
  bool reopened = false;                   // remediated, but a later completed scan still saw it
  // Left out of reports unless --include-triaged.
  bool LeftOut() const { return verdict && !reopened; }
};

// How many findings verdicts left out, and how many remediated ones came back.
struct TriageTally {
  std::array<uint64_t, 3> left_out{};  // by Verdict
  uint64_t reopened = 0;
  void Count(const TriageMatch& m);
  uint64_t Total() const { return left_out[0] + left_out[1] + left_out[2]; }
  // "12 findings left out by triage: 9 false_positive, 2 accepted, 1
  // remediated" (+ "; 1 remediated finding reopened"); "" when nothing.
  std::string Describe() const;
};

class TriageMatcher {
 public:
  // `scans` as from StoreReader::Scans (for keys and completed scans).
  TriageMatcher(std::vector<TriageVerdict> verdicts, const std::vector<ScanRecord>& scans);
  ~TriageMatcher();
  TriageMatcher(TriageMatcher&&) noexcept;
  TriageMatcher& operator=(TriageMatcher&&) noexcept;

  TriageMatch Match(const StoredFinding& f);
  bool empty() const { return verdicts_.empty(); }
  const std::vector<TriageVerdict>& verdicts() const { return verdicts_; }
  // Whether a value-hash verdict was made with another key than the
  // store's latest completed scan used (it matches none of that scan's
  // findings); glob verdicts hold whatever the key.
  bool KeyMismatch(const TriageVerdict& v) const;

 private:
  struct Globs;
  TriageMatch Decide(const TriageVerdict* v, const StoredFinding& f) const;
  const TriageVerdict* ByValue(const StoredFinding& f) const;
  const TriageVerdict* ByGlob(const StoredFinding& f);

  std::vector<TriageVerdict> verdicts_;
  // The key of each scan (by ScanRecord::id), as a small number.
  std::unordered_map<int64_t, int> scan_key_;
  std::unordered_map<std::string, int> key_number_;
  std::string current_key_;       // of the latest completed scan (else the latest)
  std::vector<int> verdict_key_;  // per verdict; -1: a key no scan used
  // Per verdict: the first completed scan after its scan (INT64_MAX: none).
  std::vector<int64_t> confirm_from_;
  // value hash -> verdict indices (organisation-wide and per file).
  std::unordered_map<std::string, std::vector<uint32_t>> by_value_;
  // A flat open-addressing set of 64-bit keys of those hashes: most
  // findings have no verdict, and this rejects them with one read instead
  // of a node-based map's several cache misses.
  std::vector<uint64_t> value_keys_;
  int value_shift_ = 64;
  // Before that, one bit per key in a bitset of 16 bits a verdict (32 KB for
  // 10,000: it stays in the L1/L2 cache, where the set's random reads
  // missed): ~94% of the findings without a verdict stop here.
  std::vector<uint64_t> value_bits_;
  bool MaybeByValue(std::string_view hash) const;
  std::unique_ptr<Globs> globs_;
};

}  // namespace piiscan::store
