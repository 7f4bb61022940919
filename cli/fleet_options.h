#pragma once
// The options of `piiscan scan` for running as one agent of many, and for
// running politely beside daytime work:
//   --shard I/N     scan only the I-th of N stable shards of the tree
//   --claim         take work units from a PostgreSQL store until none is left
//   --lease D       how long a claimed unit stays this agent's without renewal
//   --scan-id ID    the run's id (agents of one run give the same)
//   --nice N, --io-idle, --max-rate MB/s
// Without --scan-id, agents of a --shard or --claim run derive one id from
// the roots, the mode and the UTC date of (start - 12 h), so agents started
// the same night, before or after midnight, join the same run.
// Not thread safe (command-line handling).

#include <boost/program_options.hpp>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/rate_limiter.h"
#include "core/scan_info.h"
#include "scanner/scan_options.h"
#include "store/store.h"

namespace piiscan::cli {

struct FleetCliOptions {
  std::string shard;
  bool claim = false;
  std::string lease = "120s";
  std::string scan_id;
  int nice = 0;
  bool io_idle = false;
  double max_rate_mb = 0;
};

void AddFleetOptions(boost::program_options::options_description& desc, FleetCliOptions& o);

// What the options amount to once checked.
struct Fleet {
  store::FleetPart part;              // written to the store's WriterOptions
  std::chrono::seconds lease{120};    // --claim
  std::string scan_id;                // "" : a new id per run
  std::unique_ptr<RateLimiter> rate;  // --max-rate
};

// Checks the options against the store given (`db`, "" for none) and fills
// `options.shard` / `options.rate`; on a usage error prints it and returns
// the exit code.
std::optional<int> MakeFleet(const FleetCliOptions& o, const std::string& db,
                             scanner::ScanOptions& options, Fleet& fleet);

// The id agents of a fleet run derive alike when --scan-id is not given.
std::string DerivedFleetScanId(const std::vector<std::string>& roots, const store::FleetPart& part,
                               int64_t started_unix_ms);

// Sets info.scan_id to --scan-id, or for a fleet run to the derived id.
void NameRun(const Fleet& fleet, ScanInfo& info);

// Lowers this process's CPU and I/O priority (--nice, --io-idle); call before
// the scan's threads start, which inherit it. Prints a warning when the
// system refuses.
void ApplyPoliteness(const FleetCliOptions& o);

}  // namespace piiscan::cli
