#include "store/postgres/pg_reader.h"

#include <algorithm>

#include "core/confidence.h"
#include "store/location_json.h"
#include "store/postgres/pg_file_contents.h"
#include "store/postgres/pg_root_snapshot.h"
#include "store/postgres/pg_rows.h"
#include "store/postgres/pg_triage.h"

namespace piiscan::store::pg {
namespace {

// The statements mirror store/sqlite/reader_sql.h; every finding query starts
// with the same 14 columns, read by ReadFinding.
#define PIISCAN_FINDING_COLUMNS PIISCAN_PG_FINDING_COLUMNS

// has_findings / has_statuses spare a round trip for the many files with none.
constexpr std::string_view kFile = R"sql(
SELECT id, path, type, bytes_scanned, device, inode, size, mtime_ns, ctime_ns,
       config_fingerprint, gone_in_scan IS NOT NULL, status,
       EXISTS (SELECT 1 FROM findings f WHERE f.file_id = files.id AND f.resolved_in_scan IS NULL),
       EXISTS (SELECT 1 FROM statuses s WHERE s.file_id = files.id)
FROM files WHERE root = $1 AND relative_path = $2)sql";

constexpr std::string_view kFileFindings =
    "SELECT " PIISCAN_FINDING_COLUMNS
    " FROM findings f WHERE f.file_id = $1 AND f.resolved_in_scan IS NULL ORDER BY f.id";

constexpr std::string_view kFileStatuses =
    "SELECT location, status, reason FROM statuses WHERE file_id = $1 ORDER BY id";

constexpr std::string_view kCurrentStatuses = R"sql(
SELECT fi.path, s.location, s.status, s.reason FROM statuses s JOIN files fi ON fi.id = s.file_id
WHERE fi.gone_in_scan IS NULL ORDER BY s.id)sql";

// Agents record their progress in their own rows; the scan's row gets the
// sums when the scan ends, so a running or killed scan counts its agents'.
constexpr std::string_view kScans = R"sql(
SELECT id, scan_id, piiscan_version, rules_version, key_fingerprint, roots, host, command,
       result_options, config_fingerprint, started, finished, status, values_stored,
       greatest(files_read, (SELECT coalesce(sum(a.files_read), 0) FROM scan_agents a
                             WHERE a.scan = scans.id)),
       greatest(files_skipped, (SELECT coalesce(sum(a.files_skipped), 0) FROM scan_agents a
                                WHERE a.scan = scans.id)),
       files_gone, findings, new_findings, resolved, mode
FROM scans ORDER BY id)sql";

constexpr std::string_view kAgents = R"sql(
SELECT scan, host, pid, shard, started, finished, status, files_read, files_skipped
FROM scan_agents ORDER BY id)sql";

#define PIISCAN_STORED_FINDING                                                    \
  "SELECT " PIISCAN_FINDING_COLUMNS                                               \
  ", fi.path, fi.root, fi.relative_path, f.first_seen, "                          \
  "CASE WHEN f.resolved_in_scan IS NULL THEN fi.last_seen ELSE f.last_seen END, " \
  "f.first_scan, CASE WHEN f.resolved_in_scan IS NULL THEN fi.last_scan "         \
  "ELSE f.last_scan END, f.resolved_in_scan, f.name_key, f.name_tokens "         \
  "FROM findings f JOIN files fi ON fi.id = f.file_id "

constexpr std::string_view kCurrent = PIISCAN_STORED_FINDING "WHERE f.resolved_in_scan IS NULL";
constexpr std::string_view kNewSince =
    PIISCAN_STORED_FINDING "WHERE f.resolved_in_scan IS NULL AND f.first_scan > $1";
constexpr std::string_view kResolvedSince =
    PIISCAN_STORED_FINDING "WHERE f.resolved_in_scan > $1 AND f.first_scan <= $1";

// person --db: by value hash (on the prefix index) and by name key.
constexpr std::string_view kByValue = PIISCAN_STORED_FINDING
    "WHERE substr(f.value_hash, 1, 12) = substr($1, 1, 12) AND f.value_hash = $1 "
    "AND f.resolved_in_scan IS NULL";
constexpr std::string_view kByNameKey =
    PIISCAN_STORED_FINDING "WHERE f.name_key = $1 AND f.resolved_in_scan IS NULL";

#undef PIISCAN_STORED_FINDING
#undef PIISCAN_FINDING_COLUMNS

// The audit's trends, as store/sqlite/reader_sql.h's kFindingHistory.
constexpr std::string_view kFindingHistory = R"sql(
SELECT fi.path, g.category, g.confidence, g.first_scan, g.resolved_in_scan, g.n
FROM (SELECT file_id, category, confidence, first_scan, resolved_in_scan, count(*) AS n
      FROM findings WHERE resolved_in_scan IS NULL OR resolved_in_scan > $1
      GROUP BY file_id, category, confidence, first_scan, resolved_in_scan) g
JOIN files fi ON fi.id = g.file_id
ORDER BY g.file_id)sql";

constexpr std::string_view kFindingHistoryPerFinding = R"sql(
SELECT fi.path, f.category, f.confidence, f.first_scan, f.resolved_in_scan, 1, f.value_hash,
       f.detector, CASE WHEN f.resolved_in_scan IS NULL THEN fi.last_scan ELSE f.last_scan END
FROM findings f JOIN files fi ON fi.id = f.file_id
WHERE f.resolved_in_scan IS NULL OR f.resolved_in_scan > $1
ORDER BY f.file_id)sql";

constexpr std::string_view kPreviousCompleted =
    "SELECT id FROM scans WHERE status = 'completed' ORDER BY id DESC LIMIT 1 OFFSET 1";
constexpr std::string_view kScanById = "SELECT id FROM scans WHERE scan_id = $1";
constexpr std::string_view kLastScanBefore =
    "SELECT coalesce(max(id), 0) FROM scans WHERE started < $1";

Result<StoredFinding> ReadStoredFinding(const PgResult& r, const std::string& where) {
  constexpr int c = kFindingColumns;
  StoredFinding out;
  auto f = ReadFinding(r, 0, FromDbText(r.TextView(0, c)), where);
  if (!f) return std::unexpected(f.error());
  out.finding = std::move(*f);
  out.root = FromDbText(r.TextView(0, c + 1));
  out.relative_path = FromDbText(r.TextView(0, c + 2));
  out.first_seen_unix_ms = r.Int(0, c + 3);
  out.last_seen_unix_ms = r.Int(0, c + 4);
  out.first_scan = r.Int(0, c + 5);
  out.last_scan = r.Int(0, c + 6);
  out.resolved_in_scan = r.OptionalInt(0, c + 7);
  out.finding.name_key = r.OptionalInt(0, c + 8).value_or(0);
  if (!r.IsNull(0, c + 9)) out.finding.name_tokens = std::string(r.TextView(0, c + 9));
  return out;
}

class PgReader final : public StoreReader {
 public:
  PgReader(PgConnection db, std::shared_ptr<const StoreEvents> events)
      : db_(std::move(db)), events_(std::move(events)) {}

  Result<std::optional<StoredFile>> Unchanged(const FileIdentity& id,
                                              std::string_view fingerprint) override {
    if (id.root != root_given_) {  // roots are stored normalised (NormalizeRoot)
      root_given_ = id.root;
      root_ = NormalizeRoot(id.root);
      root_text_ = ToDbText(root_);
    }
    auto copied = snapshot_.Prepare(db_, root_text_, *events_);
    if (!copied) return std::unexpected(copied.error());
    if (!*copied) return UnchangedFromServer(id, fingerprint);
    auto found = snapshot_.Find(db_, ToDbText(id.relative_path), *events_);
    if (!found) return std::unexpected(found.error());
    if (!*found) return std::nullopt;
    const SnapshotRow& row = **found;
    StoredFile out;
    FileIdentity& stored = out.state.identity;
    stored = FileIdentity{id.root,  id.relative_path, row.device,  row.inode,
                          row.size, row.mtime_ns,     row.ctime_ns};
    // A gone or unreadable file (permission denied, I/O error) is read again.
    if (!(stored == id) || row.fingerprint != fingerprint || !row.readable) return std::nullopt;
    stored.root = root_;
    out.file_id = row.id;
    out.state.path = !row.path.empty() ? row.path : JoinedPath(root_, id.relative_path);
    out.state.type = row.type;
    out.state.bytes_scanned = row.bytes_scanned;
    if (!row.has_findings && !row.has_statuses) return out;
    if (auto r = contents_.Read(db_, out, snapshot_.with_contents()); !r)
      return std::unexpected(r.error());
    return out;
  }

  // The same question asked of the server (a root too big to copy): one
  // round trip for most files, which have neither findings nor statuses.
  Result<std::optional<StoredFile>> UnchangedFromServer(const FileIdentity& id,
                                                        std::string_view fingerprint) {
    auto file = db_.Query(kFile, Params().Add(ToDbText(root_)).Add(ToDbText(id.relative_path)));
    if (!file) return std::unexpected(file.error());
    if (file->Rows() == 0) return std::nullopt;
    StoredFile out;
    FileIdentity& stored = out.state.identity;
    stored.root = id.root;
    stored.relative_path = id.relative_path;
    stored.device = static_cast<uint64_t>(file->Int(0, 4));
    stored.inode = static_cast<uint64_t>(file->Int(0, 5));
    stored.size = static_cast<uint64_t>(file->Int(0, 6));
    stored.mtime_ns = file->Int(0, 7);
    stored.ctime_ns = file->Int(0, 8);
    // An unreadable file (permission denied, I/O error) may be readable now.
    if (!(stored == id) || file->TextView(0, 9) != fingerprint || file->Bool(0, 10) ||
        file->TextView(0, 11) == FileStatusName(FileStatus::kUnreadable))
      return std::nullopt;
    stored.root = root_;
    out.file_id = file->Int(0, 0);
    out.state.path = FromDbText(file->TextView(0, 1));
    out.state.type = FromDbText(file->TextView(0, 2));
    out.state.bytes_scanned = static_cast<uint64_t>(file->Int(0, 3));
    if (!file->Bool(0, 12) && !file->Bool(0, 13)) return out;
    if (auto r = ReadInSnapshot(out); !r) return std::unexpected(r.error());
    return out;
  }

  Result<std::vector<ScanRecord>> Scans() override {
    auto rows = db_.Query(kScans);
    if (!rows) return std::unexpected(rows.error());
    std::vector<ScanRecord> out;
    for (int i = 0; i < rows->Rows(); ++i) {
      ScanRecord r;
      r.id = rows->Int(i, 0);
      r.info.scan_id = rows->Text(i, 1);
      r.info.piiscan_version = rows->Text(i, 2);
      r.info.rules_version = rows->Text(i, 3);
      r.info.key_fingerprint = rows->Text(i, 4);
      auto roots = ReadLocation(rows->TextView(i, 5), db_.where());
      if (!roots) return std::unexpected(roots.error());
      r.info.roots = std::move(*roots);
      r.info.host = rows->Text(i, 6);
      r.info.command = rows->Text(i, 7);
      auto options = ReadLocation(rows->TextView(i, 8), db_.where());
      if (!options) return std::unexpected(options.error());
      r.info.result_options = std::move(*options);
      r.info.config_fingerprint = rows->Text(i, 9);
      r.info.started_unix_ms = rows->Int(i, 10);
      r.finished_unix_ms = rows->OptionalInt(i, 11);
      r.status = ParseScanStatus(rows->TextView(i, 12));
      r.values_stored = rows->Int(i, 13) != 0;
      r.files_read = static_cast<uint64_t>(rows->Int(i, 14));
      r.files_skipped = static_cast<uint64_t>(rows->Int(i, 15));
      r.files_gone = static_cast<uint64_t>(rows->Int(i, 16));
      r.findings = static_cast<uint64_t>(rows->Int(i, 17));
      r.new_findings = static_cast<uint64_t>(rows->Int(i, 18));
      r.resolved = static_cast<uint64_t>(rows->Int(i, 19));
      r.mode = rows->Text(i, 20);
      out.push_back(std::move(r));
    }
    auto agents = db_.Query(kAgents);
    if (!agents) return std::unexpected(agents.error());
    for (int i = 0; i < agents->Rows(); ++i) {
      int64_t scan = agents->Int(i, 0);
      auto it =
          std::find_if(out.begin(), out.end(), [&](const ScanRecord& r) { return r.id == scan; });
      if (it == out.end()) continue;
      AgentRecord a;
      a.host = agents->Text(i, 1);
      a.pid = agents->Int(i, 2);
      if (!agents->IsNull(i, 3)) a.shard = static_cast<int>(agents->Int(i, 3));
      a.started_unix_ms = agents->Int(i, 4);
      a.finished_unix_ms = agents->OptionalInt(i, 5);
      a.status = ParseScanStatus(agents->TextView(i, 6));
      a.files_read = static_cast<uint64_t>(agents->Int(i, 7));
      a.files_skipped = static_cast<uint64_t>(agents->Int(i, 8));
      it->agents.push_back(std::move(a));
    }
    return out;
  }

  Result<void> CurrentFindings(const FindingVisitor& visit) override {
    auto go_on = Visit(kCurrent, {}, [&](const StoredFinding& f) { return visit(f); });
    if (!go_on) return std::unexpected(go_on.error());
    return {};
  }

  Result<void> LookUp(std::span<const std::string> value_hashes, std::span<const int64_t> name_keys,
                      const FindingVisitor& visit) override {
    if (auto r = db_.Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); !r)
      return std::unexpected(r.error());
    auto out = LookUpInTransaction(value_hashes, name_keys, visit);
    (void)db_.Exec(out ? "COMMIT" : "ROLLBACK");
    return out;
  }

  Result<void> CurrentStatuses(const StatusVisitor& visit) override {
    std::optional<Error> error;
    auto r = db_.ForEach(kCurrentStatuses, {}, [&](const PgResult& row) {
      auto s = ReadStatus(row, 0, FromDbText(row.TextView(0, 0)), db_.where(), 1);
      if (!s) {
        error = s.error();
        return false;
      }
      return visit(*s);
    });
    if (!r) return r;
    if (error) return std::unexpected(*error);
    return {};
  }

  Result<int64_t> ChangesSince(const Since& since, const ChangeVisitor& visit) override {
    if (auto r = db_.Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); !r)
      return std::unexpected(r.error());
    auto out = ChangesInTransaction(since, visit);
    (void)db_.Exec("COMMIT");
    return out;
  }

  Result<void> FindingHistory(int64_t from_scan, const FindingGroupVisitor& visit,
                              bool per_finding) override {
    FindingGroup g;
    std::string_view sql = per_finding ? kFindingHistoryPerFinding : kFindingHistory;
    return db_.ForEach(sql, Params().Add(from_scan), [&](const PgResult& row) {
      g.file = FromDbText(row.TextView(0, 0));
      g.category = row.Text(0, 1);
      g.confidence = ParseConfidence(row.TextView(0, 2)).value_or(Confidence::kLow);
      g.first_scan = row.Int(0, 3);
      g.resolved_in_scan = row.OptionalInt(0, 4);
      g.findings = static_cast<uint64_t>(row.Int(0, 5));
      if (per_finding) {
        g.value_hash = row.Text(0, 6);
        g.detector = row.Text(0, 7);
        g.last_scan = row.Int(0, 8);
      }
      return visit(g);
    });
  }

  Result<std::vector<TriageVerdict>> Verdicts() override { return ListVerdicts(db_); }

 private:
  // Findings and statuses in one snapshot with each other; a batch
  // committed between the file row and them only adds a later state of a
  // file the caller then replays (it was unchanged by identity).
  Result<void> ReadInSnapshot(StoredFile& out) {
    if (auto r = db_.Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); !r) return r;
    auto more = ReadContents(out);
    (void)db_.Exec("COMMIT");
    return more;
  }

  Result<void> ReadContents(StoredFile& out) {
    auto findings = db_.Query(kFileFindings, Params().Add(out.file_id));
    if (!findings) return std::unexpected(findings.error());
    for (int i = 0; i < findings->Rows(); ++i) {
      auto f = ReadFinding(*findings, i, out.state.path, db_.where());
      if (!f) return std::unexpected(f.error());
      out.findings.push_back(std::move(*f));
    }
    auto statuses = db_.Query(kFileStatuses, Params().Add(out.file_id));
    if (!statuses) return std::unexpected(statuses.error());
    for (int i = 0; i < statuses->Rows(); ++i) {
      auto s = ReadStatus(*statuses, i, out.state.path, db_.where(), 0);
      if (!s) return std::unexpected(s.error());
      out.statuses.push_back(std::move(*s));
    }
    return {};
  }

  Result<int64_t> BaseScan(const Since& since) {
    Result<PgResult> row = std::unexpected(Error{});
    if (std::holds_alternative<SincePreviousCompleted>(since)) {
      row = db_.Query(kPreviousCompleted);
    } else if (const auto* t = std::get_if<SinceTime>(&since)) {
      row = db_.Query(kLastScanBefore, Params().Add(t->unix_ms));
    } else {
      const auto& s = std::get<SinceScan>(since);
      row = db_.Query(kScanById, Params().Add(s.scan_id));
      if (row && row->Rows() == 0) return Fail(db_.where() + ": no scan " + s.scan_id);
    }
    if (!row) return std::unexpected(row.error());
    return row->Rows() ? row->Int(0, 0) : 0;
  }

  Result<int64_t> ChangesInTransaction(const Since& since, const ChangeVisitor& visit) {
    auto base = BaseScan(since);
    if (!base) return base;
    for (auto [kind, text] :
         {std::pair{Change::kNew, kNewSince}, std::pair{Change::kResolved, kResolvedSince}}) {
      auto go_on =
          Visit(text, Params().Add(*base), [&](const StoredFinding& f) { return visit(kind, f); });
      if (!go_on) return std::unexpected(go_on.error());
      if (!*go_on) break;
    }
    return *base;
  }

  Result<void> LookUpInTransaction(std::span<const std::string> value_hashes,
                                   std::span<const int64_t> name_keys, const FindingVisitor& visit) {
    for (const auto& h : value_hashes) {
      auto go_on = Visit(kByValue, Params().Add(h), visit);
      if (!go_on) return std::unexpected(go_on.error());
      if (!*go_on) return {};
    }
    for (int64_t k : name_keys) {
      auto go_on = Visit(kByNameKey, Params().Add(k), visit);
      if (!go_on) return std::unexpected(go_on.error());
      if (!*go_on) return {};
    }
    return {};
  }

  // Streams a stored-finding query; false when the visitor stopped.
  template <typename F>
  Result<bool> Visit(std::string_view sql, const Params& params, F&& visit) {
    std::optional<Error> error;
    bool stopped = false;
    auto r = db_.ForEach(sql, params, [&](const PgResult& row) {
      auto f = ReadStoredFinding(row, db_.where());
      if (!f) {
        error = f.error();
        return false;
      }
      if (!visit(*f)) stopped = true;
      return !stopped;
    });
    if (!r) return std::unexpected(r.error());
    if (error) return std::unexpected(*error);
    return !stopped;
  }

  PgConnection db_;
  std::shared_ptr<const StoreEvents> events_;
  std::string root_given_, root_, root_text_;  // the last root asked about, normalised, stored
  RootSnapshot snapshot_;
  FileContents contents_;
};

}  // namespace

Result<std::unique_ptr<StoreReader>> MakePgReader(PgConnection db,
                                                  std::shared_ptr<const StoreEvents> events) {
  return std::make_unique<PgReader>(std::move(db), std::move(events));
}

}  // namespace piiscan::store::pg
