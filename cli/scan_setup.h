#pragma once
// What the subcommands that walk files (scan, person) share: the walking
// options (threads, excludes, limits, progress, hash key, rules), parsing the
// command line with PATH... positionals, checking the paths, and loading the
// rules, the engine and the hash key. Each step prints its own message
// ("piiscan COMMAND: ...") and yields the exit code on failure.
// Not thread-safe (command-line handling).

#include <boost/program_options.hpp>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/keyed_hash.h"
#include "core/scan_info.h"
#include "detectors/engine.h"
#include "rules/detector_spec.h"
#include "scanner/scan_options.h"

namespace piiscan::cli {

struct WalkCliOptions {
  std::vector<std::string> paths, excludes;
  unsigned threads = 0;
  int max_depth = 8;
  unsigned file_timeout = 60;
  std::string max_file_size, max_member_in_memory, hash_key, rules_dir;
  std::vector<std::string> detectors, skip_detectors;  // scan only: --detectors, --skip-detectors
  bool follow = false, progress = false, no_progress = false, quiet = false;
};

// Adds --threads, --exclude, --max-file-size, --max-depth,
// --max-member-in-memory, --file-timeout, --follow-symlinks,
// --progress, --no-progress, --quiet, --hash-key-file and --rules.
void AddWalkOptions(boost::program_options::options_description& desc, WalkCliOptions& o);

// Parses argv (options of `desc`, the rest PATHs into o.paths). Returns an
// exit code when the command is done (--help printed, or a usage error).
std::optional<int> ParseWalkCommandLine(int argc, char** argv, const boost::program_options::options_description& desc,
                                        WalkCliOptions& o, std::string_view command,
                                        boost::program_options::variables_map& vm,
                                        bool require_paths = true);

// Checks the paths and limits and fills `out` (paths, threads, excludes,
// symlinks, progress, limits). Returns an exit code on a usage error.
std::optional<int> MakeScanOptions(const WalkCliOptions& o, std::string_view command, scanner::ScanOptions& out);

struct ScanSetup {
  rules::RuleSet rules;
  std::shared_ptr<const detectors::Engine> engine;
  std::optional<KeyedHasher> hasher;
};

// Loads the rules (embedded or --rules), narrows them to --detectors /
// --skip-detectors, builds the engine and loads the hash key. Returns an
// exit code on failure (an unknown detector id is a usage error).
// `build_engine` false leaves ScanSetup::engine null (a command that reads
// no file: person --db).
std::optional<int> LoadScanSetup(const WalkCliOptions& o, std::string_view command,
                                 detectors::EngineOptions engine_options, ScanSetup& out,
                                 bool build_engine = true);

// The scan's identity (core/scan_info.h) for `command` ("scan", "person"):
// versions, key fingerprint, roots, and the options that change results —
// the selected detectors and the limits, plus `extra` ("name=value", e.g.
// "min_confidence=medium") — stamped with a new scan id and the start time.
ScanInfo MakeScanInfo(std::string_view command, const scanner::ScanOptions& options, const ScanSetup& setup,
                      std::vector<std::string> extra);

}  // namespace piiscan::cli
