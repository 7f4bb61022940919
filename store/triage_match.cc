#include "store/triage_match.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>

#include "core/glob.h"

namespace piiscan::store {
namespace {

constexpr int64_t kNever = std::numeric_limits<int64_t>::max();

// A path component the glob's matches always hold whole: its last component
// without wildcards ("marketing" of "shares/marketing/**", "d001" of
// "**/d001/doc*"). Every component of a glob lines up with a whole
// component of the path it matches (GlobMatchesPath starts at a '/'), so a
// path without it cannot match. "" when every component has a wildcard.
std::string_view LiteralComponent(std::string_view glob) {
  std::string_view best;
  size_t start = 0;
  while (start <= glob.size()) {
    size_t end = glob.find('/', start);
    if (end == std::string_view::npos) end = glob.size();
    std::string_view c = glob.substr(start, end - start);
    if (!c.empty() && c.find_first_of("*?[") == std::string_view::npos) best = c;
    start = end + 1;
  }
  return best;
}

// The longest run of the glob without wildcards: a substring of every path
// it matches (a cheap test before the glob itself).
std::string_view LongestLiteral(std::string_view glob) {
  std::string_view best;
  size_t start = 0;
  while (start < glob.size()) {
    size_t end = glob.find_first_of("*?[", start);
    if (end == std::string_view::npos) end = glob.size();
    if (end - start > best.size()) best = glob.substr(start, end - start);
    if (end < glob.size() && glob[end] == '[') end = glob.find(']', end + 1);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return best;
}

// 64 bits of a value hash (hex of a keyed hash: its bytes are as good as
// random) for the flat set; never 0, which marks an empty slot.
uint64_t ValueKey(std::string_view hash) {
  uint64_t a = 0, b = 0;
  std::memcpy(&a, hash.data(), std::min<size_t>(8, hash.size()));
  if (hash.size() > 8) std::memcpy(&b, hash.data() + 8, std::min<size_t>(8, hash.size() - 8));
  uint64_t k = (a ^ (b * 0x9E3779B97F4A7C15ull) ^ hash.size()) * 0xBF58476D1CE4E5B9ull;
  k ^= k >> 31;
  return k ? k : 1;
}

}  // namespace

bool TriageFileNames(std::string_view file, std::string_view path) {
  if (file.empty() || path.size() < file.size() || !path.ends_with(file)) return false;
  return path.size() == file.size() || path[path.size() - file.size() - 1] == '/';
}

void TriageTally::Count(const TriageMatch& m) {
  if (!m.verdict) return;
  if (m.reopened) {
    ++reopened;
    return;
  }
  ++left_out[static_cast<size_t>(m.verdict->verdict)];
}

std::string TriageTally::Describe() const {
  std::string out;
  if (Total() > 0) {
    out = std::to_string(Total()) + " findings left out by triage:";
    const char* sep = " ";
    for (Verdict v : {Verdict::kFalsePositive, Verdict::kAccepted, Verdict::kRemediated}) {
      out += sep + std::to_string(left_out[static_cast<size_t>(v)]) + " " +
             std::string(VerdictName(v));
      sep = ", ";
    }
  }
  if (reopened > 0) {
    if (!out.empty()) out += "; ";
    out += std::to_string(reopened) + " remediated findings reopened (a later scan still saw them)";
  }
  return out;
}

// Glob + detector verdicts, indexed by a path component their matches hold.
struct TriageMatcher::Globs {
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, bool, Hash, std::equal_to<>> detectors;  // with a glob verdict
  std::unordered_map<std::string, std::vector<uint32_t>, Hash, std::equal_to<>> by_component;
  std::vector<uint32_t> unindexed;
  std::vector<std::string> literal;  // per verdict: a glob's LongestLiteral
  // The last file asked about, and the latest verdict per detector there.
  std::string path;
  bool cached = false;
  std::vector<std::pair<std::string, uint32_t>> hits;
  // The last folder, and the glob verdicts its components make candidates
  // (a folder's files come one after another).
  std::string dir;
  bool dir_cached = false;
  std::vector<uint32_t> dir_candidates;
};

TriageMatcher::TriageMatcher(std::vector<TriageVerdict> verdicts,
                             const std::vector<ScanRecord>& scans)
    : verdicts_(std::move(verdicts)), globs_(std::make_unique<Globs>()) {
  std::vector<int64_t> completed;
  for (const auto& s : scans) {
    auto [it, added] =
        key_number_.try_emplace(s.info.key_fingerprint, static_cast<int>(key_number_.size()));
    scan_key_[s.id] = it->second;
    if (s.status == ScanStatus::kCompleted) completed.push_back(s.id);
    current_key_ = s.info.key_fingerprint;
  }
  for (auto it = scans.rbegin(); it != scans.rend(); ++it) {
    if (it->status == ScanStatus::kCompleted) {
      current_key_ = it->info.key_fingerprint;
      break;
    }
  }
  std::sort(completed.begin(), completed.end());
  for (uint32_t i = 0; i < verdicts_.size(); ++i) {
    const TriageVerdict& v = verdicts_[i];
    auto key = key_number_.find(v.key_fingerprint);
    verdict_key_.push_back(key == key_number_.end() ? -1 : key->second);
    auto after = std::upper_bound(completed.begin(), completed.end(), v.scan);
    confirm_from_.push_back(after == completed.end() ? kNever : *after);
    if (v.ByValue()) {
      by_value_[v.value_hash].push_back(i);
    } else if (!v.glob.empty()) {
      globs_->detectors[v.detector] = true;
      std::string_view component = LiteralComponent(v.glob);
      globs_->literal.resize(verdicts_.size());
      globs_->literal[i] = std::string(LongestLiteral(v.glob));
      if (component.empty()) {
        globs_->unindexed.push_back(i);
      } else {
        globs_->by_component[std::string(component)].push_back(i);
      }
    }
  }
  if (!by_value_.empty()) {
    size_t slots = std::bit_ceil(by_value_.size() * 2 + 2);
    value_keys_.assign(slots, 0);
    value_shift_ = 64 - std::countr_zero(slots);
    size_t mask = slots - 1;
    value_bits_.assign(std::bit_ceil(by_value_.size() * 16 + 64) / 64, 0);
    for (const auto& [hash, list] : by_value_) {
      uint64_t key = ValueKey(hash);
      uint64_t bit = key & (value_bits_.size() * 64 - 1);
      value_bits_[bit >> 6] |= uint64_t{1} << (bit & 63);
      size_t i = static_cast<size_t>(key >> value_shift_);
      while (value_keys_[i] != 0 && value_keys_[i] != key) i = (i + 1) & mask;
      value_keys_[i] = key;
    }
  }
}

bool TriageMatcher::MaybeByValue(std::string_view hash) const {
  if (value_keys_.empty()) return false;
  uint64_t key = ValueKey(hash);
  uint64_t bit = key & (value_bits_.size() * 64 - 1);
  if (!(value_bits_[bit >> 6] & (uint64_t{1} << (bit & 63)))) return false;
  size_t mask = value_keys_.size() - 1;
  for (size_t i = static_cast<size_t>(key >> value_shift_);; i = (i + 1) & mask) {
    if (value_keys_[i] == key) return true;
    if (value_keys_[i] == 0) return false;
  }
}

TriageMatcher::~TriageMatcher() = default;
TriageMatcher::TriageMatcher(TriageMatcher&&) noexcept = default;
TriageMatcher& TriageMatcher::operator=(TriageMatcher&&) noexcept = default;

bool TriageMatcher::KeyMismatch(const TriageVerdict& v) const {
  return v.ByValue() && v.key_fingerprint != current_key_;
}

TriageMatch TriageMatcher::Match(const StoredFinding& f) {
  if (verdicts_.empty()) return {};
  const TriageVerdict* v = ByValue(f);
  if (!v) v = ByGlob(f);
  return Decide(v, f);
}

TriageMatch TriageMatcher::Decide(const TriageVerdict* v, const StoredFinding& f) const {
  if (!v) return {};
  size_t i = static_cast<size_t>(v - verdicts_.data());
  bool reopened = v->verdict == Verdict::kRemediated && f.last_scan >= confirm_from_[i];
  return {v, reopened};
}

const TriageVerdict* TriageMatcher::ByValue(const StoredFinding& f) const {
  if (!MaybeByValue(f.finding.value_hash)) return nullptr;
  auto it = by_value_.find(f.finding.value_hash);
  if (it == by_value_.end()) return nullptr;
  auto key = scan_key_.find(f.last_scan);
  if (key == scan_key_.end()) return nullptr;
  const TriageVerdict* wide = nullptr;
  for (uint32_t i : it->second) {
    if (verdict_key_[i] != key->second) continue;
    const TriageVerdict& v = verdicts_[i];
    if (v.file.empty()) {
      wide = &v;
    } else if (TriageFileNames(v.file, f.finding.file)) {
      return &v;
    }
  }
  return wide;
}

const TriageVerdict* TriageMatcher::ByGlob(const StoredFinding& f) {
  Globs& g = *globs_;
  if (g.detectors.empty() ||
      g.detectors.find(std::string_view(f.finding.detector)) == g.detectors.end())
    return nullptr;
  const std::string& path = f.finding.file;
  if (!g.cached || g.path != path) {
    g.path = path;
    g.cached = true;
    g.hits.clear();
    auto consider = [&](uint32_t i) {
      const TriageVerdict& v = verdicts_[i];
      // The glob's literal is a cheap first test (it rules out most
      // neighbours of a matching folder in a few instructions).
      if (path.find(g.literal[i]) == std::string::npos || !GlobMatchesPath(v.glob, path)) return;
      for (auto& [detector, best] : g.hits) {
        if (detector == v.detector) {
          best = std::max(best, i);  // the latest verdict wins
          return;
        }
      }
      g.hits.emplace_back(v.detector, i);
    };
    std::string_view p = path;
    size_t slash = p.rfind('/');
    std::string_view dir =
        slash == std::string_view::npos ? std::string_view() : p.substr(0, slash + 1);
    if (!g.dir_cached || g.dir != dir) {
      g.dir.assign(dir);
      g.dir_cached = true;
      g.dir_candidates = g.unindexed;
      size_t start = 0;
      while (start < dir.size()) {
        size_t end = dir.find('/', start);
        auto it = g.by_component.find(dir.substr(start, end - start));
        if (it != g.by_component.end())
          g.dir_candidates.insert(g.dir_candidates.end(), it->second.begin(), it->second.end());
        start = end + 1;
      }
    }
    for (uint32_t i : g.dir_candidates) consider(i);
    std::string_view base = p.substr(dir.size());
    if (auto it = g.by_component.find(base); it != g.by_component.end())
      for (uint32_t i : it->second) consider(i);
  }
  for (const auto& [detector, i] : g.hits) {
    if (detector == f.finding.detector) return &verdicts_[i];
  }
  return nullptr;
}

}  // namespace piiscan::store
