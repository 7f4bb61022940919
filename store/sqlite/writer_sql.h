#pragma once
// The statements of the SQLite writer, as plain SQL. Parameters are numbered;
// ?S is always the scan's id and ?T the scan's start time (unix ms), which
// is what first_seen / last_seen record.

#include <string_view>

namespace piiscan::store::sqlite::writer_sql {

inline constexpr std::string_view kInterruptRunning =
    "UPDATE scans SET status = 'interrupted' WHERE status = 'running'";

inline constexpr std::string_view kInsertScan = R"sql(
INSERT INTO scans (scan_id, piiscan_version, rules_version, key_fingerprint, roots, host, command,
                   result_options, config_fingerprint, started, status, values_stored)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'running', ?11)
RETURNING id)sql";

// A file that was read: its identity and state now, present again if gone.
inline constexpr std::string_view kUpsertFile = R"sql(
INSERT INTO files (root, relative_path, path, device, inode, size, mtime_ns, ctime_ns, type,
                   bytes_scanned, config_fingerprint, first_seen, last_seen, first_scan, last_scan)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?13, ?13)
ON CONFLICT (root, relative_path) DO UPDATE SET
  path = excluded.path, device = excluded.device, inode = excluded.inode, size = excluded.size,
  mtime_ns = excluded.mtime_ns, ctime_ns = excluded.ctime_ns, type = excluded.type,
  status = 'ok', reason = '', bytes_scanned = excluded.bytes_scanned,
  config_fingerprint = excluded.config_fingerprint,
  last_seen = excluded.last_seen, last_scan = excluded.last_scan, gone_in_scan = NULL
RETURNING id, first_scan)sql";

inline constexpr std::string_view kDeleteStatuses = "DELETE FROM statuses WHERE file_id = ?1";

// One finding (or `count` occurrences of it). Within one scan the first
// occurrence's values and position stay and counts add; the first time a scan
// meets it again, this scan's values replace the old ones; a resolved finding
// that comes back is new again.
inline constexpr std::string_view kUpsertFinding = R"sql(
INSERT INTO findings (file_id, location, detector, category, confidence, score, masked,
                      value_hash, value, note, page, count, first_offset, first_line, item_time,
                      first_seen, last_seen, first_scan, last_scan)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16, ?17, ?17)
ON CONFLICT (file_id, detector, value_hash, location) DO UPDATE SET
  count = CASE WHEN last_scan = excluded.last_scan THEN count + excluded.count
               ELSE excluded.count END,
  category = iif(last_scan = excluded.last_scan, category, excluded.category),
  confidence = iif(last_scan = excluded.last_scan, confidence, excluded.confidence),
  score = iif(last_scan = excluded.last_scan, score, excluded.score),
  masked = iif(last_scan = excluded.last_scan, masked, excluded.masked),
  value = iif(last_scan = excluded.last_scan, value, excluded.value),
  note = iif(last_scan = excluded.last_scan, note, excluded.note),
  page = iif(last_scan = excluded.last_scan, page, excluded.page),
  first_offset = iif(last_scan = excluded.last_scan, first_offset, excluded.first_offset),
  first_line = iif(last_scan = excluded.last_scan, first_line, excluded.first_line),
  item_time = iif(last_scan = excluded.last_scan, item_time, excluded.item_time),
  first_seen = iif(resolved_in_scan IS NULL, first_seen, excluded.first_seen),
  first_scan = iif(resolved_in_scan IS NULL, first_scan, excluded.first_scan),
  last_seen = excluded.last_seen, last_scan = excluded.last_scan, resolved_in_scan = NULL)sql";

inline constexpr std::string_view kInsertStatus =
    "INSERT INTO statuses (file_id, location, status, reason) VALUES (?1, ?2, ?3, ?4)";

// The file's own status: the first status record without a location.
inline constexpr std::string_view kSetFileStatus =
    "UPDATE files SET status = ?2, reason = ?3 WHERE id = ?1 AND status = 'ok'";

// At the end of a file that was read: what it no longer contains is resolved.
inline constexpr std::string_view kResolveUnseen = R"sql(
UPDATE findings SET resolved_in_scan = ?2
WHERE file_id = ?1 AND resolved_in_scan IS NULL AND last_scan <> ?2)sql";

inline constexpr std::string_view kKeepFile =
    "UPDATE files SET last_seen = ?2, last_scan = ?3 WHERE id = ?1";

inline constexpr std::string_view kProgress =
    "UPDATE scans SET files_read = ?2, files_skipped = ?3 WHERE id = ?1";

// At the end of a completed scan, per root: files not seen are gone, and so
// are their findings.
inline constexpr std::string_view kMarkGone = R"sql(
UPDATE files SET gone_in_scan = ?2
WHERE root = ?1 AND last_scan <> ?2 AND gone_in_scan IS NULL)sql";

inline constexpr std::string_view kResolveGone = R"sql(
UPDATE findings SET resolved_in_scan = ?1
WHERE resolved_in_scan IS NULL AND file_id IN (SELECT id FROM files WHERE gone_in_scan = ?1))sql";

// The findings of files kept unchanged were seen by this scan too.
inline constexpr std::string_view kSeeKept = R"sql(
UPDATE findings SET last_seen = ?2, last_scan = ?1
WHERE resolved_in_scan IS NULL AND last_scan <> ?1
  AND file_id IN (SELECT id FROM files WHERE last_scan = ?1))sql";

inline constexpr std::string_view kFinishScan = R"sql(
UPDATE scans SET
  finished = ?2, status = ?3, files_read = ?4, files_skipped = ?5, files_gone = ?6,
  findings = (SELECT count(*) FROM findings WHERE last_scan = ?1 AND resolved_in_scan IS NULL),
  new_findings = (SELECT count(*) FROM findings WHERE first_scan = ?1 AND resolved_in_scan IS NULL),
  resolved = (SELECT count(*) FROM findings WHERE resolved_in_scan = ?1)
WHERE id = ?1
RETURNING findings, new_findings, resolved)sql";

}  // namespace piiscan::store::sqlite::writer_sql
