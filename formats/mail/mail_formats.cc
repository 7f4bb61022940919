#include "formats/mail/mail_formats.h"

#include "formats/mail/eml_extractor.h"
#include "formats/mail/msg_extractor.h"
#include "formats/mail/pst_extractor.h"

namespace piiscan::formats {

static_assert(BuiltHere(EmlFormat::kSpec) && BuiltHere(PstFormat::kSpec) &&
              BuiltHere(MsgFormat::kSpec));

const Extractor& EmlFormat::Reader() { return EmlExtractor(); }
const Extractor& PstFormat::Reader() { return PstExtractor(); }
const Extractor& MsgFormat::Reader() { return MsgExtractor(); }

}  // namespace piiscan::formats
