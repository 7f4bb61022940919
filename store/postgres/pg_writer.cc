#include "store/postgres/pg_writer.h"

#include <chrono>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/confidence.h"
#include "store/location_json.h"
#include "store/postgres/pg_scan_parts.h"
#include "store/postgres/pg_work_queue.h"
#include "store/postgres/pg_writer_sql.h"

namespace piiscan::store::pg {
namespace {

namespace sql = writer_sql;

// Findings held before a chunk is sent: ~300 bytes each.
constexpr size_t kChunkFindings = 20000;

struct BatchFile {
  FileState state;
  int64_t id = 0;  // 0: not sent yet
  bool is_new = false;
  bool ended = false;
  bool findings_sent = false;  // some of its findings went out in an earlier chunk
  std::optional<std::pair<std::string, std::string>> own_status;
};

// A finding as COPY text, without its file id and count (known later).
struct BatchFinding {
  size_t file = 0;   // index into the batch's files
  std::string head;  // "\tlocation\tdetector\t...\tpage"
  uint64_t count = 0;
  std::string tail;  // "\toffset\tline\titem_time\tname_key\tname_tokens"
};

struct BatchStatus {
  size_t file = 0;
  std::string row;  // "\tlocation\tstatus\treason"
};

class PgWriter final : public StoreWriter {
 public:
  PgWriter(std::string target, PgConnection db, const WriterOptions& options,
           std::shared_ptr<StoreEvents> events)
      : target_(std::move(target)), db_(std::move(db)), o_(options), events_(std::move(events)) {}

  ~PgWriter() override {
    if (in_file_) {
      if (in_txn_) (void)db_.Exec("ROLLBACK");
    } else if (part_.scan && !finished_ && !failed_) {
      (void)Commit();
    }
  }

  Result<void> Prepare() { return db_.Exec(sql::kTempTables); }

  Result<int64_t> BeginScan(const ScanInfo& info) override {
    if (part_.scan) return Fail("findings store: BeginScan called twice");
    if (auto r = LockRoots(db_, o_.fleet, info.roots, o_.wait); !r)
      return std::unexpected(r.error());
    auto part = BeginPart(db_, info, o_);
    if (!part) return Sticky(part.error());
    part_ = *part;
    info_ = info;
    ++events_->scans;
    return part_.scan;
  }

  Result<void> BeginFile(const FileState& file) override {
    if (auto r = Ready(); !r) return r;
    if (in_file_) return Fail("findings store: BeginFile inside a file");
    StartBatch();
    BatchFile f{.state = file};
    f.state.identity.root = NormalizeRoot(file.identity.root);
    std::string key = f.state.identity.root + '\0' + f.state.identity.relative_path;
    if (batch_paths_.contains(key)) {
      // The same file read twice in one batch (a PATH given twice): what is
      // held goes out first, and the second reading then replaces the first
      // as a reading of a file recorded earlier in the scan does.
      if (auto r = Send(); !r) return r;
    }
    batch_paths_.emplace(std::move(key), files_.size());
    in_file_ = true;
    files_.push_back(std::move(f));
    return {};
  }

  Result<void> AddFinding(const Finding& f) override {
    if (auto r = InFile(); !r) return r;
    const size_t file = files_.size() - 1;
    std::string location = ToDbText(LocationToJson(f.location));
    key_.clear();
    key_.append(std::to_string(file)).append(1, '\0').append(f.detector).append(1, '\0');
    key_.append(f.value_hash).append(1, '\0').append(location);
    auto [it, fresh] = index_.try_emplace(key_, findings_.size());
    if (!fresh) {
      findings_[it->second].count += f.count;  // the first occurrence's values stay
      return {};
    }
    BatchFinding row;
    row.file = file;
    row.count = f.count;
    CopyField(row.head, std::optional<std::string_view>(location));
    CopyField(row.head, std::optional<std::string_view>(f.detector));
    CopyField(row.head, std::optional<std::string_view>(f.category));
    CopyField(row.head, std::optional<std::string_view>(ConfidenceName(f.confidence)));
    CopyField(row.head, f.score);
    CopyField(row.head, std::optional<std::string_view>(ToDbText(f.masked)));
    CopyField(row.head, std::optional<std::string_view>(f.value_hash));
    std::optional<std::string> value;
    if (o_.store_values && f.value) value = ToDbText(*f.value);
    CopyField(row.head, value ? std::optional<std::string_view>(*value) : std::nullopt);
    CopyField(row.head, std::optional<std::string_view>(ToDbText(f.note)));
    CopyField(row.head, f.page ? std::optional<int64_t>(*f.page) : std::nullopt);
    CopyField(row.tail, f.offset ? std::optional<int64_t>(*f.offset) : std::nullopt);
    CopyField(row.tail, f.line ? std::optional<int64_t>(*f.line) : std::nullopt);
    CopyField(row.tail, f.item_time);
    CopyField(row.tail, f.name_key != 0 ? std::optional<int64_t>(f.name_key) : std::nullopt);
    CopyField(row.tail, f.name_tokens.empty() ? std::nullopt
                                              : std::optional<std::string_view>(f.name_tokens));
    findings_.push_back(std::move(row));
    if (findings_.size() >= kChunkFindings) return Send();
    return {};
  }

  Result<void> AddStatus(const StatusRecord& s) override {
    if (auto r = InFile(); !r) return r;
    BatchStatus row;
    row.file = files_.size() - 1;
    std::string_view status = FileStatusName(s.status);
    CopyField(row.row, std::optional<std::string_view>(ToDbText(LocationToJson(s.location))));
    CopyField(row.row, std::optional<std::string_view>(status));
    CopyField(row.row, std::optional<std::string_view>(ToDbText(s.reason)));
    statuses_.push_back(std::move(row));
    BatchFile& file = files_.back();
    if (s.location.empty() && !file.own_status)
      file.own_status.emplace(std::string(status), ToDbText(s.reason));
    return {};
  }

  Result<void> EndFile() override {
    if (auto r = InFile(); !r) return r;
    files_.back().ended = true;
    in_file_ = false;
    ++files_read_;
    ++batch_read_;
    return FileDone();
  }

  // The scan's findings count is the server's (a fleet run's parts add up
  // there), so `findings` is not needed.
  Result<void> KeepUnchanged(int64_t file_id, uint64_t /*findings*/) override {
    if (auto r = Ready(); !r) return r;
    if (in_file_) return Fail("findings store: KeepUnchanged inside a file");
    StartBatch();
    kept_.push_back(file_id);
    ++files_skipped_;
    ++batch_skipped_;
    return FileDone();
  }

  Result<std::unique_ptr<WorkQueue>> OpenWorkQueue(std::chrono::seconds lease) override {
    if (auto r = Ready(); !r) return std::unexpected(r.error());
    if (o_.fleet.mode != FleetPart::Mode::kClaim)
      return Fail("findings store: a work queue needs a --claim run");
    return OpenPgWorkQueue(target_, part_.scan, part_.agent, lease);
  }

  Result<void> CompleteUnit(int64_t unit) override {
    if (auto r = Ready(); !r) return r;
    if (in_file_) return Fail("findings store: CompleteUnit inside a file");
    StartBatch();
    done_units_.push_back(unit);
    return Commit();
  }

  Result<ScanRecord> FinishScan(const ScanEnd& end) override {
    if (auto r = Ready(); !r) return std::unexpected(r.error());
    if (in_file_) {
      // An interrupted scan may end inside a file: its batch is dropped.
      if (end.completed) return Fail("findings store: a completed scan ended inside a file");
      if (in_txn_) {
        // Part of the open file went out already: the batch goes back.
        if (!db_.Exec("ROLLBACK")) return Sticky(db_.Failure("rollback"));
        in_txn_ = batch_open_ = false;
        ClearBatch(/*all=*/true);
        files_read_ -= batch_read_;
        files_skipped_ -= batch_skipped_;
      } else {
        DropOpenFile();
      }
      in_file_ = false;
    }
    if (auto r = Commit(); !r) return std::unexpected(r.error());
    auto rec = EndPart(db_, part_, info_, o_, end,
                       PartCounts{.files_read = files_read_, .files_skipped = files_skipped_});
    if (!rec) return Sticky(rec.error());
    finished_ = true;
    ++events_->scans;
    // Fresh statistics after a bulk load (many files new to the store): the
    // planner would otherwise read the whole findings table for each replay
    // of the next night (seen: 40 ms instead of 0.1 ms a query). ANALYZE
    // samples a bounded number of rows; a night with few new files skips it.
    if (new_files_ >= 1000 || new_files_ * 2 > files_read_ + files_skipped_)
      (void)db_.Exec("ANALYZE files; ANALYZE findings; ANALYZE statuses");
    return rec;
  }

 private:
  template <typename E>
  std::unexpected<Error> Sticky(E error) {
    failed_ = error;
    return std::unexpected(std::move(error));
  }

  Result<void> Ready() {
    if (failed_) return std::unexpected(*failed_);
    if (!part_.scan) return Fail("findings store: no scan begun");
    if (finished_) return Fail("findings store: the scan has finished");
    return {};
  }

  Result<void> InFile() {
    if (auto r = Ready(); !r) return r;
    if (!in_file_) return Fail("findings store: no file begun");
    return {};
  }

  void StartBatch() {
    if (batch_open_) return;
    batch_open_ = true;
    batch_files_ = 0;
    batch_read_ = batch_skipped_ = 0;
    batch_start_ = std::chrono::steady_clock::now();
  }

  Result<void> FileDone() {
    if (++batch_files_ >= o_.batch_files ||
        std::chrono::steady_clock::now() - batch_start_ >= o_.batch_time)
      return Commit();
    return {};
  }

  Result<void> Begin() {
    if (in_txn_) return {};
    if (auto r = db_.Exec("BEGIN"); !r) return Sticky(r.error());
    in_txn_ = true;
    return {};
  }

  // Sends the files not sent yet; learns their ids and whether they are new.
  Result<void> SendFiles() {
    std::string data;
    std::unordered_map<std::string, size_t> by_path;
    for (size_t i = 0; i < files_.size(); ++i) {
      BatchFile& f = files_[i];
      if (f.id) continue;
      const FileIdentity& id = f.state.identity;
      std::string root = ToDbText(id.root), rel = ToDbText(id.relative_path);
      CopyField(data, std::optional<std::string_view>(root), true);
      CopyField(data, std::optional<std::string_view>(rel));
      CopyField(data, std::optional<std::string_view>(ToDbText(f.state.path)));
      CopyField(data, static_cast<int64_t>(id.device));
      CopyField(data, static_cast<int64_t>(id.inode));
      CopyField(data, static_cast<int64_t>(id.size));
      CopyField(data, id.mtime_ns);
      CopyField(data, id.ctime_ns);
      CopyField(data, std::optional<std::string_view>(ToDbText(f.state.type)));
      CopyField(data, static_cast<int64_t>(f.state.bytes_scanned));
      data += '\n';
      by_path[root + '\0' + rel] = i;
    }
    if (by_path.empty()) return {};
    if (auto r = db_.CopyIn(sql::kCopyFiles, data); !r) return r;
    if (auto r = db_.Run(sql::kRestartCounts, Params().Add(part_.scan)); !r)
      return std::unexpected(r.error());
    if (auto r = db_.Run(sql::kDeleteStatuses); !r) return std::unexpected(r.error());
    auto rows = db_.Query(
        sql::kUpsertFiles,
        Params().Add(info_.config_fingerprint).Add(info_.started_unix_ms).Add(part_.scan));
    if (!rows) return std::unexpected(rows.error());
    for (int r = 0; r < rows->Rows(); ++r) {
      auto it = by_path.find(rows->Text(r, 2) + '\0' + rows->Text(r, 3));
      if (it == by_path.end()) continue;
      BatchFile& f = files_[it->second];
      f.id = rows->Int(r, 0);
      f.is_new = rows->Bool(r, 4);
      new_files_ += f.is_new;
    }
    return db_.Exec("TRUNCATE batch_files");
  }

  Result<void> SendFindings() {
    std::string direct, merged;
    for (const BatchFinding& row : findings_) {
      const BatchFile& f = files_[row.file];
      std::string& out = f.is_new && !f.findings_sent ? direct : merged;
      CopyField(out, f.id, true);
      out += row.head;
      CopyField(out, static_cast<int64_t>(row.count));
      out += row.tail;
      if (&out == &direct) {
        CopyField(out, info_.started_unix_ms);
        CopyField(out, info_.started_unix_ms);
        CopyField(out, part_.scan);
        CopyField(out, part_.scan);
      }
      out += '\n';
    }
    for (const BatchFinding& row : findings_) files_[row.file].findings_sent = true;
    if (!direct.empty())
      if (auto r = db_.CopyIn(sql::kCopyNewFindings, direct); !r) return r;
    if (!merged.empty()) {
      if (auto r = db_.CopyIn(sql::kCopyBatchFindings, merged); !r) return r;
      if (auto r =
              db_.Run(sql::kMergeFindings, Params().Add(info_.started_unix_ms).Add(part_.scan));
          !r)
        return std::unexpected(r.error());
      if (auto r = db_.Exec("TRUNCATE batch_findings"); !r) return r;
    }
    return {};
  }

  Result<void> SendStatuses() {
    std::string data;
    for (const BatchStatus& s : statuses_) {
      CopyField(data, files_[s.file].id, true);
      data += s.row;
      data += '\n';
    }
    if (!data.empty())
      if (auto r = db_.CopyIn(sql::kCopyStatuses, data); !r) return r;
    for (BatchFile& f : files_) {
      if (!f.own_status) continue;
      auto r = db_.Run(sql::kSetFileStatus,
                       Params().Add(f.id).Add(f.own_status->first).Add(f.own_status->second));
      if (!r) return std::unexpected(r.error());
      f.own_status.reset();
    }
    return {};
  }

  // Sends everything held (inside the batch's transaction), ending with what
  // the files that ended and the files kept imply.
  Result<void> Send() {
    if (auto r = Begin(); !r) return r;
    auto sent = [&]() -> Result<void> {
      if (auto r = SendFiles(); !r) return r;
      if (auto r = SendFindings(); !r) return r;
      if (auto r = SendStatuses(); !r) return r;
      std::vector<int64_t> ended;
      for (const BatchFile& f : files_)
        if (f.ended && !f.is_new) ended.push_back(f.id);
      if (!ended.empty()) {
        auto r = db_.Run(sql::kResolveUnseen, Params().AddIdArray(ended).Add(part_.scan));
        if (!r) return std::unexpected(r.error());
      }
      if (!done_units_.empty()) {
        // Only while this agent still holds them: a unit whose lease ran out
        // belongs to the agent that took it over.
        auto r = db_.Run(
            "UPDATE work_units SET state = 'done', lease_until = NULL "
            "WHERE id = ANY ($1::bigint[]) AND agent = $2 AND state = 'claimed'",
            Params().AddIdArray(done_units_).Add(part_.agent));
        if (!r) return std::unexpected(r.error());
      }
      if (!kept_.empty()) {
        Params p;
        p.AddIdArray(kept_).Add(info_.started_unix_ms).Add(part_.scan);
        if (auto r = db_.Run(sql::kKeepFiles, p); !r) return std::unexpected(r.error());
      }
      return {};
    }();
    if (!sent) return Sticky(sent.error());
    ClearBatch(/*all=*/false);
    return {};
  }

  // Forgets the open file (nothing of it was sent).
  void DropOpenFile() {
    const size_t open = files_.size() - 1;
    std::erase_if(findings_, [&](const BatchFinding& f) { return f.file == open; });
    std::erase_if(statuses_, [&](const BatchStatus& s) { return s.file == open; });
    index_.clear();  // only AddFinding uses it, and no file is open now
    batch_paths_.erase(files_.back().state.identity.root + '\0' +
                       files_.back().state.identity.relative_path);
    files_.pop_back();
  }

  // Forgets what was sent: every file but an open one (all: that one too).
  void ClearBatch(bool all) {
    findings_.clear();
    index_.clear();
    statuses_.clear();
    kept_.clear();
    done_units_.clear();
    batch_paths_.clear();
    if (all || !in_file_) {
      files_.clear();
    } else {
      BatchFile open = std::move(files_.back());
      files_.clear();
      files_.push_back(std::move(open));
      batch_paths_.emplace(
          files_[0].state.identity.root + '\0' + files_[0].state.identity.relative_path, 0);
    }
  }

  Result<void> Commit() {
    if (!batch_open_ && !in_txn_) return {};
    if (auto r = Send(); !r) return r;
    Params progress;
    progress.Add(part_.agent).Add(files_read_).Add(files_skipped_);
    if (auto r = db_.Run(sql::kAgentProgress, progress); !r) return Sticky(r.error());
    if (auto r = db_.Exec("COMMIT"); !r) return Sticky(r.error());
    ++events_->commits;
    in_txn_ = false;
    batch_open_ = false;
    return {};
  }

  std::string target_;
  PgConnection db_;
  WriterOptions o_;
  std::shared_ptr<StoreEvents> events_;
  ScanInfo info_;
  ScanPart part_;
  bool finished_ = false;
  bool in_txn_ = false;
  bool in_file_ = false;
  bool batch_open_ = false;
  int batch_files_ = 0;
  std::chrono::steady_clock::time_point batch_start_;
  uint64_t files_read_ = 0, files_skipped_ = 0;
  uint64_t new_files_ = 0;  // rows this writer inserted into files
  uint64_t batch_read_ = 0, batch_skipped_ = 0;
  std::optional<Error> failed_;

  std::vector<BatchFile> files_;
  std::vector<BatchFinding> findings_;
  std::unordered_map<std::string, size_t> index_;  // aggregation key -> findings_
  std::string key_;
  std::vector<BatchStatus> statuses_;
  std::vector<int64_t> kept_;
  std::vector<int64_t> done_units_;
  std::unordered_map<std::string, size_t> batch_paths_;  // root \0 path -> files_
};

}  // namespace

Result<std::unique_ptr<StoreWriter>> MakePgWriter(std::string target, PgConnection db,
                                                  const WriterOptions& options,
                                                  std::shared_ptr<StoreEvents> events) {
  auto writer =
      std::make_unique<PgWriter>(std::move(target), std::move(db), options, std::move(events));
  if (auto r = writer->Prepare(); !r) return std::unexpected(r.error());
  return writer;
}

}  // namespace piiscan::store::pg
