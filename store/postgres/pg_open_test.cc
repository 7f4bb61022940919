// Opening a PostgreSQL store: a new database gets the schema `piiscan` at
// the latest version; a `piiscan` schema of another program, and a store of
// a newer piiscan, are refused and left as they are; an unreachable server
// is an error that names it without its password. A real server
// (tests/support/pg_test_db.h).

#include <gtest/gtest.h>

#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_schema.h"
#include "store/postgres/pg_store.h"
#include "tests/support/pg_test_db.h"

namespace piiscan::store {
namespace {

using piiscan::testing::PgTestDatabase;

TEST(PgOpen, ANewDatabaseGetsTheLatestSchema) {
  PgTestDatabase db;
  if (!db.available()) GTEST_SKIP() << db.why();
  auto store = OpenPostgresStore(db.target());
  ASSERT_TRUE(store.has_value()) << store.error().message;
  EXPECT_EQ(db.QueryInt("SELECT version FROM piiscan_schema"), pg::LatestSchemaVersion());
  EXPECT_EQ(db.QueryInt("SELECT count(*) FROM scans"), 0);
  // Opening again migrates nothing and keeps the data.
  EXPECT_TRUE(OpenPostgresStore(db.target()).has_value());
  EXPECT_EQ(db.QueryInt("SELECT count(*) FROM piiscan_schema"), 1);
}

TEST(PgOpen, AForeignPiiscanSchemaIsRefusedAndLeftAlone) {
  PgTestDatabase db;
  if (!db.available()) GTEST_SKIP() << db.why();
  auto conn = pg::PgConnection::Open(db.target());
  ASSERT_TRUE(conn.has_value());
  ASSERT_TRUE(conn->Exec("CREATE SCHEMA piiscan; CREATE TABLE piiscan.t (x int);"
                         "INSERT INTO piiscan.t VALUES (7)")
                  .has_value());
  auto store = OpenPostgresStore(db.target());
  ASSERT_FALSE(store.has_value());
  EXPECT_NE(store.error().message.find("not a piiscan store"), std::string::npos)
      << store.error().message;
  EXPECT_EQ(db.QueryInt("SELECT x FROM t"), 7);
  EXPECT_EQ(db.QueryInt("SELECT count(*) FROM pg_tables WHERE schemaname = 'piiscan'"), 1);
}

TEST(PgOpen, AStoreOfANewerPiiscanIsRefused) {
  PgTestDatabase db;
  if (!db.available()) GTEST_SKIP() << db.why();
  ASSERT_TRUE(OpenPostgresStore(db.target()).has_value());
  auto conn = pg::PgConnection::Open(db.target());
  ASSERT_TRUE(conn.has_value());
  ASSERT_TRUE(conn->Exec("UPDATE piiscan.piiscan_schema SET version = 999").has_value());
  auto store = OpenPostgresStore(db.target());
  ASSERT_FALSE(store.has_value());
  EXPECT_NE(store.error().message.find("newer piiscan"), std::string::npos)
      << store.error().message;
  EXPECT_EQ(db.QueryInt("SELECT version FROM piiscan_schema"), 999);
}

TEST(PgOpen, ConnectionStringsAreRecognisedAndShownWithoutPassword) {
  EXPECT_TRUE(pg::IsConnectionString("postgresql://u@h/db"));
  EXPECT_TRUE(pg::IsConnectionString("postgres://h/db"));
  EXPECT_TRUE(pg::IsConnectionString("host=/run/postgresql dbname=piiscan"));
  EXPECT_TRUE(pg::IsConnectionString("dbname=piiscan"));
  EXPECT_FALSE(pg::IsConnectionString("/var/lib/piiscan/piiscan.db"));
  EXPECT_FALSE(pg::IsConnectionString("state/host=x.db"));
  EXPECT_EQ(pg::RedactConnectionString("postgresql://u:secret@h:5432/db?sslmode=verify-full"),
            "postgresql://u:***@h:5432/db?sslmode=verify-full");
  EXPECT_EQ(pg::RedactConnectionString("postgresql://h/db?password=secret&sslmode=require"),
            "postgresql://h/db?sslmode=require");
  EXPECT_EQ(pg::RedactConnectionString("host=h password=secret dbname=db"), "host=h dbname=db");
  EXPECT_EQ(pg::RedactConnectionString("host=h password='se cret' dbname=db"), "host=h dbname=db");
  // Not reachable: the message names the server, never the password.
  auto store =
      OpenPostgresStore("postgresql://u:secret@/db?host=/nonexistent-dir&connect_timeout=2");
  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().message.find("secret"), std::string::npos) << store.error().message;
  EXPECT_NE(store.error().message.find("cannot connect"), std::string::npos)
      << store.error().message;
}

}  // namespace
}  // namespace piiscan::store
