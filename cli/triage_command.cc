// `piiscan triage --db STORE ...`: verdicts on findings (false_positive,
// accepted, remediated) that `report`, `audit --db` and `person --db` then
// leave out; kept in the store, so they persist across re-scans and rule
// changes; listed, removed, exported and imported as YAML.
#include <pwd.h>
#include <unistd.h>

#include <boost/program_options.hpp>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli/commands.h"
#include "cli/option_parsing.h"
#include "cli/store_findings.h"
#include "cli/store_options.h"
#include "cli/subcommands.h"
#include "cli/triage_yaml.h"
#include "reports/output_file.h"
#include "rules/rule_loader.h"

namespace po = boost::program_options;

namespace piiscan::cli {
namespace {

constexpr const char* kTriageUsage =
    "usage: piiscan triage [--db STORE] --value-hash H [--file PATH] --verdict V [--note TEXT] "
    "[--by NAME]\n"
    "       piiscan triage [--db STORE] --file GLOB --detector D --verdict V [--note TEXT] [--by "
    "NAME]\n"
    "       piiscan triage [--db STORE] --list [--format text|json] | --remove ID\n"
    "       piiscan triage [--db STORE] --export FILE.yaml | --import FILE.yaml\n\n"
    "Records a verdict on findings of the findings store STORE (default: $PIISCAN_DB):\n"
    "false_positive (not personal data), accepted (known and allowed; --note gives\n"
    "the reason) or remediated (deleted or moved: the next completed scan must\n"
    "confirm it is gone, or the finding reopens). A verdict covers one value\n"
    "everywhere (--value-hash, the value_hash of a finding), one value in one file\n"
    "(--value-hash with --file: the finding's file, or a trailing part of it), or\n"
    "every finding of a detector in the files a glob matches (--file GLOB with\n"
    "--detector; `*` within a folder, `**` across folders). `report`, `audit --db`\n"
    "and `person --db` leave findings under a verdict out and count them;\n"
    "--include-triaged shows them, marked. Verdicts persist across scans and rule\n"
    "changes; one verdict per scope (a new one replaces it). Value hashes are keyed:\n"
    "a verdict by value hash matches findings hashed with the same key only.\n"
    "--export writes the verdicts as YAML (for review, or for another store);\n"
    "--import adds a file's verdicts (the same verdict twice is one).\n\noptions";

// How many places of one value `triage` looks at (to check --file and count
// what a verdict covers).
constexpr size_t kMaxSightings = 100000;

struct TriageOptions {
  std::string db, value_hash, file, detector, verdict, note, by, format = "text";
  std::string remove, export_file, import_file;
  bool list = false;
};

// The login name: $LOGNAME as login(1) and systemd set it, else the
// terminal's login (getlogin), else the user's name.
std::string LoginName() {
  if (const char* v = std::getenv("LOGNAME"); v && *v) return v;
  char buf[256];
  if (::getlogin_r(buf, sizeof buf) == 0 && buf[0]) return buf;
  if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_name) return pw->pw_name;
  if (const char* v = std::getenv("USER"); v && *v) return v;
  return "unknown";
}

std::string ScopeText(const store::TriageVerdict& v) {
  if (v.ByValue()) return "value " + v.value_hash + (v.file.empty() ? "" : " in " + v.file);
  return v.detector + " in " + v.glob;
}

// The rule set's detector ids, to refuse a typo in --detector.
Result<std::set<std::string>> DetectorIds() {
  auto rules = rules::LoadEmbeddedRules();
  if (!rules) return std::unexpected(rules.error());
  std::set<std::string> ids;
  for (const auto& d : rules->detectors) ids.insert(d.id);
  return ids;
}

class TriageRun {
 public:
  TriageRun(std::string who, std::string db) : who_(std::move(who)), db_(std::move(db)) {}

  // Opens the store, its triage book and a reader; an exit code on failure.
  std::optional<int> Open() {
    auto store = OpenStoreOrReport(db_, /*create=*/false, who_);
    if (!store) return store.error();
    store_ = std::move(*store);
    auto book = store_->OpenTriage();
    if (!book) return Failure(book.error());
    book_ = std::move(*book);
    auto reader = store_->OpenReader();
    if (!reader) return Failure(reader.error());
    reader_ = std::move(*reader);
    auto scans = reader_->Scans();
    if (!scans) return Failure(scans.error());
    scans_ = std::move(*scans);
    return std::nullopt;
  }

  int Add(const TriageOptions& o);
  int List(const std::string& format);
  int Remove(const std::string& id);
  int Export(const std::string& path);
  int Import(const std::string& path);

 private:
  int Failure(const Error& e) {
    std::cerr << who_ << ": store " << StoreName(db_) << ": " << e.message << "\n";
    return kExitFailure;
  }
  int Usage(const std::string& why) {
    std::cerr << who_ << ": " << why << "\n";
    return kExitUsage;
  }
  std::string CurrentKey() const {
    auto latest = LatestScan(scans_);
    return latest ? latest->info.key_fingerprint : "";
  }
  // Per verdict id: the current findings it covers (reopened ones too), the
  // reopened ones, and the first covered finding's detector and masked value.
  struct Coverage {
    uint64_t findings = 0, reopened = 0;
    std::string sample;
  };
  Result<std::map<int64_t, Coverage>> Cover(std::vector<store::TriageVerdict> verdicts);
  std::optional<int> CheckDetector(const std::string& detector);

  std::string who_, db_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<store::TriageBook> book_;
  std::unique_ptr<store::StoreReader> reader_;
  std::vector<store::ScanRecord> scans_;
  std::optional<std::set<std::string>> detectors_;
};

Result<std::map<int64_t, TriageRun::Coverage>> TriageRun::Cover(
    std::vector<store::TriageVerdict> verdicts) {
  store::TriageMatcher matcher(std::move(verdicts), scans_);
  std::map<int64_t, Coverage> out;
  if (matcher.empty()) return out;
  auto visited = reader_->CurrentFindings([&](const store::StoredFinding& f) {
    store::TriageMatch m = matcher.Match(f);
    if (!m.verdict) return true;
    Coverage& c = out[m.verdict->id];
    ++c.findings;
    if (m.reopened) ++c.reopened;
    if (c.sample.empty()) c.sample = f.finding.detector + " " + f.finding.masked;
    return true;
  });
  if (!visited) return std::unexpected(visited.error());
  return out;
}

std::optional<int> TriageRun::CheckDetector(const std::string& detector) {
  if (!detectors_) {
    auto ids = DetectorIds();
    if (!ids) return Usage("rules: " + ids.error().message);
    detectors_ = std::move(*ids);
  }
  if (detectors_->contains(detector)) return std::nullopt;
  return Usage("unknown detector '" + detector + "' (see piiscan detectors)");
}

int TriageRun::Add(const TriageOptions& o) {
  store::TriageVerdict v;
  v.value_hash = o.value_hash;
  for (char& c : v.value_hash) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (v.ByValue()) {
    if (!o.detector.empty())
      return Usage("--detector goes with a file glob (--file GLOB), not with --value-hash");
    v.file = o.file;
  } else if (!o.file.empty()) {
    if (o.detector.empty())
      return Usage("--file GLOB needs --detector D: which detector's findings in those files");
    v.glob = o.file;
    v.detector = o.detector;
  } else {
    return Usage(o.detector.empty() ? "give --value-hash H, or --file GLOB with --detector D"
                                    : "--detector D needs --file GLOB: the files it covers");
  }
  auto verdict = store::ParseVerdict(o.verdict);
  if (!verdict)
    return Usage("--verdict must be false_positive, accepted or remediated, not '" + o.verdict +
                 "'");
  v.verdict = *verdict;
  v.note = o.note;
  v.by = o.by.empty() ? LoginName() : o.by;
  if (auto problem = VerdictProblem(v); !problem.empty()) return Usage(problem);
  uint64_t covered = 0;
  if (v.ByValue()) {
    // A hash of ours: some finding of this store, current or resolved, has it.
    auto seen = book_->Sightings(v.value_hash, kMaxSightings);
    if (!seen) return Failure(seen.error());
    if (seen->empty())
      return Usage("value hash " + v.value_hash.substr(0, 12) +
                   "... is not in this store: no finding, current or resolved, has it (hashes made "
                   "with another hash key never match)");
    bool in_file = v.file.empty();
    for (const auto& s : *seen) {
      if (!v.file.empty() && !store::TriageFileNames(v.file, s.file)) continue;
      in_file = true;
      if (s.current) ++covered;
    }
    if (!in_file)
      return Usage("value hash " + v.value_hash.substr(0, 12) + "... was never found in " + v.file +
                   " (it is found in " + std::to_string(seen->size()) +
                   " other places; --file takes "
                   "the finding's file as `report` shows it)");
  } else if (auto bad = CheckDetector(v.detector)) {
    return *bad;
  }
  auto added = book_->Add(v);
  if (!added) return Failure(added.error());
  if (!v.ByValue()) {
    v.id = added->id;
    auto cover = Cover({v});
    if (!cover) return Failure(cover.error());
    covered = (*cover)[v.id].findings;
  }
  const char* what = added->change == store::TriageChange::kAdded ? "added"
                     : added->change == store::TriageChange::kReplaced
                         ? "replaced the scope's earlier verdict"
                         : "unchanged";
  std::cout << "verdict " << added->id << " " << what << ": " << store::VerdictName(v.verdict)
            << " for " << ScopeText(v) << "; covers " << covered << " current findings\n";
  return kExitOk;
}

int TriageRun::List(const std::string& format) {
  auto verdicts = book_->List();
  if (!verdicts) return Failure(verdicts.error());
  auto cover = Cover(*verdicts);
  if (!cover) return Failure(cover.error());
  store::TriageMatcher matcher(*verdicts, scans_);
  const std::string key = CurrentKey();
  if (format == "json") {
    for (const auto& v : *verdicts) {
      const Coverage& c = (*cover)[v.id];
      nlohmann::json j = {{"id", v.id},
                          {"verdict", std::string(store::VerdictName(v.verdict))},
                          {"note", v.note},
                          {"by", v.by},
                          {"created", IsoTimeMs(v.created_unix_ms)},
                          {"key_fingerprint", v.key_fingerprint},
                          {"other_key", matcher.KeyMismatch(v)},
                          {"scan_id", v.scan_id},
                          {"findings", c.findings},
                          {"reopened", c.reopened}};
      if (v.ByValue()) {
        j["value_hash"] = v.value_hash;
        if (!v.file.empty()) j["file"] = v.file;
      } else {
        j["glob"] = v.glob;
        j["detector"] = v.detector;
      }
      std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
    return kExitOk;
  }
  if (verdicts->empty()) {
    std::cout << "no triage verdicts in " << StoreName(db_) << "\n";
    return kExitOk;
  }
  uint64_t other_key = 0;
  for (const auto& v : *verdicts) {
    const Coverage& c = (*cover)[v.id];
    std::cout << v.id << "  " << store::VerdictName(v.verdict) << "  " << ScopeText(v) << "\n    "
              << c.findings << " current findings";
    if (c.reopened)
      std::cout << " (" << c.reopened << " reopened: a later completed scan still saw them)";
    if (!c.sample.empty()) std::cout << ", e.g. " << c.sample;
    std::cout << "; by " << v.by << " at " << IsoTimeMs(v.created_unix_ms);
    if (!v.scan_id.empty()) std::cout << " (scan " << v.scan_id << ")";
    std::cout << "\n";
    if (!v.note.empty()) std::cout << "    note: " << v.note << "\n";
    if (matcher.KeyMismatch(v)) {
      ++other_key;
      std::cout << "    made with another hash key (" << v.key_fingerprint
                << ", the store's scans use " << (key.empty() ? "none yet" : key)
                << "): matches no finding of those scans\n";
    }
  }
  std::cout << verdicts->size() << " verdicts";
  if (other_key) std::cout << ", " << other_key << " made with another hash key";
  std::cout << "\n";
  return kExitOk;
}

int TriageRun::Remove(const std::string& text) {
  int64_t id = 0;
  try {
    size_t used = 0;
    id = std::stoll(text, &used);
    if (used != text.size() || id <= 0) throw std::invalid_argument(text);
  } catch (const std::exception&) {
    return Usage("--remove takes a verdict id from --list, not '" + text + "'");
  }
  auto removed = book_->Remove(id);
  if (!removed) return Failure(removed.error());
  if (!*removed) return Usage("no verdict " + text + " in this store (see piiscan triage --list)");
  std::cout << "verdict " << id << " removed\n";
  return kExitOk;
}

int TriageRun::Export(const std::string& path) {
  auto verdicts = book_->List();
  if (!verdicts) return Failure(verdicts.error());
  auto cover = Cover(*verdicts);
  if (!cover) return Failure(cover.error());
  std::map<int64_t, std::string> comments;
  for (const auto& [id, c] : *cover) {
    comments[id] = c.sample + "; " + std::to_string(c.findings) + " current findings";
  }
  auto out = reports::OutputFile::Open(path);
  if (!out) {
    std::cerr << who_ << ": " << out.error().message << "\n";
    return kExitFailure;
  }
  out->Write(TriageYaml(*verdicts, comments));
  if (!out->Flush()) {
    std::cerr << who_ << ": could not write " << path << "\n";
    return kExitFailure;
  }
  if (path != "-")
    std::cerr << who_ << ": " << verdicts->size() << " verdicts written to " << path << "\n";
  return kExitOk;
}

int TriageRun::Import(const std::string& path) {
  std::stringstream text;
  if (path == "-") {
    text << std::cin.rdbuf();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Usage("cannot read " + path);
    text << in.rdbuf();
  }
  auto verdicts = ParseTriageYaml(text.str());
  if (!verdicts) return Usage(path + ": " + verdicts.error().message);
  for (const auto& v : *verdicts) {
    if (v.ByValue()) continue;
    if (auto bad = CheckDetector(v.detector)) return *bad;
  }
  std::map<store::TriageChange, uint64_t> counts;
  uint64_t other_key = 0;
  const std::string key = CurrentKey();
  auto added = book_->AddAll(*verdicts);
  if (!added) return Failure(added.error());
  for (const auto& a : *added) ++counts[a.change];
  for (const auto& v : *verdicts) {
    if (v.ByValue() && v.key_fingerprint != key) ++other_key;
  }
  std::cout << path << ": " << counts[store::TriageChange::kAdded] << " verdicts added, "
            << counts[store::TriageChange::kReplaced] << " replaced, "
            << counts[store::TriageChange::kUnchanged] << " already there\n";
  if (other_key)
    std::cerr << who_ << ": warning: " << other_key
              << " verdicts by value hash were made with another hash key than "
              << "this store's scans use (" << (key.empty() ? "none yet" : key)
              << "): they match no finding until scans use that key\n";
  return kExitOk;
}

}  // namespace

int RunTriage(int argc, char** argv) {
  const std::string who = "piiscan triage";
  TriageOptions o;
  po::options_description desc(kTriageUsage);
  desc.add_options()("help,h", "show this help")("db", po::value(&o.db),
                                                 "the findings store (default: $PIISCAN_DB)")(
      "value-hash", po::value(&o.value_hash),
      "the value_hash of a finding: that value everywhere (or in --file)")(
      "file", po::value(&o.file),
      "with --value-hash: one file; with --detector: a glob over findings' files")(
      "detector", po::value(&o.detector),
      "with --file GLOB: the detector whose findings the verdict covers")(
      "verdict", po::value(&o.verdict), "false_positive, accepted or remediated")(
      "note", po::value(&o.note), "why (required for accepted)")(
      "by", po::value(&o.by), "who gives the verdict (default: the login name)")(
      "list", po::bool_switch(&o.list),
      "list the verdicts, with how many current findings each covers")(
      "format", po::value(&o.format),
      "with --list: text (default) or json (one object per verdict)")(
      "remove", po::value(&o.remove), "remove the verdict ID (from --list)")(
      "export", po::value(&o.export_file), "write every verdict to FILE.yaml (0600; '-' = stdout)")(
      "import", po::value(&o.import_file), "add the verdicts of FILE.yaml ('-' = stdin)");
  po::variables_map vm;
  if (auto done = ParseCommandLine(argc, argv, desc, desc, nullptr, who, vm)) return *done;
  o.db = DbPath(o.db);
  if (o.db.empty()) {
    std::cerr << who << ": --db STORE (or PIISCAN_DB) is needed\n";
    return kExitUsage;
  }
  bool add = !o.verdict.empty() || !o.value_hash.empty() || !o.file.empty() ||
             !o.detector.empty() || !o.note.empty() || !o.by.empty();
  int actions = add + o.list + !o.remove.empty() + !o.export_file.empty() + !o.import_file.empty();
  if (actions != 1) {
    std::cerr
        << who
        << ": give one of: a verdict (--verdict with --value-hash or --file/--detector), --list, "
        << "--remove ID, --export FILE, --import FILE (see piiscan triage --help)\n";
    return kExitUsage;
  }
  if (add && o.verdict.empty()) {
    std::cerr << who << ": --verdict false_positive|accepted|remediated is needed\n";
    return kExitUsage;
  }
  if (o.format != "text" && o.format != "json") {
    std::cerr << who << ": --format must be text or json\n";
    return kExitUsage;
  }
  TriageRun run(who, o.db);
  if (auto failed = run.Open()) return *failed;
  if (add) return run.Add(o);
  if (o.list) return run.List(o.format);
  if (!o.remove.empty()) return run.Remove(o.remove);
  if (!o.export_file.empty()) return run.Export(o.export_file);
  return run.Import(o.import_file);
}

}  // namespace piiscan::cli
