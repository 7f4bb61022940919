#pragma once
// Extractors for archives and compressed files, all read with libarchive from
// memory (nothing is extracted to disk):
//  - zip (zip64, streamed entries with data descriptors), tar, 7z, rar: every
//    regular member becomes a child at Append(where, "path/in/archive");
//  - gzip, bzip2, xz, zstd: a compressed tar (or another archive) is read as
//    one archive; a single compressed file yields one child named after the
//    file without its compressor extension ("notitie.txt.gz" ->
//    "notitie.txt"; for a top-level file the name stored in the gzip header,
//    else "decompressed").
//
// A zip whose entries show it is an OOXML or ODF document is handed to that
// document's extractor. A zip whose entries overlap (a zip bomb built from
// one shared compressed kernel) is not expanded at all: kLimit "zip_overlap".
// Other limits are those of core/limits.h (see member_reader.h and
// archive_walker.h for how each is applied).
//
// Thread safety: the extractors are immutable and shared; every call opens
// its own libarchive handle.

#include "formats/extractor.h"

namespace piiscan::formats {

const Extractor& ZipExtractor();
const Extractor& TarExtractor();
const Extractor& SevenZipExtractor();
const Extractor& RarExtractor();
const Extractor& GzipExtractor();
const Extractor& Bzip2Extractor();
const Extractor& XzExtractor();
const Extractor& ZstdExtractor();

}  // namespace piiscan::formats
