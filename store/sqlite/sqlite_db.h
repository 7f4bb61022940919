#pragma once
// A small RAII layer over the SQLite C API: a Connection owns a sqlite3
// handle, a Statement a prepared statement; failures come back as Result
// values whose message names the store file and says in plain words when the
// file is damaged or not a database. Neither type is thread safe: each
// connection (and its statements) belongs to one thread at a time, which is
// why connections are opened with SQLITE_OPEN_NOMUTEX.

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace piiscan::store::sqlite {

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3_stmt* stmt, const std::string* path) : stmt_(stmt), path_(path) {}
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are 1-based. Text is bound without a copy: the viewed bytes
  // must stay alive until the statement has been stepped and reset.
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view text);
  Statement& BindNull(int index);
  Statement& BindBlob(int index, std::string_view bytes);  // as Bind(text): no copy
  template <typename T>
  Statement& Bind(int index, const std::optional<T>& value) {
    if (!value) return BindNull(index);
    return Bind(index, static_cast<int64_t>(*value));
  }

  // One step: true when a row is available.
  Result<bool> Step();
  // Steps to the end, then resets (for statements that return no rows).
  Result<void> Run();
  // Ready to run again; bindings cleared.
  void Reset();

  bool IsNull(int column) const;
  int64_t Int(int column) const;
  double Real(int column) const;
  std::string_view TextView(int column) const;  // valid until the next Step/Reset
  std::string Text(int column) const { return std::string(TextView(column)); }
  std::string_view BlobView(int column) const;  // valid until the next Step/Reset
  std::optional<int64_t> OptionalInt(int column) const {
    if (IsNull(column)) return std::nullopt;
    return Int(column);
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  const std::string* path_ = nullptr;
};

class Connection {
 public:
  // Opens (never creates: the store creates the file itself with mode 0600)
  // the database at `path`.
  static Result<Connection> Open(const std::string& path, bool read_only);

  Connection() = default;
  ~Connection();
  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&& other) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  Result<void> Exec(std::string_view sql);
  Result<Statement> Prepare(std::string_view sql);
  // A single integer result, e.g. of "PRAGMA user_version".
  Result<int64_t> QueryInt(std::string_view sql);
  sqlite3* get() const { return db_; }
  const std::string& path() const { return *path_; }

 private:
  sqlite3* db_ = nullptr;
  std::unique_ptr<std::string> path_;  // stable address for the statements' messages
};

// The message for SQLite result `rc` on the store at `path`: damaged and
// foreign files get words a user can act on.
Error SqliteError(int rc, sqlite3* db, const std::string& path, std::string_view doing);

}  // namespace piiscan::store::sqlite
