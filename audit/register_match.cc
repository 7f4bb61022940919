#include "audit/register_match.h"

#include <algorithm>

#include "rules/register_glob.h"

namespace piiscan::audit {

RegisterMatcher::RegisterMatcher(const rules::Register& reg) : reg_(reg) {
  for (const auto& system : reg_.systems) {
    auto& globs = globs_.emplace_back();
    for (const auto& glob : system.locations) {
      Glob g{rules::NormalisePath(glob), "", rules::GlobSpecificity(glob)};
      size_t start = 0;
      for (size_t i = 0; i <= g.glob.size(); ++i) {
        if (i < g.glob.size() && g.glob[i] != '*' && g.glob[i] != '?') continue;
        if (i - start > g.literal.size()) g.literal = g.glob.substr(start, i - start);
        start = i + 1;
      }
      globs.push_back(std::move(g));
    }
  }
}

// Findings arrive grouped per file, so a one-entry cache does most of the work.
const std::vector<int>& RegisterMatcher::Match(const std::string& file) {
  if (cache_valid_ && file == cache_file_) return cache_;
  const std::string path = rules::NormalisePath(file);
  std::vector<std::pair<int, int>> scored;
  for (size_t i = 0; i < globs_.size(); ++i) {
    int best = -1;
    for (const auto& g : globs_[i]) {
      if (path.find(g.literal) == std::string::npos) continue;
      if (rules::NormalisedGlobCovers(g.glob, path)) best = std::max(best, g.specificity);
    }
    if (best >= 0) scored.emplace_back(-best, static_cast<int>(i));
  }
  std::sort(scored.begin(), scored.end());
  cache_.clear();
  for (auto& [s, i] : scored) cache_.push_back(i);
  cache_file_ = file;
  cache_valid_ = true;
  return cache_;
}

bool RegisterMatcher::AnyPromise(const std::vector<int>& m, bool rules::Promises::*field) const {
  if (reg_.promises.*field) return true;
  return std::any_of(m.begin(), m.end(), [&](int i) { return reg_.systems[i].promises.*field; });
}

bool RegisterMatcher::AnyBsnBasis(const std::vector<int>& m) const {
  if (!reg_.promises.bsn_basis.empty()) return true;
  return std::any_of(m.begin(), m.end(),
                     [&](int i) { return !reg_.systems[i].promises.bsn_basis.empty(); });
}

bool RegisterMatcher::AnyDeclares(const std::vector<int>& m, std::string_view category) const {
  return std::any_of(m.begin(), m.end(), [&](int i) { return reg_.systems[i].Declares(category); });
}

std::optional<GapKind> RegisterMatcher::CategoryGap(const std::vector<int>& m,
                                                    std::string_view category,
                                                    bool& promise) const {
  bool declared = AnyDeclares(m, category);
  if (category == "special_category") {
    promise = AnyPromise(m, &rules::Promises::no_special_categories);
    if (promise || !declared) return GapKind::kSpecialCategory;
    return std::nullopt;
  }
  if (category == "national_id") {
    if (!AnyBsnBasis(m)) return GapKind::kBsnWithoutBasis;
    if (!declared) return GapKind::kUndeclaredCategory;
    return std::nullopt;
  }
  if (category == "identity_document") {
    promise = AnyPromise(m, &rules::Promises::no_id_copies);
    if (promise || !declared) return GapKind::kIdCopy;
    return std::nullopt;
  }
  if (!declared) return GapKind::kUndeclaredCategory;
  return std::nullopt;
}

}  // namespace piiscan::audit
