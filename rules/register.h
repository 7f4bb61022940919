#pragma once
// The register of processing (verwerkingsregister, AVG art. 30) as piiscan
// reads it from YAML (format: docs/register.md): the organisation, its
// systems with where their data lies (location globs), which categories of
// personal data they hold, how long, why and on what legal ground, and the
// promises the organisation made ("no special categories", "no ID copies",
// the legal basis for BSN use under UAVG art. 46).
//
// Loading validates everything and reports the first problem with file, line
// and what was expected; unknown categories are named (with a suggestion).
// A loaded Register is immutable and safe to share between threads.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "rules/category_aliases.h"

namespace piiscan::rules {

// A declared retention period ("24m", "2y", "7y", "10y").
struct Retention {
  int months = 0;
  std::string text;  // as written
};

// Parses "24m", "2y", "18 months", "7 jaar"; nullopt when not a period.
std::optional<Retention> ParseRetention(std::string_view text);

struct Promises {
  bool no_special_categories = false;
  bool no_id_copies = false;
  bool no_physical_copies = false;  // declared; not checkable by a scan
  std::string bsn_basis;            // the legal ground for BSN use; "" = none declared
};

struct RegisterSystem {
  std::string id;    // unique, used in gaps and reports
  std::string name;  // for people; defaults to id
  std::string kind;  // free text: mail, crm, accounting ...
  std::vector<std::string> locations;   // globs (rules/register_glob.h)
  std::vector<std::string> categories;  // category ids, unique, in declared order
  std::optional<Retention> retention;
  std::vector<std::string> purposes;
  std::vector<std::string> legal_basis;  // AVG art. 6 grounds
  Promises promises;                     // in addition to the organisation's
  int line = 0;                          // where it is declared (1-based)

  bool Declares(std::string_view category) const;
};

struct Register {
  std::string file;          // where it was loaded from (for messages)
  std::string organisation;
  std::string kvk;
  Promises promises;         // organisation-wide
  std::vector<std::string> legal_basis;
  std::optional<Retention> retention;  // default for systems without their own
  std::vector<RegisterSystem> systems;
  std::shared_ptr<const CategoryVocabulary> vocabulary;  // never null once loaded

  const RegisterSystem* Find(std::string_view id) const;
};

// AVG art. 6 grounds, as written in registers.
const std::vector<std::string>& LegalBasisNames();

Result<Register> ParseRegister(const std::string& yaml, const std::string& file,
                               std::shared_ptr<const CategoryVocabulary> vocabulary);
// Reads and parses `path` with the embedded category vocabulary.
Result<Register> LoadRegisterFile(const std::string& path);

}  // namespace piiscan::rules
