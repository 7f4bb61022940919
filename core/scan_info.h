#pragma once
// The identity of one scan: what ran, over what, with which settings that
// change its results. Every sink learns it before the first finding
// (reports::Sink::Begin), the JSONL stream opens with it as a header record,
// and the findings store keys its runs by `scan_id`. Two scans whose
// `config_fingerprint` is equal would report the same findings for the same
// bytes; that is what makes a file's stored findings reusable.
// A plain value; no personal data (the key appears only as a fingerprint).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace piiscan {

struct ScanInfo {
  std::string scan_id;           // unique per run, e.g. "20261207T134801Z-3f9a1c2b"
  std::string piiscan_version;   // e.g. "0.1.0"
  std::string rules_version;     // rules/data VERSION + hash of the rule files, e.g. "2026.11.1+4be0c3a1d2e7"
  std::string key_fingerprint;   // first 16 hex of SHA-256 over the hash key; never the key
  std::vector<std::string> roots;  // the PATHs as given
  std::string host;              // gethostname()
  int64_t started_unix_ms = 0;   // wall clock at the start
  std::string command;           // "scan" or "person"
  // Options that change which findings are reported and how they look, in a
  // stable textual form ("min_confidence=medium", "detectors=bsn,iban", ...),
  // sorted by name. Options that only change speed or presentation (threads,
  // progress) are not here.
  std::vector<std::string> result_options;
  // Hash (hex) of piiscan_version, rules_version, key_fingerprint and
  // result_options: equal
  // fingerprints mean a file's findings may be reused without reading it.
  std::string config_fingerprint;
};

// Fills what the caller does not choose: the start time (now), a scan id
// (UTC time + 8 random hex, unless one is set), the host name, and the
// config fingerprint from the fields already set; sorts result_options.
void StampScanInfo(ScanInfo& info);

// Hash (16 hex) of piiscan_version, rules_version, key_fingerprint and
// result_options.
std::string ConfigFingerprint(const ScanInfo& info);

// "2026-12-07T13:48:01Z" for a unix time in milliseconds.
std::string IsoTimeUtc(int64_t unix_ms);

// The unix time in milliseconds of a UTC time written "2026-12-07",
// "2026-12-07T13:48", "2026-12-07T13:48:01" or "2026-12-07T13:48:01.007",
// each with or without a final "Z" (milliseconds: exactly three digits);
// nullopt for anything else or an impossible field.
std::optional<int64_t> ParseIsoTimeUtc(std::string_view text);

}  // namespace piiscan
