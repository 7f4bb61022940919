// The zip central-directory reader (formats/archive/zip_directory.h): end
// record, zip64 locator, entries, overlap count and stored-entry views, all
// on untrusted offsets and sizes.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/archive/zip_directory.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view zip(reinterpret_cast<const char*>(data), size);
  auto directory = piiscan::formats::ReadZipDirectory(zip, 1000);
  if (!directory) return 0;
  piiscan::formats::CountOverlappingEntries(zip, *directory);
  for (const auto& entry : directory->entries) {
    auto stored = piiscan::formats::StoredEntryData(zip, entry);
    // A view must lie inside the input.
    if (stored && !stored->empty() &&
        (stored->data() < zip.data() || stored->data() + stored->size() > zip.data() + zip.size())) {
      __builtin_trap();
    }
  }
  return 0;
}
