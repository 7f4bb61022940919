#include "formats/registry.h"

#include <vector>

#include "formats/format_list.h"
#include "formats/format_module.h"

namespace piiscan::formats {
namespace {

// Only the readers of the executable are referenced here: the module's are
// reached through proxies, so the executable links none of their code.
template <class F>
FormatEntry EntryOf() {
  const FormatSpec& spec = F::kSpec;
  const Extractor* extractor = nullptr;
  if constexpr (F::kSpec.home == Home::kExecutable) {
    extractor = &F::Reader();
  } else if constexpr (F::kSpec.home == Home::kModule) {
    extractor = &ModuleFormatExtractor(spec.type);
  }
  return {spec.type, spec.description, spec.library, extractor, &spec};
}

template <class... F>
std::vector<FormatEntry> Entries(FormatList<F...>) {
  return {EntryOf<F>()...};
}

const std::vector<FormatEntry>& Table() {
  static const std::vector<FormatEntry> kTable = Entries(AllFormatDecls{});
  return kTable;
}

}  // namespace

const FormatEntry* FindFormat(std::string_view type) {
  for (const auto& e : Table()) {
    if (e.type == type) return &e;
  }
  return nullptr;
}

std::span<const FormatEntry> AllFormats() { return Table(); }

}  // namespace piiscan::formats
