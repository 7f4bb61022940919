#pragma once
// The fixture of the store conformance suite (store_conformance_test.cc,
// store_conformance_read_test.cc): one suite for both implementations, each
// test run on an SQLite file and on a database of a real PostgreSQL server
// (tests/support/pg_test_db.h). Test-only; one test thread at a time.

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <set>

#include "store/postgres/pg_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/store_test_util.h"
#include "tests/support/pg_test_db.h"
#include "tests/support/test_support.h"

namespace piiscan::store::conformance {

using piiscan::testing::TempDir;
using testing::MakeFile;
using testing::MakeFinding;
using testing::MakeScan;
using testing::QueryInt;

#define OK(expr)                                                                 \
  ({                                                                             \
    auto&& ok_result = (expr);                                                   \
    if (!ok_result) ADD_FAILURE() << #expr << ": " << ok_result.error().message; \
    std::move(ok_result);                                                        \
  })

inline void ExpectSameFinding(const Finding& got, const Finding& want, bool with_value) {
  EXPECT_EQ(got.file, want.file);
  EXPECT_EQ(got.location, want.location);
  EXPECT_EQ(got.detector, want.detector);
  EXPECT_EQ(got.category, want.category);
  EXPECT_EQ(got.confidence, want.confidence);
  EXPECT_EQ(got.score, want.score);  // exact: REAL keeps the double
  EXPECT_EQ(got.masked, want.masked);
  EXPECT_EQ(got.value_hash, want.value_hash);
  EXPECT_EQ(got.value, with_value ? want.value : std::nullopt);
  EXPECT_EQ(got.offset, want.offset);
  EXPECT_EQ(got.line, want.line);
  EXPECT_EQ(got.page, want.page);
  EXPECT_EQ(got.item_time, want.item_time);
  EXPECT_EQ(got.note, want.note);
}

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    path_ = dir_.path() + "/piiscan.db";
    if (Postgres() && !pg_.available()) GTEST_SKIP() << pg_.why();
    auto store = OpenAgain();
    ASSERT_TRUE(store.has_value()) << store.error().message;
    store_ = std::move(*store);
    auto reader = store_->OpenReader();
    ASSERT_TRUE(reader.has_value()) << reader.error().message;
    reader_ = std::move(*reader);
  }

  bool Postgres() const { return GetParam() == "postgres"; }

  // Another Store object on the same store (as another process would open).
  Result<std::unique_ptr<Store>> OpenAgain() {
    return Postgres() ? OpenPostgresStore(pg_.target()) : OpenSqliteStore(path_);
  }

  // Raw SQL for the tests' own checks (the statements used are the same in
  // both dialects).
  int64_t Query(const std::string& sql) {
    return Postgres() ? pg_.QueryInt(sql) : testing::QueryInt(path_, sql);
  }

  std::unique_ptr<StoreWriter> Writer(WriterOptions options = {}) {
    auto writer = store_->OpenWriter(options);
    EXPECT_TRUE(writer.has_value()) << writer.error().message;
    return writer ? std::move(*writer) : nullptr;
  }

  // One file with its findings, as the reporter would record it.
  void Record(StoreWriter& w, const FileState& file, const std::vector<Finding>& findings,
              const std::vector<StatusRecord>& statuses = {}) {
    OK(w.BeginFile(file));
    for (const auto& f : findings) OK(w.AddFinding(f));
    for (const auto& s : statuses) OK(w.AddStatus(s));
    OK(w.EndFile());
  }

  std::optional<StoredFile> Lookup(const FileIdentity& id, std::string_view fp = "fp1") {
    auto r = reader_->Unchanged(id, fp);
    EXPECT_TRUE(r.has_value()) << r.error().message;
    return r ? *r : std::nullopt;
  }

  std::map<std::string, std::set<std::string>> Changes(const Since& since,
                                                       int64_t* base = nullptr) {
    std::map<std::string, std::set<std::string>> out;
    auto r = reader_->ChangesSince(since, [&](Change c, const StoredFinding& f) {
      out[c == Change::kNew ? "new" : "resolved"].insert(f.relative_path + ":" +
                                                         f.finding.value_hash);
      return true;
    });
    EXPECT_TRUE(r.has_value()) << r.error().message;
    if (base && r) *base = *r;
    return out;
  }

  TempDir dir_;
  piiscan::testing::PgTestDatabase pg_;
  std::string path_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<StoreReader> reader_;
};

}  // namespace piiscan::store::conformance
