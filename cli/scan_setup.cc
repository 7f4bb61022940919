#include "cli/scan_setup.h"

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/option_parsing.h"
#include "core/version.h"
#include "rules/detector_selection.h"
#include "rules/rule_loader.h"

namespace po = boost::program_options;

namespace piiscan::cli {

void AddWalkOptions(po::options_description& desc, WalkCliOptions& o) {
  desc.add_options()
      ("threads,j", po::value(&o.threads), "worker threads (default: all cores)")
      ("exclude", po::value(&o.excludes), "skip paths matching GLOB (repeatable; '*.log', 'backup/**')")
      ("max-file-size", po::value(&o.max_file_size), "skip files larger than SIZE (e.g. 2G) with status too_large")
      ("max-depth", po::value(&o.max_depth), "container nesting limit (default 8)")
      ("max-member-in-memory", po::value(&o.max_member_in_memory),
       "archive members one worker may hold whole in memory, all nesting levels together (default 64M)")
      ("file-timeout", po::value(&o.file_timeout),
       "end a PDF, Office, mail or archive reader that gives no sign of progress on a file for SECONDS "
       "(default 60); the file gets status limit")
      ("follow-symlinks", po::bool_switch(&o.follow), "follow symbolic links (loops are detected)")
      ("progress", po::bool_switch(&o.progress), "show a progress line on the terminal (default when stderr is one)")
      ("no-progress", po::bool_switch(&o.no_progress), "no progress line")
      ("quiet,q", po::bool_switch(&o.quiet), "no summary on stderr")
      ("hash-key-file", po::value(&o.hash_key), "key for value_hash (default: per-user key in ~/.config/piiscan)")
      ("rules", po::value(&o.rules_dir), "load detector rules from DIR instead of the built-in set");
}

std::optional<int> ParseWalkCommandLine(int argc, char** argv, const po::options_description& desc,
                                        WalkCliOptions& o, std::string_view command, po::variables_map& vm,
                                        bool require_paths) {
  po::options_description hidden;
  hidden.add_options()("path", po::value(&o.paths));
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description pos;
  pos.add("path", -1);
  if (auto done = ParseCommandLine(argc, argv, all, desc, &pos, command, vm)) return done;
  if (require_paths && o.paths.empty()) {
    std::cerr << command << ": no PATH given (see " << command << " --help)\n";
    return kExitUsage;
  }
  return std::nullopt;
}

std::optional<int> MakeScanOptions(const WalkCliOptions& o, std::string_view command, scanner::ScanOptions& out) {
  for (const auto& p : o.paths) {
    std::error_code ec;
    if (!std::filesystem::exists(p, ec)) {
      std::cerr << command << ": " << p << ": no such file or directory\n";
      return kExitUsage;
    }
  }
  out.paths = o.paths;
  out.threads = o.threads;
  out.excludes = o.excludes;
  out.follow_symlinks = o.follow;
  out.progress = !o.no_progress;
  out.limits.max_depth = o.max_depth;
  if (!o.max_file_size.empty()) {
    auto size = ParseSize(o.max_file_size);
    if (!size) {
      std::cerr << command << ": --max-file-size: cannot read '" << o.max_file_size << "' (e.g. 500M, 2G)\n";
      return kExitUsage;
    }
    out.limits.max_file_size = *size;
  }
  if (!o.max_member_in_memory.empty()) {
    auto size = ParseSize(o.max_member_in_memory);
    if (!size || *size == 0) {
      std::cerr << command << ": --max-member-in-memory: cannot read '" << o.max_member_in_memory
                << "' (e.g. 16M, 1G)\n";
      return kExitUsage;
    }
    out.limits.max_member_in_memory = *size;
  }
  if (o.file_timeout == 0) {
    std::cerr << command << ": --file-timeout: must be at least 1 second\n";
    return kExitUsage;
  }
  out.limits.file_timeout = std::chrono::seconds(o.file_timeout);
  return std::nullopt;
}

std::optional<int> LoadScanSetup(const WalkCliOptions& o, std::string_view command,
                                 detectors::EngineOptions engine_options, ScanSetup& out,
                                 bool build_engine) {
  auto rules = rules::LoadRules(o.rules_dir);
  if (!rules) {
    std::cerr << command << ": rules: " << rules.error().message << "\n";
    return kExitFailure;
  }
  if (auto chosen = rules::SelectDetectors(*rules, o.detectors, o.skip_detectors); !chosen) {
    std::cerr << command << ": --detectors: " << chosen.error().message << "\n";
    return kExitUsage;
  }
  Result<std::shared_ptr<const detectors::Engine>> engine = nullptr;
  if (build_engine) engine = detectors::Engine::Build(*rules, engine_options);
  if (!engine) {
    std::cerr << command << ": " << engine.error().message << "\n";
    return kExitFailure;
  }
  auto hasher = KeyedHasher::Load(o.hash_key);
  if (!hasher) {
    std::cerr << command << ": " << hasher.error().message << "\n";
    return kExitFailure;
  }
  out.rules = std::move(*rules);
  out.engine = std::move(*engine);
  out.hasher.emplace(std::move(*hasher));
  return std::nullopt;
}

namespace {

std::string ShortNumber(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace

ScanInfo MakeScanInfo(std::string_view command, const scanner::ScanOptions& options, const ScanSetup& setup,
                      std::vector<std::string> extra) {
  ScanInfo info;
  info.command = std::string(command);
  info.piiscan_version = kVersion;
  info.rules_version = rules::RulesVersion(setup.rules);
  info.key_fingerprint = setup.hasher ? setup.hasher->Fingerprint() : "";
  info.roots = options.paths;
  std::string ids;
  for (const auto& d : setup.rules.detectors) ids += (ids.empty() ? "" : ",") + d.id;
  const Limits& l = options.limits;
  info.result_options = std::move(extra);
  for (std::string o : {"detectors=" + ids, "max_depth=" + std::to_string(l.max_depth),
                        "max_file_size=" + std::to_string(l.max_file_size),
                        "max_expanded_bytes=" + std::to_string(l.max_expanded_bytes),
                        "max_member_size=" + std::to_string(l.max_member_size),
                        "max_members=" + std::to_string(l.max_members),
                        "max_ratio=" + ShortNumber(l.max_ratio),
                        "max_member_in_memory=" + std::to_string(l.max_member_in_memory),
                        "max_time_per_file=" + std::to_string(l.max_time_per_file.count()),
                        "file_timeout=" + std::to_string(l.file_timeout.count())}) {
    info.result_options.push_back(std::move(o));
  }
  StampScanInfo(info);
  return info;
}

}  // namespace piiscan::cli
