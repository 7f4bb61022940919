// Ingest micro benchmark of the findings store (not a test):
//   store_bench DIR|CONNINFO [files] [findings_per_file] [root]
// writes `files` files with `findings_per_file` distinct (aggregated) findings
// each into DIR/bench.db (or the PostgreSQL database CONNINFO names, under
// `root`, so that several processes can ingest side by side), then looks
// every file up as unchanged, and prints aggregated findings/s (per CPU
// second of this process and per wall second: with PostgreSQL the server
// works too), files/s of the lookup, and the SQLite store's size per million
// aggregated findings. Synthetic values only.

#include <sys/stat.h>
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include <unistd.h>

#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_store.h"
#include "store/sqlite/sqlite_store.h"

using namespace piiscan;
using Clock = std::chrono::steady_clock;

namespace {

std::string HexHash(std::mt19937_64& rng) {
  static const char kHex[] = "0123456789abcdef";
  std::string out(64, '0');
  for (int i = 0; i < 64; i += 16) {
    uint64_t v = rng();
    for (int j = 0; j < 16; ++j) out[i + j] = kHex[(v >> (4 * j)) & 15];
  }
  return out;
}

// CPU seconds of this process: the machine is shared, so wall time says
// little; both are printed.
double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

int Die(const Error& e) {
  std::fprintf(stderr, "store_bench: %s\n", e.message.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: store_bench DIR|CONNINFO [files] [findings_per_file] [root]\n");
    return 2;
  }
  const bool postgres = store::pg::IsConnectionString(argv[1]);
  const std::string db_path = postgres ? std::string() : std::string(argv[1]) + "/bench.db";
  const int files = argc > 2 ? std::atoi(argv[2]) : 20000;
  const int per_file = argc > 3 ? std::atoi(argv[3]) : 50;
  const std::string root = argc > 4 ? argv[4] : "/srv/share";
  if (!postgres) {
    std::filesystem::remove(db_path);
    std::filesystem::remove(db_path + "-wal");
    std::filesystem::remove(db_path + "-shm");
  }

  auto store = postgres ? store::OpenPostgresStore(argv[1]) : store::OpenSqliteStore(db_path);
  if (!store) return Die(store.error());
  ScanInfo info;
  info.scan_id = "bench-" + std::to_string(::getpid()) + root;
  info.roots = {root};
  info.config_fingerprint = "bench";
  info.started_unix_ms = 1;
  const char* detectors[] = {"email", "iban", "bsn", "phone_nl", "postcode_nl"};
  std::mt19937_64 rng(42);

  auto t0 = Clock::now();
  double c0 = CpuSeconds();
  {
    // Batches by count only, so that a profiler's slowdown does not commit
    // every few files (the default also commits every second).
    auto writer = (*store)->OpenWriter({.batch_time = std::chrono::hours(1)});
    if (!writer) return Die(writer.error());
    if (auto r = (*writer)->BeginScan(info); !r) return Die(r.error());
    Finding f;
    f.category = "contact";
    f.masked = "j***@example.nl";
    f.confidence = Confidence::kHigh;
    f.score = 0.93;
    for (int i = 0; i < files; ++i) {
      store::FileState file;
      file.identity = {root,
                       "dir" + std::to_string(i % 100) + "/file" + std::to_string(i) + ".csv",
                       2049,
                       static_cast<uint64_t>(1000 + i),
                       4096,
                       1700000000000000000,
                       1700000000000000000};
      file.path = file.identity.root + "/" + file.identity.relative_path;
      file.type = "csv";
      file.bytes_scanned = 4096;
      if (auto r = (*writer)->BeginFile(file); !r) return Die(r.error());
      f.file = file.path;
      for (int k = 0; k < per_file; ++k) {
        f.detector = detectors[k % 5];
        f.value_hash = HexHash(rng);
        f.offset = static_cast<uint64_t>(70 * k);
        f.line = static_cast<uint64_t>(k + 2);
        if (auto r = (*writer)->AddFinding(f); !r) return Die(r.error());
      }
      if (auto r = (*writer)->EndFile(); !r) return Die(r.error());
    }
    if (auto r = (*writer)->FinishScan({.completed = true}); !r) return Die(r.error());
  }
  double ingest = Seconds(t0);
  double ingest_cpu = CpuSeconds() - c0;
  double total = double(files) * per_file;

  auto reader = (*store)->OpenReader();
  if (!reader) return Die(reader.error());
  auto t1 = Clock::now();
  double c1 = CpuSeconds();
  uint64_t replayed = 0;
  for (int i = 0; i < files; ++i) {
    store::FileIdentity id{root,
                           "dir" + std::to_string(i % 100) + "/file" + std::to_string(i) + ".csv",
                           2049,
                           static_cast<uint64_t>(1000 + i),
                           4096,
                           1700000000000000000,
                           1700000000000000000};
    auto hit = (*reader)->Unchanged(id, "bench");
    if (!hit) return Die(hit.error());
    if (!*hit) {
      std::fprintf(stderr, "store_bench: file %d not found unchanged\n", i);
      return 1;
    }
    replayed += (*hit)->findings.size();
  }
  double lookup = Seconds(t1);
  double lookup_cpu = CpuSeconds() - c1;

  uint64_t bytes = 0;
  for (const char* suffix : {"", "-wal"}) {
    struct stat st;
    if (::stat((db_path + suffix).c_str(), &st) == 0) bytes += st.st_size;
  }
  std::printf("files %d, aggregated findings %.0f\n", files, total);
  std::printf(
      "ingest: %.2f s wall, %.2f s CPU; per CPU second %.0f findings, %.0f files; per wall second "
      "%.0f findings\n",
      ingest, ingest_cpu, total / ingest_cpu, files / ingest_cpu, total / ingest);
  std::printf(
      "unchanged lookup with replay: %.2f s wall, %.2f s CPU; per CPU second %.0f files, %.0f "
      "findings\n",
      lookup, lookup_cpu, files / lookup_cpu, replayed / lookup_cpu);
  if (!postgres)
    std::printf("store size: %.1f MB, %.0f MB per million aggregated findings\n", bytes / 1e6,
                bytes / 1e6 / (total / 1e6));
  return 0;
}
