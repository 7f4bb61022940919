#pragma once
// The subject of a DSAR search (piiscan person): what the handler knows
// about one person, as given on the command line or in a subject YAML file,
// and the same checked and normalised the way the detectors normalise what
// they find (IBAN compact upper-case, phone E.164, BSN 9 digits, e-mail
// lower-case, date ISO), so that a found value equals a query value exactly.
//
// Subject file (every key optional, singular or plural, scalar or list):
//   names: ["Jan Peter de Vries", "Jan Bakker"]   # maiden and former names too
//   emails: [jan.devries@example.nl]
//   phones: ["06-12345678"]
//   iban: NL91 ABNA 0417 1643 00
//   bsn: 111222333
//   birth_date: 1985-03-12                         # or 12-03-1985
//   id_documents: [XN12AB3C4]
//   postcode: 1234 AB
//   house_number: 12a
//
// Error messages name the field (and file line), never the value: they end
// up in terminals and logs. Pure functions; thread-safe.

#include <string>
#include <unordered_set>
#include <vector>

#include "core/status.h"
#include "rules/detector_spec.h"

namespace piiscan::dsar {

struct PersonQuery {
  std::vector<std::string> names, emails, phones, ibans, bsns, birth_dates, id_documents;
  std::string postcode, house_number;
};

// A personal name split the Dutch way: given names, tussenvoegsel, surname.
// "Jan Peter de Vries" -> {Jan, Peter}, "de", "Vries"; "De Vries, Jan" and
// "Vries, Jan de" give the same.
struct PersonName {
  std::vector<std::string> given;
  std::string prefix;   // tussenvoegsel, lower case ("de", "van der"); may be empty
  std::string surname;  // "Vries", "Vries-Bakker"
};

struct NormalisedQuery {
  std::vector<PersonName> names;
  std::vector<std::string> emails, phones, ibans, bsns, birth_dates, id_documents;
  std::string postcode;      // "1234AB"
  std::string house_number;  // "12", "12A", "12-2"
  bool empty() const;
};

// Tussenvoegsels in lower case; several may follow each other ("van der",
// "in 't"). The one list is the lexicon name_prefixes of the rules
// (rules/data/lexicons/name_prefixes.txt), which the scan's name finder
// reads too, so a query splits a name as a scan does.
using NamePrefixes = std::unordered_set<std::string>;
Result<NamePrefixes> LoadNamePrefixes(const rules::RuleSet& rules);

Result<PersonQuery> ParseSubjectYaml(const std::string& yaml, const std::string& file);
Result<NormalisedQuery> NormaliseQuery(const PersonQuery& query, const NamePrefixes& prefixes);

// Exposed for tests and variant generation.
Result<PersonName> ParsePersonName(const std::string& written, const NamePrefixes& prefixes);
// ISO date from "1985-03-12", "12-03-1985", "12/3/1985", "12.03.1985".
Result<std::string> ParseBirthDate(const std::string& text);

}  // namespace piiscan::dsar
