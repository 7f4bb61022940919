// `piiscan scan PATH...`: walk, extract, detect, write findings.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/option_parsing.h"
#include "cli/subcommands.h"
#include "core/keyed_hash.h"
#include "detectors/engine.h"
#include "reports/csv_sink.h"
#include "reports/jsonl_sink.h"
#include "reports/summary_text.h"
#include "rules/rule_loader.h"
#include "scanner/detector_consumer.h"
#include "scanner/scan.h"

namespace po = boost::program_options;

namespace piiscan::cli {
namespace {

constexpr const char* kScanUsage =
    "usage: piiscan scan [options] PATH...\n\n"
    "Walks files, folders and mail exports under each PATH (read-only: nothing is\n"
    "written, renamed or touched, not even access times), extracts text from every\n"
    "supported format (see `piiscan formats`), runs the detectors (see `piiscan\n"
    "detectors`) and writes one JSON object per finding. Values are masked and\n"
    "hashed (HMAC-SHA-256) unless --show-values is given. Files that cannot be\n"
    "read fully get a status record (encrypted, corrupt, too_large, unsupported,\n"
    "unreadable, limit). A summary goes to stderr; Ctrl-C stops cleanly.\n\noptions";

}  // namespace

int RunScan(int argc, char** argv) {
  std::string output = "-", format = "jsonl", min_conf = "medium", max_file_size, hash_key, rules_dir;
  std::vector<std::string> paths, excludes;
  unsigned threads = 0;
  int max_depth = 8;
  bool show_values = false, no_progress = false, progress = false, follow = false, quiet = false;
  po::options_description desc(kScanUsage);
  desc.add_options()
      ("help,h", "show this help")
      ("output,o", po::value(&output), "write findings to FILE (created mode 0600); '-' = stdout (default)")
      ("format", po::value(&format), "jsonl (default) or csv")
      ("threads,j", po::value(&threads), "worker threads (default: all cores)")
      ("show-values", po::bool_switch(&show_values), "include the normalised raw value in each finding")
      ("min-confidence", po::value(&min_conf), "low, medium (default) or high: drop findings below")
      ("exclude", po::value(&excludes), "skip paths matching GLOB (repeatable; '*.log', 'backup/**')")
      ("max-file-size", po::value(&max_file_size), "skip files larger than SIZE (e.g. 2G) with status too_large")
      ("max-depth", po::value(&max_depth), "container nesting limit (default 8)")
      ("follow-symlinks", po::bool_switch(&follow), "follow symbolic links (loops are detected)")
      ("progress", po::bool_switch(&progress), "show a progress line on the terminal (default when stderr is one)")
      ("no-progress", po::bool_switch(&no_progress), "no progress line")
      ("quiet,q", po::bool_switch(&quiet), "no summary on stderr")
      ("hash-key-file", po::value(&hash_key), "key for value_hash (default: per-user key in ~/.config/piiscan)")
      ("rules", po::value(&rules_dir), "load detector rules from DIR instead of the built-in set");
  po::options_description hidden;
  hidden.add_options()("path", po::value(&paths));
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description pos;
  pos.add("path", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "piiscan scan: " << e.what() << " (see piiscan scan --help)\n";
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << desc << "\n";
    return kExitOk;
  }
  if (paths.empty()) {
    std::cerr << "piiscan scan: no PATH given (see piiscan scan --help)\n";
    return kExitUsage;
  }
  for (const auto& p : paths) {
    std::error_code ec;
    if (!std::filesystem::exists(p, ec)) {
      std::cerr << "piiscan scan: " << p << ": no such file or directory\n";
      return kExitUsage;
    }
  }
  if (format != "jsonl" && format != "csv") {
    std::cerr << "piiscan scan: --format must be jsonl or csv\n";
    return kExitUsage;
  }
  auto conf = ParseConfidence(min_conf);
  if (!conf) {
    std::cerr << "piiscan scan: --min-confidence must be low, medium or high\n";
    return kExitUsage;
  }
  scanner::ScanOptions options;
  options.paths = paths;
  options.threads = threads;
  options.excludes = excludes;
  options.follow_symlinks = follow;
  options.show_values = show_values;
  options.min_confidence = *conf;
  options.progress = !no_progress;
  options.limits.max_depth = max_depth;
  if (!max_file_size.empty()) {
    auto size = ParseSize(max_file_size);
    if (!size) {
      std::cerr << "piiscan scan: --max-file-size: cannot read '" << max_file_size << "' (e.g. 500M, 2G)\n";
      return kExitUsage;
    }
    options.limits.max_file_size = *size;
  }

  auto rules = rules::LoadRules(rules_dir);
  if (!rules) {
    std::cerr << "piiscan scan: rules: " << rules.error().message << "\n";
    return kExitFailure;
  }
  auto engine = detectors::Engine::Build(*rules);
  if (!engine) {
    std::cerr << "piiscan scan: " << engine.error().message << "\n";
    return kExitFailure;
  }
  auto hasher = KeyedHasher::Load(hash_key);
  if (!hasher) {
    std::cerr << "piiscan scan: " << hasher.error().message << "\n";
    return kExitFailure;
  }
  auto out = reports::OutputFile::Open(output);
  if (!out) {
    std::cerr << "piiscan scan: " << out.error().message << "\n";
    return kExitFailure;
  }
  std::unique_ptr<reports::Sink> sink = format == "csv"
                                            ? reports::MakeCsvSink(std::move(*out), show_values)
                                            : reports::MakeJsonlSink(std::move(*out));
  detectors::FindingOptions fo{show_values, *conf, &*hasher};
  auto& stop = InterruptFlag();
  auto summary = scanner::RunScan(options, scanner::DetectorConsumerFactory(*engine, fo), {sink.get()}, stop);
  bool written = sink->Finish(summary);
  if (!quiet) std::cerr << reports::SummaryText(summary);
  if (!written) {
    std::cerr << "piiscan scan: could not write all findings to " << output << "\n";
    return kExitFailure;
  }
  return summary.interrupted ? kExitInterrupted : kExitOk;
}

}  // namespace piiscan::cli
