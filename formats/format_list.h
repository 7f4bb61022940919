#pragma once
// The one place formats are registered: every declaration (format_spec.h),
// in the order `piiscan formats` lists them. The registry (registry.h), the
// sniffer (sniff.h) and the format module's table (module/) are derived
// from this list; add a declaration here and nowhere else.
//
// Thread safety: types only.

#include "formats/archive/archive_formats.h"
#include "formats/encrypted/encrypted_formats.h"
#include "formats/html/html_formats.h"
#include "formats/mail/mail_formats.h"
#include "formats/mbox/mbox_formats.h"
#include "formats/office/office_formats.h"
#include "formats/pdf/pdf_formats.h"
#include "formats/rtf/rtf_formats.h"
#include "formats/text/text_formats.h"
#include "formats/unread_formats.h"

namespace piiscan::formats {

template <class... Formats>
struct FormatList {};

using AllFormatDecls =
    FormatList<TextFormat, CsvFormat, EmptyFormat, HtmlFormat, EmlFormat, MboxFormat, ZipFormat,
               TarFormat, SevenZipFormat, RarFormat, GzipFormat, Bzip2Format, XzFormat, ZstdFormat,
               PstFormat, MsgFormat, PdfFormat, DocxFormat, XlsxFormat, PptxFormat, OdtFormat,
               OdsFormat, OdpFormat, RtfFormat, OfficeEncryptedFormat, OleFormat, ImageFormat,
               BinaryFormat>;

}  // namespace piiscan::formats
