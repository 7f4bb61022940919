// One extractor, through the public interface (the registry's entry for the
// sniffed type PIISCAN_FUZZ_TYPE): built once per type as extract_TYPE_fuzz
// (fuzz/CMakeLists.txt). Children go through dispatch, as in a scan.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "formats/registry.h"
#include "fuzz/fuzz_context.h"

#ifndef PIISCAN_FUZZ_TYPE
#error "PIISCAN_FUZZ_TYPE names the sniffed type to extract"
#endif

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const piiscan::formats::Extractor* extractor = [] {
    const auto* entry = piiscan::formats::FindFormat(PIISCAN_FUZZ_TYPE);
    if (entry == nullptr || entry->extractor == nullptr) {
      std::fprintf(stderr, "no extractor for %s\n", PIISCAN_FUZZ_TYPE);
      std::abort();
    }
    return entry->extractor;
  }();
  piiscan::fuzz::FuzzContext ctx;
  extractor->Extract(std::string_view(reinterpret_cast<const char*>(data), size), {"fuzz"}, ctx);
  return 0;
}
