#include "formats/archive/archive_extractor.h"

#include <exception>
#include <initializer_list>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "formats/archive/archive_walker.h"
#include "formats/archive/zip_directory.h"
#include "formats/zip_document_type.h"
#include "formats/registry.h"
#include "formats/sniff.h"

namespace piiscan::formats {
namespace {

// --- zip: checks on the central directory before libarchive expands anything

// The document type ("docx", "odt" ...) of a zip that is really an office
// document, or "".
std::string DocumentTypeOf(std::string_view bytes, const ZipDirectory& dir) {
  std::vector<std::string> names;
  names.reserve(dir.entries.size());
  std::string_view mimetype;
  for (const auto& e : dir.entries) {
    names.push_back(e.name);
    if (e.name == "mimetype" && e.compressed_size <= 256) {
      mimetype = StoredEntryData(bytes, e).value_or(std::string_view());
    }
  }
  return DocumentTypeOfZipEntries(names, mimetype);
}

// Handles what the central directory alone decides. Returns true when the
// zip is done with (delegated to a document extractor, or refused as a bomb).
bool HandledByDirectory(std::string_view bytes, const Location& where, const ZipDirectory& dir,
                        const Extractor& self, ExtractContext& ctx) {
  // First the bomb check: a document extractor would expand the same entries.
  if (uint64_t overlapping = CountOverlappingEntries(bytes, dir); overlapping > 0) {
    ctx.Problem(FileStatus::kLimit,
                "zip_overlap: " + std::to_string(overlapping) + " of " +
                    std::to_string(dir.entries.size()) +
                    " members share compressed data (overlapping-entry zip bomb); not expanded",
                where);
    return true;
  }
  std::string type = DocumentTypeOf(bytes, dir);
  if (!type.empty()) {
    const FormatEntry* entry = FindFormat(type);
    // By name, not address: the registry may list a proxy of `self`
    // (format_module.h).
    if (entry != nullptr && entry->extractor != nullptr && entry->extractor->Name() != self.Name()) {
      entry->extractor->Extract(bytes, where, ctx);
      return true;
    }
  }
  return false;
}

// --- single compressed files: the name of the one member

// The original file name in a gzip header (FNAME, RFC 1952), or "".
std::string GzipStoredName(std::string_view b) {
  constexpr unsigned char kExtra = 4, kName = 8;
  if (b.size() < 10 || static_cast<unsigned char>(b[0]) != 0x1f ||
      static_cast<unsigned char>(b[1]) != 0x8b) {
    return {};
  }
  auto flags = static_cast<unsigned char>(b[3]);
  size_t at = 10;
  if (flags & kExtra) {
    if (b.size() < at + 2) return {};
    at += 2 + (static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
  }
  if (!(flags & kName) || at >= b.size()) return {};
  size_t end = b.find('\0', at);
  if (end == std::string_view::npos || end - at > 255) return {};
  std::string_view name = b.substr(at, end - at);
  if (auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) {
    name.remove_prefix(slash + 1);
  }
  return SanitizeUtf8(name);
}

std::string SingleFileName(std::string_view bytes, const Location& where, std::string_view format,
                           const std::vector<std::string_view>& extensions) {
  if (where.empty()) {
    std::string stored = format == "gzip" ? GzipStoredName(bytes) : std::string();
    return stored.empty() ? "decompressed" : stored;
  }
  std::string name = where.back();
  std::string ext = ExtensionOf(name);
  for (auto e : extensions) {
    if (ext == e && name.size() > ext.size() + 1) return name.substr(0, name.size() - ext.size() - 1);
  }
  return name;
}

// --- the extractors

class ArchiveExtractorImpl final : public Extractor {
 public:
  // `extensions`: of a single compressed file, stripped to name its member;
  // empty for archive formats (which are never read as one raw member).
  ArchiveExtractorImpl(std::string_view name, std::initializer_list<std::string_view> extensions)
      : name_(name), extensions_(extensions) {}

  std::string_view Name() const override { return name_; }

  void Extract(std::string_view bytes, const Location& where, ExtractContext& ctx) const override {
    try {
      ExtractOrThrow(bytes, where, ctx);
    } catch (const std::exception&) {  // std::bad_alloc and the like
      ctx.Problem(FileStatus::kCorrupt, std::string(name_) + ": could not be read (out of memory)",
                  where);
    }
  }

 private:
  void ExtractOrThrow(std::string_view bytes, const Location& where, ExtractContext& ctx) const {
    // An archive has nothing to scan but its members. At the depth limit the
    // context would refuse each of them after it was decompressed: refuse the
    // archive once instead, so that the widest level of a nested bomb costs
    // nothing.
    if (ctx.depth() + 1 > ctx.limits().max_depth) {
      ctx.Problem(FileStatus::kLimit,
                  "max_depth: " + std::string(name_) + " at nesting level " +
                      std::to_string(ctx.depth()) + " not opened",
                  where);
      return;
    }
    WalkOptions options;
    options.format = name_;
    if (name_ == "zip") {
      if (auto dir = ReadZipDirectory(bytes, ctx.limits().max_members + 1)) {
        if (HandledByDirectory(bytes, where, *dir, *this, ctx)) return;
        for (auto& e : dir->entries) options.compressed_sizes.emplace(e.name, e.compressed_size);
        options.cheap_skip = true;  // libarchive reads it through the directory
      }
    }
    WalkResult result = WalkArchive(bytes, where, options, ctx);
    // Not an archive inside: one compressed file. Decompressed bytes that
    // start with NULs pass for the end of an empty tar; read as one file
    // they are sniffed like any other (and reported when unsupported).
    bool not_archive = !result.opened || result.entries == 0;
    if (not_archive && !result.encrypted && !extensions_.empty()) {
      WalkOptions raw;
      raw.format = name_;
      raw.raw = true;
      raw.raw_name = SingleFileName(bytes, where, name_, extensions_);
      raw.drop_all_nul = result.opened;  // an empty tar inside, perhaps
      result = WalkArchive(bytes, where, std::move(raw), ctx);
    }
    if (!result.opened) {
      ctx.Problem(result.encrypted ? FileStatus::kEncrypted : FileStatus::kCorrupt,
                  std::string(name_) + (result.encrypted ? ": the archive's headers are encrypted"
                                                         : ": damaged, no member could be read"),
                  where);
    }
  }

  std::string_view name_;
  std::vector<std::string_view> extensions_;
};

}  // namespace

const Extractor& ZipExtractor() {
  static const ArchiveExtractorImpl kInstance("zip", {});
  return kInstance;
}
const Extractor& TarExtractor() {
  static const ArchiveExtractorImpl kInstance("tar", {});
  return kInstance;
}
const Extractor& SevenZipExtractor() {
  static const ArchiveExtractorImpl kInstance("7z", {});
  return kInstance;
}
const Extractor& RarExtractor() {
  static const ArchiveExtractorImpl kInstance("rar", {});
  return kInstance;
}
const Extractor& GzipExtractor() {
  static const ArchiveExtractorImpl kInstance("gzip", {"gz", "gzip", "z"});
  return kInstance;
}
const Extractor& Bzip2Extractor() {
  static const ArchiveExtractorImpl kInstance("bzip2", {"bz2", "bz", "bzip2"});
  return kInstance;
}
const Extractor& XzExtractor() {
  static const ArchiveExtractorImpl kInstance("xz", {"xz", "lzma"});
  return kInstance;
}
const Extractor& ZstdExtractor() {
  static const ArchiveExtractorImpl kInstance("zstd", {"zst", "zstd"});
  return kInstance;
}

}  // namespace piiscan::formats
