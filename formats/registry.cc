#include "formats/registry.h"

#include <vector>

#include "formats/format_module.h"
#include "formats/mail/mbox_extractor.h"
#include "formats/office/encrypted_office_extractor.h"
#include "formats/office/rtf_extractor.h"
#include "formats/text/text_extractor.h"

namespace piiscan::formats {
namespace {

// Every format, once. Add a row when an extractor is added; the type must be
// one that Sniff() produces. Extractors that need a big library are in the
// format module, loaded on first use (format_module.h): list them here by
// ModuleFormatExtractor and in format_module_table.cc.
const std::vector<FormatEntry>& Table() {
  static const std::vector<FormatEntry> kTable = {
      {"text", "plain text in UTF-8, UTF-16 or a legacy 8-bit charset", "uchardet + iconv", &TextExtractor()},
      {"csv", "CSV/TSV with header columns as context", "uchardet + iconv", &CsvExtractor()},
      {"empty", "empty file (nothing to read)", "-", &EmptyExtractor()},
      {"html", "HTML page: text, table cells, mailto:/tel: links, form values, meta", "libxml2 HTML parser", &ModuleFormatExtractor("html")},
      {"eml", "e-mail message (EML, Maildir file, message/rfc822): headers, bodies, HTML, attachments", "GMime 3", &ModuleFormatExtractor("eml")},
      {"mbox", "Unix mailbox (mbox): every message, streamed", "own splitter + GMime 3", &MboxExtractor()},
      {"zip", "zip archive (zip64, streamed entries); OOXML/ODF zips go to their document", "libarchive", &ModuleFormatExtractor("zip")},
      {"tar", "tar archive", "libarchive", &ModuleFormatExtractor("tar")},
      {"7z", "7-Zip archive", "libarchive", &ModuleFormatExtractor("7z")},
      {"rar", "RAR archive (v4 and v5)", "libarchive", &ModuleFormatExtractor("rar")},
      {"gzip", "gzip: a compressed tar/archive, or one compressed file", "libarchive + zlib", &ModuleFormatExtractor("gzip")},
      {"bzip2", "bzip2: a compressed tar/archive, or one compressed file", "libarchive + libbz2", &ModuleFormatExtractor("bzip2")},
      {"xz", "xz: a compressed tar/archive, or one compressed file", "libarchive + liblzma", &ModuleFormatExtractor("xz")},
      {"zstd", "zstd: a compressed tar/archive, or one compressed file", "libarchive + libzstd", &ModuleFormatExtractor("zstd")},
      {"pst", "Outlook PST/OST mail store: folders, messages, attachments, recovered items", "libpff + libbfio", &ModuleFormatExtractor("pst")},
      {"msg", "Outlook .msg item (mail, contact, note): properties, attachments, embedded messages", "libolecf + libbfio", &ModuleFormatExtractor("msg")},
      {"pdf", "PDF: page text, document info, embedded files", "Poppler (poppler-cpp)", &ModuleFormatExtractor("pdf")},
      {"docx", "Word document (OOXML): body, tables, headers/footers, notes, comments, tracked changes, properties, embedded objects", "libarchive + libxml2", &ModuleFormatExtractor("docx")},
      {"xlsx", "Excel workbook (OOXML): cells with sheet, cell and column header; properties, embedded objects", "libarchive + libxml2", &ModuleFormatExtractor("xlsx")},
      {"pptx", "PowerPoint presentation (OOXML): slides, notes, properties, embedded objects", "libarchive + libxml2", &ModuleFormatExtractor("pptx")},
      {"odt", "OpenDocument text: body, tables, headers/footers, metadata", "libarchive + libxml2", &ModuleFormatExtractor("odt")},
      {"ods", "OpenDocument spreadsheet: cells with sheet, cell and column header; metadata", "libarchive + libxml2", &ModuleFormatExtractor("ods")},
      {"odp", "OpenDocument presentation: slides, notes, metadata", "libarchive + libxml2", &ModuleFormatExtractor("odp")},
      {"rtf", "Rich Text Format: text, tables, \\info author/title", "own reader + iconv", &RtfExtractor()},
      {"office_encrypted", "password-protected Office document (OOXML in an encrypted OLE2 container)", "libmagic", &EncryptedOfficeExtractor()},
      {"ole", "legacy Office binary (.doc/.xls/.ppt)", "none in Debian that is well kept", nullptr},
      {"image", "image: text in scans and photos of ID documents needs OCR, not yet read", "-", nullptr},
      {"binary", "binary data of no supported format", "libmagic", nullptr},
  };
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
