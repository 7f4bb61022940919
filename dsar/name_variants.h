#pragma once
// The written forms of a subject's name and birth date that a DSAR search
// looks for, each labelled with what it is and how strongly it points at the
// subject:
//   high    full name ("Jan de Vries", "Jan Peter de Vries"), surname first
//           ("De Vries, Jan", "Vries, Jan de"), full-name e-mail local parts
//           ("jan.devries@", "jandevries@", "jan.de.vries@")
//   medium  initials + surname ("J. de Vries", "J.P. de Vries", "JP de Vries",
//           "Vries, J. de"), initial e-mail local parts ("j.devries@",
//           "jdevries@"); a birth date written out in any common form
//   low     salutation + surname ("de heer De Vries", "mevr. De Vries") and
//           the surname alone ("de Vries"): namesakes share them
// Literals are folded (dsar/person_fold.h) and matched caseless, which
// also covers a capitalised tussenvoegsel ("De Vries") and "Müller"/"Muller".
// Pure functions; thread-safe.

#include <string>
#include <vector>

#include "core/confidence.h"
#include "dsar/person_query.h"

namespace piiscan::dsar {

struct Variant {
  std::string text;     // folded literal, single spaces
  std::string variant;  // what kind of form, e.g. "initials + surname"
  Confidence confidence = Confidence::kLow;
  bool email_local = false;  // ends in '@': the local part of an address
};

// Forms of one name; no duplicates (the first, strongest label wins).
std::vector<Variant> NameVariants(const PersonName& name);
// Forms of an ISO date: 12-03-1985, 12-3-1985, 12/03/1985, 12.03.1985,
// 1985-03-12, 12 maart 1985, 12 mrt. 1985, 12 March 1985, March 12, 1985 ...
std::vector<Variant> DateVariants(const std::string& iso);

}  // namespace piiscan::dsar
