// The one table of validators by name; detector specs refer to these names.
#include "detectors/validators/bsn.h"
#include "detectors/validators/email.h"
#include "detectors/validators/iban.h"
#include "detectors/validators/phone_nl.h"
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
  };
  for (const auto& e : kValidators) {
    if (e.name == name) return e.fn;
  }
  return nullptr;
}

}  // namespace piiscan::detectors
