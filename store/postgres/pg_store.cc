#include "store/postgres/pg_store.h"

#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_reader.h"
#include "store/postgres/pg_schema.h"
#include "store/postgres/pg_triage.h"
#include "store/postgres/pg_writer.h"

namespace piiscan::store {
namespace {

class PostgresStore final : public Store {
 public:
  explicit PostgresStore(std::string target) : target_(std::move(target)) {}

  Result<std::unique_ptr<StoreWriter>> OpenWriter(const WriterOptions& options) override {
    auto db = Connect();
    if (!db) return std::unexpected(db.error());
    return pg::MakePgWriter(target_, std::move(*db), options, events_);
  }

  Result<std::unique_ptr<StoreReader>> OpenReader() override {
    auto db = Connect();
    if (!db) return std::unexpected(db.error());
    return pg::MakePgReader(std::move(*db), events_);
  }

  Result<std::unique_ptr<TriageBook>> OpenTriage() override {
    auto db = Connect();
    if (!db) return std::unexpected(db.error());
    return pg::MakePgTriage(std::move(*db));
  }

  // The server keeps its own pages consistent; what can go wrong is ours:
  // rows that contradict each other.
  Result<void> Check() override {
    auto db = Connect();
    if (!db) return std::unexpected(db.error());
    auto bad = db->Query(R"sql(
SELECT (SELECT count(*) FROM findings f JOIN files fi ON fi.id = f.file_id
        WHERE fi.gone_in_scan IS NOT NULL AND f.resolved_in_scan IS NULL),
       (SELECT count(*) FROM findings WHERE count < 0 OR first_scan > last_scan),
       (SELECT count(*) FROM work_units WHERE state = 'done' AND agent IS NULL))sql");
    if (!bad) return std::unexpected(bad.error());
    if (bad->Int(0, 0) || bad->Int(0, 1) || bad->Int(0, 2))
      return Fail(db->where() + ": the store's rows contradict each other (" + bad->Text(0, 0) +
                  " current findings in gone files, " + bad->Text(0, 1) +
                  " findings with impossible counts or scans, " + bad->Text(0, 2) +
                  " units done by no agent)");
    return {};
  }

 private:
  Result<pg::PgConnection> Connect() {
    auto db = pg::PgConnection::Open(target_);
    if (!db) return db;
    if (auto r = pg::UseStoreSchema(*db); !r) return std::unexpected(r.error());
    return db;
  }

  std::string target_;
  std::shared_ptr<pg::StoreEvents> events_ = std::make_shared<pg::StoreEvents>();
};

}  // namespace

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& target) {
  auto db = pg::PgConnection::Open(target);
  if (!db) return std::unexpected(db.error());
  if (auto r = pg::PrepareSchema(*db); !r) return std::unexpected(r.error());
  return std::make_unique<PostgresStore>(target);
}

}  // namespace piiscan::store
