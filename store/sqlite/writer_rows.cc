#include "store/sqlite/writer_rows.h"

#include "core/confidence.h"

namespace piiscan::store::sqlite {
namespace {

int64_t AsInt(uint64_t v) { return static_cast<int64_t>(v); }  // SQLite integers are signed

// name_key and name_tokens at `first` and `first + 1`; NULL when unset.
void BindNameKeys(Statement& stmt, int first, const Finding& f) {
  if (f.name_key != 0)
    stmt.Bind(first, f.name_key);
  else
    stmt.BindNull(first);
  if (!f.name_tokens.empty())
    stmt.Bind(first + 1, std::string_view(f.name_tokens));
  else
    stmt.BindNull(first + 1);
}

// The raw value only when the user asked for it (--show-values and --db-values).
void BindValue(Statement& stmt, int at, const Finding& f, const RowStamp& stamp) {
  if (stamp.store_values && f.value)
    stmt.Bind(at, *f.value);
  else
    stmt.BindNull(at);
}

}  // namespace

void BindFileState(Statement& stmt, int first, const FileBuffer& buffer,
                   std::string_view config_fingerprint) {
  const FileState& file = buffer.file();
  const FileIdentity& id = file.identity;
  stmt.Bind(first, file.path)
      .Bind(first + 1, AsInt(id.device))
      .Bind(first + 2, AsInt(id.inode))
      .Bind(first + 3, AsInt(id.size))
      .Bind(first + 4, id.mtime_ns)
      .Bind(first + 5, id.ctime_ns)
      .Bind(first + 6, file.type)
      .Bind(first + 7, buffer.status())
      .Bind(first + 8, buffer.reason())
      .Bind(first + 9, AsInt(file.bytes_scanned))
      .Bind(first + 10, config_fingerprint)
      .Bind(first + 11, static_cast<int64_t>(buffer.findings().size()))
      .Bind(first + 12, static_cast<int64_t>(buffer.statuses().size()));
}

void BindNewFinding(Statement& stmt, int64_t file_id, const BufferedFinding& b,
                    const RowStamp& stamp) {
  const Finding& f = *b.finding;
  stmt.Bind(1, file_id)
      .Bind(2, *b.location)
      .Bind(3, f.detector)
      .Bind(4, f.category)
      .Bind(5, ConfidenceName(f.confidence))
      .Bind(6, f.score)
      .Bind(7, f.masked)
      .Bind(8, f.value_hash)
      .Bind(10, f.note)
      .Bind(11, f.page)
      .Bind(12, AsInt(b.count))
      .Bind(13, f.offset)
      .Bind(14, f.line)
      .Bind(15, f.item_time)
      .Bind(16, stamp.started_ms)
      .Bind(17, stamp.scan);
  BindNameKeys(stmt, 18, f);
  BindValue(stmt, 9, f, stamp);
}

void BindFoundAgain(Statement& stmt, int64_t id, const BufferedFinding& b, const RowStamp& stamp) {
  const Finding& f = *b.finding;
  stmt.Bind(1, id)
      .Bind(2, f.category)
      .Bind(3, ConfidenceName(f.confidence))
      .Bind(4, f.score)
      .Bind(5, f.masked)
      .Bind(7, f.note)
      .Bind(8, f.page)
      .Bind(9, AsInt(b.count))
      .Bind(10, f.offset)
      .Bind(11, f.line)
      .Bind(12, f.item_time)
      .Bind(13, stamp.started_ms)
      .Bind(14, stamp.scan);
  BindNameKeys(stmt, 15, f);
  BindValue(stmt, 6, f, stamp);
}

}  // namespace piiscan::store::sqlite
