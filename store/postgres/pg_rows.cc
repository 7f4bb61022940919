#include "store/postgres/pg_rows.h"

#include "core/confidence.h"
#include "store/location_json.h"
#include "store/store.h"

namespace piiscan::store::pg {

Result<Location> ReadLocation(std::string_view stored, const std::string& where) {
  auto location = LocationFromJson(FromDbText(stored));
  if (!location) return Fail(where + ": a location is not a JSON array");
  return std::move(*location);
}

Result<Finding> ReadFinding(const PgResult& r, int row, std::string file, const std::string& where,
                            int c) {
  Finding f;
  f.file = std::move(file);
  auto location = ReadLocation(r.TextView(row, c + 0), where);
  if (!location) return std::unexpected(location.error());
  f.location = std::move(*location);
  f.detector = r.Text(row, c + 1);
  f.category = r.Text(row, c + 2);
  f.confidence = ParseConfidence(r.TextView(row, c + 3)).value_or(Confidence::kLow);
  f.score = r.Real(row, c + 4);
  f.masked = FromDbText(r.TextView(row, c + 5));
  f.value_hash = r.Text(row, c + 6);
  if (!r.IsNull(row, c + 7)) f.value = FromDbText(r.TextView(row, c + 7));
  f.note = FromDbText(r.TextView(row, c + 8));
  if (!r.IsNull(row, c + 9)) f.page = static_cast<int>(r.Int(row, c + 9));
  f.count = static_cast<uint64_t>(r.Int(row, c + 10));
  if (!r.IsNull(row, c + 11)) f.offset = static_cast<uint64_t>(r.Int(row, c + 11));
  if (!r.IsNull(row, c + 12)) f.line = static_cast<uint64_t>(r.Int(row, c + 12));
  f.item_time = r.OptionalInt(row, c + 13);
  return f;
}

Result<StatusRecord> ReadStatus(const PgResult& r, int row, std::string file,
                                const std::string& where, int c) {
  StatusRecord s;
  s.file = std::move(file);
  auto location = ReadLocation(r.TextView(row, c), where);
  if (!location) return std::unexpected(location.error());
  s.location = std::move(*location);
  s.status = ParseFileStatus(r.TextView(row, c + 1));
  s.reason = FromDbText(r.TextView(row, c + 2));
  return s;
}

}  // namespace piiscan::store::pg
