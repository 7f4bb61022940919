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
    "usage: piiscan report [--db FILE] [--since last|SCAN_ID|DATE] [--format jsonl|csv|html] [-o FILE]\n"
    "                      [--include-triaged]\n\n"
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
    "2026-12-07T13:48[:01][Z].\n"
    "Findings under a triage verdict (`piiscan triage`) are left out and counted on\n"
    "standard error; --include-triaged writes them too, each with a \"triage\" object\n"
    "(JSONL: id, verdict, note, by, at, and \"reopened\":true for a remediated\n"
    "finding a later scan still saw), a last `triage` column (CSV) or a mark (HTML).\n"
    "A reopened finding is always written.\n\noptions";

// One line per record, JSONL or CSV, as `piiscan scan` writes them (the same
// functions); with --include-triaged each finding also carries its verdict:
// a "triage" object (JSONL) or a last `triage` column (CSV).
class RecordWriter {
 public:
  RecordWriter(reports::OutputFile& out, bool csv, bool marks) : out_(out), csv_(csv), marks_(marks) {}

  void Header(const ScanInfo& info, std::string_view extra_csv_column = {}) {
    if (!csv_) {
      out_.Write(reports::HeaderJson(info) + "\n");
      return;
    }
    std::string header(reports::CsvHeader(false));
    header.pop_back();
    if (!extra_csv_column.empty()) header += "," + std::string(extra_csv_column);
    if (marks_) header += ",triage";
    out_.Write(header + "\n");
  }

  // `change`: "new" / "resolved" with --since, else empty.
  void Finding(const Finding& f, const store::TriageMatch& m, std::string_view change = {}) {
    line_.clear();
    if (csv_) {
      reports::AppendCsvFinding(line_, f, false);
      if (!change.empty()) line_ += "," + std::string(change);
      if (marks_) {
        line_ += ',';
        reports::AppendCsvField(line_, TriageWord(m));
      }
    } else {
      if (!change.empty()) line_ = "{\"change\":\"" + std::string(change) + "\",";
      size_t at = line_.size();
      reports::AppendFindingJson(line_, f);
      if (!change.empty()) line_.erase(at, 1);  // the finding's own '{'
      if (marks_ && m.verdict) {
        line_.pop_back();
        line_ += ",\"triage\":" + TriageJson(m) + "}";
      }
    }
    line_ += '\n';
    out_.Write(line_);
  }

  void Status(const StatusRecord& s) {
    line_.clear();
    if (csv_) {
      reports::AppendCsvStatus(line_, s, false);
      if (marks_) line_ += ',';
    } else {
      line_ = reports::StatusJson(s);
    }
    line_ += '\n';
    out_.Write(line_);
  }

  void Summary(const reports::ScanSummary& summary) {
    if (!csv_) out_.Write(reports::SummaryJson(summary) + "\n");
  }

 private:
  reports::OutputFile& out_;
  bool csv_, marks_;
  std::string line_;
};

struct TriageUse {
  store::TriageMatcher& matcher;
  bool include = false;  // --include-triaged
  store::TriageTally tally;
  // The verdict of `f`, counted; false: leave it out.
  bool Keep(const store::StoredFinding& f, store::TriageMatch& m) {
    m = matcher.Match(f);
    tally.Count(m);
    return include || !m.LeftOut();
  }
};

// The current findings and status records, as `piiscan scan` writes them.
Result<bool> WriteCurrent(store::StoreReader& reader, const ScanInfo& info, const std::string& format,
                          TriageUse& triage, reports::OutputFile& out) {
  RecordWriter writer(out, format == "csv", triage.include);
  writer.Header(info);
  reports::ScanSummary summary;
  std::string last_file;
  auto visited = reader.CurrentFindings([&](const store::StoredFinding& stored) {
    store::TriageMatch m;
    if (!triage.Keep(stored, m)) return true;
    const Finding& f = stored.finding;
    if (summary.findings == 0 || f.file != last_file) {
      ++summary.files;
      last_file = f.file;
    }
    ++summary.findings;
    writer.Finding(f, m);
    return true;
  });
  if (!visited) return std::unexpected(visited.error());
  visited = reader.CurrentStatuses([&](const StatusRecord& status) {
    writer.Status(status);
    return true;
  });
  if (!visited) return std::unexpected(visited.error());
  writer.Summary(summary);
  return out.Flush();
}

// What changed since `base`: JSONL records with a leading "change" field, or
// the usual CSV columns and a last `change` column.
Result<bool> WriteChanges(store::StoreReader& reader, const ScanInfo& info, const store::Since& base,
                          const std::string& format, TriageUse& triage, reports::OutputFile& out) {
  RecordWriter writer(out, format == "csv", triage.include);
  writer.Header(info, "change");
  auto visited = reader.ChangesSince(base, [&](store::Change change, const store::StoredFinding& stored) {
    store::TriageMatch m;
    if (!triage.Keep(stored, m)) return true;
    writer.Finding(stored.finding, m, change == store::Change::kNew ? "new" : "resolved");
    return true;
  });
  if (!visited) return std::unexpected(visited.error());
  return out.Flush();
}

Result<bool> WriteHtml(store::StoreReader& reader, const std::string& db,
                       const std::vector<store::ScanRecord>& scans, const std::optional<store::Since>& base,
                       TriageUse& triage, reports::OutputFile& out) {
  StoreHtmlReport page(db, scans);
  if (base) {
    TriageUse changes{triage.matcher, triage.include, {}};
    auto id = reader.ChangesSince(*base, [&](store::Change change, const store::StoredFinding& f) {
      store::TriageMatch m;
      if (changes.Keep(f, m)) page.AddChange(change, f, TriageWord(m));
      return true;
    });
    if (!id) return std::unexpected(id.error());
    page.SetBase(*id);
  }
  auto visited = reader.CurrentFindings([&](const store::StoredFinding& f) {
    store::TriageMatch m;
    if (triage.Keep(f, m)) page.AddCurrent(f, TriageWord(m));
    return true;
  });
  if (!visited) return std::unexpected(visited.error());
  page.SetTriageNote(TriageNote(triage.tally, triage.include));
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
  bool include_triaged = false;
  po::options_description desc(kReportUsage);
  desc.add_options()
      ("help,h", "show this help")
      ("db", po::value(&db), "the findings store (default: $PIISCAN_DB)")
      ("since", po::value(&since), "only what is new or resolved since: last, a SCAN_ID or a DATE")
      ("format", po::value(&format), "jsonl (default), csv or html")
      ("output,o", po::value(&output), "write to FILE (created mode 0600); '-' = stdout (default)")
      ("include-triaged", po::bool_switch(&include_triaged),
       "also the findings triage verdicts leave out, marked with their verdict");
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
  auto matcher = LoadTriage(**reader, *scans);
  if (!matcher) return fail(matcher.error());
  TriageUse triage{*matcher, include_triaged, {}};
  Result<bool> written = true;
  if (format == "html") {
    written = WriteHtml(**reader, db, *scans, base, triage, *out);
  } else if (!base) {
    written = WriteCurrent(**reader, info, format, triage, *out);
  } else {
    written = WriteChanges(**reader, info, *base, format, triage, *out);
  }
  if (!written) return fail(written.error());
  if (!*written) {
    std::cerr << who << ": could not write " << output << "\n";
    return kExitFailure;
  }
  if (std::string note = TriageNote(triage.tally, include_triaged); !note.empty())
    std::cerr << who << ": " << note << "\n";
  return kExitOk;
}

}  // namespace piiscan::cli
