#pragma once
// A small RAII layer over libpq: a PgConnection owns a PGconn, a PgResult a
// PGresult. Statements are sent with parameters in text form (never spliced
// into the SQL text), large row sets are streamed in single-row mode so that
// memory stays bounded, and bulk rows go in with COPY. Messages name the
// server by a redacted form of the connection string: a password (in a URL,
// `password=`, or anything after it) never appears in a message or log.
// Neither type is thread safe: a connection belongs to one thread at a time.

#include <libpq-fe.h>

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace piiscan::store::pg {

// True when `target` is a PostgreSQL connection string rather than a file:
// a postgresql:// or postgres:// URL, or libpq keywords (`host=... dbname=...`).
bool IsConnectionString(std::string_view target);

// `target` without its password, for messages: URL passwords become `***`,
// a `password=` keyword is dropped.
std::string RedactConnectionString(std::string_view target);

// Query parameters in text form; nullopt is SQL NULL.
class Params {
 public:
  Params& Add(std::string_view text) {
    values_.emplace_back(std::string(text));
    return *this;
  }
  Params& Add(const char* text) { return Add(std::string_view(text)); }
  Params& Add(const std::string& text) { return Add(std::string_view(text)); }
  Params& Add(int64_t v) { return Add(std::string_view(std::to_string(v))); }
  Params& Add(uint64_t v) { return Add(static_cast<int64_t>(v)); }  // stored signed, as SQLite
  Params& Add(int v) { return Add(static_cast<int64_t>(v)); }
  Params& Add(double v);
  template <typename T>
  Params& Add(const std::optional<T>& v) {
    if (!v) return AddNull();
    return Add(*v);
  }
  Params& AddNull() {
    values_.emplace_back(std::nullopt);
    return *this;
  }
  // A bigint[] literal of `ids`.
  Params& AddIdArray(const std::vector<int64_t>& ids);

  int size() const { return static_cast<int>(values_.size()); }
  std::vector<const char*> Pointers() const;

 private:
  std::vector<std::optional<std::string>> values_;
};

class PgResult {
 public:
  PgResult() = default;
  explicit PgResult(PGresult* r) : r_(r, &PQclear) {}
  PGresult* get() const { return r_.get(); }
  int Rows() const { return r_ ? PQntuples(r_.get()) : 0; }
  bool IsNull(int row, int col) const { return PQgetisnull(r_.get(), row, col) != 0; }
  std::string_view TextView(int row, int col) const {
    return {PQgetvalue(r_.get(), row, col), static_cast<size_t>(PQgetlength(r_.get(), row, col))};
  }
  std::string Text(int row, int col) const { return std::string(TextView(row, col)); }
  int64_t Int(int row, int col) const;
  double Real(int row, int col) const;
  bool Bool(int row, int col) const { return TextView(row, col) == "t"; }
  std::optional<int64_t> OptionalInt(int row, int col) const {
    if (IsNull(row, col)) return std::nullopt;
    return Int(row, col);
  }

 private:
  std::shared_ptr<PGresult> r_;
};

class PgConnection {
 public:
  // Connects; `target` is a URL or keyword string as libpq knows them
  // (PGPASSFILE, PGSSLMODE and the other PG* variables apply).
  static Result<PgConnection> Open(const std::string& target);

  PgConnection() = default;
  PgConnection(PgConnection&&) noexcept = default;
  PgConnection& operator=(PgConnection&&) noexcept = default;

  // Statements without parameters (several, separated by ';').
  Result<void> Exec(std::string_view sql);
  // One statement with parameters; the whole result in memory.
  Result<PgResult> Query(std::string_view sql, const Params& params = {});
  // Rows affected by a statement with parameters (UPDATE, DELETE, INSERT).
  Result<int64_t> Run(std::string_view sql, const Params& params = {});
  // One statement whose rows are handed to `row` one at a time (single-row
  // mode: memory bounded whatever the result's size). `row` returns false to
  // stop early; the rest of the result is then discarded.
  Result<void> ForEach(std::string_view sql, const Params& params,
                       const std::function<bool(const PgResult&)>& row);
  // COPY ... FROM STDIN (text format) with `data`: rows of tab-separated
  // fields made with CopyField, each ending with '\n'.
  Result<void> CopyIn(std::string_view copy_sql, std::string_view data);

  // The server's words for the last failure, prefixed with what we did.
  Error Failure(std::string_view doing) const;
  const std::string& where() const { return *where_; }
  PGconn* get() const { return conn_.get(); }

 private:
  struct Closer {
    void operator()(PGconn* c) const { PQfinish(c); }
  };
  std::unique_ptr<PGconn, Closer> conn_;
  std::unique_ptr<std::string> where_;  // "findings store postgresql://host/db"
};

// Appends `text` to a COPY text-format row, escaped (backslash, tab, newline,
// carriage return); nullopt appends \N. Adds the tab before every field but
// the first of a row when `first` is false.
void CopyField(std::string& row, std::optional<std::string_view> text, bool first = false);
void CopyField(std::string& row, int64_t v, bool first = false);
void CopyField(std::string& row, double v, bool first = false);
void CopyField(std::string& row, const std::optional<int64_t>& v, bool first = false);

// PostgreSQL text holds valid UTF-8 without NUL only; paths and locations may
// hold any bytes. Other text is stored as "\x01" + base64 of the bytes, and
// FromDbText undoes it. Valid UTF-8 (not starting with \x01) is stored as is,
// so that users can query it.
std::string ToDbText(std::string_view bytes);
std::string FromDbText(std::string_view stored);

}  // namespace piiscan::store::pg
