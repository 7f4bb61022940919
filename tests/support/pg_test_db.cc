#include "tests/support/pg_test_db.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>

namespace piiscan::testing {
namespace {

std::string FirstLine(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

// Runs one statement on `target`; the first value of the first row, or "".
bool Exec(const std::string& target, const std::string& sql, std::string* value = nullptr) {
  PGconn* c = PQconnectdb(target.c_str());
  bool ok = PQstatus(c) == CONNECTION_OK;
  if (ok) {
    PGresult* r = PQexec(c, sql.c_str());
    auto st = PQresultStatus(r);
    ok = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
    if (ok && value) *value = PQntuples(r) ? PQgetvalue(r, 0, 0) : "";
    PQclear(r);
  }
  PQfinish(c);
  return ok;
}

}  // namespace

PgTestDatabase::PgTestDatabase() {
  // $PIISCAN_TEST_PG, else the `pg` folder beside ctest's fixtures.
  std::string dir;
  if (const char* env = std::getenv("PIISCAN_TEST_PG")) {
    dir = env;
  } else if (const char* fixtures = std::getenv("PIISCAN_TEST_FIXTURES")) {
    dir = std::string(fixtures) + "/../pg";
  } else {
    why_ = "neither PIISCAN_TEST_PG nor PIISCAN_TEST_FIXTURES is set (ctest sets them)";
    return;
  }
  server_ = FirstLine(dir + "/conninfo");
  if (server_.empty()) {
    std::string skip = FirstLine(dir + "/skip");
    why_ = "no PostgreSQL server for the tests: " + (skip.empty() ? "it was not started" : skip);
    return;
  }
  static std::atomic<int> counter{0};
  std::random_device rd;
  name_ = "t_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" +
          std::to_string(rd() % 100000);
  if (!Exec(server_, "CREATE DATABASE " + name_)) {
    why_ = "cannot create a test database on " + server_;
    return;
  }
  target_ = server_;
  auto at = target_.find("dbname=");
  target_ = target_.substr(0, at) + "dbname=" + name_;
}

PgTestDatabase::~PgTestDatabase() {
  if (!target_.empty()) Exec(server_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
}

long long PgTestDatabase::QueryInt(const std::string& sql) const {
  std::string v;
  if (!Exec(target_ + " options='-csearch_path=piiscan'", sql, &v) || v.empty()) return -1;
  return std::atoll(v.c_str());
}

}  // namespace piiscan::testing
