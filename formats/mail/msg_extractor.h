#pragma once
// Outlook .msg files ([MS-OXMSG]; sniffed type "msg"): one message, contact,
// note or appointment stored as an OLE2 compound file, read with libolecf
// from memory. The item's headers, body and other strings are the file's own
// text (location as given); a file attachment becomes a child at
// {"attachment NAME"}, an attached message is read in place at
// {"attachment NAME"} with its own attachments below it.
//
// Thread safety: immutable and shared, like every Extractor.

#include "formats/extractor.h"

namespace piiscan::formats {

const Extractor& MsgExtractor();

}  // namespace piiscan::formats
