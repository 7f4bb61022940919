#include "store/sqlite/sqlite_writer.h"

#include <unistd.h>

#include <chrono>

#include "core/confidence.h"
#include "store/location_json.h"
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
  SqliteWriter(Connection db, int lock_fd, const WriterOptions& options)
      : lock_{lock_fd}, db_(std::move(db)), options_(options) {}

  ~SqliteWriter() override {
    // Whole files only: with a file still open the batch is rolled back (a
    // savepoint per file would keep the rest, but costs a copy of every page
    // it touches), otherwise it is kept.
    if (in_file_) {
      (void)db_.Exec("ROLLBACK");
    } else if (in_txn_) {
      (void)progress_.Bind(1, scan_).Bind(2, AsInt(files_read_)).Bind(3, AsInt(files_skipped_));
      (void)progress_.Run();
      (void)db_.Exec("COMMIT");
    }
  }

  Result<void> Prepare() {
    Statement* targets[] = {&insert_scan_,   &upsert_file_, &delete_statuses_, &upsert_finding_,
                            &insert_status_, &set_status_,  &resolve_unseen_,  &keep_file_,
                            &progress_,      &mark_gone_,   &resolve_gone_,    &see_kept_,
                            &finish_scan_,   &interrupt_};
    std::string_view texts[] = {sql::kInsertScan,    sql::kUpsertFile,      sql::kDeleteStatuses,
                                sql::kUpsertFinding, sql::kInsertStatus,    sql::kSetFileStatus,
                                sql::kResolveUnseen, sql::kKeepFile,        sql::kProgress,
                                sql::kMarkGone,      sql::kResolveGone,     sql::kSeeKept,
                                sql::kFinishScan,    sql::kInterruptRunning};
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
    return scan_;
  }

  Result<void> BeginFile(const FileState& file) override {
    if (auto r = Ready(); !r) return r;
    if (in_file_) return Fail("findings store: BeginFile inside a file");
    if (auto r = EnsureTransaction(); !r) return r;
    in_file_ = true;
    const FileIdentity& id = file.identity;
    upsert_file_.Bind(1, id.root)
        .Bind(2, id.relative_path)
        .Bind(3, file.path)
        .Bind(4, AsInt(id.device))
        .Bind(5, AsInt(id.inode))
        .Bind(6, AsInt(id.size))
        .Bind(7, id.mtime_ns)
        .Bind(8, id.ctime_ns)
        .Bind(9, file.type)
        .Bind(10, AsInt(file.bytes_scanned))
        .Bind(11, info_.config_fingerprint)
        .Bind(12, info_.started_unix_ms)
        .Bind(13, scan_);
    auto row = upsert_file_.Step();
    if (!row) return Sticky(row.error());
    file_id_ = upsert_file_.Int(0);
    // A file first recorded now has no old statuses or findings to replace:
    // on a first scan that saves two statements per file.
    file_is_new_ = upsert_file_.Int(1) == scan_;
    upsert_file_.Reset();
    if (!file_is_new_) {
      delete_statuses_.Bind(1, file_id_);
      if (auto r = delete_statuses_.Run(); !r) return Sticky(r.error());
    }
    return {};
  }

  Result<void> AddFinding(const Finding& f) override {
    if (auto r = InFile(); !r) return r;
    location_ = LocationToJson(f.location);
    upsert_finding_.Bind(1, file_id_)
        .Bind(2, location_)
        .Bind(3, f.detector)
        .Bind(4, f.category)
        .Bind(5, ConfidenceName(f.confidence))
        .Bind(6, f.score)
        .Bind(7, f.masked)
        .Bind(8, f.value_hash)
        .Bind(10, f.note)
        .Bind(11, f.page)
        .Bind(12, AsInt(f.count))
        .Bind(13, f.offset)
        .Bind(14, f.line)
        .Bind(15, f.item_time)
        .Bind(16, info_.started_unix_ms)
        .Bind(17, scan_);
    if (options_.store_values && f.value)
      upsert_finding_.Bind(9, *f.value);
    else
      upsert_finding_.BindNull(9);
    if (auto r = upsert_finding_.Run(); !r) return Sticky(r.error());
    return {};
  }

  Result<void> AddStatus(const StatusRecord& s) override {
    if (auto r = InFile(); !r) return r;
    location_ = LocationToJson(s.location);
    std::string_view status = FileStatusName(s.status);
    insert_status_.Bind(1, file_id_).Bind(2, location_).Bind(3, status).Bind(4, s.reason);
    if (auto r = insert_status_.Run(); !r) return Sticky(r.error());
    if (s.location.empty()) {
      set_status_.Bind(1, file_id_).Bind(2, status).Bind(3, s.reason);
      if (auto r = set_status_.Run(); !r) return Sticky(r.error());
    }
    return {};
  }

  Result<void> EndFile() override {
    if (auto r = InFile(); !r) return r;
    if (!file_is_new_) {
      resolve_unseen_.Bind(1, file_id_).Bind(2, scan_);
      if (auto r = resolve_unseen_.Run(); !r) return Sticky(r.error());
    }
    in_file_ = false;
    file_id_ = 0;
    ++files_read_;
    ++batch_read_;
    return FileDone();
  }

  Result<void> KeepUnchanged(int64_t file_id) override {
    if (auto r = Ready(); !r) return r;
    if (in_file_) return Fail("findings store: KeepUnchanged inside a file");
    if (auto r = EnsureTransaction(); !r) return r;
    keep_file_.Bind(1, file_id).Bind(2, info_.started_unix_ms).Bind(3, scan_);
    if (auto r = keep_file_.Run(); !r) return Sticky(r.error());
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
      files_read_ -= batch_read_;
      files_skipped_ -= batch_skipped_;
    }
    if (auto r = EnsureTransaction(); !r) return std::unexpected(r.error());
    int64_t gone = 0;
    if (end.completed) {
      for (const std::string& root : info_.roots) {
        mark_gone_.Bind(1, root).Bind(2, scan_);
        auto n = RunCounting(db_, mark_gone_);
        if (!n) return Sticky(n.error());
        gone += *n;
      }
      resolve_gone_.Bind(1, scan_);
      if (auto r = resolve_gone_.Run(); !r) return Sticky(r.error());
    }
    see_kept_.Bind(1, scan_).Bind(2, info_.started_unix_ms);
    if (auto r = see_kept_.Run(); !r) return Sticky(r.error());

    ScanRecord rec;
    rec.id = scan_;
    rec.info = info_;
    rec.finished_unix_ms = NowUnixMs();
    rec.status = end.completed ? ScanStatus::kCompleted : ScanStatus::kInterrupted;
    rec.values_stored = options_.store_values;
    rec.files_read = files_read_;
    rec.files_skipped = files_skipped_;
    rec.files_gone = static_cast<uint64_t>(gone);
    finish_scan_.Bind(1, scan_)
        .Bind(2, *rec.finished_unix_ms)
        .Bind(3, ScanStatusName(rec.status))
        .Bind(4, AsInt(files_read_))
        .Bind(5, AsInt(files_skipped_))
        .Bind(6, gone);
    auto row = finish_scan_.Step();
    if (!row) return Sticky(row.error());
    rec.findings = static_cast<uint64_t>(finish_scan_.Int(0));
    rec.new_findings = static_cast<uint64_t>(finish_scan_.Int(1));
    rec.resolved = static_cast<uint64_t>(finish_scan_.Int(2));
    finish_scan_.Reset();
    if (auto r = Commit(); !r) return std::unexpected(r.error());
    finished_ = true;
    return rec;
  }

 private:
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
    batch_start_ = std::chrono::steady_clock::now();
    return {};
  }

  Result<void> Commit() {
    if (!in_txn_) return {};
    progress_.Bind(1, scan_).Bind(2, AsInt(files_read_)).Bind(3, AsInt(files_skipped_));
    if (auto r = progress_.Run(); !r) return Sticky(r.error());
    if (auto r = db_.Exec("COMMIT"); !r) return Sticky(r.error());
    in_txn_ = false;
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
  int64_t file_id_ = 0;
  bool file_is_new_ = false;
  int batch_files_ = 0;
  std::chrono::steady_clock::time_point batch_start_;
  uint64_t files_read_ = 0;
  uint64_t files_skipped_ = 0;
  uint64_t batch_read_ = 0;  // of files_read_ and files_skipped_, in the open batch
  uint64_t batch_skipped_ = 0;
  std::optional<Error> failed_;
  std::string location_;  // bound text must outlive the step

  Statement insert_scan_, upsert_file_, delete_statuses_, upsert_finding_, insert_status_,
      set_status_, resolve_unseen_, keep_file_, progress_, mark_gone_, resolve_gone_, see_kept_,
      finish_scan_, interrupt_;
};

}  // namespace

Result<std::unique_ptr<StoreWriter>> MakeSqliteWriter(Connection db, int lock_fd,
                                                      const WriterOptions& options) {
  auto writer = std::make_unique<SqliteWriter>(std::move(db), lock_fd, options);
  if (auto r = writer->Prepare(); !r) return std::unexpected(r.error());
  return writer;
}

}  // namespace piiscan::store::sqlite
