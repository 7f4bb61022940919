// `piiscan scan PATH...`: walk, extract, detect, write findings.
#include <unistd.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/audit_options.h"
#include "cli/commands.h"
#include "cli/option_parsing.h"
#include "cli/scan_setup.h"
#include "cli/fleet_options.h"
#include "cli/store_options.h"
#include "cli/subcommands.h"
#include "core/keyed_hash.h"
#include "detectors/engine.h"
#include "reports/csv_sink.h"
#include "reports/jsonl_sink.h"
#include "reports/summary_text.h"
#include "scanner/detector_consumer.h"
#include "scanner/scan.h"
#include "cli/scan_store.h"

namespace po = boost::program_options;

namespace piiscan::cli {
namespace {

constexpr const char* kScanUsage =
    "usage: piiscan scan [options] PATH...\n\n"
    "Walks files, folders and mail exports under each PATH (read-only: nothing is\n"
    "written, renamed or touched, not even access times), extracts text from every\n"
    "supported format (see `piiscan formats`), runs the detectors (see `piiscan\n"
    "detectors`) and writes one JSON object per finding: per value, file,\n"
    "location and detector, with a count of its occurrences and the first\n"
    "position (docs/output.md). Values are masked and hashed (HMAC-SHA-256)\n"
    "unless --show-values is given. The stream opens with a header record (the\n"
    "scan's identity) and ends with a summary record. Files that cannot be\n"
    "read fully get a status record (encrypted, corrupt, too_large, unsupported,\n"
    "unreadable, limit). A summary goes to stderr; Ctrl-C stops cleanly.\n\n"
    "With --register R.yaml the findings are also held against the register in\n"
    "the same run (as `piiscan audit` does): gap summary on stderr, --report\n"
    "FILE.html and --xlsx FILE.xlsx for people, --fail-on for cron and CI.\n\n"
    "With --db FILE (default: $PIISCAN_DB) the scan is recorded in a findings\n"
    "store: files unchanged since the last scan with the same settings are not\n"
    "read again (their stored findings are still written), a scan killed halfway\n"
    "resumes where it stopped, and `piiscan scans`, `piiscan report` and\n"
    "`piiscan audit --db` read the store later.\n\noptions";

}  // namespace

int RunScan(int argc, char** argv) {
  // Before anything slow (compiling the rules takes a moment): a Ctrl-C
  // during start-up then ends the scan cleanly too.
  auto& stop = InterruptFlag();
  std::string output = "-", format = "jsonl", min_conf = "medium";
  bool show_values = false, each_occurrence = false;
  StoreCliOptions store_cli;
  WalkCliOptions walk;
  po::options_description desc(kScanUsage);
  desc.add_options()
      ("help,h", "show this help")
      ("output,o", po::value(&output), "write findings to FILE (created mode 0600); '-' = stdout (default)")
      ("format", po::value(&format), "jsonl (default) or csv")
      ("show-values", po::bool_switch(&show_values), "include the normalised raw value in each finding")
      ("each-occurrence", po::bool_switch(&each_occurrence),
       "one record per occurrence (default: one per value, file, location and detector, with a count)")
      ("min-confidence", po::value(&min_conf), "low, medium (default) or high: drop findings below")
      ("detectors", po::value(&walk.detectors),
       "run only these detectors: IDs separated by commas (see `piiscan detectors`); repeatable")
      ("skip-detectors", po::value(&walk.skip_detectors), "run all detectors but these IDs (commas; repeatable)");
  AddStoreOptions(desc, store_cli);
  FleetCliOptions fleet_cli;
  AddFleetOptions(desc, fleet_cli);
  AddWalkOptions(desc, walk);
  AuditCliOptions audit;
  AddAuditOptions(desc, audit, /*with_findings=*/false);
  po::variables_map vm;
  if (auto done = ParseWalkCommandLine(argc, argv, desc, walk, "piiscan scan", vm)) return *done;
  scanner::ScanOptions options;
  if (auto bad = MakeScanOptions(walk, "piiscan scan", options)) return *bad;
  if (format != "jsonl" && format != "csv") {
    std::cerr << "piiscan scan: --format must be jsonl or csv\n";
    return kExitUsage;
  }
  auto conf = ParseConfidence(min_conf);
  if (!conf) {
    std::cerr << "piiscan scan: --min-confidence must be low, medium or high\n";
    return kExitUsage;
  }

  std::optional<PreparedAudit> prepared;
  if (!audit.register_file.empty()) {
    audit.min_confidence = min_conf;
    audit.rules_dir = walk.rules_dir;
    auto p = PrepareAudit(audit, "piiscan scan");
    if (!p) return p.error();
    prepared = std::move(*p);
  } else if (!audit.report.empty() || !audit.xlsx.empty() || !audit.fail_on.empty()) {
    std::cerr << "piiscan scan: --report, --xlsx and --fail-on need --register R.yaml\n";
    return kExitUsage;
  }

  Fleet fleet;
  if (auto bad = MakeFleet(fleet_cli, DbPath(store_cli.db), options, fleet)) return *bad;
  ScanStoreRequest request;
  if (auto bad = MakeScanStoreRequest(store_cli, show_values, each_occurrence, fleet.part, request))
    return *bad;
  ScanStore scan_store;
  if (auto failed = scan_store.Open(request, options)) return *failed;

  ScanSetup setup;
  if (auto failed = LoadScanSetup(walk, "piiscan scan", {}, setup)) return *failed;
  auto out = reports::OutputFile::Open(output);
  if (!out) {
    std::cerr << "piiscan scan: " << out.error().message << "\n";
    return kExitFailure;
  }
  std::unique_ptr<reports::Sink> sink = format == "csv"
                                            ? reports::MakeCsvSink(std::move(*out), show_values)
                                            : reports::MakeJsonlSink(std::move(*out));
  detectors::FindingOptions fo{show_values, *conf, &*setup.hasher, !each_occurrence};
  // A store answers name queries later (person --db) by the name keys of
  // person_name and e-mail findings; without a store they cost nothing.
  const bool storing = !DbPath(store_cli.db).empty();
  std::optional<detectors::NameKeyer> name_keyer;
  if (storing) {
    auto prefixes = detectors::NameKeyer::LoadPrefixes(setup.rules);
    if (!prefixes) {
      std::cerr << "piiscan scan: " << prefixes.error().message << "\n";
      return kExitFailure;
    }
    name_keyer.emplace(std::move(*prefixes), *setup.hasher);
    fo.name_keyer = &*name_keyer;
  }
  std::vector<reports::Sink*> sinks = {sink.get()};
  std::optional<audit::Auditor> auditor;
  std::unique_ptr<reports::Sink> audit_sink;
  if (prepared) {
    auditor.emplace(prepared->reg, prepared->options);
    audit_sink = audit::MakeAuditSink(*auditor);
    sinks.push_back(audit_sink.get());
  }
  std::vector<std::string> result_options = {
      "min_confidence=" + std::string(ConfidenceName(*conf)),
      std::string("show_values=") + (show_values ? "true" : "false"),
      std::string("each_occurrence=") + (each_occurrence ? "true" : "false")};
  // Files a store recorded before it kept name keys are read once more.
  if (storing) result_options.push_back("name_keys=1");
  auto info = MakeScanInfo("scan", options, setup, std::move(result_options));
  NameRun(fleet, info);
  if (auto failed = scan_store.Begin(info, fleet, options, stop)) return *failed;
  if (auto* recorder = scan_store.sink()) sinks.push_back(recorder);
  ApplyPoliteness(fleet_cli);
  auto summary =
      scanner::RunScan(options, info, scanner::DetectorConsumerFactory(setup.engine, fo), sinks, stop);
  bool written = sink->Finish(summary);
  if (audit_sink) audit_sink->Finish(summary);
  if (!walk.quiet) std::cerr << reports::SummaryText(summary);
  if (auto failed = scan_store.Finish(summary, walk.quiet)) return *failed;
  if (!written) {
    std::cerr << "piiscan scan: could not write all findings to " << output << "\n";
    return kExitFailure;
  }
  if (summary.interrupted) {
    // What was read is still worth an audit; say that it is partial.
    if (prepared) {
      std::cerr << "piiscan scan: interrupted: the audit outputs cover only the " << summary.files
                << " files read before the interruption\n";
      FinishAudit(std::move(*auditor).Finish(), *prepared, "piiscan scan");
    }
    return kExitInterrupted;
  }
  if (prepared) return FinishAudit(std::move(*auditor).Finish(), *prepared, "piiscan scan");
  return kExitOk;
}

}  // namespace piiscan::cli
