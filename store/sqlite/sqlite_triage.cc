#include "store/sqlite/sqlite_triage.h"

#include "store/triage_book.h"

namespace piiscan::store::sqlite {
namespace {

constexpr std::string_view kColumns =
    "id, value_hash, file, glob, detector, verdict, note, given_by, created, key_fingerprint, "
    "scan, scan_id";

TriageVerdict ReadVerdict(const Statement& row) {
  TriageVerdict v;
  v.id = row.Int(0);
  v.value_hash = row.Text(1);
  v.file = row.Text(2);
  v.glob = row.Text(3);
  v.detector = row.Text(4);
  v.verdict = ParseVerdict(row.TextView(5)).value_or(Verdict::kFalsePositive);
  v.note = row.Text(6);
  v.by = row.Text(7);
  v.created_unix_ms = row.Int(8);
  v.key_fingerprint = row.Text(9);
  v.scan = row.OptionalInt(10).value_or(0);
  v.scan_id = row.Text(11);
  return v;
}

// Binds the columns after id as ?1..?11.
void BindVerdict(Statement& stmt, const TriageVerdict& v) {
  stmt.Bind(1, std::string_view(v.value_hash))
      .Bind(2, std::string_view(v.file))
      .Bind(3, std::string_view(v.glob))
      .Bind(4, std::string_view(v.detector))
      .Bind(5, VerdictName(v.verdict))
      .Bind(6, std::string_view(v.note))
      .Bind(7, std::string_view(v.by))
      .Bind(8, v.created_unix_ms)
      .Bind(9, std::string_view(v.key_fingerprint))
      .Bind(10, v.scan ? std::optional<int64_t>(v.scan) : std::nullopt)
      .Bind(11, std::string_view(v.scan_id));
}

class SqliteTriage final : public TriageBookBase {
 public:
  explicit SqliteTriage(Connection db) : db_(std::move(db)) {}

  Result<bool> Remove(int64_t id) override {
    auto stmt = db_.Prepare("DELETE FROM triage WHERE id = ?1");
    if (!stmt) return std::unexpected(stmt.error());
    stmt->Bind(1, id);
    if (auto r = stmt->Run(); !r) return std::unexpected(r.error());
    return sqlite3_changes(db_.get()) > 0;
  }

  Result<std::vector<TriageVerdict>> List() override { return ListVerdicts(db_); }

  Result<std::vector<ValueSighting>> Sightings(std::string_view value_hash, size_t limit) override {
    // The prefix index (docs/store.md says why the '+').
    auto stmt = db_.Prepare(R"sql(
SELECT fi.path, f.detector, f.resolved_in_scan IS NULL
FROM findings f JOIN files fi ON fi.id = f.file_id
WHERE substr(f.value_hash, 1, 12) = substr(?1, 1, 12) AND +f.value_hash = ?1 LIMIT ?2)sql");
    if (!stmt) return std::unexpected(stmt.error());
    stmt->Bind(1, value_hash).Bind(2, static_cast<int64_t>(limit));
    std::vector<ValueSighting> out;
    while (true) {
      auto row = stmt->Step();
      if (!row) return std::unexpected(row.error());
      if (!*row) return out;
      out.push_back({stmt->Text(0), stmt->Text(1), stmt->Int(2) != 0});
    }
  }

 protected:
  Result<void> BeginWrite() override { return db_.Exec("BEGIN IMMEDIATE"); }
  Result<void> Commit() override { return db_.Exec("COMMIT"); }
  void Rollback() override { (void)db_.Exec("ROLLBACK"); }

  Result<LatestScan> Latest() override {
    auto stmt =
        db_.Prepare("SELECT id, scan_id, key_fingerprint FROM scans ORDER BY id DESC LIMIT 1");
    if (!stmt) return std::unexpected(stmt.error());
    auto row = stmt->Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return LatestScan{};
    return LatestScan{stmt->Int(0), stmt->Text(1), stmt->Text(2)};
  }

  Result<int64_t> ScanNumber(const std::string& scan_id) override {
    auto stmt = db_.Prepare("SELECT id FROM scans WHERE scan_id = ?1");
    if (!stmt) return std::unexpected(stmt.error());
    stmt->Bind(1, std::string_view(scan_id));
    auto row = stmt->Step();
    if (!row) return std::unexpected(row.error());
    return *row ? stmt->Int(0) : 0;
  }

  Result<std::optional<TriageVerdict>> FindScope(const TriageVerdict& v) override {
    auto stmt = db_.Prepare("SELECT " + std::string(kColumns) +
                            " FROM triage WHERE value_hash = ?1 AND file = ?2 AND glob = ?3 AND "
                            "detector = ?4 AND (value_hash = '' OR key_fingerprint = ?5)");
    if (!stmt) return std::unexpected(stmt.error());
    stmt->Bind(1, std::string_view(v.value_hash))
        .Bind(2, std::string_view(v.file))
        .Bind(3, std::string_view(v.glob))
        .Bind(4, std::string_view(v.detector))
        .Bind(5, std::string_view(v.key_fingerprint));
    auto row = stmt->Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return std::optional<TriageVerdict>();
    return std::optional<TriageVerdict>(ReadVerdict(*stmt));
  }

  Result<int64_t> Insert(const TriageVerdict& v) override {
    auto stmt = db_.Prepare(
        "INSERT INTO triage (value_hash, file, glob, detector, verdict, note, given_by, created, "
        "key_fingerprint, scan, scan_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    if (!stmt) return std::unexpected(stmt.error());
    BindVerdict(*stmt, v);
    if (auto r = stmt->Run(); !r) return std::unexpected(r.error());
    return sqlite3_last_insert_rowid(db_.get());
  }

  Result<void> Update(int64_t id, const TriageVerdict& v) override {
    auto stmt = db_.Prepare(
        "UPDATE triage SET value_hash = ?1, file = ?2, glob = ?3, detector = ?4, verdict = ?5, "
        "note = ?6, given_by = ?7, created = ?8, key_fingerprint = ?9, scan = ?10, scan_id = ?11 "
        "WHERE id = ?12");
    if (!stmt) return std::unexpected(stmt.error());
    BindVerdict(*stmt, v);
    stmt->Bind(12, id);
    return stmt->Run();
  }

 private:
  Connection db_;
};

}  // namespace

Result<std::vector<TriageVerdict>> ListVerdicts(Connection& db) {
  auto stmt = db.Prepare("SELECT " + std::string(kColumns) + " FROM triage ORDER BY id");
  if (!stmt) return std::unexpected(stmt.error());
  std::vector<TriageVerdict> out;
  while (true) {
    auto row = stmt->Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return out;
    out.push_back(ReadVerdict(*stmt));
  }
}

Result<std::unique_ptr<TriageBook>> MakeSqliteTriage(Connection db) {
  return std::make_unique<SqliteTriage>(std::move(db));
}

}  // namespace piiscan::store::sqlite
