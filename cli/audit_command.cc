// `piiscan audit --register R.yaml --findings F.jsonl`: hold findings against
// the register of processing and report the gaps.
#include <iostream>

#include "cli/audit_options.h"
#include "cli/audit_trends_store.h"
#include "cli/commands.h"
#include "cli/option_parsing.h"
#include "cli/store_findings.h"
#include "cli/store_options.h"
#include "cli/subcommands.h"
#include "reports/findings_reader.h"

namespace po = boost::program_options;

namespace piiscan::cli {
namespace {

constexpr const char* kAuditUsage =
    "usage: piiscan audit --register R.yaml (--findings F.jsonl | --db FILE) [options]\n\n"
    "Holds the findings of a scan against the register of processing and reports\n"
    "the gaps: undeclared_category, undeclared_location, retention_exceeded,\n"
    "special_category, bsn_without_basis, id_copy, unscanned, and (info)\n"
    "declared_not_found; each with a severity (critical, high, medium, low, info),\n"
    "evidence counts, the files concerned and masked samples (raw values are never\n"
    "copied, even from findings written with --show-values). The register format\n"
    "and the severity rule are in docs/register.md; `piiscan register draft`\n"
    "writes a first register from a privacy statement. With --db FILE (default:\n"
    "$PIISCAN_DB, when --findings is not given) the current findings of a findings\n"
    "store are audited instead of a findings file, but for those triage verdicts\n"
    "leave out (`piiscan triage`; counted in a warning; --include-triaged audits them),\n"
    "and the reports add trends: findings and gaps per system and category at each of\n"
    "the last completed scans, and what is new or resolved since the previous\n"
    "completed scan.\n\n"
    "exit codes: 0 done; 1 --fail-on triggered; 2 usage error, bad register or\n"
    "findings file; 3 an output could not be written.\n\noptions";

}  // namespace

int RunAudit(int argc, char** argv) {
  const std::string who = "piiscan audit";
  AuditCliOptions ao;
  po::options_description desc(kAuditUsage);
  std::string db;
  size_t trend_scans = 30;
  StoreReadOptions read_options;
  desc.add_options()("help,h", "show this help")(
      "db", po::value(&db), "audit the current findings of this findings store (default: $PIISCAN_DB)")(
      "trend-scans", po::value(&trend_scans),
      "with --db: trends over the last N completed scans (default 30; 0 = no trends)")(
      "include-triaged", po::bool_switch(&read_options.include_triaged),
      "with --db: audit the findings triage verdicts leave out too");
  AddAuditOptions(desc, ao, /*with_findings=*/true);
  po::variables_map vm;
  if (auto done = ParseCommandLine(argc, argv, desc, desc, nullptr, who, vm)) return *done;
  if (ao.findings.empty()) db = DbPath(db);
  if (ao.findings.empty() == db.empty()) {
    std::cerr << who << ": give either --findings F.jsonl or --db FILE (see piiscan audit --help)\n";
    return kExitUsage;
  }
  std::unique_ptr<store::Store> store;
  std::unique_ptr<store::StoreReader> reader;
  std::vector<store::ScanRecord> scans;
  if (!db.empty()) {
    auto s = OpenStoreOrReport(db, /*create=*/false, who);
    if (!s) return s.error();
    store = std::move(*s);
    auto r = store->OpenReader();
    auto listed = r ? (*r)->Scans() : Result<std::vector<store::ScanRecord>>(std::unexpected(r.error()));
    if (!listed) {
      std::cerr << who << ": store " << StoreName(db) << ": " << listed.error().message << "\n";
      return kExitFailure;
    }
    reader = std::move(*r);
    scans = std::move(*listed);
  }
  // The verdicts, loaded once for the findings and the trends.
  std::optional<store::TriageMatcher> triage;
  if (reader) {
    auto t = LoadTriage(*reader, scans);
    if (!t) {
      std::cerr << who << ": store " << StoreName(db) << ": " << t.error().message << "\n";
      return kExitFailure;
    }
    triage.emplace(std::move(*t));
    read_options.triage = &*triage;
  }
  auto prepared = PrepareAudit(ao, who);
  if (!prepared) return prepared.error();
  audit::Auditor auditor(prepared->reg, prepared->options);
  auto stats = reader ? ReadStoreFindings(*reader, scans, auditor, read_options) : reports::ReadFindingsFile(ao.findings, auditor);
  if (!stats) {
    std::cerr << who << ": " << (reader ? "store " + db + ": " : "") << stats.error().message << "\n";
    // A findings file that cannot be read is bad input; a store that cannot
    // be read is a failure, as every other store error (exit 3).
    return reader ? kExitFailure : kExitUsage;
  }
  for (const auto& w : stats->warnings) {
    std::cerr << who << ": warning: " << w << "\n";
    auditor.AddWarning(w);
  }
  auto result = std::move(auditor).Finish();
  if (reader && trend_scans > 0) {
    auto trends = ReadAuditTrends(*reader, scans, prepared->reg, prepared->options.min_confidence,
                                  trend_scans, &*triage, read_options.include_triaged);
    if (!trends) {
      std::cerr << who << ": store " << StoreName(db) << ": " << trends.error().message << "\n";
      return kExitFailure;
    }
    result.trends = std::move(*trends);
  }
  return FinishAudit(result, *prepared, who);
}

}  // namespace piiscan::cli
