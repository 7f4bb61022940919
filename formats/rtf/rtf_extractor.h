#pragma once
// RTF documents (and RTF mail bodies handed over as "rtf"): the text as
// lines (see rtf_reader.h for what is read and what is skipped), \info
// author and title (and a few more) as metadata. Embedded objects
// (\objdata) are not unpacked.
//
// Thread safety: stateless; all state lives in one Extract call.

#include "formats/extractor.h"

namespace piiscan::formats {

const Extractor& RtfExtractor();

}  // namespace piiscan::formats
