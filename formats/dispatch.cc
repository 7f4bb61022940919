#include "formats/dispatch.h"

#include <exception>
#include <string>

#include "formats/registry.h"
#include "formats/sniff.h"

namespace piiscan::formats {

std::string DispatchItem(std::string_view bytes, const Location& where, const ChildInfo& info,
                         ExtractContext& ctx) {
  SniffResult sniff = Sniff(bytes, info.name, info.mime_type);
  const FormatEntry* entry = sniff.format;
  if (entry == nullptr || entry->extractor == nullptr) {
    std::string reason = entry ? std::string(entry->description) + " (" + sniff.mime + ")"
                               : "no extractor for " + sniff.type + " (" + sniff.mime + ")";
    ctx.Problem(FileStatus::kUnsupported, reason, where);
    return sniff.type;
  }
  try {
    entry->extractor->Extract(bytes, where, ctx);
  } catch (const std::exception& e) {
    // Extractors catch their libraries' exceptions themselves; this is the
    // last line of defence so that one file never stops a scan.
    ctx.Problem(FileStatus::kCorrupt, std::string(entry->extractor->Name()) + ": " + e.what(), where);
  } catch (...) {
    ctx.Problem(FileStatus::kCorrupt, std::string(entry->extractor->Name()) + ": unknown error", where);
  }
  return sniff.type;
}

}  // namespace piiscan::formats
