#pragma once
// `piiscan register draft`: reads a privacy statement (Dutch or English) and
// drafts a register (YAML, docs/register.md) for a person to complete: the
// organisation, the systems it names (lexicon: rules/data/register/
// systems.yaml), the categories of data tied to each system where the text
// ties them, retention periods tied to what they govern, promises and legal
// grounds. Every drafted value carries the sentence it came from; what the
// text cannot say (locations) is marked TODO. All phrases and names live in
// rules/data/register/*.yaml, none in code. Pure functions; thread-safe.

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "rules/detector_spec.h"

namespace piiscan::audit {

struct DraftSystem {
  std::string id;
  std::string name;
  std::string kind;
  bool generic = false;                 // "CRM systeem" rather than a product
  std::vector<std::string> categories;  // category ids
  bool categories_assumed = false;      // from the statement's overall list, not tied in the text
  std::vector<std::string> evidence;    // sentences that tie data to it
  std::optional<int> retention_months;
  std::vector<std::string> retention_notes;  // sentences about how long
  std::vector<std::string> purposes;         // suggested from its kind
};

struct DraftPromise {
  std::string name;      // no_special_categories, no_id_copies, no_physical_copies, bsn_basis
  std::string evidence;  // the sentence
};

// A retention period the statement ties to a kind of data rather than a
// system ("Adres ... drie maanden na beëindiging"): a comment for the person
// who sets retention on the systems that hold it.
struct DataRetention {
  std::string data;  // category ids ("name, email"), or the heading it stood under
  int months = 0;
  std::string note;  // the sentence
};

struct RegisterDraft {
  std::string organisation;
  std::string kvk;
  std::string legal_form;                   // "eenmanszaak" when stated
  std::vector<std::string> legal_basis;     // AVG art. 6 names
  std::vector<std::string> legal_basis_evidence;
  std::vector<DraftPromise> promises;
  std::optional<int> retention_months;      // organisation-wide
  std::vector<std::string> retention_notes;
  std::vector<DataRetention> data_retention;    // periods per kind of data, in order
  std::vector<std::string> overall_categories;  // listed without a system
  std::vector<std::string> unmapped;            // data named that has no category ("inloggegevens")
  std::vector<DraftSystem> systems;
};

Result<RegisterDraft> DraftRegister(const std::string& statement, const rules::RuleSet& rules);

// The draft as register YAML with comments; loads with rules::ParseRegister.
std::string DraftToYaml(const RegisterDraft& draft, const std::string& source_name);

}  // namespace piiscan::audit
