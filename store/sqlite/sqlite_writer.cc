#include "store/sqlite/sqlite_writer.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <unordered_map>

#include "store/location_json.h"
#include "store/sqlite/file_buffer.h"
#include "store/sqlite/replay_blob.h"
#include "store/sqlite/schema.h"
#include "store/sqlite/writer_rows.h"
#include "store/sqlite/writer_sql.h"

namespace piiscan::store::sqlite {
namespace {

namespace sql = writer_sql;

int64_t NowUnixMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

int64_t AsInt(uint64_t v) { return static_cast<int64_t>(v); }  // SQLite integers are signed

// Runs `stmt` (no rows), returning sqlite3_changes.
Result<int64_t> RunCounting(Connection& db, Statement& stmt) {
  if (auto r = stmt.Run(); !r) return std::unexpected(r.error());
  return sqlite3_changes64(db.get());
}

class SqliteWriter final : public StoreWriter {
 public:
  SqliteWriter(Connection db, int lock_fd, const WriterOptions& options,
               std::shared_ptr<ScanState> state)
      : lock_{lock_fd}, db_(std::move(db)), options_(options), state_(std::move(state)) {}

  ~SqliteWriter() override {
    if (scan_ && !finished_) state_->EndScan();
    // Whole files only: with a file still open the batch is rolled back (a
    // savepoint per file would keep the rest, but costs a copy of every page
    // it touches), otherwise it is kept.
    if (in_file_) {
      (void)db_.Exec("ROLLBACK");
    } else if (in_txn_) {
      (void)KeepRuns();
      (void)progress_.Bind(1, scan_).Bind(2, AsInt(files_read_)).Bind(3, AsInt(files_skipped_));
      (void)progress_.Run();
      (void)db_.Exec("COMMIT");
    }
  }

  Result<void> Prepare() {
    Statement* targets[] = {&insert_scan_,     &find_file_,      &insert_file_,  &update_file_,
                            &delete_statuses_, &insert_finding_, &finding_keys_, &update_finding_,
                            &resolve_finding_, &insert_status_,  &keep_files_,   &progress_,
                            &mark_gone_,       &resolve_gone_,   &finish_scan_,  &interrupt_,
                            &put_replay_,      &drop_replay_,    &drop_gone_replays_};
    std::string_view texts[] = {
        sql::kInsertScan,     sql::kFindFile,      sql::kInsertFile,      sql::kUpdateFile,
        sql::kDeleteStatuses, sql::kInsertFinding, sql::kFileFindingKeys, sql::kUpdateFinding,
        sql::kResolveFinding, sql::kInsertStatus,  sql::kKeepFiles,       sql::kProgress,
        sql::kMarkGone,       sql::kResolveGone,   sql::kFinishScan,      sql::kInterruptRunning,
        sql::kPutReplay,      sql::kDropReplay,    sql::kDropGoneReplays};
    for (size_t i = 0; i < std::size(targets); ++i) {
      auto stmt = db_.Prepare(texts[i]);
      if (!stmt) return std::unexpected(stmt.error());
      *targets[i] = std::move(*stmt);
    }
    return {};
  }

  Result<int64_t> BeginScan(const ScanInfo& info) override {
    if (scan_) return Fail("findings store: BeginScan called twice");
    if (auto r = interrupt_.Run(); !r) return Sticky(r.error());
    if (auto r = PrepareQueryIndexes(); !r) return Sticky(r.error());
    std::string roots = LocationToJson(info.roots);
    std::string options = LocationToJson(info.result_options);
    insert_scan_.Bind(1, info.scan_id)
        .Bind(2, info.piiscan_version)
        .Bind(3, info.rules_version)
        .Bind(4, info.key_fingerprint)
        .Bind(5, roots)
        .Bind(6, info.host)
        .Bind(7, info.command)
        .Bind(8, options)
        .Bind(9, info.config_fingerprint)
        .Bind(10, info.started_unix_ms)
        .Bind(11, int64_t{options_.store_values});
    auto row = insert_scan_.Step();
    if (!row) return Sticky(row.error());
    scan_ = insert_scan_.Int(0);
    insert_scan_.Reset();
    info_ = info;
    for (const std::string& root : info.roots) roots_.push_back(NormalizeRoot(root));
    state_->BeginScan(scan_);
    return scan_;
  }

  Result<void> BeginFile(const FileState& file) override {
    if (auto r = Ready(); !r) return r;
    if (in_file_) return Fail("findings store: BeginFile inside a file");
    if (auto r = EnsureTransaction(); !r) return r;
    in_file_ = true;
    buffer_.Begin(file);
    return {};
  }

  Result<void> AddFinding(const Finding& f) override {
    if (auto r = InFile(); !r) return r;
    buffer_.AddFinding(f);
    return {};
  }

  Result<void> AddStatus(const StatusRecord& s) override {
    if (auto r = InFile(); !r) return r;
    buffer_.AddStatus(s);
    return {};
  }

  // The file whole: its findings are aggregated in place, not copied.
  Result<void> WriteFile(const FileState& file, std::span<const Finding> findings,
                         std::span<const StatusRecord> statuses) override {
    if (auto r = BeginFile(file); !r) return r;
    for (const Finding& f : findings) buffer_.AddView(f);
    for (const StatusRecord& s : statuses) buffer_.AddStatus(s);
    return EndFile();
  }

  // The file is written here, whole: a new one with plain inserts, a known
  // one diffed against its stored findings.
  Result<void> EndFile() override {
    if (auto r = InFile(); !r) return r;
    const FileIdentity& id = buffer_.file().identity;
    const std::string& root = Root(id.root);
    // Most files are new to the store: insert first, look up only when the
    // row exists (a first scan pays no lookup per file).
    auto inserted = InsertFile(root);
    if (!inserted) return Sticky(inserted.error());
    std::optional<KnownFile> known;
    if (!*inserted) {
      // Met twice in a first scan: diffing it needs the file index.
      if (indexes_deferred_) {
        if (auto r = CreateQueryIndexes(db_); !r) return Sticky(r.error());
        indexes_deferred_ = false;
      }
      find_file_.Bind(1, std::string_view(root)).Bind(2, id.relative_path);
      auto row = find_file_.Step();
      if (!row) return Sticky(row.error());
      if (*row)
        known = KnownFile{find_file_.Int(0), find_file_.Int(1), find_file_.Int(2),
                          find_file_.Int(3), find_file_.Int(4)};
      find_file_.Reset();
      if (!known) return Sticky(Error{"findings store: a file's row is neither new nor there"});
    }
    auto written = known ? RewriteFile(*known) : Result<int64_t>(**inserted);
    if (!written) return Sticky(written.error());
    if (auto r = InsertStatuses(*written); !r) return Sticky(r.error());
    if (auto r = PutReplay(*written, known.has_value()); !r) return Sticky(r.error());
    // A file met twice in one scan (a PATH given twice) counts once.
    if (!Seen(*written)) current_findings_ += static_cast<int64_t>(buffer_.findings().size());
    else
      current_findings_ +=
          static_cast<int64_t>(buffer_.findings().size()) - (known ? known->findings : 0);
    batch_keys_.push_back(ScanState::FileKey(root, id.relative_path));
    in_file_ = false;
    buffer_.Clear();
    ++files_read_;
    ++batch_read_;
    return FileDone();
  }

  Result<void> KeepUnchanged(int64_t file_id, uint64_t findings) override {
    if (auto r = Ready(); !r) return r;
    if (in_file_) return Fail("findings store: KeepUnchanged inside a file");
    if (auto r = EnsureTransaction(); !r) return r;
    kept_.push_back(file_id);  // written by KeepRuns at the commit
    if (!Seen(file_id)) current_findings_ += static_cast<int64_t>(findings);
    ++files_skipped_;
    ++batch_skipped_;
    return FileDone();
  }

  Result<ScanRecord> FinishScan(const ScanEnd& end) override {
    if (auto r = Ready(); !r) return std::unexpected(r.error());
    if (in_file_) {
      // An interrupted scan may end inside a file: its batch is dropped.
      if (end.completed) return Fail("findings store: a completed scan ended inside a file");
      if (auto r = db_.Exec("ROLLBACK"); !r) return Sticky(r.error());
      in_file_ = in_txn_ = false;
      buffer_.Clear();
      kept_.clear();
      batch_keys_.clear();
      files_read_ -= batch_read_;
      files_skipped_ -= batch_skipped_;
      new_findings_ = batch_new_findings_;
      resolved_ = batch_resolved_;
      current_findings_ = batch_current_findings_;
    }
    if (auto r = EnsureTransaction(); !r) return std::unexpected(r.error());
    if (auto r = KeepRuns(); !r) return std::unexpected(r.error());
    if (indexes_deferred_) {
      // The cache is the first scan's small one (PrepareQueryIndexes): SQLite
      // sorts an index's keys in memory up to its size, spilling sorted runs
      // to a temporary file beyond (1 M findings peaked at 142 MB with 64 MB).
      if (auto made = CreateQueryIndexes(db_); !made) return Sticky(made.error());
    }
    int64_t gone = 0;
    if (end.completed) {
      for (const std::string& root : roots_) {
        mark_gone_.Bind(1, std::string_view(root)).Bind(2, scan_);
        auto n = RunCounting(db_, mark_gone_);
        if (!n) return Sticky(n.error());
        gone += *n;
      }
      if (gone > 0) {
        resolve_gone_.Bind(1, scan_);
        auto n = RunCounting(db_, resolve_gone_);
        if (!n) return Sticky(n.error());
        resolved_ += *n;
        drop_gone_replays_.Bind(1, scan_);
        if (auto r = drop_gone_replays_.Run(); !r) return Sticky(r.error());
      }
    }

    ScanRecord rec;
    rec.id = scan_;
    rec.info = info_;
    rec.finished_unix_ms = NowUnixMs();
    rec.status = end.completed ? ScanStatus::kCompleted : ScanStatus::kInterrupted;
    rec.values_stored = options_.store_values;
    rec.files_read = files_read_;
    rec.files_skipped = files_skipped_;
    rec.files_gone = static_cast<uint64_t>(gone);
    rec.new_findings = static_cast<uint64_t>(new_findings_);
    rec.resolved = static_cast<uint64_t>(resolved_);
    rec.findings = static_cast<uint64_t>(current_findings_);
    finish_scan_.Bind(1, scan_)
        .Bind(2, *rec.finished_unix_ms)
        .Bind(3, ScanStatusName(rec.status))
        .Bind(4, AsInt(files_read_))
        .Bind(5, AsInt(files_skipped_))
        .Bind(6, gone)
        .Bind(7, new_findings_)
        .Bind(8, resolved_)
        .Bind(9, current_findings_);
    if (auto r = finish_scan_.Run(); !r) return Sticky(r.error());
    if (auto r = Commit(); !r) return std::unexpected(r.error());
    finished_ = true;
    state_->EndScan();
    return rec;
  }

 private:
  struct KnownFile {
    int64_t id, last_seen, last_scan, statuses, findings;
  };

  // A store without findings (a first scan) gets its query indexes at the
  // end of the scan, built once (schema.h QueryIndexes); any other scan
  // keeps them up to date, and first recreates those a killed first scan
  // left missing.
  Result<void> PrepareQueryIndexes() {
    auto empty = db_.QueryInt("SELECT NOT EXISTS (SELECT 1 FROM findings)");
    if (!empty) return std::unexpected(empty.error());
    indexes_deferred_ = *empty != 0;
    // A first scan only appends (rows, and index keys in file order): a
    // 16 MB cache does (the 64 MB one filled up with written pages, the
    // mixed tree's first scan peaking at 185-190 MB of RSS).
    if (indexes_deferred_) {
      if (auto r = db_.Exec("PRAGMA cache_size = -16384"); !r) return r;
    }
    if (auto r = db_.Exec("BEGIN IMMEDIATE"); !r) return r;
    auto r = indexes_deferred_ ? DropQueryIndexes(db_) : CreateQueryIndexes(db_);
    if (!r) {
      (void)db_.Exec("ROLLBACK");
      return r;
    }
    return db_.Exec("COMMIT");
  }

  // Whether this scan has met the file before; marks it met.
  bool Seen(int64_t id) {
    auto i = static_cast<size_t>(id);
    if (i >= seen_.size()) seen_.resize(std::max(i + 1, seen_.size() * 2));
    bool was = seen_[i];
    seen_[i] = true;
    return was;
  }

  // The file's replay copy (replay_blob.h): written when it has findings or
  // statuses, dropped when a file known before has none now.
  Result<void> PutReplay(int64_t file_id, bool known) {
    if (buffer_.findings().empty() && buffer_.statuses().empty()) {
      if (!known) return {};
      drop_replay_.Bind(1, file_id);
      return drop_replay_.Run();
    }
    replay_ = EncodeReplay(buffer_.findings(), buffer_.statuses(), options_.store_values);
    put_replay_.Bind(1, file_id).BindBlob(2, replay_);
    return put_replay_.Run();
  }

  const std::string& Root(const std::string& root) {
    if (root != root_given_) {
      root_given_ = root;
      root_ = NormalizeRoot(root);
    }
    return root_;
  }

  // A file new to the store: its row and findings; nullopt (nothing written)
  // when the store has a row for it already.
  Result<std::optional<int64_t>> InsertFile(const std::string& root) {
    insert_file_.Bind(1, std::string_view(root)).Bind(2, buffer_.file().identity.relative_path);
    BindFileState(insert_file_, 3, buffer_, info_.config_fingerprint);
    insert_file_.Bind(16, info_.started_unix_ms).Bind(17, scan_);
    auto n = RunCounting(db_, insert_file_);
    if (!n) return std::unexpected(n.error());
    if (*n == 0) return std::nullopt;
    int64_t id = sqlite3_last_insert_rowid(db_.get());
    for (const BufferedFinding& b : buffer_.findings()) {
      if (auto r = InsertFinding(id, b); !r) return std::unexpected(r.error());
    }
    return id;
  }

  RowStamp Stamp() const { return {scan_, info_.started_unix_ms, options_.store_values}; }

  Result<void> InsertFinding(int64_t file_id, const BufferedFinding& b) {
    BindNewFinding(insert_finding_, file_id, b, Stamp());
    ++new_findings_;
    return insert_finding_.Run();
  }

  Result<void> UpdateFinding(int64_t id, const BufferedFinding& b) {
    BindFoundAgain(update_finding_, id, b, Stamp());
    return update_finding_.Run();
  }

  // A file read again: its row updated, its findings diffed against every
  // finding it ever had (found again: updated; back after being resolved:
  // current and new again; missing: resolved, last seen when the file was).
  Result<int64_t> RewriteFile(const KnownFile& known) {
    update_file_.Bind(1, known.id);
    BindFileState(update_file_, 2, buffer_, info_.config_fingerprint);
    update_file_.Bind(15, info_.started_unix_ms).Bind(16, scan_);
    if (auto r = update_file_.Run(); !r) return std::unexpected(r.error());
    if (known.statuses > 0) {
      delete_statuses_.Bind(1, known.id);
      if (auto r = delete_statuses_.Run(); !r) return std::unexpected(r.error());
    }
    std::vector<bool> matched(buffer_.findings().size(), false);
    struct Old {
      int64_t id, first_scan;
      std::optional<int64_t> resolved;
      int64_t index;
    };
    std::vector<Old> old;
    finding_keys_.Bind(1, known.id);
    while (true) {
      auto row = finding_keys_.Step();
      if (!row) {
        finding_keys_.Reset();
        return std::unexpected(row.error());
      }
      if (!*row) break;
      old.push_back(Old{finding_keys_.Int(0), finding_keys_.Int(4), finding_keys_.OptionalInt(5),
                        buffer_.Index(finding_keys_.TextView(1), finding_keys_.TextView(2),
                                      finding_keys_.TextView(3))});
    }
    finding_keys_.Reset();
    for (const Old& o : old) {
      if (o.index >= 0) {
        matched[static_cast<size_t>(o.index)] = true;
        if (o.resolved) {  // back again: first seen now
          ++new_findings_;
          if (*o.resolved == scan_) --resolved_;
        }
        if (auto r = UpdateFinding(o.id, buffer_.findings()[static_cast<size_t>(o.index)]); !r)
          return std::unexpected(r.error());
      } else if (!o.resolved) {
        ++resolved_;
        if (o.first_scan == scan_) --new_findings_;
        resolve_finding_.Bind(1, o.id)
            .Bind(2, scan_)
            .Bind(3, known.last_seen)
            .Bind(4, known.last_scan);
        if (auto r = resolve_finding_.Run(); !r) return std::unexpected(r.error());
      }
    }
    for (size_t i = 0; i < matched.size(); ++i) {
      if (matched[i]) continue;
      if (auto r = InsertFinding(known.id, buffer_.findings()[i]); !r)
        return std::unexpected(r.error());
    }
    return known.id;
  }

  Result<void> InsertStatuses(int64_t file_id) {
    for (const BufferedStatus& s : buffer_.statuses()) {
      insert_status_.Bind(1, file_id).Bind(2, s.location).Bind(3, s.status).Bind(4, s.reason);
      if (auto r = insert_status_.Run(); !r) return r;
    }
    return {};
  }

  // The files kept unchanged in this batch are seen by this scan: one update
  // per run of consecutive ids (a tree walked in the same order as when it
  // was first recorded gives long runs).
  Result<void> KeepRuns() {
    std::sort(kept_.begin(), kept_.end());
    for (size_t i = 0; i < kept_.size();) {
      size_t j = i + 1;
      while (j < kept_.size() && kept_[j] <= kept_[j - 1] + 1) ++j;
      keep_files_.Bind(1, kept_[i])
          .Bind(2, kept_[j - 1])
          .Bind(3, info_.started_unix_ms)
          .Bind(4, scan_);
      if (auto r = keep_files_.Run(); !r) return Sticky(r.error());
      i = j;
    }
    kept_.clear();
    return {};
  }

  template <typename E>
  std::unexpected<Error> Sticky(E error) {
    failed_ = error;
    return std::unexpected(std::move(error));
  }

  Result<void> Ready() {
    if (failed_) return std::unexpected(*failed_);
    if (!scan_) return Fail("findings store: no scan begun");
    if (finished_) return Fail("findings store: the scan has finished");
    return {};
  }

  Result<void> InFile() {
    if (auto r = Ready(); !r) return r;
    if (!in_file_) return Fail("findings store: no file begun");
    return {};
  }

  Result<void> EnsureTransaction() {
    if (in_txn_) return {};
    if (auto r = db_.Exec("BEGIN IMMEDIATE"); !r) return Sticky(r.error());
    in_txn_ = true;
    batch_files_ = 0;
    batch_read_ = batch_skipped_ = 0;
    batch_new_findings_ = new_findings_;
    batch_resolved_ = resolved_;
    batch_current_findings_ = current_findings_;
    batch_start_ = std::chrono::steady_clock::now();
    return {};
  }

  Result<void> Commit() {
    if (!in_txn_) return {};
    if (auto r = KeepRuns(); !r) return r;
    progress_.Bind(1, scan_).Bind(2, AsInt(files_read_)).Bind(3, AsInt(files_skipped_));
    if (auto r = progress_.Run(); !r) return Sticky(r.error());
    if (auto r = db_.Exec("COMMIT"); !r) return Sticky(r.error());
    in_txn_ = false;
    state_->AddCommitted(batch_keys_);  // readers may now find these files
    batch_keys_.clear();
    return {};
  }

  Result<void> FileDone() {
    if (++batch_files_ >= options_.batch_files ||
        std::chrono::steady_clock::now() - batch_start_ >= options_.batch_time)
      return Commit();
    return {};
  }

  // Declared first so that it is released last, after the connection closed.
  struct LockFd {
    int fd;
    ~LockFd() { ::close(fd); }
  } lock_;
  Connection db_;
  WriterOptions options_;
  ScanInfo info_;
  int64_t scan_ = 0;
  bool finished_ = false;
  bool in_txn_ = false;
  bool in_file_ = false;
  bool indexes_deferred_ = false;  // built at FinishScan (PrepareQueryIndexes)
  int batch_files_ = 0;
  std::chrono::steady_clock::time_point batch_start_;
  uint64_t files_read_ = 0;
  uint64_t files_skipped_ = 0;
  uint64_t batch_read_ = 0;  // of files_read_ and files_skipped_, in the open batch
  uint64_t batch_skipped_ = 0;
  std::optional<Error> failed_;

  std::shared_ptr<ScanState> state_;
  std::vector<std::string> roots_;  // normalised
  std::string root_given_, root_;   // the last FileIdentity::root and its normal form
  FileBuffer buffer_;
  std::vector<int64_t> kept_;                // files kept unchanged in the open batch
  std::vector<uint64_t> batch_keys_;         // ScanState::FileKey of the files read in it
  int64_t new_findings_ = 0, resolved_ = 0;  // of this scan
  int64_t batch_new_findings_ = 0, batch_resolved_ = 0;  // at the open batch's start
  // The current findings of the files this scan met (read or kept), and at
  // the open batch's start; which file ids it met.
  int64_t current_findings_ = 0, batch_current_findings_ = 0;
  std::vector<bool> seen_;
  std::string replay_;  // scratch: the encoded replay copy

  Statement insert_scan_, find_file_, insert_file_, update_file_, delete_statuses_, insert_finding_,
      finding_keys_, update_finding_, resolve_finding_, insert_status_, keep_files_, progress_,
      mark_gone_, resolve_gone_, finish_scan_, interrupt_, put_replay_, drop_replay_,
      drop_gone_replays_;
};

}  // namespace

Result<std::unique_ptr<StoreWriter>> MakeSqliteWriter(Connection db, int lock_fd,
                                                      const WriterOptions& options,
                                                      std::shared_ptr<ScanState> state) {
  auto writer = std::make_unique<SqliteWriter>(std::move(db), lock_fd, options, std::move(state));
  if (auto r = writer->Prepare(); !r) return std::unexpected(r.error());
  return writer;
}

}  // namespace piiscan::store::sqlite
