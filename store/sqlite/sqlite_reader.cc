#include "store/sqlite/sqlite_reader.h"

#include "core/confidence.h"
#include "store/location_json.h"
#include "store/sqlite/reader_sql.h"
#include "store/sqlite/replay_blob.h"
#include "store/sqlite/sqlite_triage.h"

namespace piiscan::store::sqlite {
namespace {

namespace sql = reader_sql;

Result<Location> ReadLocation(std::string_view json, const std::string& path) {
  auto location = LocationFromJson(json);
  if (!location) return Fail("findings store " + path + ": a location is not a JSON array");
  return std::move(*location);
}

// The first kFindingColumns columns of a finding query.
Result<Finding> ReadFinding(const Statement& row, std::string file, const std::string& path) {
  Finding out;
  Finding& f = out;
  f.file = std::move(file);
  auto location = ReadLocation(row.TextView(0), path);
  if (!location) return std::unexpected(location.error());
  f.location = std::move(*location);
  f.detector = row.Text(1);
  f.category = row.Text(2);
  f.confidence = ParseConfidence(row.TextView(3)).value_or(Confidence::kLow);
  f.score = row.Real(4);
  f.masked = row.Text(5);
  f.value_hash = row.Text(6);
  if (!row.IsNull(7)) f.value = row.Text(7);
  f.note = row.Text(8);
  if (!row.IsNull(9)) f.page = static_cast<int>(row.Int(9));
  f.count = static_cast<uint64_t>(row.Int(10));
  if (!row.IsNull(11)) f.offset = static_cast<uint64_t>(row.Int(11));
  if (!row.IsNull(12)) f.line = static_cast<uint64_t>(row.Int(12));
  f.item_time = row.OptionalInt(13);
  return out;
}

Result<StoredFinding> ReadStoredFinding(const Statement& row, const std::string& path) {
  constexpr int c = sql::kFindingColumns;
  StoredFinding out;
  auto counted = ReadFinding(row, row.Text(c), path);
  if (!counted) return std::unexpected(counted.error());
  out.finding = std::move(*counted);
  out.root = row.Text(c + 1);
  out.relative_path = row.Text(c + 2);
  out.first_seen_unix_ms = row.Int(c + 3);
  out.last_seen_unix_ms = row.Int(c + 4);
  out.first_scan = row.Int(c + 5);
  out.last_scan = row.Int(c + 6);
  out.resolved_in_scan = row.OptionalInt(c + 7);
  out.finding.name_key = row.OptionalInt(c + 8).value_or(0);
  if (!row.IsNull(c + 9)) out.finding.name_tokens = row.Text(c + 9);
  return out;
}

class SqliteReader final : public StoreReader {
 public:
  SqliteReader(Connection db, std::shared_ptr<ScanState> state)
      : db_(std::move(db)), state_(std::move(state)) {}
  ~SqliteReader() override { EndRead(); }

  Result<void> Prepare() {
    Statement* targets[] = {&file_, &file_findings_, &file_statuses_, &file_replay_, &begin_,
                            &commit_};
    std::string_view texts[] = {sql::kFile,       sql::kFileFindings, sql::kFileStatuses,
                                sql::kFileReplay, "BEGIN",            "COMMIT"};
    for (size_t i = 0; i < std::size(targets); ++i) {
      auto stmt = db_.Prepare(texts[i]);
      if (!stmt) return std::unexpected(stmt.error());
      *targets[i] = std::move(*stmt);
    }
    return {};
  }

  Result<std::optional<StoredFile>> Unchanged(const FileIdentity& id,
                                              std::string_view fingerprint) override {
    const std::string& root = Root(id.root);
    if (int64_t scan = state_->scan()) {
      // During this process's scan: one lookup in the root's snapshot.
      if (scan != snapshot_scan_ || root != snapshot_root_) {
        // Not in a read transaction of an earlier scan: the snapshot, shared
        // by every reader of the store, would miss what was written since.
        EndRead();
        auto snapshot = state_->Snapshot(scan, root, db_);
        if (!snapshot) return std::unexpected(snapshot.error());
        snapshot_ = std::move(*snapshot);
        snapshot_scan_ = scan;
        snapshot_root_ = root;
      }
      const RootFile* f = snapshot_ ? snapshot_->Find(id.relative_path) : nullptr;
      if (f && f->usable && f->device == id.device && f->inode == id.inode && f->size == id.size &&
          f->mtime_ns == id.mtime_ns && f->ctime_ns == id.ctime_ns &&
          snapshot_->Fingerprint(f->fingerprint) == fingerprint) {
        StoredFile out;
        out.file_id = f->id;
        out.state = FileState{id, f->path, snapshot_->Type(f->type), f->bytes_scanned};
        out.state.identity.root = root;
        if (f->findings == 0 && f->statuses == 0) return out;
        // The writer does not touch files the scan has not met, so one read
        // transaction may serve many files (each costs ~5k instructions); it
        // is renewed now and then so that the WAL can be checkpointed.
        if (!in_read_) {
          if (auto r = begin_.Run(); !r) return std::unexpected(r.error());
          in_read_ = true;
          reads_ = 0;
        }
        auto r = ReadContents(out, f->findings, f->statuses);
        if (!r || ++reads_ >= kReadsPerTransaction) EndRead();
        if (!r) return std::unexpected(r.error());
        return out;
      }
      // Not known as unchanged: ask only if this scan has recorded it since.
      if (snapshot_ && !state_->MaybeCommitted(ScanState::FileKey(root, id.relative_path)))
        return std::nullopt;
    }
    EndRead();
    // One read transaction, so that the file and its findings agree.
    if (auto r = begin_.Run(); !r) return std::unexpected(r.error());
    auto out = UnchangedInTransaction(id, root, fingerprint);
    file_.Reset();
    file_findings_.Reset();
    file_statuses_.Reset();
    (void)commit_.Run();
    return out;
  }

  Result<std::vector<ScanRecord>> Scans() override {
    EndRead();
    auto stmt = db_.Prepare(sql::kScans);
    if (!stmt) return std::unexpected(stmt.error());
    std::vector<ScanRecord> out;
    while (true) {
      auto row = stmt->Step();
      if (!row) return std::unexpected(row.error());
      if (!*row) break;
      ScanRecord r;
      r.id = stmt->Int(0);
      r.info.scan_id = stmt->Text(1);
      r.info.piiscan_version = stmt->Text(2);
      r.info.rules_version = stmt->Text(3);
      r.info.key_fingerprint = stmt->Text(4);
      auto roots = ReadLocation(stmt->TextView(5), db_.path());
      if (!roots) return std::unexpected(roots.error());
      r.info.roots = std::move(*roots);
      r.info.host = stmt->Text(6);
      r.info.command = stmt->Text(7);
      auto options = ReadLocation(stmt->TextView(8), db_.path());
      if (!options) return std::unexpected(options.error());
      r.info.result_options = std::move(*options);
      r.info.config_fingerprint = stmt->Text(9);
      r.info.started_unix_ms = stmt->Int(10);
      r.finished_unix_ms = stmt->OptionalInt(11);
      r.status = ParseScanStatus(stmt->TextView(12));
      r.values_stored = stmt->Int(13) != 0;
      r.files_read = static_cast<uint64_t>(stmt->Int(14));
      r.files_skipped = static_cast<uint64_t>(stmt->Int(15));
      r.files_gone = static_cast<uint64_t>(stmt->Int(16));
      r.findings = static_cast<uint64_t>(stmt->Int(17));
      r.new_findings = static_cast<uint64_t>(stmt->Int(18));
      r.resolved = static_cast<uint64_t>(stmt->Int(19));
      out.push_back(std::move(r));
    }
    return out;
  }

  Result<void> CurrentFindings(const FindingVisitor& visit) override {
    EndRead();
    auto stmt = db_.Prepare(sql::kCurrent);
    if (!stmt) return std::unexpected(stmt.error());
    auto r = Visit(*stmt, [&](const StoredFinding& f) { return visit(f); });
    if (!r) return std::unexpected(r.error());
    return {};
  }

  Result<void> LookUp(std::span<const std::string> value_hashes, std::span<const int64_t> name_keys,
                      const FindingVisitor& visit) override {
    EndRead();
    // One read transaction: the answer is one state of the store.
    if (auto r = begin_.Run(); !r) return std::unexpected(r.error());
    auto out = LookUpInTransaction(value_hashes, name_keys, visit);
    (void)commit_.Run();
    return out;
  }

  Result<void> CurrentStatuses(const StatusVisitor& visit) override {
    EndRead();
    auto stmt = db_.Prepare(sql::kCurrentStatuses);
    if (!stmt) return std::unexpected(stmt.error());
    while (true) {
      auto more = stmt->Step();
      if (!more) return std::unexpected(more.error());
      if (!*more) return {};
      StatusRecord s;
      s.file = stmt->Text(0);
      auto location = ReadLocation(stmt->TextView(1), db_.path());
      if (!location) return std::unexpected(location.error());
      s.location = std::move(*location);
      s.status = ParseFileStatus(stmt->TextView(2));
      s.reason = stmt->Text(3);
      if (!visit(s)) return {};
    }
  }

  Result<int64_t> ChangesSince(const Since& since, const ChangeVisitor& visit) override {
    EndRead();
    if (auto r = db_.Exec("BEGIN"); !r) return std::unexpected(r.error());
    auto out = ChangesInTransaction(since, visit);
    (void)db_.Exec("COMMIT");
    return out;
  }

  Result<void> FindingHistory(int64_t from_scan, const FindingGroupVisitor& visit,
                              bool per_finding) override {
    EndRead();
    auto stmt = db_.Prepare(per_finding ? sql::kFindingHistoryPerFinding : sql::kFindingHistory);
    if (!stmt) return std::unexpected(stmt.error());
    stmt->Bind(1, from_scan);
    FindingGroup g;
    while (true) {
      auto more = stmt->Step();
      if (!more) return std::unexpected(more.error());
      if (!*more) return {};
      g.file = stmt->Text(0);
      g.category = stmt->Text(1);
      g.confidence = ParseConfidence(stmt->TextView(2)).value_or(Confidence::kLow);
      g.first_scan = stmt->Int(3);
      g.resolved_in_scan = stmt->OptionalInt(4);
      g.findings = static_cast<uint64_t>(stmt->Int(5));
      if (per_finding) {
        g.value_hash = stmt->Text(6);
        g.detector = stmt->Text(7);
        g.last_scan = stmt->Int(8);
      }
      if (!visit(g)) return {};
    }
  }

  Result<std::vector<TriageVerdict>> Verdicts() override {
    EndRead();
    return ListVerdicts(db_);
  }

 private:
  static constexpr int kReadsPerTransaction = 1000;

  void EndRead() {
    if (!in_read_) return;
    (void)commit_.Run();
    in_read_ = false;
  }

  // The normalised form of `root`, remembered for the next call.
  const std::string& Root(const std::string& root) {
    if (root != root_given_) {
      root_given_ = root;
      root_ = NormalizeRoot(root);
    }
    return root_;
  }

  Result<std::optional<StoredFile>> UnchangedInTransaction(const FileIdentity& id,
                                                           const std::string& root,
                                                           std::string_view fingerprint) {
    file_.Bind(1, std::string_view(root)).Bind(2, id.relative_path);
    auto row = file_.Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return std::nullopt;
    StoredFile out;
    FileIdentity& stored = out.state.identity;
    stored.root = id.root;
    stored.relative_path = id.relative_path;
    stored.device = static_cast<uint64_t>(file_.Int(4));
    stored.inode = static_cast<uint64_t>(file_.Int(5));
    stored.size = static_cast<uint64_t>(file_.Int(6));
    stored.mtime_ns = file_.Int(7);
    stored.ctime_ns = file_.Int(8);
    // An unreadable file (permission denied, I/O error) may be readable now.
    if (!(stored == id) || file_.TextView(9) != fingerprint || !file_.IsNull(10) ||
        file_.TextView(11) == FileStatusName(FileStatus::kUnreadable))
      return std::nullopt;
    stored.root = root;
    out.file_id = file_.Int(0);
    out.state.path = file_.Text(1);
    out.state.type = file_.Text(2);
    out.state.bytes_scanned = static_cast<uint64_t>(file_.Int(3));
    if (auto r = ReadContents(out, file_.Int(12), file_.Int(13)); !r)
      return std::unexpected(r.error());
    return out;
  }

  // The current findings and the statuses of `out.file_id`, asked for only
  // when the file has any: from its replay copy, else from the rows.
  Result<void> ReadContents(StoredFile& out, int64_t findings, int64_t statuses) {
    file_replay_.Bind(1, out.file_id);
    auto row = file_replay_.Step();
    bool replayed = row && *row &&
                    DecodeReplay(file_replay_.BlobView(0), out.state.path, out.findings,
                                 out.statuses);
    file_replay_.Reset();
    if (!row) return std::unexpected(row.error());
    if (replayed) return {};
    if (findings > 0) {
      out.findings.reserve(static_cast<size_t>(findings));
      file_findings_.Bind(1, out.file_id);
      auto r = ReadFindings(out);
      file_findings_.Reset();
      if (!r) return r;
    }
    if (statuses > 0) {
      file_statuses_.Bind(1, out.file_id);
      auto r = ReadStatuses(out);
      file_statuses_.Reset();
      if (!r) return r;
    }
    return {};
  }

  Result<void> ReadFindings(StoredFile& out) {
    while (true) {
      auto more = file_findings_.Step();
      if (!more) return std::unexpected(more.error());
      if (!*more) return {};
      auto f = ReadFinding(file_findings_, out.state.path, db_.path());
      if (!f) return std::unexpected(f.error());
      out.findings.push_back(std::move(*f));
    }
  }

  Result<void> ReadStatuses(StoredFile& out) {
    while (true) {
      auto more = file_statuses_.Step();
      if (!more) return std::unexpected(more.error());
      if (!*more) return {};
      StatusRecord s;
      s.file = out.state.path;
      auto location = ReadLocation(file_statuses_.TextView(0), db_.path());
      if (!location) return std::unexpected(location.error());
      s.location = std::move(*location);
      s.status = ParseFileStatus(file_statuses_.TextView(1));
      s.reason = file_statuses_.Text(2);
      out.statuses.push_back(std::move(s));
    }
  }

  Result<int64_t> BaseScan(const Since& since) {
    if (std::holds_alternative<SincePreviousCompleted>(since))
      return db_.QueryInt(sql::kPreviousCompleted);
    if (const auto* t = std::get_if<SinceTime>(&since)) {
      auto stmt = db_.Prepare(sql::kLastScanBefore);
      if (!stmt) return std::unexpected(stmt.error());
      stmt->Bind(1, t->unix_ms);
      auto row = stmt->Step();
      if (!row) return std::unexpected(row.error());
      return *row ? stmt->Int(0) : 0;
    }
    const auto& s = std::get<SinceScan>(since);
    auto stmt = db_.Prepare(sql::kScanById);
    if (!stmt) return std::unexpected(stmt.error());
    stmt->Bind(1, s.scan_id);
    auto row = stmt->Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return Fail("findings store " + db_.path() + ": no scan " + s.scan_id);
    return stmt->Int(0);
  }

  Result<int64_t> ChangesInTransaction(const Since& since, const ChangeVisitor& visit) {
    auto base = BaseScan(since);
    if (!base) return base;
    for (auto [kind, text] : {std::pair{Change::kNew, sql::kNewSince},
                              std::pair{Change::kResolved, sql::kResolvedSince}}) {
      auto stmt = db_.Prepare(text);
      if (!stmt) return std::unexpected(stmt.error());
      stmt->Bind(1, *base);
      auto go_on = Visit(*stmt, [&](const StoredFinding& f) { return visit(kind, f); });
      if (!go_on) return std::unexpected(go_on.error());
      if (!*go_on) break;
    }
    return *base;
  }

  // Steps through a stored-finding query; false when the visitor stopped.
  Result<void> LookUpInTransaction(std::span<const std::string> value_hashes,
                                   std::span<const int64_t> name_keys, const FindingVisitor& visit) {
    auto by_value = db_.Prepare(sql::kByValue);
    if (!by_value) return std::unexpected(by_value.error());
    for (const auto& h : value_hashes) {
      by_value->Bind(1, std::string_view(h));
      auto go_on = Visit(*by_value, visit);
      by_value->Reset();
      if (!go_on) return std::unexpected(go_on.error());
      if (!*go_on) return {};
    }
    auto by_key = db_.Prepare(sql::kByNameKey);
    if (!by_key) return std::unexpected(by_key.error());
    for (int64_t k : name_keys) {
      by_key->Bind(1, k);
      auto go_on = Visit(*by_key, visit);
      by_key->Reset();
      if (!go_on) return std::unexpected(go_on.error());
      if (!*go_on) return {};
    }
    return {};
  }

  template <typename F>
  Result<bool> Visit(Statement& stmt, F&& visit) {
    while (true) {
      auto row = stmt.Step();
      if (!row) return std::unexpected(row.error());
      if (!*row) return true;
      auto f = ReadStoredFinding(stmt, db_.path());
      if (!f) return std::unexpected(f.error());
      if (!visit(*f)) return false;
    }
  }

  Connection db_;
  std::shared_ptr<ScanState> state_;
  std::shared_ptr<const RootSnapshot> snapshot_;
  int64_t snapshot_scan_ = 0;
  std::string snapshot_root_;
  std::string root_given_, root_;
  bool in_read_ = false;  // a read transaction open across Unchanged calls
  int reads_ = 0;
  Statement file_, file_findings_, file_statuses_, file_replay_, begin_, commit_;
};

}  // namespace

Result<std::unique_ptr<StoreReader>> MakeSqliteReader(Connection db,
                                                      std::shared_ptr<ScanState> state) {
  auto reader = std::make_unique<SqliteReader>(std::move(db), std::move(state));
  if (auto r = reader->Prepare(); !r) return std::unexpected(r.error());
  return reader;
}

}  // namespace piiscan::store::sqlite
