#pragma once
// PDF with Poppler (poppler-cpp): the text of each page at "page N"
// (SegmentInfo::page = N), document info (Author, Title, Subject, Keywords,
// Creator) as metadata labelled with its key, embedded files as children at
// "embedded NAME". A PDF that needs a user password is reported encrypted
// (one with only an owner password opens with the empty user password and
// is read). A damaged PDF is reported corrupt, and whatever pages Poppler
// could read are still scanned.
//
// Page text uses Poppler's physical layout (as `pdftotext -layout`): it
// keeps a table row's cells on one line even when the producer drew the
// table column by column, so a column header and its values stay close for
// the detectors; raw order would put each column's cells on lines of their
// own (measured on the invoice fixture, see pdf_extractor_test.cc).
//
// The document is loaded from the caller's bytes without a copy
// (load_from_raw_data), so they must outlive the call, which they do.
// Poppler's error messages are silenced (never written to stderr) and
// counted per thread to notice reconstructed (damaged) files.
//
// Thread safety: one poppler::document per call, nothing shared; Poppler's
// global parameters are set up once (thread-safe), and the error hook is
// installed once and writes only thread-local state. To be confirmed under
// TSan with the scanner's worker pool.

#include "formats/extractor.h"

namespace piiscan::formats {

const Extractor& PdfExtractor();

}  // namespace piiscan::formats
