#pragma once
// The findings store on a PostgreSQL server (store/store.h describes the
// interface; docs/store.md the tables). Unlike the SQLite store, several
// agents may write at once when they take part in one fleet run
// (WriterOptions::fleet); a single scan still writes alone. The tables live
// in the schema `piiscan` of the database the connection string names.
// The returned Store is thread safe; each reader and writer is a connection
// of its own.

#include <memory>
#include <string>

#include "core/status.h"
#include "store/store.h"

namespace piiscan::store {

// `target`: a libpq connection string or URL (postgresql://user@host/db,
// "host=... dbname=..."); PGPASSFILE, PGSSLMODE and the other PG* variables
// apply. Messages show it without its password.
Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& target);

}  // namespace piiscan::store
