#include "store/postgres/pg_triage.h"

#include "store/triage_book.h"

namespace piiscan::store::pg {
namespace {

// The advisory lock key of triage writes ("PIIS", then 3).
constexpr int64_t kTriageLock = 0x5049495300000003;

constexpr std::string_view kColumns =
    "id, value_hash, file, glob, detector, verdict, note, given_by, created, key_fingerprint, "
    "scan, scan_id";

TriageVerdict ReadVerdict(const PgResult& r, int row) {
  TriageVerdict v;
  v.id = r.Int(row, 0);
  v.value_hash = r.Text(row, 1);
  v.file = FromDbText(r.TextView(row, 2));
  v.glob = FromDbText(r.TextView(row, 3));
  v.detector = r.Text(row, 4);
  v.verdict = ParseVerdict(r.TextView(row, 5)).value_or(Verdict::kFalsePositive);
  v.note = FromDbText(r.TextView(row, 6));
  v.by = FromDbText(r.TextView(row, 7));
  v.created_unix_ms = r.Int(row, 8);
  v.key_fingerprint = r.Text(row, 9);
  v.scan = r.OptionalInt(row, 10).value_or(0);
  v.scan_id = r.Text(row, 11);
  return v;
}

// The columns after id as $1..$11.
Params VerdictParams(const TriageVerdict& v) {
  Params p;
  p.Add(v.value_hash)
      .Add(ToDbText(v.file))
      .Add(ToDbText(v.glob))
      .Add(v.detector)
      .Add(VerdictName(v.verdict))
      .Add(ToDbText(v.note))
      .Add(ToDbText(v.by))
      .Add(v.created_unix_ms)
      .Add(v.scan ? std::optional<int64_t>(v.scan) : std::nullopt)
      .Add(v.key_fingerprint)
      .Add(v.scan_id);
  return p;
}

class PgTriage final : public TriageBookBase {
 public:
  explicit PgTriage(PgConnection db) : db_(std::move(db)) {}

  Result<bool> Remove(int64_t id) override {
    auto n = db_.Run("DELETE FROM triage WHERE id = $1", Params().Add(id));
    if (!n) return std::unexpected(n.error());
    return *n > 0;
  }

  Result<std::vector<TriageVerdict>> List() override { return ListVerdicts(db_); }

  Result<std::vector<ValueSighting>> Sightings(std::string_view value_hash, size_t limit) override {
    auto rows = db_.Query(R"sql(
SELECT fi.path, f.detector, f.resolved_in_scan IS NULL
FROM findings f JOIN files fi ON fi.id = f.file_id
WHERE substr(f.value_hash, 1, 12) = substr($1, 1, 12) AND f.value_hash = $1 LIMIT $2)sql",
                          Params().Add(value_hash).Add(static_cast<int64_t>(limit)));
    if (!rows) return std::unexpected(rows.error());
    std::vector<ValueSighting> out;
    for (int i = 0; i < rows->Rows(); ++i)
      out.push_back({FromDbText(rows->TextView(i, 0)), rows->Text(i, 1), rows->Bool(i, 2)});
    return out;
  }

 protected:
  Result<void> BeginWrite() override {
    if (auto r = db_.Exec("BEGIN"); !r) return r;
    if (auto r = db_.Run("SELECT pg_advisory_xact_lock($1)", Params().Add(kTriageLock)); !r) {
      Rollback();
      return std::unexpected(r.error());
    }
    return {};
  }
  Result<void> Commit() override { return db_.Exec("COMMIT"); }
  void Rollback() override { (void)db_.Exec("ROLLBACK"); }

  Result<LatestScan> Latest() override {
    auto rows =
        db_.Query("SELECT id, scan_id, key_fingerprint FROM scans ORDER BY id DESC LIMIT 1");
    if (!rows) return std::unexpected(rows.error());
    if (rows->Rows() == 0) return LatestScan{};
    return LatestScan{rows->Int(0, 0), rows->Text(0, 1), rows->Text(0, 2)};
  }

  Result<int64_t> ScanNumber(const std::string& scan_id) override {
    auto rows = db_.Query("SELECT id FROM scans WHERE scan_id = $1", Params().Add(scan_id));
    if (!rows) return std::unexpected(rows.error());
    return rows->Rows() ? rows->Int(0, 0) : 0;
  }

  Result<std::optional<TriageVerdict>> FindScope(const TriageVerdict& v) override {
    auto rows = db_.Query("SELECT " + std::string(kColumns) +
                              " FROM triage WHERE value_hash = $1 AND file = $2 AND glob = $3 AND "
                              "detector = $4 AND (value_hash = '' OR key_fingerprint = $5)",
                          Params()
                              .Add(v.value_hash)
                              .Add(ToDbText(v.file))
                              .Add(ToDbText(v.glob))
                              .Add(v.detector)
                              .Add(v.key_fingerprint));
    if (!rows) return std::unexpected(rows.error());
    if (rows->Rows() == 0) return std::optional<TriageVerdict>();
    return std::optional<TriageVerdict>(ReadVerdict(*rows, 0));
  }

  Result<int64_t> Insert(const TriageVerdict& v) override {
    auto rows = db_.Query(
        "INSERT INTO triage (value_hash, file, glob, detector, verdict, note, given_by, created, "
        "scan, key_fingerprint, scan_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
        "RETURNING id",
        VerdictParams(v));
    if (!rows) return std::unexpected(rows.error());
    return rows->Int(0, 0);
  }

  Result<void> Update(int64_t id, const TriageVerdict& v) override {
    Params p = VerdictParams(v);
    p.Add(id);
    auto n = db_.Run(
        "UPDATE triage SET value_hash = $1, file = $2, glob = $3, detector = $4, verdict = $5, "
        "note = $6, given_by = $7, created = $8, scan = $9, key_fingerprint = $10, scan_id = $11 "
        "WHERE id = $12",
        p);
    if (!n) return std::unexpected(n.error());
    return {};
  }

 private:
  PgConnection db_;
};

}  // namespace

Result<std::vector<TriageVerdict>> ListVerdicts(PgConnection& db) {
  auto rows = db.Query("SELECT " + std::string(kColumns) + " FROM triage ORDER BY id");
  if (!rows) return std::unexpected(rows.error());
  std::vector<TriageVerdict> out;
  out.reserve(static_cast<size_t>(rows->Rows()));
  for (int i = 0; i < rows->Rows(); ++i) out.push_back(ReadVerdict(*rows, i));
  return out;
}

Result<std::unique_ptr<TriageBook>> MakePgTriage(PgConnection db) {
  return std::make_unique<PgTriage>(std::move(db));
}

}  // namespace piiscan::store::pg
