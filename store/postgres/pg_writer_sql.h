#pragma once
// The statements of the PostgreSQL writer. The semantics are the SQLite
// writer's (store/sqlite/writer_sql.h), applied a batch at a time: the
// batch's files and findings arrive by COPY into temporary tables and are
// merged with one statement each. $S is the scan's id, $T its start time.

#include <string_view>

namespace piiscan::store::pg::writer_sql {

// Temporary tables of one connection, emptied after each merge.
inline constexpr std::string_view kTempTables = R"sql(
CREATE TEMP TABLE IF NOT EXISTS batch_files (
  root TEXT, relative_path TEXT, path TEXT, device BIGINT, inode BIGINT, size BIGINT,
  mtime_ns BIGINT, ctime_ns BIGINT, type TEXT, bytes_scanned BIGINT);
CREATE TEMP TABLE IF NOT EXISTS batch_findings (
  file_id BIGINT, location TEXT, detector TEXT, category TEXT, confidence TEXT,
  score DOUBLE PRECISION, masked TEXT, value_hash TEXT, value TEXT, note TEXT, page INTEGER,
  count BIGINT, first_offset BIGINT, first_line BIGINT, item_time BIGINT, name_key BIGINT,
  name_tokens TEXT))sql";

inline constexpr std::string_view kCopyFiles =
    "COPY batch_files (root, relative_path, path, device, inode, size, mtime_ns, ctime_ns, type, "
    "bytes_scanned) FROM STDIN";

// Files recorded before in this same scan (another agent whose lease ran
// out, a part run again): their counts start again from zero, so that a
// file read twice is counted once. $1 = S.
inline constexpr std::string_view kRestartCounts = R"sql(
UPDATE findings f SET count = 0
FROM files fi JOIN batch_files b ON b.root = fi.root AND b.relative_path = fi.relative_path
WHERE f.file_id = fi.id AND fi.last_scan = $1 AND f.last_scan = $1)sql";

inline constexpr std::string_view kDeleteStatuses = R"sql(
DELETE FROM statuses s USING files fi, batch_files b
WHERE s.file_id = fi.id AND b.root = fi.root AND b.relative_path = fi.relative_path)sql";

// $1 = config fingerprint, $2 = T, $3 = S. `inserted`: the row is new (no old
// findings to merge with); xmax is 0 exactly for rows this statement inserted.
inline constexpr std::string_view kUpsertFiles = R"sql(
INSERT INTO files (root, relative_path, path, device, inode, size, mtime_ns, ctime_ns, type,
                   bytes_scanned, config_fingerprint, first_seen, last_seen, first_scan, last_scan)
SELECT root, relative_path, path, device, inode, size, mtime_ns, ctime_ns, type, bytes_scanned,
       $1, $2, $2, $3, $3 FROM batch_files
ON CONFLICT (root, relative_path) DO UPDATE SET
  path = excluded.path, device = excluded.device, inode = excluded.inode, size = excluded.size,
  mtime_ns = excluded.mtime_ns, ctime_ns = excluded.ctime_ns, type = excluded.type,
  status = 'ok', reason = '', bytes_scanned = excluded.bytes_scanned,
  config_fingerprint = excluded.config_fingerprint,
  last_seen = excluded.last_seen, last_scan = excluded.last_scan, gone_in_scan = NULL
RETURNING id, first_scan, root, relative_path, (xmax = 0) AS inserted)sql";

inline constexpr std::string_view kFindingColumns =
    "file_id, location, detector, category, confidence, score, masked, value_hash, value, note, "
    "page, count, first_offset, first_line, item_time";

// Findings of files new in this scan, straight into the table.
inline constexpr std::string_view kCopyNewFindings =
    "COPY findings (file_id, location, detector, category, confidence, score, masked, value_hash, "
    "value, note, page, count, first_offset, first_line, item_time, name_key, name_tokens, "
    "first_seen, last_seen, first_scan, last_scan) FROM STDIN";

inline constexpr std::string_view kCopyBatchFindings =
    "COPY batch_findings (file_id, location, detector, category, confidence, score, masked, "
    "value_hash, value, note, page, count, first_offset, first_line, item_time, name_key, "
    "name_tokens) FROM STDIN";

// The upsert of the SQLite writer. $1 = T, $2 = S.
inline constexpr std::string_view kMergeFindings = R"sql(
INSERT INTO findings AS f (file_id, location, detector, category, confidence, score, masked,
                           value_hash, value, note, page, count, first_offset, first_line,
                           item_time, name_key, name_tokens, first_seen, last_seen, first_scan,
                           last_scan)
SELECT file_id, location, detector, category, confidence, score, masked, value_hash, value, note,
       page, count, first_offset, first_line, item_time, name_key, name_tokens, $1, $1, $2, $2
FROM batch_findings
ON CONFLICT (file_id, detector, value_hash, location) DO UPDATE SET
  count = CASE WHEN f.last_scan = excluded.last_scan THEN f.count + excluded.count
               ELSE excluded.count END,
  category = CASE WHEN f.last_scan = excluded.last_scan THEN f.category ELSE excluded.category END,
  confidence = CASE WHEN f.last_scan = excluded.last_scan THEN f.confidence
                    ELSE excluded.confidence END,
  score = CASE WHEN f.last_scan = excluded.last_scan THEN f.score ELSE excluded.score END,
  masked = CASE WHEN f.last_scan = excluded.last_scan THEN f.masked ELSE excluded.masked END,
  value = CASE WHEN f.last_scan = excluded.last_scan THEN f.value ELSE excluded.value END,
  note = CASE WHEN f.last_scan = excluded.last_scan THEN f.note ELSE excluded.note END,
  page = CASE WHEN f.last_scan = excluded.last_scan THEN f.page ELSE excluded.page END,
  first_offset = CASE WHEN f.last_scan = excluded.last_scan THEN f.first_offset
                      ELSE excluded.first_offset END,
  first_line = CASE WHEN f.last_scan = excluded.last_scan THEN f.first_line
                    ELSE excluded.first_line END,
  item_time = CASE WHEN f.last_scan = excluded.last_scan THEN f.item_time
                   ELSE excluded.item_time END,
  name_key = CASE WHEN f.last_scan = excluded.last_scan THEN f.name_key ELSE excluded.name_key END,
  name_tokens = CASE WHEN f.last_scan = excluded.last_scan THEN f.name_tokens
                     ELSE excluded.name_tokens END,
  first_seen = CASE WHEN f.resolved_in_scan IS NULL THEN f.first_seen ELSE excluded.first_seen END,
  first_scan = CASE WHEN f.resolved_in_scan IS NULL THEN f.first_scan ELSE excluded.first_scan END,
  last_seen = excluded.last_seen, last_scan = excluded.last_scan, resolved_in_scan = NULL)sql";

inline constexpr std::string_view kCopyStatuses =
    "COPY statuses (file_id, location, status, reason) FROM STDIN";

// The file's own status: the first status record without a location.
inline constexpr std::string_view kSetFileStatus =
    "UPDATE files SET status = $2, reason = $3 WHERE id = $1 AND status = 'ok'";

// Files read whole: what they no longer contain is resolved (a count of 0:
// restarted by kRestartCounts and not found again). $1 = ids, $2 = S.
inline constexpr std::string_view kResolveUnseen = R"sql(
UPDATE findings SET resolved_in_scan = $2
WHERE file_id = ANY ($1::bigint[]) AND resolved_in_scan IS NULL
  AND (last_scan <> $2 OR count = 0))sql";

// Files kept unchanged were seen. Their findings are not rewritten (that
// cost a new row version of every current finding per night): a current
// finding was last seen when its file was (files.last_seen / last_scan),
// which is what readers report. $1 = ids, $2 = T, $3 = S.
inline constexpr std::string_view kKeepFiles =
    "UPDATE files SET last_seen = $2, last_scan = $3 WHERE id = ANY ($1::bigint[])";

inline constexpr std::string_view kAgentProgress =
    "UPDATE scan_agents SET files_read = $2, files_skipped = $3 WHERE id = $1";

}  // namespace piiscan::store::pg::writer_sql
