#pragma once
// Which register systems cover a file, and which gap (if any) a finding of
// a category makes there: the one rule the audit and its trends both apply
// (docs/register.md). A RegisterMatcher keeps a one-file cache, so it is not
// thread-safe: one per thread.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit.h"
#include "rules/register.h"

namespace piiscan::audit {

class RegisterMatcher {
 public:
  // `reg` must outlive the matcher.
  explicit RegisterMatcher(const rules::Register& reg);

  // Indices of the systems whose locations cover `file`, most specific
  // first (the first is the system a finding is attributed to). Valid until
  // the next call.
  const std::vector<int>& Match(const std::string& file);

  // The category check of a finding inside the systems `m` (not empty): at
  // most one gap, the most specific kind first; `promise` tells whether it
  // breaks a promise of the register.
  std::optional<GapKind> CategoryGap(const std::vector<int>& m, std::string_view category,
                                     bool& promise) const;

 private:
  bool AnyPromise(const std::vector<int>& m, bool rules::Promises::*field) const;
  bool AnyBsnBasis(const std::vector<int>& m) const;
  bool AnyDeclares(const std::vector<int>& m, std::string_view category) const;

  const rules::Register& reg_;
  // Per system: its location globs normalised once, with their specificity
  // (normalising them per file was 6% of an audit's instructions).
  // And its longest run of literal characters: a path that does not
  // contain it cannot be covered, which rules most globs out with one
  // search instead of a match at every folder boundary.
  struct Glob {
    std::string glob, literal;
    int specificity = 0;
  };
  std::vector<std::vector<Glob>> globs_;
  std::string cache_file_;
  bool cache_valid_ = false;
  std::vector<int> cache_;
};

}  // namespace piiscan::audit
