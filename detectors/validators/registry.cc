// The one table of validators by name; detector specs refer to these names.
#include "detectors/validators/birth_date.h"
#include "detectors/validators/bsn.h"
#include "detectors/validators/btw.h"
#include "detectors/validators/creditcard.h"
#include "detectors/validators/email.h"
#include "detectors/validators/iban.h"
#include "detectors/validators/ip_address.h"
#include "detectors/validators/kvk.h"
#include "detectors/validators/mrz.h"
#include "detectors/validators/phone_nl.h"
#include "detectors/validators/postcode.h"
#include "detectors/validators/validator.h"

namespace piiscan::detectors {

ValidatorFn FindValidator(std::string_view name) {
  struct Entry {
    std::string_view name;
    ValidatorFn fn;
  };
  static constexpr Entry kValidators[] = {
      {"iban", ValidateIban},
      {"bsn", ValidateBsn},
      {"phone_nl", ValidatePhoneNl},
      {"email", ValidateEmail},
      {"btw", ValidateBtw},
      {"kvk", ValidateKvk},
      {"creditcard", ValidateCreditCard},
      {"postcode_nl", ValidatePostcode},
      {"birth_date", ValidateBirthDate},
      {"ipv4", ValidateIpv4},
      {"ipv6", ValidateIpv6},
      {"document_number_nl", ValidateDocumentNumberNl},
  };
  for (const auto& e : kValidators) {
    if (e.name == name) return e.fn;
  }
  return nullptr;
}

}  // namespace piiscan::detectors
