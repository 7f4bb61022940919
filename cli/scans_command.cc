// `piiscan scans --db FILE`: the runs recorded in a findings store.
#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/option_parsing.h"
#include "cli/store_options.h"
#include "cli/subcommands.h"
#include "core/scan_info.h"

namespace po = boost::program_options;

namespace piiscan::cli {
namespace {

constexpr const char* kScansUsage =
    "usage: piiscan scans [--db FILE] [--format text|json]\n\n"
    "Lists the scans recorded in the findings store FILE (default: $PIISCAN_DB),\n"
    "oldest first: id, started, finished, status (completed, interrupted,\n"
    "running), files read and skipped as unchanged, files gone, current findings,\n"
    "new and resolved findings, and the PATHs scanned; below a fleet run\n"
    "(--shard, --claim) its agents. Reads only the store.\n\noptions";

std::string Roots(const std::vector<std::string>& roots) {
  std::string o;
  for (const auto& r : roots) {
    if (!o.empty()) o += ' ';
    o += r;
  }
  return o;
}

nlohmann::json ScanJson(const store::ScanRecord& s) {
  nlohmann::json j = {
      {"id", s.id},
      {"scan_id", s.info.scan_id},
      {"started", IsoTimeUtc(s.info.started_unix_ms)},
      {"finished", s.finished_unix_ms ? nlohmann::json(IsoTimeUtc(*s.finished_unix_ms)) : nlohmann::json()},
      {"status", std::string(store::ScanStatusName(s.status))},
      {"interrupted", s.status == store::ScanStatus::kInterrupted},
      {"roots", s.info.roots},
      {"host", s.info.host},
      {"piiscan_version", s.info.piiscan_version},
      {"rules_version", s.info.rules_version},
      {"config_fingerprint", s.info.config_fingerprint},
      {"values_stored", s.values_stored},
      {"files_read", s.files_read},
      {"files_skipped", s.files_skipped},
      {"files_gone", s.files_gone},
      {"findings", s.findings},
      {"new", s.new_findings},
      {"resolved", s.resolved},
      {"mode", s.mode},
      {"agents", nlohmann::json::array()},
  };
  for (const auto& a : s.agents) {
    j["agents"].push_back({
        {"host", a.host},
        {"pid", a.pid},
        {"shard", a.shard ? nlohmann::json(*a.shard) : nlohmann::json()},
        {"started", IsoTimeUtc(a.started_unix_ms)},
        {"finished", a.finished_unix_ms ? nlohmann::json(IsoTimeUtc(*a.finished_unix_ms)) : nlohmann::json()},
        {"status", std::string(store::ScanStatusName(a.status))},
        {"files_read", a.files_read},
        {"files_skipped", a.files_skipped},
    });
  }
  return j;
}

}  // namespace

int RunScans(int argc, char** argv) {
  std::string db, format = "text";
  po::options_description desc(kScansUsage);
  desc.add_options()
      ("help,h", "show this help")
      ("db", po::value(&db), "the findings store (default: $PIISCAN_DB)")
      ("format", po::value(&format), "text (default) or json (one object per line)");
  po::variables_map vm;
  if (auto done = ParseCommandLine(argc, argv, desc, desc, nullptr, "piiscan scans", vm)) return *done;
  db = DbPath(db);
  if (db.empty() || (format != "text" && format != "json")) {
    std::cerr << "piiscan scans: " << (db.empty() ? "--db FILE (or PIISCAN_DB) is needed" : "--format must be text or json")
              << "\n";
    return kExitUsage;
  }
  auto store = OpenStoreOrReport(db, /*create=*/false, "piiscan scans");
  if (!store) return store.error();
  auto reader = (*store)->OpenReader();
  if (!reader) {
    std::cerr << "piiscan scans: " << reader.error().message << "\n";
    return kExitFailure;
  }
  auto scans = (*reader)->Scans();
  if (!scans) {
    std::cerr << "piiscan scans: " << scans.error().message << "\n";
    return kExitFailure;
  }
  if (format == "json") {
    for (const auto& s : *scans) std::cout << ScanJson(s).dump() << "\n";
    return kExitOk;
  }
  std::printf("%-4s  %-20s  %-20s  %-11s  %8s  %8s  %6s  %8s  %6s  %8s  %s\n", "id", "started", "finished", "status",
              "read", "skipped", "gone", "findings", "new", "resolved", "roots");
  for (const auto& s : *scans) {
    std::string finished = s.finished_unix_ms ? IsoTimeUtc(*s.finished_unix_ms) : "-";
    std::printf("%-4lld  %-20s  %-20s  %-11s  %8llu  %8llu  %6llu  %8llu  %6llu  %8llu  %s%s\n",
                static_cast<long long>(s.id), IsoTimeUtc(s.info.started_unix_ms).c_str(), finished.c_str(),
                std::string(store::ScanStatusName(s.status)).c_str(),
                static_cast<unsigned long long>(s.files_read), static_cast<unsigned long long>(s.files_skipped),
                static_cast<unsigned long long>(s.files_gone), static_cast<unsigned long long>(s.findings),
                static_cast<unsigned long long>(s.new_findings), static_cast<unsigned long long>(s.resolved),
                Roots(s.info.roots).c_str(), s.values_stored ? "  (raw values stored)" : "");
    // A fleet run: its agents, one line each, below the run.
    if (s.mode == "single") continue;
    for (const auto& a : s.agents) {
      std::string shard = a.shard ? "shard " + std::to_string(*a.shard) : s.mode;
      std::printf("      agent %s pid %lld, %s: %s, %llu read, %llu skipped\n", a.host.c_str(),
                  static_cast<long long>(a.pid), shard.c_str(),
                  std::string(store::ScanStatusName(a.status)).c_str(),
                  static_cast<unsigned long long>(a.files_read),
                  static_cast<unsigned long long>(a.files_skipped));
    }
  }
  return kExitOk;
}

}  // namespace piiscan::cli
