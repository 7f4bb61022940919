#pragma once
// Masks a normalised value for output, so reports show enough to recognise a
// finding ("NL91 **** **** **** 4300", "j***@example.nl") without disclosing
// it. The masker is named by the detector spec:
//   iban       first 4 and last 4 characters kept, groups of four
//   keep_last:N all but the last N characters hidden (keep_last alone: 3)
//   email      first character of the local part and the domain kept
//   phone      country code, first digit and last 2 digits kept
//   date       only the shape: "****-**-**" with the century kept
//   name       first letter of each word kept
//   ip         first half kept
//   term       the value itself (special-category terms are not identifiers)

#include <string>
#include <string_view>

namespace piiscan::detectors {

std::string Mask(std::string_view value, std::string_view masker);

}  // namespace piiscan::detectors
