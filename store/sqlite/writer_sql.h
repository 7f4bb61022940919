#pragma once
// The statements of the SQLite writer, as plain SQL. Parameters are numbered;
// the scan's id and start time (unix ms, what first_seen / last_seen record)
// are bound like any other value.

#include <string_view>

namespace piiscan::store::sqlite::writer_sql {

inline constexpr std::string_view kInterruptRunning =
    "UPDATE scans SET status = 'interrupted' WHERE status = 'running'";

inline constexpr std::string_view kInsertScan = R"sql(
INSERT INTO scans (scan_id, piiscan_version, rules_version, key_fingerprint, roots, host, command,
                   result_options, config_fingerprint, started, status, values_stored)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'running', ?11)
RETURNING id)sql";

// What the store knew of a file that was read again.
inline constexpr std::string_view kFindFile = R"sql(
SELECT id, last_seen, last_scan, statuses, findings FROM files
WHERE root = ?1 AND relative_path = ?2)sql";

// A file met for the first time: a plain insert, with its final counts; no
// row changed when the store knows the file (it is then looked up and
// rewritten). Its id is sqlite3_last_insert_rowid (RETURNING builds a temporary table per
// statement: 12% of a first scan's store time).
inline constexpr std::string_view kInsertFile = R"sql(
INSERT INTO files (root, relative_path, path, device, inode, size, mtime_ns, ctime_ns, type,
                   status, reason, bytes_scanned, config_fingerprint, findings, statuses,
                   first_seen, last_seen, first_scan, last_scan)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16, ?17, ?17)
ON CONFLICT (root, relative_path) DO NOTHING)sql";

// A file read again: its identity and state now, present again if gone.
inline constexpr std::string_view kUpdateFile = R"sql(
UPDATE files SET path = ?2, device = ?3, inode = ?4, size = ?5, mtime_ns = ?6, ctime_ns = ?7,
  type = ?8, status = ?9, reason = ?10, bytes_scanned = ?11, config_fingerprint = ?12,
  findings = ?13, statuses = ?14, last_seen = ?15, last_scan = ?16, gone_in_scan = NULL
WHERE id = ?1)sql";

inline constexpr std::string_view kDeleteStatuses = "DELETE FROM statuses WHERE file_id = ?1";

inline constexpr std::string_view kInsertFinding = R"sql(
INSERT INTO findings (file_id, location, detector, category, confidence, score, masked,
                      value_hash, value, note, page, count, first_offset, first_line, item_time,
                      first_seen, last_seen, first_scan, last_scan, name_key, name_tokens)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16, ?17, ?17, ?18,
        ?19))sql";

// Every finding a file ever had (current and resolved), by its key, to diff a
// new reading against.
inline constexpr std::string_view kFileFindingKeys = R"sql(
SELECT id, location, detector, value_hash, first_scan, resolved_in_scan
FROM findings WHERE file_id = ?1)sql";

// A finding found again: this reading's values and count; one that had been
// resolved is current again, first seen now.
inline constexpr std::string_view kUpdateFinding = R"sql(
UPDATE findings SET category = ?2, confidence = ?3, score = ?4, masked = ?5, value = ?6,
  note = ?7, page = ?8, count = ?9, first_offset = ?10, first_line = ?11, item_time = ?12,
  name_key = ?15, name_tokens = ?16,
  first_seen = iif(resolved_in_scan IS NULL, first_seen, ?13),
  first_scan = iif(resolved_in_scan IS NULL, first_scan, ?14),
  last_seen = ?13, last_scan = ?14, resolved_in_scan = NULL
WHERE id = ?1)sql";

// A finding no longer in its re-read file: last seen when the file was.
inline constexpr std::string_view kResolveFinding =
    "UPDATE findings SET resolved_in_scan = ?2, last_seen = ?3, last_scan = ?4 WHERE id = ?1";

// A file's compact copy of its current findings and statuses
// (replay_blob.h), replaced whenever the file is written; none for a file
// without any, or gone.
inline constexpr std::string_view kPutReplay =
    "INSERT OR REPLACE INTO file_replay (file_id, data) VALUES (?1, ?2)";
inline constexpr std::string_view kDropReplay = "DELETE FROM file_replay WHERE file_id = ?1";
inline constexpr std::string_view kDropGoneReplays = R"sql(
DELETE FROM file_replay WHERE file_id IN (SELECT id FROM files WHERE gone_in_scan = ?1))sql";

inline constexpr std::string_view kInsertStatus =
    "INSERT INTO statuses (file_id, location, status, reason) VALUES (?1, ?2, ?3, ?4)";

// Files kept unchanged, a run of consecutive ids at a time.
inline constexpr std::string_view kKeepFiles =
    "UPDATE files SET last_seen = ?3, last_scan = ?4 WHERE id BETWEEN ?1 AND ?2";

inline constexpr std::string_view kProgress =
    "UPDATE scans SET files_read = ?2, files_skipped = ?3 WHERE id = ?1";

// At the end of a completed scan, per root: files not seen are gone, and so
// are their findings (last seen when their file was).
inline constexpr std::string_view kMarkGone = R"sql(
UPDATE files SET gone_in_scan = ?2, findings = 0
WHERE root = ?1 AND last_scan <> ?2 AND gone_in_scan IS NULL)sql";

inline constexpr std::string_view kResolveGone = R"sql(
UPDATE findings SET resolved_in_scan = ?1,
  last_seen = (SELECT fi.last_seen FROM files fi WHERE fi.id = findings.file_id),
  last_scan = (SELECT fi.last_scan FROM files fi WHERE fi.id = findings.file_id)
WHERE resolved_in_scan IS NULL AND file_id IN (SELECT id FROM files WHERE gone_in_scan = ?1))sql";

// The counters (`findings`: the current findings of the files this scan
// saw, counted by the writer as it went).
inline constexpr std::string_view kFinishScan = R"sql(
UPDATE scans SET
  finished = ?2, status = ?3, files_read = ?4, files_skipped = ?5, files_gone = ?6,
  findings = ?9, new_findings = ?7, resolved = ?8
WHERE id = ?1)sql";

}  // namespace piiscan::store::sqlite::writer_sql
