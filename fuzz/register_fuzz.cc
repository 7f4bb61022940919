// The register of processing (rules/register.h, YAML via yaml-cpp): any text
// must parse or fail with an error, never crash or throw.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "rules/register.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace rules = piiscan::rules;
  static const auto vocabulary =
      std::make_shared<const rules::CategoryVocabulary>(rules::CategoryVocabulary::Embedded().value());
  std::string yaml(reinterpret_cast<const char*>(data), size);
  auto parsed = rules::ParseRegister(yaml, "fuzz.yaml", vocabulary);
  if (parsed) {
    for (const auto& system : parsed->systems) parsed->Find(system.id);
  }
  rules::ParseRetention(yaml);
  return 0;
}
