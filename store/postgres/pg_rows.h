#pragma once
// Reading the store's rows back into the scan's types: a location (JSON
// text, maybe base64 of non-UTF-8 bytes), the 14 columns every finding
// query of the PostgreSQL store starts with (PIISCAN_PG_FINDING_COLUMNS),
// and a status record.
// Pure functions.

#include <string>
#include <string_view>

#include "core/finding.h"
#include "core/status.h"
#include "store/postgres/pg_connection.h"

namespace piiscan::store::pg {

#define PIISCAN_PG_FINDING_COLUMNS                                                      \
  "f.location, f.detector, f.category, f.confidence, f.score, f.masked, f.value_hash, " \
  "f.value, f.note, f.page, f.count, f.first_offset, f.first_line, f.item_time"
inline constexpr int kFindingColumns = 14;

// `where` names the store in the message of a malformed row.
Result<Location> ReadLocation(std::string_view stored, const std::string& where);

// The finding of `row`, its columns from `first` on; Finding::file is `file`.
Result<Finding> ReadFinding(const PgResult& r, int row, std::string file, const std::string& where,
                            int first = 0);

// A status record of three columns from `first` on: location, status, reason.
Result<StatusRecord> ReadStatus(const PgResult& r, int row, std::string file,
                                const std::string& where, int first);

}  // namespace piiscan::store::pg
