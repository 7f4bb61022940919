#pragma once
// A database of its own on the tests' PostgreSQL server (started by ctest's
// pg_server_start fixture, tests/pg/pg_server.sh; its state folder is
// $PIISCAN_TEST_PG, else `pg` beside $PIISCAN_TEST_FIXTURES), dropped when the object
// goes out of scope. When no server could be started, available() is false
// and why() says why, so that a test can skip with that reason.
// Single-threaded test code.

#include <string>

namespace piiscan::testing {

class PgTestDatabase {
 public:
  PgTestDatabase();
  ~PgTestDatabase();
  PgTestDatabase(const PgTestDatabase&) = delete;
  PgTestDatabase& operator=(const PgTestDatabase&) = delete;

  bool available() const { return !target_.empty(); }
  const std::string& why() const { return why_; }
  // A libpq connection string of the new database.
  const std::string& target() const { return target_; }
  // Runs `sql` on the database (search_path piiscan) and returns the first
  // column of the first row as an integer; -1 on any failure.
  long long QueryInt(const std::string& sql) const;

 private:
  std::string server_;  // connection string of the server's default database
  std::string name_;
  std::string target_;
  std::string why_;
};

}  // namespace piiscan::testing
