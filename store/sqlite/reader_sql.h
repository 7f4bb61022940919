#pragma once
// The statements of the SQLite reader, as plain SQL. Every finding query
// starts with the same 14 columns (kFindingColumns), read by one function.

#include <string_view>

namespace piiscan::store::sqlite::reader_sql {

#define PIISCAN_FINDING_COLUMNS                                                         \
  "f.location, f.detector, f.category, f.confidence, f.score, f.masked, f.value_hash, " \
  "f.value, f.note, f.page, f.count, f.first_offset, f.first_line, f.item_time"
inline constexpr int kFindingColumns = 14;

inline constexpr std::string_view kFile = R"sql(
SELECT id, path, type, bytes_scanned, device, inode, size, mtime_ns, ctime_ns,
       config_fingerprint, gone_in_scan, status, findings, statuses
FROM files WHERE root = ?1 AND relative_path = ?2)sql";

inline constexpr std::string_view kFileFindings =
    "SELECT " PIISCAN_FINDING_COLUMNS
    " FROM findings f WHERE f.file_id = ?1 AND f.resolved_in_scan IS NULL ORDER BY f.id";

// A file's compact copy of its current findings and statuses (replay_blob.h);
// a file recorded before schema version 5 has none.
inline constexpr std::string_view kFileReplay = "SELECT data FROM file_replay WHERE file_id = ?1";

inline constexpr std::string_view kFileStatuses =
    "SELECT location, status, reason FROM statuses WHERE file_id = ?1 ORDER BY id";

inline constexpr std::string_view kCurrentStatuses = R"sql(
SELECT fi.path, s.location, s.status, s.reason FROM statuses s JOIN files fi ON fi.id = s.file_id
WHERE fi.gone_in_scan IS NULL ORDER BY s.id)sql";

inline constexpr std::string_view kScans = R"sql(
SELECT id, scan_id, piiscan_version, rules_version, key_fingerprint, roots, host, command,
       result_options, config_fingerprint, started, finished, status, values_stored,
       files_read, files_skipped, files_gone, findings, new_findings, resolved
FROM scans ORDER BY id)sql";

// Columns after the finding's: the file and the history (a current finding
// was last seen when its file was: a kept file's findings are not rewritten,
// docs/store.md). No ORDER BY: the
// table's own order (as written, so a file's findings mostly together) costs
// no sort of the whole table.
#define PIISCAN_STORED_FINDING                                                      \
  "SELECT " PIISCAN_FINDING_COLUMNS                                                 \
  ", fi.path, fi.root, fi.relative_path, f.first_seen, "                            \
  "iif(f.resolved_in_scan IS NULL, fi.last_seen, f.last_seen), f.first_scan, "      \
  "iif(f.resolved_in_scan IS NULL, fi.last_scan, f.last_scan), f.resolved_in_scan, " \
  "f.name_key, f.name_tokens FROM findings f JOIN files fi ON fi.id = f.file_id "

inline constexpr std::string_view kCurrent =
    PIISCAN_STORED_FINDING "WHERE f.resolved_in_scan IS NULL";

inline constexpr std::string_view kNewSince =
    PIISCAN_STORED_FINDING "WHERE f.resolved_in_scan IS NULL AND f.first_scan > ?1";

// Resolved since the base, and present at the base (not both new and gone
// in between).
inline constexpr std::string_view kResolvedSince =
    PIISCAN_STORED_FINDING "WHERE f.resolved_in_scan > ?1 AND f.first_scan <= ?1";

// person --db: by value hash (on the prefix index, docs/store.md) and by
// name key (partial index findings_name).
inline constexpr std::string_view kByValue = PIISCAN_STORED_FINDING
    "WHERE substr(f.value_hash, 1, 12) = substr(?1, 1, 12) AND +f.value_hash = ?1 "
    "AND f.resolved_in_scan IS NULL";
inline constexpr std::string_view kByNameKey =
    PIISCAN_STORED_FINDING "WHERE f.name_key = ?1 AND f.resolved_in_scan IS NULL";

#undef PIISCAN_STORED_FINDING
#undef PIISCAN_FINDING_COLUMNS

// The audit's trends: findings present after scan ?1, counted per file,
// category, confidence and interval here, so that a million findings become
// a few rows per file; ordered by file, so the caller maps each path once.
inline constexpr std::string_view kFindingHistory = R"sql(
SELECT fi.path, g.category, g.confidence, g.first_scan, g.resolved_in_scan, g.n
FROM (SELECT file_id, category, confidence, first_scan, resolved_in_scan, count(*) AS n
      FROM findings WHERE resolved_in_scan IS NULL OR resolved_in_scan > ?1
      GROUP BY file_id, category, confidence, first_scan, resolved_in_scan) g
JOIN files fi ON fi.id = g.file_id
ORDER BY g.file_id)sql";

// The same, one row per finding, for triage verdicts (a current finding was
// last seen when its file was, as in PIISCAN_STORED_FINDING).
inline constexpr std::string_view kFindingHistoryPerFinding = R"sql(
SELECT fi.path, f.category, f.confidence, f.first_scan, f.resolved_in_scan, 1, f.value_hash,
       f.detector, iif(f.resolved_in_scan IS NULL, fi.last_scan, f.last_scan)
FROM findings f JOIN files fi ON fi.id = f.file_id
WHERE f.resolved_in_scan IS NULL OR f.resolved_in_scan > ?1
ORDER BY f.file_id)sql";

inline constexpr std::string_view kPreviousCompleted =
    "SELECT id FROM scans WHERE status = 'completed' ORDER BY id DESC LIMIT 1 OFFSET 1";
inline constexpr std::string_view kScanById = "SELECT id FROM scans WHERE scan_id = ?1";
inline constexpr std::string_view kLastScanBefore =
    "SELECT coalesce(max(id), 0) FROM scans WHERE started < ?1";

}  // namespace piiscan::store::sqlite::reader_sql
