// `piiscan person [--name N]... [--email E]... PATH...`: the DSAR search.
// Finds everything about one data subject with the same walker and
// extractors as a scan; writes hits as JSONL, optionally an HTML report for
// the handler and an erasure list (AVG art. 17).
#include <boost/program_options.hpp>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "cli/commands.h"
#include "cli/option_parsing.h"
#include "cli/person_store.h"
#include "cli/store_options.h"
#include "cli/scan_setup.h"
#include "cli/subcommands.h"
#include "detectors/masking.h"
#include "dsar/dsar_report.h"
#include "dsar/erasure_list.h"
#include "dsar/person_consumer.h"
#include "dsar/person_matcher.h"
#include "reports/jsonl_sink.h"
#include "reports/summary_text.h"
#include "rules/register.h"
#include "scanner/scan.h"

namespace po = boost::program_options;

namespace piiscan::cli {
namespace {

constexpr const char* kCommand = "piiscan person";
constexpr const char* kTemplate = "templates/dsar_report.mustache";
constexpr const char* kPersonUsage =
    "usage: piiscan person [query] [options] PATH...\n"
    "       piiscan person [query] [options] --db STORE [--verify]\n\n"
    "Finds everything about one data subject under each PATH, for an access (AVG\n"
    "art. 15) or erasure (art. 17) request: mail (EML, mbox, PST, MSG, attachments),\n"
    "documents, spreadsheets, PDFs and archives, at any depth. Names match their\n"
    "written variants ('J. de Vries', 'De Vries, Jan', 'Vries, J.P. de', 'de heer De\n"
    "Vries', e-mail local parts, diacritics folded); identifiers match in every\n"
    "printed form the detectors know. Each hit says which query field and form\n"
    "matched and how strongly: high (identifier, full name), medium (initials +\n"
    "surname), low (surname or salutation alone: reported only next to a stronger\n"
    "hit in the same message or file, or with --include-weak). Hits are written as\n"
    "JSON lines with a context snippet in which other people's data is masked.\n"
    "Without PATH, --db answers from the findings store of earlier scans, reading\n"
    "no file (names are kept there only as keyed hashes; no snippets unless --verify).\n\n"
    "query (repeatable where it says so; at least one field)";

struct QueryCli {
  dsar::PersonQuery q;
  std::string birth_date, subject_file;
};

void AddQueryOptions(po::options_description& desc, QueryCli& c) {
  desc.add_options()
      ("name", po::value(&c.q.names), "a name as written: 'Jan Peter de Vries' or 'Vries, Jan de' (repeatable: maiden and former names)")
      ("email", po::value(&c.q.emails), "an e-mail address (repeatable)")
      ("phone", po::value(&c.q.phones), "a Dutch phone number in any form (repeatable)")
      ("iban", po::value(&c.q.ibans), "an IBAN, with or without spaces (repeatable)")
      ("bsn", po::value(&c.q.bsns), "a BSN (burgerservicenummer)")
      ("birth-date", po::value(&c.birth_date), "date of birth, YYYY-MM-DD or DD-MM-YYYY; found in Dutch and English forms")
      ("id-document", po::value(&c.q.id_documents), "passport, ID-card or driving-licence number (repeatable)")
      ("postcode", po::value(&c.q.postcode), "home postcode (1234 AB); with --house-number a strong hit, alone a weak one")
      ("house-number", po::value(&c.q.house_number), "house number with addition (12, 12a, 12-2); needs --postcode")
      ("subject", po::value(&c.subject_file), "read the query from a YAML file with the same fields (names, emails, phones, iban, bsn, birth_date, id_documents, postcode, house_number)");
}

std::optional<int> ReadSubjectFile(QueryCli& c) {
  if (!c.birth_date.empty()) c.q.birth_dates.push_back(c.birth_date);
  if (c.subject_file.empty()) return std::nullopt;
  std::ifstream in(c.subject_file);
  if (!in) {
    std::cerr << kCommand << ": --subject: cannot read " << c.subject_file << "\n";
    return kExitUsage;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  auto file = dsar::ParseSubjectYaml(ss.str(), c.subject_file);
  if (!file) {
    std::cerr << kCommand << ": --subject: " << file.error().message << "\n";
    return kExitUsage;
  }
  auto add = [](std::vector<std::string>& to, const std::vector<std::string>& from) { to.insert(to.end(), from.begin(), from.end()); };
  add(c.q.names, file->names);
  add(c.q.emails, file->emails);
  add(c.q.phones, file->phones);
  add(c.q.ibans, file->ibans);
  add(c.q.bsns, file->bsns);
  add(c.q.birth_dates, file->birth_dates);
  add(c.q.id_documents, file->id_documents);
  if (c.q.postcode.empty()) c.q.postcode = file->postcode;
  if (c.q.house_number.empty()) c.q.house_number = file->house_number;
  return std::nullopt;
}

std::string Today() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

// The query as the report shows it: masked unless --show-values.
dsar::DsarReportInfo ReportInfo(const dsar::PersonQuery& raw, const dsar::NormalisedQuery& q,
                                   bool show) {
  dsar::DsarReportInfo info;
  auto v = [&](const std::string& value, const char* masker) { return show ? value : detectors::Mask(value, masker); };
  for (const auto& n : raw.names) info.query.emplace_back("name", v(n, "name"));
  for (const auto& x : q.emails) info.query.emplace_back("email", v(x, "email"));
  for (const auto& x : q.phones) info.query.emplace_back("phone", v(x, "phone"));
  for (const auto& x : q.ibans) info.query.emplace_back("iban", v(x, "iban"));
  for (const auto& x : q.bsns) info.query.emplace_back("bsn", v(x, "keep_last:2"));
  for (const auto& x : q.birth_dates) info.query.emplace_back("birth_date", v(x, "date"));
  for (const auto& x : q.id_documents) info.query.emplace_back("id_document", v(x, "keep_last:3"));
  if (!q.postcode.empty()) info.query.emplace_back("postcode", v(q.postcode, "keep_last:2"));
  if (!q.house_number.empty()) info.query.emplace_back("house_number", v(q.house_number, "keep_last:1"));
  info.subject = raw.names.empty() ? (info.query.empty() ? "" : info.query[0].second) : v(raw.names[0], "name");
  info.show_values = show;
  info.generated = Today();
  return info;
}

// A store answer's files with hits and blind spots, to the sinks.
reports::ScanSummary FeedStoreAnswer(const PersonStoreAnswer& stored, const ScanInfo& info,
                                     const std::vector<reports::Sink*>& sinks, bool verify) {
  reports::ScanSummary summary;
  summary.files = stored.files_known;
  for (auto* s : sinks) s->Begin(info);
  for (const auto& item : stored.answer.files) {
    // --verify with no hit file left: the blind spots only.
    if (verify && !item.findings.empty()) continue;
    for (auto* s : sinks) s->Item(item);
    for (const auto& f : item.findings) {
      ++summary.findings;
      summary.occurrences += f.count;
      ++summary.by_detector[f.detector];
    }
    if (!item.statuses.empty()) ++summary.by_status[std::string(FileStatusName(item.statuses[0].status))];
  }
  return summary;
}

void FeedBlindSpots(const dsar::StoreAnswer& answer, const std::vector<reports::Sink*>& sinks,
                    reports::ScanSummary& summary) {
  for (const auto& item : answer.files) {
    if (item.statuses.empty() || !item.findings.empty()) continue;  // hit files were read again
    ItemReport spots;
    spots.file = item.file;
    spots.statuses = item.statuses;
    for (auto* s : sinks) s->Item(spots);
    ++summary.by_status[std::string(FileStatusName(item.statuses[0].status))];
  }
}

struct Outputs {
  std::string jsonl = "-", report, erasure, register_file;
};

}  // namespace

int RunPerson(int argc, char** argv) {
  QueryCli query;
  Outputs outs;
  std::string min_conf = "low";
  bool show_values = false, include_weak = false, list_variants = false;
  // Ctrl-C during start-up (rules compile) must also end cleanly.
  auto& stop = InterruptFlag();
  WalkCliOptions walk;
  po::options_description desc(kPersonUsage);
  desc.add_options()("help,h", "show this help");
  AddQueryOptions(desc, query);
  po::options_description out_desc("output");
  out_desc.add_options()
      ("output,o", po::value(&outs.jsonl), "write hits as JSON lines to FILE (mode 0600); '-' = stdout (default)")
      ("report", po::value(&outs.report), "also write a self-contained HTML report for the handler to FILE")
      ("erasure-list", po::value(&outs.erasure), "also write the places to act on for erasure (art. 17) as CSV to FILE")
      ("register", po::value(&outs.register_file), "register YAML: the report summarises hits per declared system with purposes and retention")
      ("show-values", po::bool_switch(&show_values), "show the subject's own values (never other people's) in values and snippets")
      ("include-weak", po::bool_switch(&include_weak), "also report a surname or postcode alone when nothing stronger is near")
      ("min-confidence", po::value(&min_conf), "low (default), medium or high: drop hits below")
      ("list-variants", po::bool_switch(&list_variants), "print the compiled forms of the query, one per line (folded; for benchmarks against grep tools), and exit");
  desc.add(out_desc);
  std::string db;
  bool verify = false, include_triaged = false;
  po::options_description store_desc("answering from a findings store (no PATH)");
  store_desc.add_options()
      ("db", po::value(&db), "answer from the findings store of earlier scans (an SQLite file or a PostgreSQL connection string; default $PIISCAN_DB when no PATH is given) without reading files")
      ("verify", po::bool_switch(&verify), "with --db: read the files with hits again, for context snippets, and drop hits that no longer hold")
      ("include-triaged", po::bool_switch(&include_triaged), "with --db: keep hits whose finding a triage verdict covers (marked in their note); by default they are left out and counted");
  desc.add(store_desc);
  po::options_description walk_desc("walking");
  AddWalkOptions(walk_desc, walk);
  desc.add(walk_desc);
  po::variables_map vm;
  if (auto done = ParseWalkCommandLine(argc, argv, desc, walk, kCommand, vm, /*require_paths=*/false))
    return *done;
  if (!walk.paths.empty() && !db.empty()) {
    std::cerr << kCommand << ": give PATHs to search or --db to answer from a findings store, not both\n";
    return kExitUsage;
  }
  if (walk.paths.empty()) {
    db = DbPath(db);
    if (db.empty()) {
      std::cerr << kCommand << ": no PATH given, and no --db STORE (or PIISCAN_DB) to answer from (see "
                << kCommand << " --help)\n";
      return kExitUsage;
    }
  }
  if (verify && db.empty()) {
    std::cerr << kCommand << ": --verify goes with --db (it re-reads the files a store answer names)\n";
    return kExitUsage;
  }
  if (auto bad = ReadSubjectFile(query)) return *bad;
  auto conf = ParseConfidence(min_conf);
  if (!conf) {
    std::cerr << kCommand << ": --min-confidence must be low, medium or high\n";
    return kExitUsage;
  }
  std::shared_ptr<const rules::Register> reg;
  if (!outs.register_file.empty()) {
    auto r = rules::LoadRegisterFile(outs.register_file);
    if (!r) {
      std::cerr << kCommand << ": --register: " << r.error().message << "\n";
      return kExitUsage;
    }
    reg = std::make_shared<rules::Register>(std::move(*r));
  }
  scanner::ScanOptions options;
  if (auto bad = MakeScanOptions(walk, kCommand, options)) return *bad;

  ScanSetup setup;
  // An answer from the store reads no file: no engine to build (a tenth of
  // its time).
  const bool reads_files = db.empty() || verify || list_variants;
  if (auto failed = LoadScanSetup(walk, kCommand, {.keep_all_candidates = true}, setup, reads_files))
    return *failed;
  // After the rules: names split on their tussenvoegsels (lexicon name_prefixes).
  auto prefixes = dsar::LoadNamePrefixes(setup.rules);
  if (!prefixes) {
    std::cerr << kCommand << ": " << prefixes.error().message << "\n";
    return kExitFailure;
  }
  auto normalised = dsar::NormaliseQuery(query.q, *prefixes);
  if (!normalised) {
    std::cerr << kCommand << ": " << normalised.error().message << "\n";
    return kExitUsage;
  }
  Result<std::shared_ptr<const dsar::PersonMatcher>> matcher = nullptr;
  if (reads_files) matcher = dsar::PersonMatcher::Build(*normalised, setup.engine);
  if (!matcher) {
    std::cerr << kCommand << ": " << matcher.error().message << "\n";
    return kExitFailure;
  }
  if (list_variants) {
    for (const auto& v : (*matcher)->Literals()) std::cout << v << "\n";
    return kExitOk;
  }
  std::optional<PersonStoreAnswer> stored;
  if (!db.empty()) {
    stored.emplace();
    if (auto failed = AnswerPersonFromStore(db, *normalised, setup, {include_weak, *conf, nullptr, include_triaged}, walk.quiet,
                                            *stored))
      return *failed;
    if (verify) {
      // Only the hit files that are still there are read again.
      for (const auto& path : stored->hit_paths) {
        std::error_code ec;
        if (std::filesystem::exists(path, ec)) options.paths.push_back(path);
      }
      if (!walk.quiet && options.paths.size() < stored->hit_paths.size())
        std::cerr << kCommand << ": --verify: " << stored->hit_paths.size() - options.paths.size()
                  << " files with hits are gone since the last scan\n";
    }
  }
  std::vector<std::unique_ptr<reports::Sink>> sinks;
  auto open = [&](const std::string& path) -> std::optional<reports::OutputFile> {
    auto f = reports::OutputFile::Open(path);
    if (!f) std::cerr << kCommand << ": " << f.error().message << "\n";
    return f ? std::optional<reports::OutputFile>(std::move(*f)) : std::nullopt;
  };
  auto jsonl = open(outs.jsonl);
  if (!jsonl) return kExitFailure;
  sinks.push_back(reports::MakeJsonlSink(std::move(*jsonl)));
  if (!outs.report.empty()) {
    auto it = setup.rules.files.find(kTemplate);
    if (it == setup.rules.files.end()) {
      std::cerr << kCommand << ": rules: missing " << kTemplate << "\n";
      return kExitFailure;
    }
    auto f = open(outs.report);
    if (!f) return kExitFailure;
    auto info = ReportInfo(query.q, *normalised, show_values);
    info.paths = stored ? stored->searched : walk.paths;
    info.register_ = reg;
    info.template_text = it->second;
    sinks.push_back(dsar::MakeDsarReportSink(std::move(*f), std::move(info)));
  }
  if (!outs.erasure.empty()) {
    auto f = open(outs.erasure);
    if (!f) return kExitFailure;
    sinks.push_back(dsar::MakeErasureListSink(std::move(*f)));
  }
  std::vector<reports::Sink*> raw;
  for (auto& s : sinks) raw.push_back(s.get());
  dsar::PersonConsumerOptions po{show_values, include_weak, *conf, &*setup.hasher};
  // The query's fields, never its values: the header is not a place for them.
  std::set<std::string> field_set;
  for (const auto& [field, value] : ReportInfo(query.q, *normalised, false).query) field_set.insert(field);
  std::string fields;
  for (const auto& f : field_set) fields += (fields.empty() ? "" : ",") + f;
  auto info = MakeScanInfo("person", options, setup,
                           {"min_confidence=" + std::string(ConfidenceName(*conf)),
                            std::string("show_values=") + (show_values ? "true" : "false"),
                            std::string("include_weak=") + (include_weak ? "true" : "false"),
                            "query_fields=" + fields});
  if (stored) {
    info.result_options.push_back(verify ? "source=store,verified" : "source=store");
    if (info.roots.empty())
      for (const auto& r : stored->answer.roots) info.roots.push_back(r.root);
  }
  reports::ScanSummary summary;
  if (stored && (!verify || options.paths.empty())) {
    summary = FeedStoreAnswer(*stored, info, raw, verify);
  } else {
    summary = scanner::RunScan(options, info, dsar::PersonConsumerFactory(*matcher, po), raw, stop);
    // The store's blind spots belong to a verified answer too.
    if (stored) FeedBlindSpots(stored->answer, raw, summary);
  }
  bool written = true;
  for (auto* s : raw) written = s->Finish(summary) && written;
  if (!walk.quiet && stored && !verify) {
    // Nothing was read: bytes and speed would say nothing.
    std::cerr << "piiscan person: " << summary.findings << " hits in " << stored->hit_paths.size()
              << " files (of " << summary.files << " the last completed scans saw), "
              << stored->answer.blind_spots << " blind spots\n";
  } else if (!walk.quiet) {
    std::cerr << reports::SummaryText(summary);
  }
  if (!written) {
    std::cerr << kCommand << ": could not write all output\n";
    return kExitFailure;
  }
  return summary.interrupted ? kExitInterrupted : kExitOk;
}

}  // namespace piiscan::cli
