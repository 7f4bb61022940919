#pragma once
// The declaration of a file format: everything piiscan knows about it in one
// constant, from which the sniffer (sniff.h), the registry (registry.h) and
// the format module's table (format_module.h) are derived. Each format
// folder declares its formats in `<folder>_formats.h` as
//
//   struct PdfFormat {
//     static constexpr FormatSpec kSpec{.type = "pdf", ..., .home = Home::kModule};
//     static const Extractor& Reader();  // defined in <folder>_formats.cc
//   };
//
// and formats/format_list.h registers them, once, in listing order.
//
// Adding a format, e.g. OCR of images:
//   1. formats/ocr/: the extractor; ocr_formats.h declaring OcrImageFormat
//      (type "image", magic_mimes {"image/"}, home kModule); ocr_formats.cc
//      defining its Reader() beside static_assert(BuiltHere(...kSpec)).
//   2. CMakeLists.txt: piiscan_format_folder(ocr module PkgConfig::TESSERACT).
//   3. format_list.h: OcrImageFormat in the place of ImageFormat (which
//      leaves unread_formats.h).
// Nothing else lists types: sniffing, dispatch, `piiscan formats` and the
// module's table follow from the list.
//
// Thread safety: constants.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace piiscan::formats {

// Where a format's reader is built: into the executable, into the format
// module piiscan-formats.so that is loaded on first use (readers that need
// big libraries: format_module.h), or nowhere (recognised, reported
// unsupported).
enum class Home : uint8_t { kExecutable, kModule, kNotRead };

// What the sniffer falls back to: the type of no bytes at all, of text no
// rule names more precisely, and of bytes of no known kind.
enum class Role : uint8_t { kNone, kNoBytes, kAnyText, kAnyBytes };

// Bytes at a fixed offset that name the format on their own. Signatures at
// offset 0 are tried before those further in.
struct Signature {
  uint32_t offset;
  std::string_view bytes;
};

// How a text is recognised as this kind of text (mail, mailbox, HTML,
// CSV). Text rules are tried by rank, lowest first, on text that piiscan
// recognises without libmagic and on what libmagic calls text. A rule
// matches when the text starts with `starts_with` (if given) and either the
// format is named (one of its extensions, or its declared MIME type given
// by a mail part or by libmagic) or `looks_like` is true. A text format
// with no extension, declared type or content test takes any text.
//
// Markup that no content test recognised is left to libmagic before the
// first rule without a content test: a .csv file that starts with "<" is
// whatever libmagic says it is.
struct TextRule {
  int rank = 0;  // 0: not a kind of text
  std::string_view starts_with;
  bool (*looks_like)(std::string_view head) = nullptr;
  // The content test only on text that libmagic was not asked about: once
  // asked, its verdict on the content stands.
  bool looks_like_before_magic_only = false;
  // Named and looking like it even when libmagic calls the bytes binary
  // (a message with 8-bit attachment data early on).
  bool even_if_binary = false;
  // A declared type confirmed by the content test settles the type before
  // signatures and libmagic are consulted (mail parts are many).
  bool declared_settles = false;
};

// The scan limits (core/limits.h) a format's reader enforces itself, beyond
// the depth, member and expanded-bytes budget every nested item is charged
// against by the scanner.
enum FormatLimit : uint8_t {
  kNoLimits = 0,
  kTextWindow = 1 << 0,   // long text cut in windows (text_window, text_overlap)
  kMemberSize = 1 << 1,   // one member, part or attachment (max_member_size)
  kMemberCount = 1 << 2,  // members listed before expanding (max_members)
  kRatio = 1 << 3,        // expansion ratio per member (max_ratio)
  kNesting = 1 << 4,      // nesting inside the item itself (max_depth)
};

struct FormatSpec {
  std::string_view type;         // the sniffed type, as in status records
  std::string_view description;  // for `piiscan formats`
  std::string_view library;      // the library that does the work
  Home home = Home::kNotRead;
  Role role = Role::kNone;
  std::span<const Signature> signatures;
  // What libmagic (asked when no signature or text rule decided) says for
  // this format. "image/" ending in a slash: every type under it; exact
  // types are looked up first. For the Role::kAnyText format: the types
  // that make the bytes text, whose kind the text rules then tell.
  std::span<const std::string_view> magic_mimes;
  std::span<const std::string_view> extensions;  // lower case, no dot
  std::string_view declared_mime;                // a mail part's Content-Type naming it
  TextRule text;
  // A kind of this other format, told apart by name (extension or declared
  // type): an OLE2 file named .msg is an Outlook item.
  std::string_view refines;
  // For bytes carrying one of the signatures: the type of what they hold
  // when more precise ("docx" for a zip), else "".
  std::string (*inner_type)(std::string_view head) = nullptr;
  uint8_t limits = kNoLimits;  // FormatLimit bits
};

// The home CMake gave the folder being compiled (PIISCAN_FORMAT_HOME, set
// per format folder in CMakeLists.txt): each `<folder>_formats.cc` checks
// its declarations against it, so a declaration and the folder's place in
// the build cannot disagree.
#ifdef PIISCAN_FORMAT_HOME
constexpr bool BuiltHere(const FormatSpec& spec) { return spec.home == Home::PIISCAN_FORMAT_HOME; }
#endif

}  // namespace piiscan::formats
