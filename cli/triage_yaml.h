#pragma once
// Triage verdicts as YAML (`piiscan triage --export` / `--import`), so that
// verdicts can be reviewed in a merge request and carried to another store.
// The shape (docs/cli.md):
//
//   piiscan_triage: 1
//   verdicts:
//     - value_hash: 4e7d4b89...          # or: glob: shares/marketing/** + detector: person_name
//       file: shares/hr/personeel.xlsx   # optional, with value_hash
//       verdict: false_positive
//       note: test IBAN in handleiding
//       by: auditor
//       created: 2026-12-07T13:48:01.123Z
//       key_fingerprint: 00112233aabbccdd
//       scan_id: 20261207T134801Z-3f9a1c2b
//
// No raw value is ever written (value hashes are keyed; a comment may give
// the masked value). Pure functions; not thread-safe only in that yaml-cpp's
// objects are not shared.

#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace piiscan::cli {

// Per verdict id, a comment for the reader of the file ("iban NL91 ****
// 4300; 3 current findings").
std::string TriageYaml(const std::vector<store::TriageVerdict>& verdicts,
                       const std::map<int64_t, std::string>& comments);

// Parses a file written by TriageYaml (or by hand); every verdict checked
// (scope, verdict name, a note for accepted). Errors name the entry.
Result<std::vector<store::TriageVerdict>> ParseTriageYaml(const std::string& text);

// "2026-12-07T13:48:01.123Z" and back (nullopt: not that form; seconds
// and the fraction may be left out).
std::string IsoTimeMs(int64_t unix_ms);
std::optional<int64_t> ParseIsoTimeMs(const std::string& text);

// What is wrong with a verdict given on the command line or in a file
// (scope, a value hash of 64 hex, accepted without note); "" when fine.
std::string VerdictProblem(const store::TriageVerdict& v);

}  // namespace piiscan::cli
