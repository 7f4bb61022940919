#pragma once
// The current findings of a findings store as a stream of findings, for the
// commands that read the store instead of a JSONL file (`piiscan audit --db`,
// `piiscan report --db`): handed to a reports::FindingsVisitor one by one,
// without raw values (as ReadFindingsFile does), and without the findings
// that triage verdicts leave out (store/triage_match.h). Not thread-safe.

#include <optional>

#include "reports/findings_reader.h"
#include "store/store.h"
#include "store/triage_match.h"

namespace piiscan::cli {

struct StoreReadOptions {
  bool include_triaged = false;  // --include-triaged: findings under a verdict too
  // The verdicts, when the caller has loaded them already (LoadTriage);
  // null: they are loaded from the reader.
  store::TriageMatcher* triage = nullptr;
};

// Visits every current finding (but those triage leaves out) and the status
// records of the files not gone; tells the visitor how many files the latest
// completed scan saw (read + skipped as unchanged). `scans` as from Scans().
// What triage left out is counted in a warning ("N findings left out by
// triage: ..."), which the audit shows with its others.
Result<reports::ReadStats> ReadStoreFindings(store::StoreReader& reader,
                                             const std::vector<store::ScanRecord>& scans,
                                             reports::FindingsVisitor& visitor,
                                             const StoreReadOptions& options = {});

// The latest completed scan, else the latest scan; nullopt for an empty store.
std::optional<store::ScanRecord> LatestScan(const std::vector<store::ScanRecord>& scans);

// The store's triage verdicts, ready to match findings against.
Result<store::TriageMatcher> LoadTriage(store::StoreReader& reader,
                                        const std::vector<store::ScanRecord>& scans);

// What triage left out (or, `included`, marked), for a message or a page:
// "12 findings left out by triage: 9 false_positive, ... (--include-triaged
// shows them)"; "" when no verdict covered a finding.
std::string TriageNote(const store::TriageTally& tally, bool included);

// A finding's verdict as JSON: {"id":3,"verdict":"false_positive","note":...,
// "by":...,"at":"2026-12-07T13:48:01.123Z"} (+ "reopened":true).
std::string TriageJson(const store::TriageMatch& m);
// The same for a CSV column: "false_positive", "remediated (reopened)", "".
std::string TriageWord(const store::TriageMatch& m);

}  // namespace piiscan::cli
