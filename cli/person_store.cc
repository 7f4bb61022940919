#include "cli/person_store.h"

#include <filesystem>
#include <iostream>
#include <set>

#include "cli/commands.h"
#include "cli/scan_setup.h"
#include "cli/store_findings.h"
#include "cli/store_options.h"
#include "core/file_identity.h"
#include "detectors/name_keys.h"

namespace piiscan::cli {
namespace {

constexpr const char* kWho = "piiscan person";

}  // namespace

std::optional<int> AnswerPersonFromStore(const std::string& db, const dsar::NormalisedQuery& query,
                                         const ScanSetup& setup,
                                         const dsar::StoreAnswerOptions& options, bool quiet,
                                         PersonStoreAnswer& out) {
  auto store = OpenStoreOrReport(db, /*create=*/false, kWho);
  if (!store) return store.error();
  auto fail = [&](const Error& e) {
    std::cerr << kWho << ": store " << StoreName(db) << ": " << e.message << "\n";
    return kExitFailure;
  };
  auto reader = (*store)->OpenReader();
  if (!reader) return fail(reader.error());
  auto scans = (*reader)->Scans();
  if (!scans) return fail(scans.error());
  // Value hashes are keyed: a query under another key finds nothing, and
  // would say so only by silence.
  std::set<std::string> keys;
  bool ours = false;
  for (const auto& s : *scans) {
    if (s.info.command != "scan") continue;
    keys.insert(s.info.key_fingerprint);
    ours = ours || s.info.key_fingerprint == setup.hasher->Fingerprint();
  }
  if (!keys.empty() && !ours) {
    std::cerr << kWho << ": the store's scans used another hash key (fingerprint "
              << *keys.rbegin() << "; this key is " << setup.hasher->Fingerprint()
              << "): give the scans' key with --hash-key-file\n";
    return kExitUsage;
  }
  auto prefixes = detectors::NameKeyer::LoadPrefixes(setup.rules);
  if (!prefixes) {
    std::cerr << kWho << ": " << prefixes.error().message << "\n";
    return kExitFailure;
  }
  detectors::NameKeyer keyer(std::move(*prefixes), *setup.hasher);
  dsar::StoreQuery q(query, setup.rules.detectors, *setup.hasher, keyer);
  auto triage = LoadTriage(**reader, *scans);
  if (!triage) return fail(triage.error());
  dsar::StoreAnswerOptions with_triage = options;
  with_triage.triage = triage->empty() ? nullptr : &*triage;
  auto answer = q.Answer(**reader, *scans, with_triage);
  if (!answer) return fail(answer.error());
  out.answer = std::move(*answer);

  bool any_completed = false;
  for (const auto& r : out.answer.roots) {
    std::string line = r.root;
    if (r.completed_unix_ms) {
      any_completed = true;
      line += " (last completed scan " + IsoTimeUtc(*r.completed_unix_ms) + ", " + r.scan_id + ")";
    } else {
      line += " (never scanned completely: the answer may miss files)";
    }
    out.searched.push_back(std::move(line));
  }
  // What the latest completed scan of each root saw, as "files searched".
  std::set<std::string> counted;
  for (auto it = scans->rbegin(); it != scans->rend(); ++it) {
    if (it->status != store::ScanStatus::kCompleted || it->info.command != "scan") continue;
    bool fresh = false;
    for (const auto& root : it->info.roots) fresh = counted.insert(store::NormalizeRoot(root)).second || fresh;
    if (fresh) out.files_known += it->files_read + it->files_skipped;
  }
  for (const auto& [file, path] : out.answer.on_disk) out.hit_paths.push_back(path);
  if (!quiet) {
    std::cerr << kWho << ": answered from the findings store " << StoreName(db)
              << ", without reading files\n";
    if (!any_completed)
      std::cerr << kWho << ": warning: the store holds no completed scan: the answer is incomplete\n";
    for (const auto& line : out.searched) std::cerr << "  " << line << "\n";
    if (std::string note = TriageNote(out.answer.triaged, options.include_triaged); !note.empty())
      std::cerr << kWho << ": " << note << "\n";
    if (out.answer.blind_spots > 0)
      std::cerr << kWho << ": " << out.answer.blind_spots
                << " places under these roots could not be read (blind spots, listed as status records)\n";
  }
  return std::nullopt;
}

}  // namespace piiscan::cli
