#pragma once
// The register's category vocabulary (rules/data/register/categories.yaml):
// the fixed category ids detectors map to, which of them are sensitive, and
// the words registers and privacy statements use for them ("naam",
// "bankrekeningnummer", "ID-bewijs" ...). Immutable after loading; safe to
// share between threads.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "rules/detector_spec.h"

namespace piiscan::rules {

struct CategoryInfo {
  std::string id;     // e.g. "bank_account"
  std::string label;  // for people, e.g. "Bankrekeningnummer"
  bool sensitive = false;
};

class CategoryVocabulary {
 public:
  // Parses categories.yaml; `file` names it in errors.
  static Result<CategoryVocabulary> Parse(const std::string& yaml, const std::string& file);
  // From the rule set (RuleSet::files["register/categories.yaml"]).
  static Result<CategoryVocabulary> FromRules(const RuleSet& rules);
  // The embedded copy; fails only if the build embedded a broken file.
  static Result<CategoryVocabulary> Embedded();

  const std::vector<CategoryInfo>& categories() const { return categories_; }
  bool IsCategory(std::string_view id) const;
  bool IsSensitive(std::string_view id) const;
  std::string Label(std::string_view id) const;  // the id itself when unknown

  // A category id or alias (case-insensitive) as written in a register ->
  // category ids; nullopt when unknown.
  std::optional<std::vector<std::string>> Resolve(std::string_view word) const;
  // The closest known id or alias, for "did you mean" in errors; "" if none.
  std::string Suggest(std::string_view word) const;

  // Words safe to look for in running text (aliases and groups, not the
  // vague register-only aliases), lower case -> categories.
  const std::map<std::string, std::vector<std::string>>& text_terms() const { return text_terms_; }
  // Kinds of data with no category ("inloggegevens").
  const std::vector<std::string>& unmapped() const { return unmapped_; }

 private:
  std::vector<CategoryInfo> categories_;
  std::map<std::string, std::vector<std::string>> all_terms_;   // ids, aliases, groups
  std::map<std::string, std::vector<std::string>> text_terms_;
  std::vector<std::string> unmapped_;
};

// ASCII lower case (category words are compared this way; UTF-8 bytes pass).
std::string AsciiLower(std::string_view s);

}  // namespace piiscan::rules
