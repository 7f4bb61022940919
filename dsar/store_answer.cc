#include "dsar/store_answer.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "core/file_identity.h"
#include "core/location.h"
#include "dsar/name_variants.h"
#include "dsar/person_consumer.h"

namespace piiscan::dsar {
namespace {

struct Target {
  std::string field, variant;
  Confidence confidence = Confidence::kHigh;
};

// One query name, as its tokens compare with a stored name's.
struct NameTarget {
  std::vector<std::string> surname;  // "s:HEX" each
  std::string given;                 // "g:HEX" of the first given name; "" if none
  std::string initial;               // "i:HEX" of its initial
};

// Whether `tokens` ("s:HEX g:HEX ...", detectors/name_keys.h) holds
// `token`. Every token is a role letter, ':' and 16 hex digits, so a match
// cannot start inside another token.
bool HasToken(std::string_view tokens, std::string_view token) {
  return tokens.find(token) != std::string_view::npos;
}

std::string LocationKey(const Location& where) {
  std::string key;
  for (const auto& step : where) key.append(step).push_back('\x1f');
  return key;
}

}  // namespace

struct StoreQuery::Impl {
  std::unordered_map<std::string, Target> by_hash;  // value hash -> what it is
  std::unordered_map<int64_t, std::vector<size_t>> by_surname;  // key -> names
  std::unordered_map<int64_t, Target> by_local_part;
  std::vector<NameTarget> names;
  std::vector<std::string> hashes;
  std::vector<int64_t> keys;

  // Whether the stored name `tokens` is query name `n`, and how strongly.
  std::optional<Target> MatchName(const NameTarget& n, std::string_view tokens) const {
    for (const auto& s : n.surname) {
      if (!HasToken(tokens, s)) return std::nullopt;
    }
    if (!n.given.empty() && HasToken(tokens, n.given)) return Target{"name", "full name", Confidence::kHigh};
    if (!n.initial.empty() && HasToken(tokens, n.initial))
      return Target{"name", "initials + surname", Confidence::kMedium};
    return Target{"name", "surname", Confidence::kLow};
  }

  std::optional<Target> Match(const Finding& f) const {
    if (auto it = by_hash.find(f.value_hash); it != by_hash.end()) return it->second;
    if (f.name_key == 0) return std::nullopt;
    if (f.category == "email") {
      if (auto it = by_local_part.find(f.name_key); it != by_local_part.end()) return it->second;
      return std::nullopt;
    }
    auto it = by_surname.find(f.name_key);
    if (it == by_surname.end()) return std::nullopt;
    std::optional<Target> best;
    for (size_t n : it->second) {
      auto t = MatchName(names[n], f.name_tokens);
      if (t && (!best || t->confidence > best->confidence)) best = t;
    }
    return best;
  }
};

StoreQuery::StoreQuery(const NormalisedQuery& query, const std::vector<rules::DetectorSpec>& specs,
                       const KeyedHasher& hasher, const detectors::NameKeyer& keyer)
    : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  auto category_of = [&](std::string_view detector) -> std::optional<std::string> {
    for (const auto& s : specs) {
      if (s.id == detector) return s.category;
    }
    return std::nullopt;
  };
  // A value as a scan hashes it: "category:value" (detectors/finding_maker.h).
  auto add_value = [&](std::string_view detector, const std::string& value, Target target) {
    auto category = category_of(detector);
    if (!category) return;
    std::string hash = hasher.Hash(*category + ":" + value);
    if (m.by_hash.emplace(hash, std::move(target)).second) m.hashes.push_back(std::move(hash));
  };
  const Target exact_email{"email", "exact value", Confidence::kHigh};
  for (const auto& v : query.emails) add_value("email", v, exact_email);
  for (const auto& v : query.ibans) add_value("iban", v, {"iban", "exact value", Confidence::kHigh});
  for (const auto& v : query.bsns) add_value("bsn", v, {"bsn", "exact value", Confidence::kHigh});
  for (const auto& v : query.phones) add_value("phone_nl", v, {"phone", "exact value", Confidence::kHigh});
  for (const auto& v : query.id_documents) {
    for (const char* d : {"id_document_nl", "drivers_licence_nl"})
      add_value(d, v, {"id_document", "document number", Confidence::kHigh});
  }
  for (const auto& v : query.birth_dates)
    add_value("date_of_birth", v, {"birth_date", "date of birth", Confidence::kMedium});
  if (!query.postcode.empty())
    add_value("postcode_nl", query.postcode, {"address", "postcode", Confidence::kLow});

  std::unordered_set<int64_t> keys;
  for (const auto& name : query.names) {
    NameTarget t;
    std::vector<std::string> surname_words = keyer.SurnameWords(name.surname);
    if (surname_words.empty()) continue;
    for (const auto& w : surname_words) t.surname.push_back(keyer.Token('s', w));
    for (const auto& w : surname_words) {
      int64_t k = keyer.SurnameKey(w);
      auto& list = m.by_surname[k];
      if (list.empty() || list.back() != m.names.size()) list.push_back(m.names.size());
      if (keys.insert(k).second) m.keys.push_back(k);
    }
    if (!name.given.empty()) {
      // A given name written as an initial ("J.") compares as one.
      std::string g = detectors::FoldNamePart(name.given[0]);
      bool initial = g.size() == 1 || g.find('.') != std::string::npos;
      std::string letter = initial ? g.substr(0, g.find('.')) : g.substr(0, 1);
      if (!initial) t.given = keyer.Token('g', g);
      if (!letter.empty()) t.initial = keyer.Token('i', letter);
    }
    m.names.push_back(std::move(t));
    for (const auto& v : NameVariants(name)) {
      if (!v.email_local) continue;
      std::string local = v.text.substr(0, v.text.size() - 1);  // without the '@'
      int64_t k = keyer.LocalPartKey(detectors::FoldNamePart(local));
      if (m.by_local_part.emplace(k, Target{"name", v.variant, v.confidence}).second &&
          keys.insert(k).second)
        m.keys.push_back(k);
    }
  }
}

StoreQuery::~StoreQuery() = default;

Result<StoreAnswer> StoreQuery::Answer(store::StoreReader& reader,
                                       const std::vector<store::ScanRecord>& scans,
                                       const StoreAnswerOptions& options) const {
  const Impl& m = *impl_;
  StoreAnswer answer;
  std::map<std::string, ItemReport> files;  // by path, sorted
  // The strongest hit per (file, location, value): a value may be reached
  // both by its hash and by its name key.
  std::unordered_map<std::string, std::pair<std::string, size_t>> seen;
  auto looked_up = reader.LookUp(m.hashes, m.keys, [&](const store::StoredFinding& stored) {
    auto target = m.Match(stored.finding);
    if (!target) return true;
    std::string triage_note;
    if (options.triage != nullptr) {
      store::TriageMatch t = options.triage->Match(stored);
      if (t.verdict != nullptr) {
        answer.triaged.Count(t);
        if (t.LeftOut() && !options.include_triaged) return true;
        triage_note = "triage: " + std::string(store::VerdictName(t.verdict->verdict)) +
                      (t.reopened ? " (reopened)" : "") + " (verdict " + std::to_string(t.verdict->id) + ")";
      }
    }
    ItemReport& item = files[stored.finding.file];
    if (item.file.empty()) {
      item.file = stored.finding.file;
      answer.on_disk[item.file] = JoinedPath(stored.root, stored.relative_path);
    }
    std::string key = stored.finding.file + '\0' + LocationKey(stored.finding.location) + '\0' +
                      stored.finding.value_hash;
    if (auto it = seen.find(key); it != seen.end()) {
      Finding& had = item.findings[it->second.second];
      if (had.confidence >= target->confidence) return true;
      had.confidence = target->confidence;
      had.score = ScoreOf(target->confidence);
      had.matched = Finding::QueryMatch{target->field, target->variant};
      return true;
    }
    Finding f = stored.finding;
    f.detector = "person";
    if (target->field == "name") f.category = "name";
    f.confidence = target->confidence;
    f.score = ScoreOf(target->confidence);
    f.matched = Finding::QueryMatch{target->field, target->variant};
    f.name_key = 0;
    f.name_tokens.clear();
    if (!triage_note.empty()) f.note = triage_note;
    seen.emplace(std::move(key), std::make_pair(stored.finding.file, item.findings.size()));
    item.findings.push_back(std::move(f));
    return true;
  });
  if (!looked_up) return std::unexpected(looked_up.error());
  for (auto& [path, item] : files) {
    if (!options.include_weak) DropLonelyWeakHits(item.findings);
    std::erase_if(item.findings, [&](const Finding& f) { return f.confidence < options.min_confidence; });
    answer.hits += item.findings.size();
  }
  std::erase_if(files, [&](const auto& kv) {
    if (!kv.second.findings.empty()) return false;
    answer.on_disk.erase(kv.first);
    return true;
  });

  auto statuses = reader.CurrentStatuses([&](const StatusRecord& s) {
    if (s.status == FileStatus::kOk || s.status == FileStatus::kSkipped) return true;
    ItemReport& item = files[s.file];
    item.file = s.file;
    item.statuses.push_back(s);
    ++answer.blind_spots;
    return true;
  });
  if (!statuses) return std::unexpected(statuses.error());

  std::map<std::string, RootCoverage> roots;
  for (const auto& scan : scans) {
    for (const auto& given : scan.info.roots) {
      std::string root = store::NormalizeRoot(given);
      RootCoverage& c = roots[root];
      c.root = root;
      if (scan.status == store::ScanStatus::kCompleted) {
        c.completed_unix_ms = scan.info.started_unix_ms;
        c.scan_id = scan.info.scan_id;
      }
    }
  }
  for (auto& [root, c] : roots) answer.roots.push_back(std::move(c));
  for (auto& [path, item] : files) answer.files.push_back(std::move(item));
  return answer;
}

}  // namespace piiscan::dsar
