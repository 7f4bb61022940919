// The entry point of the format module (format_module.h): the extractors
// built into piiscan-formats.so, by sniffed type, derived from the
// declarations of home Home::kModule (format_list.h). Linked into the module
// and into the test programs, never into the executable.
#include <vector>

#include "formats/format_list.h"
#include "formats/format_module.h"

namespace piiscan::formats {
namespace {

template <class F>
void AddIfInModule(std::vector<ModuleFormat>& out) {
  if constexpr (F::kSpec.home == Home::kModule) {
    static_assert(F::kSpec.type.data()[F::kSpec.type.size()] == '\0',
                  "the type crosses as a C string");
    out.push_back({F::kSpec.type.data(), &F::Reader()});
  }
}

template <class... F>
std::vector<ModuleFormat> ModuleFormats(FormatList<F...>) {
  std::vector<ModuleFormat> out;
  (AddIfInModule<F>(out), ...);
  return out;
}

}  // namespace
}  // namespace piiscan::formats

extern "C" const piiscan::formats::FormatModuleTable* piiscan_format_module_v1() {
  using namespace piiscan::formats;
  static const std::vector<ModuleFormat> kFormats = ModuleFormats(AllFormatDecls{});
  static const FormatModuleTable kTable{FormatModuleBuild(), FormatModuleLayout(), kFormats.data(),
                                        kFormats.size()};
  return &kTable;
}
