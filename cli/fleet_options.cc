#include "cli/fleet_options.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>

#include "cli/commands.h"
#include "cli/store_options.h"
#include "core/digest.h"
#include "core/scan_info.h"

namespace piiscan::cli {
namespace {

namespace po = boost::program_options;

// "120s", "2m", "1h" or plain seconds.
std::optional<std::chrono::seconds> ParseDuration(const std::string& text) {
  if (text.empty()) return std::nullopt;
  size_t used = 0;
  long long n = 0;
  try {
    n = std::stoll(text, &used);
  } catch (...) {
    return std::nullopt;
  }
  std::string unit = text.substr(used);
  long long scale = unit.empty() || unit == "s" ? 1 : unit == "m" ? 60 : unit == "h" ? 3600 : 0;
  if (!scale || n <= 0) return std::nullopt;
  return std::chrono::seconds(n * scale);
}

int Usage(const std::string& message) {
  std::cerr << "piiscan scan: " << message << "\n";
  return kExitUsage;
}

}  // namespace

void AddFleetOptions(po::options_description& desc, FleetCliOptions& o) {
  desc.add_options()(
      "shard", po::value(&o.shard),
      "I/N: scan only the I-th (1..N) of N stable shards of the files (hash of the path below "
      "its root); N agents with 1/N..N/N cover the tree once")(
      "claim", po::bool_switch(&o.claim),
      "with a PostgreSQL --db: take folders to scan from the store until none is left, beside "
      "other agents")(
      "lease", po::value(&o.lease),
      "with --claim: a claimed folder returns to the queue when not renewed for this long "
      "(default 120s)")(
      "scan-id", po::value(&o.scan_id),
      "the run's id in the store; agents of one fleet run give the same (default for --shard "
      "and --claim: derived from the roots and the night)")(
      "nice", po::value(&o.nice), "lower the CPU priority by N (1..19), as nice(1)")(
      "io-idle", po::bool_switch(&o.io_idle), "read files only when no other I/O wants the disk")(
      "max-rate", po::value(&o.max_rate_mb), "read at most this many MB/s on average");
}

std::optional<int> MakeFleet(const FleetCliOptions& o, const std::string& db,
                             scanner::ScanOptions& options, Fleet& fleet) {
  const bool postgres = !db.empty() && IsPostgresTarget(db);
  if (!o.shard.empty()) {
    auto shard = scanner::ParseShard(o.shard);
    if (!shard)
      return Usage("--shard must be I/N with 1 <= I <= N (e.g. 3/8), not '" + o.shard + "'");
    if (!db.empty() && !postgres)
      return Usage(
          "--shard with --db needs a PostgreSQL store: agents cannot write one SQLite "
          "file at once (leave out --db to write only the findings output)");
    options.shard = *shard;
    if (postgres) fleet.part = {store::FleetPart::Mode::kShard, shard->index, shard->count};
  }
  if (o.claim) {
    if (!o.shard.empty()) return Usage("--claim and --shard exclude each other");
    if (!postgres) return Usage("--claim needs a PostgreSQL store (--db postgresql://...)");
    fleet.part.mode = store::FleetPart::Mode::kClaim;
  }
  auto lease = ParseDuration(o.lease);
  if (!lease) return Usage("--lease must be a duration such as 120s, 5m or 1h");
  if (*lease < std::chrono::seconds(5)) return Usage("--lease must be at least 5s");
  fleet.lease = *lease;
  if (!o.scan_id.empty() && db.empty()) return Usage("--scan-id needs --db");
  fleet.scan_id = o.scan_id;
  if (o.nice < 0 || o.nice > 19) return Usage("--nice must be 0..19");
  if (o.max_rate_mb < 0) return Usage("--max-rate must be a positive number of MB/s");
  if (o.max_rate_mb > 0) {
    fleet.rate = std::make_unique<RateLimiter>(o.max_rate_mb * 1e6);
    options.rate = fleet.rate.get();
  }
  return std::nullopt;
}

std::string DerivedFleetScanId(const std::vector<std::string>& roots, const store::FleetPart& part,
                               int64_t started_unix_ms) {
  // As the store keeps them: `share` and `/srv/share` run from /srv agree.
  std::vector<std::string> sorted;
  for (const auto& r : roots) sorted.push_back(store::NormalizeRoot(r));
  std::sort(sorted.begin(), sorted.end());
  std::string key = part.mode == store::FleetPart::Mode::kClaim
                        ? std::string("claim")
                        : "shard/" + std::to_string(part.shards);
  for (const auto& r : sorted) key += '\0' + r;
  // The night a run belongs to: 12:00 UTC one day to 12:00 UTC the next.
  std::string night = IsoTimeUtc(started_unix_ms - 12ll * 3600 * 1000).substr(0, 10);
  night.erase(std::remove(night.begin(), night.end(), '-'), night.end());
  return "fleet-" + night + "-" + Sha256Hex(key).substr(0, 12);
}

void NameRun(const Fleet& fleet, ScanInfo& info) {
  if (!fleet.scan_id.empty())
    info.scan_id = fleet.scan_id;
  else if (fleet.part.mode != store::FleetPart::Mode::kSingle)
    info.scan_id = DerivedFleetScanId(info.roots, fleet.part, info.started_unix_ms);
}

void ApplyPoliteness(const FleetCliOptions& o) {
  if (o.nice > 0 && ::setpriority(PRIO_PROCESS, 0, o.nice) != 0)
    std::cerr << "piiscan scan: warning: --nice: " << std::strerror(errno) << "\n";
  if (o.io_idle) {
    constexpr int kWhoProcess = 1, kClassIdle = 3, kClassShift = 13;
    if (::syscall(SYS_ioprio_set, kWhoProcess, 0, kClassIdle << kClassShift) != 0)
      std::cerr << "piiscan scan: warning: --io-idle: " << std::strerror(errno) << "\n";
  }
}

}  // namespace piiscan::cli
