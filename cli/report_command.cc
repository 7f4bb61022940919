// `piiscan report --db FILE`: the current findings of a findings store, or
// what changed since an earlier scan, without reading any scanned file.
#include <boost/program_options.hpp>
#include <iostream>

#include "cli/commands.h"
#include "cli/option_parsing.h"
#include "cli/store_findings.h"
#include "cli/store_html.h"
#include "cli/store_options.h"
#include "cli/store_since.h"
#include "cli/subcommands.h"
#include "reports/csv_sink.h"
#include "reports/jsonl_sink.h"

namespace po = boost::program_options;

namespace piiscan::cli {
namespace {

constexpr const char* kReportUsage =
    "usage: piiscan report [--db FILE] [--since last|SCAN_ID|DATE] [--format jsonl|csv|html] [-o FILE]\n\n"
    "Writes the current findings and status records of the findings store FILE\n"
    "(default: $PIISCAN_DB) in the shape `piiscan scan` writes them (docs/output.md),\n"
    "without reading any scanned file. With --since, only what changed: findings new since\n"
    "that scan and findings resolved since then (their file changed or is gone),\n"
    "each marked \"change\":\"new\" or \"change\":\"resolved\" (JSONL) or in a last\n"
    "`change` column after the usual CSV columns. --format html writes one\n"
    "self-contained page: what is new and resolved (with --since), the current\n"
    "findings by category and file, and the files not read fully; values masked.\n"
    "`last` is the completed scan before the latest completed one;\n"
    "SCAN_ID is a scan_id from `piiscan scans`; DATE is UTC, 2026-12-07 or\n"
    "2026-12-07T13:48[:01][Z].\n\noptions";

// Feeds `sink` the findings grouped per file (the store keeps a file's
// findings together), as a scan would.
class FileGrouper {
 public:
  explicit FileGrouper(reports::Sink& sink) : sink_(sink) {}
  void Add(Finding f) {
    if (!report_.findings.empty() && report_.file != f.file) Flush();
    if (report_.findings.empty()) {
      report_.file = f.file;
      ++summary_.files;
    }
    ++summary_.findings;
    ++summary_.by_detector[f.detector];
    report_.findings.push_back(std::move(f));
  }
  reports::ScanSummary Finish() {
    Flush();
    return summary_;
  }

 private:
  void Flush() {
    if (report_.findings.empty()) return;
    sink_.Item(report_);
    report_ = ItemReport{};
  }
  reports::Sink& sink_;
  ItemReport report_;
  reports::ScanSummary summary_;
};

// The current findings and status records, as `piiscan scan` writes them.
Result<bool> WriteCurrent(store::StoreReader& reader, const ScanInfo& info, const std::string& format,
                          reports::OutputFile out) {
  std::unique_ptr<reports::Sink> sink = format == "csv" ? reports::MakeCsvSink(std::move(out), false)
                                                        : reports::MakeJsonlSink(std::move(out));
  sink->Begin(info);
  FileGrouper grouper(*sink);
  auto visited = reader.CurrentFindings([&](const store::StoredFinding& stored) {
    grouper.Add(stored.finding);
    return true;
  });
  if (!visited) return std::unexpected(visited.error());
  auto summary = grouper.Finish();
  visited = reader.CurrentStatuses([&](const StatusRecord& status) {
    ItemReport r;
    r.file = status.file;
    r.statuses.push_back(status);
    sink->Item(r);
    ++summary.by_status[std::string(FileStatusName(status.status))];
    return true;
  });
  if (!visited) return std::unexpected(visited.error());
  return sink->Finish(summary);
}

// What changed since `base`: JSONL records with a leading "change" field, or
// the usual CSV columns and a last `change` column.
Result<bool> WriteChanges(store::StoreReader& reader, const ScanInfo& info, const store::Since& base,
                          const std::string& format, reports::OutputFile& out) {
  if (format == "jsonl") {
    out.Write(reports::HeaderJson(info) + "\n");
  } else {
    std::string header(reports::CsvHeader(false));
    header.insert(header.size() - 1, ",change");
    out.Write(header);
  }
  auto visited = reader.ChangesSince(base, [&](store::Change change, const store::StoredFinding& stored) {
    const Finding& f = stored.finding;
    std::string_view name = change == store::Change::kNew ? "new" : "resolved";
    std::string line;
    if (format == "jsonl") {
      line = "{\"change\":\"" + std::string(name) + "\",";
      line += reports::FindingJson(f).substr(1);
    } else {
      reports::AppendCsvFinding(line, f, false);
      line += ',';
      line += name;
    }
    line += '\n';
    out.Write(line);
    return true;
  });
  if (!visited) return std::unexpected(visited.error());
  return out.Flush();
}

Result<bool> WriteHtml(store::StoreReader& reader, const std::string& db,
                       const std::vector<store::ScanRecord>& scans, const std::optional<store::Since>& base,
                       reports::OutputFile& out) {
  StoreHtmlReport page(db, scans);
  if (base) {
    auto id = reader.ChangesSince(*base, [&](store::Change change, const store::StoredFinding& f) {
      page.AddChange(change, f);
      return true;
    });
    if (!id) return std::unexpected(id.error());
    page.SetBase(*id);
  }
  auto visited = reader.CurrentFindings([&](const store::StoredFinding& f) {
    page.AddCurrent(f);
    return true;
  });
  if (!visited) return std::unexpected(visited.error());
  visited = reader.CurrentStatuses([&](const StatusRecord& s) {
    page.AddStatus(s);
    return true;
  });
  if (!visited) return std::unexpected(visited.error());
  auto html = page.Render();
  if (!html) return std::unexpected(html.error());
  out.Write(*html);
  return out.Flush();
}

}  // namespace

int RunReport(int argc, char** argv) {
  const std::string who = "piiscan report";
  std::string db, since, format = "jsonl", output = "-";
  po::options_description desc(kReportUsage);
  desc.add_options()
      ("help,h", "show this help")
      ("db", po::value(&db), "the findings store (default: $PIISCAN_DB)")
      ("since", po::value(&since), "only what is new or resolved since: last, a SCAN_ID or a DATE")
      ("format", po::value(&format), "jsonl (default), csv or html")
      ("output,o", po::value(&output), "write to FILE (created mode 0600); '-' = stdout (default)");
  po::variables_map vm;
  if (auto done = ParseCommandLine(argc, argv, desc, desc, nullptr, who, vm)) return *done;
  db = DbPath(db);
  if (db.empty()) {
    std::cerr << who << ": --db FILE (or PIISCAN_DB) is needed\n";
    return kExitUsage;
  }
  if (format != "jsonl" && format != "csv" && format != "html") {
    std::cerr << who << ": --format must be jsonl, csv or html\n";
    return kExitUsage;
  }
  auto store = OpenStoreOrReport(db, /*create=*/false, who);
  if (!store) return store.error();
  auto reader = (*store)->OpenReader();
  auto fail = [&](const Error& e) {
    std::cerr << who << ": store " << StoreName(db) << ": " << e.message << "\n";
    return kExitFailure;
  };
  if (!reader) return fail(reader.error());
  auto scans = (*reader)->Scans();
  if (!scans) return fail(scans.error());
  std::optional<store::Since> base;
  if (!since.empty()) {
    base = ParseSince(since, *scans);
    if (!base) {
      std::cerr << who << ": --since must be last, a scan id listed by `piiscan scans`, or a date "
                << "(2026-12-07 or 2026-12-07T13:48:01Z)\n";
      return kExitUsage;
    }
  }
  auto out = reports::OutputFile::Open(output);
  if (!out) {
    std::cerr << who << ": " << out.error().message << "\n";
    return kExitFailure;
  }
  ScanInfo info;
  if (auto latest = LatestScan(*scans)) info = latest->info;
  Result<bool> written = true;
  if (format == "html") {
    written = WriteHtml(**reader, db, *scans, base, *out);
  } else if (!base) {
    written = WriteCurrent(**reader, info, format, std::move(*out));
  } else {
    written = WriteChanges(**reader, info, *base, format, *out);
  }
  if (!written) return fail(written.error());
  if (!*written) {
    std::cerr << who << ": could not write " << output << "\n";
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace piiscan::cli
