#pragma once
// Reads a zip's central directory straight from the bytes, without
// decompressing anything, for three checks libarchive does not offer:
//  - the member names, to tell an OOXML/ODF document that libmagic calls a
//    plain zip from a real zip;
//  - each member's compressed size, for the per-member expansion ratio
//    (libarchive does not report compressed sizes for zip entries);
//  - where each member's local header and data lie, to detect overlapping
//    entries: the "better zip bomb" (David Fifield, 2019) points many
//    central-directory entries at one shared compressed kernel, so that no
//    single entry looks extreme while the archive expands by 10^6 or more.
//
// Handles zip64 (end-of-directory locator and per-entry extra fields) and
// archives with data in front (self-extracting stubs). Pure functions over
// a byte view; thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace piiscan::formats {

struct ZipEntryInfo {
  std::string name;  // as stored: UTF-8 or CP437 bytes
  uint64_t compressed_size = 0;
  uint64_t uncompressed_size = 0;
  uint64_t local_offset = 0;  // of the local file header, from the start of `zip`
  uint16_t method = 0;        // 0 stored, 8 deflated, ...
};

struct ZipDirectory {
  std::vector<ZipEntryInfo> entries;
  bool capped = false;  // the directory lists more entries than were read
};

// The central directory of `zip`, at most `max_entries` entries. nullopt when
// there is no readable end-of-central-directory record (not a zip, or a zip
// cut short: libarchive then reads the local headers one by one).
std::optional<ZipDirectory> ReadZipDirectory(std::string_view zip, uint64_t max_entries);

// How many entries start inside the local header or data of an entry that
// starts before them (or at the same offset). 0 for every zip written by a
// normal tool; any other value means entries share bytes, as in an
// overlapping-entry zip bomb. Entries whose local header is not found at their
// offset are left out (they cannot be read anyway).
uint64_t CountOverlappingEntries(std::string_view zip, const ZipDirectory& directory);

// The data of a stored (method 0) entry as a view into `zip`, found through
// its local header; nullopt for compressed entries or damaged headers. Used
// for ODF's small `mimetype` entry.
std::optional<std::string_view> StoredEntryData(std::string_view zip, const ZipEntryInfo& entry);

}  // namespace piiscan::formats
