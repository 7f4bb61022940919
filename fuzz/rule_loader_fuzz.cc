// Detector specs and lexicons (rules/rule_loader.h): a --rules folder is
// user input; a broken spec must become an error, never a crash or a throw.

#include <cstddef>
#include <cstdint>
#include <string>

#include "rules/rule_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  piiscan::rules::ParseDetectorSpecs(text, "fuzz.yaml");
  piiscan::rules::ParseLexicon(text);
  return 0;
}
