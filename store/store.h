#pragma once
// The findings store: what scans found, per file, kept between runs so that a
// nightly scan re-reads only changed files, resumes after a crash, and can say
// what is new and what disappeared since the previous scan. This header is the
// interface; store/sqlite/ implements it on an embedded SQLite file and
// store/postgres/ on a PostgreSQL server (same semantics). Beside the
// findings it keeps triage verdicts (TriageBook; store/triage_match.h applies
// them).
//
// Data flow. The scan's reporter thread feeds a StoreWriter like a sink:
//   BeginScan(ScanInfo) once;
//   per top-level file, either BeginFile / AddFinding* / AddStatus* / EndFile
//   or WriteFile (the same for a file held whole: the scan's sink) (the file
//   was read; parts of a file with very many findings simply add more
//   findings before EndFile), or KeepUnchanged (the file was not read
//   because StoreReader::Unchanged said so);
//   FinishScan(completed or interrupted) once.
// Walker and workers ask a StoreReader, before opening a file, whether it is
// unchanged since it was recorded (identity + config fingerprint); if so they
// replay its stored findings instead of reading it.
//
// Guarantees. A file is recorded whole or not at all: everything between
// BeginFile and EndFile lands in one transaction; transactions group many
// files (WriterOptions) and a crash loses at most the files of the batch not
// yet committed. Findings are aggregated per (file, location, detector,
// value_hash): the first occurrence's values and position are kept, `count`
// adds up. Raw values are stored only when WriterOptions::store_values says
// the user asked for it (recorded in the scan's row).
//
// Thread safety. A Store may be shared by all threads: OpenReader and
// OpenWriter may be called from any thread. A StoreWriter is one writing
// connection, used by one thread at a time (the reporter thread). Two scans
// never write the same root at once, across processes: the second one waits
// for WriterOptions::wait, then fails with a clear error (SQLite: one writer
// per store at all, when it is opened; PostgreSQL: per root, at BeginScan,
// so that agents scanning other roots write side by side; the agents of one
// fleet run share their roots). A StoreReader is one
// reading connection, used by one thread at a time: give each walker or worker
// thread its own. Readers see the last committed batch (SQLite: WAL mode), and
// never block the writer.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "core/confidence.h"
#include "core/file_identity.h"
#include "core/finding.h"
#include "core/scan_info.h"
#include "core/status.h"

namespace piiscan::store {

// What makes a top-level file "the same file, unchanged" (core/file_identity.h).
using FileIdentity = piiscan::FileIdentity;

// Roots are stored absolute and normalised, so that `T`, `./T/` and `/abs/T`
// are one root: every implementation applies this to FileIdentity::root and
// ScanInfo::roots before it stores or compares them (relative roots against
// the process's current folder; symbolic links are not resolved). What the
// store returns (StoredFile::state.identity.root, StoredFinding::root) is the
// normalised root; ScanRecord::info.roots stay as given.
std::string NormalizeRoot(std::string_view root);

// A top-level file as the reporter records it (ItemReport without findings).
struct FileState {
  FileIdentity identity;
  std::string path;            // ItemReport::file: the path every finding and status carries
  std::string type;            // ItemReport::type, the sniffed type
  uint64_t bytes_scanned = 0;  // ItemReport::bytes_scanned
};

// What Unchanged returns for a file that need not be read: everything needed
// to replay it. Findings and statuses equal what was written (Finding::file and
// StatusRecord::file are the recorded FileState::path), in the order first
// recorded,
// except Finding::value, which is present only when the store holds values,
// and the DSAR-only Finding::matched / snippet, which are not stored.
struct StoredFile {
  int64_t file_id = 0;  // the store's id of the file, for KeepUnchanged
  FileState state;
  std::vector<Finding> findings;  // Finding::count: the occurrences each stands for
  std::vector<StatusRecord> statuses;
};

enum class ScanStatus { kRunning, kCompleted, kInterrupted };
std::string_view ScanStatusName(ScanStatus status);
// The inverses of ScanStatusName and FileStatusName, for the stores' text
// columns (an unknown name reads as kRunning / kOk).
ScanStatus ParseScanStatus(std::string_view name);
FileStatus ParseFileStatus(std::string_view name);

// Both stores' words for a store written by a newer piiscan (schema version
// `found`, this piiscan knowing up to `known`): refused, left unchanged.
std::string NewerSchemaMessage(int64_t found, int known);

// An agent that took part in a scan (PostgreSQL stores record one per
// process that wrote to the scan: one for a single scan, several for a fleet
// run).
struct AgentRecord {
  std::string host;
  int64_t pid = 0;
  std::optional<int> shard;  // --shard I/N: I
  int64_t started_unix_ms = 0;
  std::optional<int64_t> finished_unix_ms;
  ScanStatus status = ScanStatus::kRunning;
  uint64_t files_read = 0;
  uint64_t files_skipped = 0;
};

// One row of `piiscan scans`. A scan still "running" when a later scan
// begins was cut off (crash, kill -9) and is then marked interrupted.
struct ScanRecord {
  int64_t id = 0;  // the store's number of the scan, increasing
  ScanInfo info;
  std::optional<int64_t> finished_unix_ms;
  ScanStatus status = ScanStatus::kRunning;
  bool values_stored = false;  // the user asked for raw values in the store
  uint64_t files_read = 0;     // files recorded with BeginFile..EndFile
  uint64_t files_skipped = 0;  // files kept unchanged (KeepUnchanged)
  uint64_t files_gone = 0;     // files marked gone at the end of this scan
  uint64_t findings = 0;       // current aggregated findings in the files this scan saw
  uint64_t new_findings = 0;   // findings first seen in this scan
  uint64_t resolved = 0;       // findings resolved in this scan
  std::string mode = "single";  // "shard" or "claim": a fleet run
  std::vector<AgentRecord> agents;  // PostgreSQL stores; empty for SQLite's
};

// A finding as the store holds it, with its history.
struct StoredFinding {
  Finding finding;  // with its count
  std::string root;
  std::string relative_path;
  int64_t first_seen_unix_ms = 0;  // start time of the scan that first saw it
  int64_t last_seen_unix_ms = 0;   // start time of the last scan that saw it
  int64_t first_scan = 0;          // ScanRecord::id
  int64_t last_scan = 0;
  std::optional<int64_t> resolved_in_scan;  // set once the finding disappeared
};

// The base of "what changed since": the completed scan before the latest
// completed one (`--since last`), a scan (by ScanInfo::scan_id), or a time.
struct SincePreviousCompleted {};
struct SinceScan {
  std::string scan_id;
};
struct SinceTime {
  int64_t unix_ms = 0;
};
using Since = std::variant<SincePreviousCompleted, SinceScan, SinceTime>;

enum class Change { kNew, kResolved };

// Called once per finding; return false to stop early.
using FindingVisitor = std::function<bool(const StoredFinding&)>;
using ChangeVisitor = std::function<bool(Change, const StoredFinding&)>;
using StatusVisitor = std::function<bool(const StatusRecord&)>;

// The findings of one file and category, with one confidence and one
// presence interval, for the audit's trends: present in a completed scan s
// when first_scan <= s and (resolved_in_scan is unset or > s). A finding
// resolved and later found again is current again with first_scan the scan
// that found it again (the writers reuse its row), so its earlier interval
// is not kept.
struct FindingGroup {
  std::string file;  // the recorded path (Finding::file)
  std::string category;
  Confidence confidence = Confidence::kLow;
  int64_t first_scan = 0;
  std::optional<int64_t> resolved_in_scan;
  uint64_t findings = 0;  // aggregated findings (rows), not occurrences
  // Per finding only (FindingHistory with `per_finding`): the finding's
  // value hash, detector and last scan, for triage verdicts (findings 1).
  std::string value_hash;
  std::string detector;
  int64_t last_scan = 0;
};
using FindingGroupVisitor = std::function<bool(const FindingGroup&)>;

// How a writer's scan relates to other agents (PostgreSQL stores only). A
// single scan is the writer's alone: while it runs, no other scan writes to
// the store. Agents of a fleet run give the same ScanInfo::scan_id (and must
// have the same key and configuration) and join one scan; each records its
// part, and the last part to finish completes the scan, marking gone what no
// part saw. A part interrupted can be run again: it joins the same scan.
struct FleetPart {
  enum class Mode { kSingle, kShard, kClaim };
  Mode mode = Mode::kSingle;
  int shard = 0;   // kShard: this agent's shard, 1..shards
  int shards = 0;  // kShard: how many shards the run has
};

struct WriterOptions {
  // How long a second writer waits for the first to finish before failing.
  std::chrono::milliseconds wait{10000};
  // A batch is committed after this many files or this much time, whichever
  // comes first (and at FinishScan). Bigger batches are cheaper; a crash
  // loses at most one batch.
  int batch_files = 2000;
  std::chrono::milliseconds batch_time{1000};
  // The user asked for raw values in the store (--show-values --db-values).
  bool store_values = false;
  FleetPart fleet;
};

// --claim: a folder of a fleet run's roots (its files directly inside; a
// big folder is cut into `parts` by a hash of the file name), claimed by one
// agent at a time under a lease.
struct WorkUnit {
  int64_t id = 0;
  std::string root;  // as given to the scan
  std::string dir;   // below the root, '/'-separated; "" for the root itself
  int part = 0;      // 0..parts-1
  int parts = 1;
};

// What the discovering agent lists: a folder and how many files it holds.
struct FolderCount {
  std::string root;
  std::string dir;
  uint64_t files = 0;
};

// The work queue of a --claim run (PostgreSQL). Its own connection: used by
// one thread at a time, apart from Renew, which one other thread may call
// (it has a connection of its own).
class WorkQueue {
 public:
  virtual ~WorkQueue() = default;
  // Lists the run's units once: the first agent to get here calls `list`
  // (and the others wait for it); afterwards every agent claims from the
  // same list. A folder of more than `split` files becomes several units.
  virtual Result<void> Discover(const std::function<Result<std::vector<FolderCount>>()>& list,
                                uint64_t split) = 0;
  // The next unit for this agent: a pending one, or one whose lease ran out
  // (its agent died). Waits while other agents still hold units that may come
  // free; nullopt when no unit is left to anyone but this agent (or `stop`).
  virtual Result<std::optional<WorkUnit>> Claim(const std::atomic<bool>& stop) = 0;
  // Extends the lease of every unit this agent holds and has not finished.
  virtual Result<void> Renew() = 0;
  // A claimed unit that holds no file to record is done at once.
  virtual Result<void> CompleteEmpty(int64_t unit) = 0;
};

struct ScanEnd {
  bool completed = false;  // false: interrupted (signal, error, limit)
};

// The reporter thread's connection. Every call returns an error once the
// store failed (disk full, damaged file); the scan should then stop feeding it.
class StoreWriter {
 public:
  virtual ~StoreWriter() = default;

  // Records the scan; marks any earlier scan left "running" as interrupted
  // (a fleet part: one whose agents are all gone). A fleet part joins the
  // scan of the same scan_id; it is refused with ErrorKind::kRefused when
  // that scan has another key fingerprint or configuration, or is finished.
  virtual Result<int64_t> BeginScan(const ScanInfo& info) = 0;

  // A top-level file was read: replaces what the store knew of its contents.
  // A finding of the file not added again before EndFile is resolved there.
  virtual Result<void> BeginFile(const FileState& file) = 0;
  // `finding.count` occurrences (the scan aggregates per value already; the
  // store adds up the counts of the same key).
  virtual Result<void> AddFinding(const Finding& finding) = 0;
  // A status with an empty location is the file's own status (files.status).
  virtual Result<void> AddStatus(const StatusRecord& status) = 0;
  virtual Result<void> EndFile() = 0;
  // The same for a file held whole: BeginFile, AddFinding each, AddStatus
  // each, EndFile. A store may override it to keep views of the findings
  // instead of copies (they live until it returns).
  virtual Result<void> WriteFile(const FileState& file, std::span<const Finding> findings,
                                 std::span<const StatusRecord> statuses);

  // A file was not read because Unchanged found it: it is still there.
  // `findings`: how many current findings Unchanged returned for it
  // (StoredFile::findings.size()), which the scan's counters add up.
  virtual Result<void> KeepUnchanged(int64_t file_id, uint64_t findings) = 0;

  // --claim (PostgreSQL stores; others return an error): the run's work
  // queue, for this writer's scan (after BeginScan).
  virtual Result<std::unique_ptr<WorkQueue>> OpenWorkQueue(std::chrono::seconds lease) {
    (void)lease;
    return Fail("findings store: --claim needs a PostgreSQL store");
  }
  // Every file of a claimed unit has been recorded: the unit is done, in the
  // same transaction as its last files, provided this agent still holds it.
  // The batch is committed at once, so that agents waiting for the unit
  // learn it is done.
  virtual Result<void> CompleteUnit(int64_t unit) {
    (void)unit;
    return Fail("findings store: --claim needs a PostgreSQL store");
  }

  // Commits the last batch and the scan's counters. A completed scan marks the
  // files under its roots that it did not see as gone and resolves their
  // findings; an interrupted one does not (it did not see everything). An
  // interrupted scan may end inside a file: that file's batch is dropped.
  // A fleet part completes the scan only when it is the last part to finish;
  // until then the returned record says kRunning and counts this part.
  virtual Result<ScanRecord> FinishScan(const ScanEnd& end) = 0;
};

// Triage: a person's verdict on findings, kept in the store apart from the
// findings themselves, so that it persists across re-scans and rule changes.
// A verdict covers a scope: one value organisation-wide (its keyed hash), one
// value in one file, or every finding of a detector in the files a glob
// matches. store/triage_match.h decides which verdict a finding falls under.
enum class Verdict { kFalsePositive, kAccepted, kRemediated };
std::string_view VerdictName(Verdict verdict);  // "false_positive", ...
std::optional<Verdict> ParseVerdict(std::string_view name);

struct TriageVerdict {
  int64_t id = 0;  // the store's number of the verdict (Add sets it)
  // The scope: value_hash alone (organisation-wide), value_hash + file (one
  // file: Finding::file, or a trailing part of it after a '/'), or glob +
  // detector (core/glob.h GlobMatchesPath over Finding::file).
  std::string value_hash;
  std::string file;
  std::string glob;
  std::string detector;
  Verdict verdict = Verdict::kFalsePositive;
  std::string note;  // why; required for accepted (the CLI checks)
  std::string by;    // who
  int64_t created_unix_ms = 0;
  // The key fingerprint of the store's latest scan when the verdict was
  // given: value hashes are keyed, so a value-hash verdict matches only
  // findings hashed with the same key.
  std::string key_fingerprint;
  // The store's latest scan when the verdict was given (ScanRecord::id, 0:
  // none; and its ScanInfo::scan_id). A remediated verdict holds until a
  // completed scan after this one still sees the finding: then it reopens.
  int64_t scan = 0;
  std::string scan_id;

  bool ByValue() const { return !value_hash.empty(); }
};

// What Add did: a new verdict, one that replaced the verdict of the same
// scope, or nothing (an equal verdict was there already).
enum class TriageChange { kAdded, kReplaced, kUnchanged };
struct TriageAdded {
  int64_t id = 0;
  TriageChange change = TriageChange::kAdded;
};

// Where a value hash occurs in the store (current or resolved findings).
struct ValueSighting {
  std::string file;  // Finding::file
  std::string detector;
  bool current = false;
};

// The verdicts of a store, to add and remove (reading them: also
// StoreReader::Verdicts). One connection: one thread at a time. Writes are
// short transactions; they never wait for a scan (SQLite: they take the
// database lock between the scan's batch commits, busy_timeout), and a scan
// never waits for them.
class TriageBook {
 public:
  virtual ~TriageBook() = default;
  // Records `v` for its scope. A scope holds one verdict: value_hash (+ the
  // key fingerprint), value_hash + file (+ key), or glob + detector. A verdict
  // equal to the scope's stored one in verdict, note, by and created time is
  // the same verdict: nothing changes (so an import is idempotent); any other
  // replaces it, keeping its id. Empty key_fingerprint, scan and
  // created_unix_ms are filled in: the latest scan's key and id, now. A
  // scan_id naming a scan of this store sets `scan` (an import from the same
  // store); one unknown here is replaced by the latest scan's.
  virtual Result<TriageAdded> Add(TriageVerdict v) = 0;
  // Add for each, in one transaction: all or none (an import).
  virtual Result<std::vector<TriageAdded>> AddAll(std::vector<TriageVerdict> verdicts) = 0;
  // false: no verdict with that id.
  virtual Result<bool> Remove(int64_t id) = 0;
  // Every verdict, oldest first.
  virtual Result<std::vector<TriageVerdict>> List() = 0;
  // Where the value occurs (uses the value index), at most `limit` rows.
  virtual Result<std::vector<ValueSighting>> Sightings(std::string_view value_hash,
                                                       size_t limit = 1000) = 0;
};

// A reading connection, one per thread.
class StoreReader {
 public:
  virtual ~StoreReader() = default;

  // The stored file when `identity` and `config_fingerprint` equal what was
  // recorded for (root, relative_path), the file is not gone and was not
  // unreadable (a transient state); nullopt when it must be read.
  virtual Result<std::optional<StoredFile>> Unchanged(const FileIdentity& identity,
                                                      std::string_view config_fingerprint) = 0;

  // Every scan, oldest first.
  virtual Result<std::vector<ScanRecord>> Scans() = 0;

  // The current (unresolved) findings, in the store's order (no sort: the
  // caller sorts if it must).
  virtual Result<void> CurrentFindings(const FindingVisitor& visit) = 0;

  // The status records of the files not gone (what could not be read, as
  // the last scan of each file recorded it), in the store's order.
  virtual Result<void> CurrentStatuses(const StatusVisitor& visit) = 0;

  // The current findings a DSAR query needs (piiscan person --db): those
  // whose value hash is one of `value_hashes`, and those whose name key
  // (Finding::name_key, detectors/name_keys.h) is one of `name_keys`, with
  // Finding::name_key and name_tokens set. Both by index: a query costs a
  // lookup per value, not a pass over the store. A finding that matches both
  // ways is visited twice.
  virtual Result<void> LookUp(std::span<const std::string> value_hashes,
                              std::span<const int64_t> name_keys, const FindingVisitor& visit) = 0;

  // Findings new since `since` (first seen in a later scan, still current) and
  // findings resolved since then. Returns the base scan's id (0: none, so
  // every current finding is new).
  virtual Result<int64_t> ChangesSince(const Since& since, const ChangeVisitor& visit) = 0;

  // Every finding that may be present in scan `from_scan` or a later one
  // (current, or resolved in a scan after `from_scan`), grouped per file,
  // category, confidence and interval by the store itself, so that the
  // caller's memory stays bounded; a file's groups come together. With
  // `per_finding`, one group per finding with its value hash, detector and
  // last scan (for triage verdicts, which judge single findings).
  virtual Result<void> FindingHistory(int64_t from_scan, const FindingGroupVisitor& visit,
                                      bool per_finding = false) = 0;

  // Every triage verdict, oldest first (TriageBook::List).
  virtual Result<std::vector<TriageVerdict>> Verdicts() = 0;
};

class Store {
 public:
  virtual ~Store() = default;
  virtual Result<std::unique_ptr<StoreWriter>> OpenWriter(const WriterOptions& options) = 0;
  virtual Result<std::unique_ptr<StoreReader>> OpenReader() = 0;
  // The triage verdicts, to add and remove (a connection of its own).
  virtual Result<std::unique_ptr<TriageBook>> OpenTriage() = 0;
  // A full consistency check of the store (slow on a big store).
  virtual Result<void> Check() = 0;
};

}  // namespace piiscan::store
