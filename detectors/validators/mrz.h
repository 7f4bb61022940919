#pragma once
// Machine-readable zones of travel documents (ICAO Doc 9303,
// docs/detectors.md): TD3 (passports, 2 lines of 44) and TD1 (ID
// cards, 3 lines of 30), characters A-Z 0-9 '<', check digits with weights
// 7-3-1. A parsed MRZ yields the document number, the birth date and, on
// Dutch documents of the 2014 design, the BSN in the personal-number /
// optional-data field. Also: the document-number shape of Dutch passports
// and ID cards outside an MRZ.
//
// Thread safety: pure functions.

#include <optional>
#include <string>
#include <string_view>

#include "detectors/validators/validator.h"

namespace piiscan::detectors {

// 7-3-1 check digit of an MRZ field ('<' = 0, A = 10 .. Z = 35), or -1 when
// the field holds another character.
int MrzCheckDigit(std::string_view field);

struct MrzField {
  std::string value;
  size_t line = 0;    // 0-based line of the MRZ
  size_t offset = 0;  // within that line
  size_t length = 0;
};

struct Mrz {
  std::string type;            // "TD1" or "TD3"
  MrzField document_number;    // fillers removed, upper case
  MrzField birth_date;         // ISO YYYY-MM-DD (empty when the field is unknown '<<<<<<')
  MrzField bsn;                // 9 digits passing the 11-test, or empty
  bool composite_ok = false;   // the composite check digit holds too
};

// `lines` are the MRZ lines without line ends: 2 x 44 or 3 x 30. Returns
// nothing unless the shape holds and the document-number and birth-date
// check digits are right.
std::optional<Mrz> ParseMrz(std::string_view l1, std::string_view l2, std::string_view l3 = {});

// A Dutch passport / ID-card number outside an MRZ: `[A-Z]{2}[A-Z0-9]{6}[0-9]`
// without the letter O, with at least one digit among positions 3-8.
// Specimen numbers (SPECI...) are flagged and scored low.
std::optional<Validated> ValidateDocumentNumberNl(std::string_view raw);

}  // namespace piiscan::detectors
