#include "formats/mail/mime_parts.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "core/utf8.h"
#include "formats/html/html_extractor.h"
#include "formats/text/charset.h"

namespace piiscan::formats::mime {
namespace {

// MIME nesting deeper than this is hostile (GMime stops earlier itself).
constexpr int kMaxLevel = 64;

bool IsType(GMimeObject* object, const char* type, const char* subtype) {
  return g_mime_content_type_is_type(g_mime_object_get_content_type(object), type, subtype);
}

std::string Lower(const char* s) { return AsciiLower(s != nullptr ? s : ""); }

// Moves `pos` back to the start of a UTF-8 character.
size_t CharStart(std::string_view s, size_t pos) {
  while (pos > 0 && pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

// Long bodies go to the detectors in overlapping windows, like plain text
// files, so one huge part does not become one huge segment.
void EmitWindows(std::string_view text, const Location& where, ExtractContext& ctx) {
  const size_t window = std::max<uint64_t>(ctx.limits().text_window, 4096);
  const size_t overlap = std::min<uint64_t>(ctx.limits().text_overlap, window / 2);
  for (size_t start = 0; start < text.size() && !ctx.ShouldStop();) {
    size_t from = CharStart(text, start >= overlap ? start - overlap : 0);
    size_t end = start + window >= text.size() ? text.size() : CharStart(text, start + window);
    if (end <= start) end = text.size();
    SegmentInfo info;
    info.report_from = start - from;
    info.has_offsets = false;  // decoded text: offsets are not file offsets
    info.has_lines = false;
    ctx.Text(text.substr(from, end - from), where, info);
    start = end;
  }
}

bool IsUtf8OrAsciiLabel(const std::string& label) {
  return label == "utf-8" || label == "utf8" || label == "us-ascii" || label == "ascii";
}

// Decoded part bytes to UTF-8: the declared charset when it fits the bytes,
// else a guess. Mail often declares us-ascii or utf-8 for 8-bit Latin-1 text.
std::string TextToUtf8(std::string_view bytes, const char* declared) {
  std::string label = Lower(declared);
  if (IsUtf8OrAsciiLabel(label) || label.empty()) {
    if (IsValidUtf8(bytes)) return std::string(bytes);
  } else {
    const char* iconv_name = g_mime_charset_iconv_name(label.c_str());
    Charset cs{iconv_name != nullptr ? iconv_name : label, 0};
    if (auto converted = ToUtf8(bytes, cs)) return std::move(*converted);
  }
  Charset guess = DetectCharset(bytes);
  bytes.remove_prefix(std::min(guess.bom_size, bytes.size()));
  auto converted = ToUtf8(bytes, guess);
  return converted ? std::move(*converted) : SanitizeUtf8(bytes);
}

// A file name fit for a location step: the last path component, without
// control characters, valid UTF-8.
std::string CleanName(const char* raw) {
  std::string_view name = raw != nullptr ? raw : "";
  size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos && slash + 1 < name.size()) name.remove_prefix(slash + 1);
  std::string out = SanitizeUtf8(name);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  return out;
}

std::string ChildNumber(const std::string& parent, int index) {
  std::string n = std::to_string(index + 1);
  return parent.empty() ? n : parent + "." + n;
}

// An inline text leaf: a body, not an attachment.
bool IsBodyText(GMimeObject* object) {
  if (!GMIME_IS_PART(object)) return false;
  auto* part = GMIME_PART(object);
  return g_mime_part_get_filename(part) == nullptr && !g_mime_part_is_attachment(part) &&
         GMIME_IS_TEXT_PART(part);
}

// The alternative of a multipart/alternative whose text is read: the first
// text/plain body, when it holds about as much as the first text/html body
// (at least a quarter of the HTML's bytes: markup takes the rest), else the
// HTML body when there is no plain one; -1 (read them all) otherwise. The
// alternatives carry one body in several forms (RFC 2046 5.1.4): reading
// both reported every value twice at the same location. But a plain part
// that is only a stub ("view this message in a browser") must not hide the
// HTML body's data: a scanner may report twice, never miss.
int ChosenAlternative(GMimeMultipart* multipart) {
  int plain = -1, html = -1;
  size_t plain_bytes = 0, html_bytes = 0;
  const int count = g_mime_multipart_get_count(multipart);
  for (int i = 0; i < count; ++i) {
    GMimeObject* child = g_mime_multipart_get_part(multipart, i);
    if (!IsBodyText(child)) continue;
    if (plain < 0 && IsType(child, "text", "plain")) {
      DecodedContent content(GMIME_PART(child));
      if (content.bytes().find_first_not_of(" \t\r\n") == std::string_view::npos) continue;
      plain = i;
      plain_bytes = content.bytes().size();
    } else if (html < 0 && IsType(child, "text", "html")) {
      // Its stored size is enough for the comparison: the HTML part, usually
      // the larger, is not decoded once more just to be measured.
      html = i;
      int64_t stored = EncodedLength(GMIME_PART(child));
      html_bytes = stored >= 0 ? static_cast<size_t>(stored) : DecodedContent(GMIME_PART(child)).bytes().size();
    }
  }
  if (plain >= 0 && html >= 0) return plain_bytes * 4 >= html_bytes ? plain : -1;
  return plain >= 0 ? plain : html;
}

}  // namespace

void PartWalker::WalkMessage(GMimeMessage* message) {
  GMimeObject* body = g_mime_message_get_mime_part(message);
  if (body != nullptr) Walk(body, "", 0);
}

bool PartWalker::Charge(uint64_t bytes, const Location& where) {
  if (!ctx_.ChargeExpanded(bytes, where)) stopped_ = true;
  return !stopped_;
}

void PartWalker::Walk(GMimeObject* object, const std::string& number, int level) {
  if (stopped_ || ctx_.ShouldStop()) {
    stopped_ = true;
    return;
  }
  if (level > kMaxLevel) {
    ctx_.Problem(FileStatus::kCorrupt, "eml: MIME nesting too deep", where_);
    stopped_ = true;
    return;
  }
  if (GMIME_IS_MULTIPART_ENCRYPTED(object)) {
    ctx_.Problem(FileStatus::kEncrypted, "eml: encrypted part (PGP/MIME) not read", where_);
    return;
  }
  if (GMIME_IS_MULTIPART(object)) {
    auto* multipart = GMIME_MULTIPART(object);
    int count = g_mime_multipart_get_count(multipart);
    const int chosen = IsType(object, "multipart", "alternative") ? ChosenAlternative(multipart) : -1;
    for (int i = 0; i < count && !stopped_; ++i) {
      // The other alternatives repeat the chosen one's body: their text is
      // skipped, their attachments (inline images ...) are still read.
      const bool skip = chosen >= 0 && i != chosen;
      skip_text_ += skip ? 1 : 0;
      Walk(g_mime_multipart_get_part(multipart, i), ChildNumber(number, i), level + 1);
      skip_text_ -= skip ? 1 : 0;
    }
    return;
  }
  if (GMIME_IS_MESSAGE_PART(object)) {
    NestedMessage(GMIME_MESSAGE_PART(object));
    return;
  }
  if (GMIME_IS_PART(object)) Leaf(GMIME_PART(object), number.empty() ? "1" : number);
}

void PartWalker::Leaf(GMimePart* part, const std::string& number) {
  GMimeObject* object = GMIME_OBJECT(part);
  if (IsType(object, "application", "pgp-signature") ||
      IsType(object, "application", "pkcs7-signature") ||
      IsType(object, "application", "x-pkcs7-signature")) {
    return;  // a signature holds no personal data worth reading
  }
  if (IsType(object, "application", "pkcs7-mime") || IsType(object, "application", "x-pkcs7-mime")) {
    std::string kind = Lower(g_mime_object_get_content_type_parameter(object, "smime-type"));
    if (kind == "signed-data") {
      ctx_.Problem(FileStatus::kUnsupported, "eml: S/MIME opaque-signed part not read", where_);
    } else {
      ctx_.Problem(FileStatus::kEncrypted, "eml: S/MIME encrypted part not read", where_);
    }
    return;
  }
  if (IsBodyText(object)) {
    if (skip_text_ > 0) return;
    if (IsType(object, "text", "html")) {
      Html(part);
      return;
    }
    if (IsType(object, "text", "plain") || IsType(object, "text", "enriched") ||
        IsType(object, "text", "richtext")) {
      BodyText(part);
      return;
    }
    // Other inline text (csv, rtf, calendar, vcard ...) has an extractor of
    // its own: pass it on like an attachment.
  }
  Attachment(part, number);
}

void PartWalker::BodyText(GMimePart* part) {
  DecodedContent content(part);
  if (content.bytes().empty()) return;
  std::string text = TextToUtf8(content.bytes(), g_mime_text_part_get_charset(GMIME_TEXT_PART(part)));
  EmitWindows(text, where_, ctx_);
}

void PartWalker::Html(GMimePart* part) {
  DecodedContent content(part);
  if (content.bytes().empty()) return;
  std::string label = Lower(g_mime_text_part_get_charset(GMIME_TEXT_PART(part)));
  std::string encoding;
  // An ASCII label, or a UTF-8 label on bytes that are not UTF-8, says
  // nothing reliable: let the page's own <meta> or the guess decide.
  if (!label.empty() && !(label == "us-ascii" || label == "ascii") &&
      !(IsUtf8OrAsciiLabel(label) && !IsValidUtf8(content.bytes()))) {
    const char* iconv_name = g_mime_charset_iconv_name(label.c_str());
    encoding = iconv_name != nullptr ? iconv_name : label;
  }
  ExtractHtml(content.bytes(), encoding, where_, ctx_);
}

void PartWalker::Attachment(GMimePart* part, const std::string& number) {
  GMimeObject* object = GMIME_OBJECT(part);
  std::string name = CleanName(g_mime_part_get_filename(part));
  if (name.empty()) name = "part " + number;
  Location where = Append(where_, "attachment " + name);
  const uint64_t max_size = ctx_.limits().max_member_size;
  int64_t encoded = EncodedLength(part);
  // Base64 shrinks by a quarter: skip before decoding what cannot fit.
  if (max_size > 0 && encoded > 0 && static_cast<uint64_t>(encoded) / 4 * 3 > max_size) {
    ctx_.Problem(FileStatus::kLimit, "max_member_size", where);
    return;
  }
  DecodedContent content(part);
  if (max_size > 0 && content.bytes().size() > max_size) {
    ctx_.Problem(FileStatus::kLimit, "max_member_size", where);
    return;
  }
  if (!Charge(content.bytes().size(), where)) return;
  char* mime = g_mime_content_type_get_mime_type(g_mime_object_get_content_type(object));
  std::string mime_type = mime != nullptr ? AsciiLower(mime) : "";
  g_free(mime);
  ctx_.Child(content.bytes(), where, {name, mime_type});
}

void PartWalker::NestedMessage(GMimeMessagePart* part) {
  GMimeMessage* inner = g_mime_message_part_get_message(part);
  if (inner == nullptr) return;
  GMimeObject* object = GMIME_OBJECT(part);
  const char* filename = g_mime_object_get_content_disposition_parameter(object, "filename");
  if (filename == nullptr) filename = g_mime_object_get_content_type_parameter(object, "name");
  std::string name = CleanName(filename);
  if (name.empty()) name = "message.eml";
  Location where = Append(where_, "attachment " + name);
  // GMime parsed the nested message already; it is written back out (GMime
  // keeps the raw headers, so this is faithful) and extracted as a child so
  // that depth and member limits apply to it like to any attachment.
  GRef<GMimeStream> out(g_mime_stream_mem_new());
  g_mime_object_write_to_stream(GMIME_OBJECT(inner), nullptr, out.get());
  GByteArray* array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out.get()));
  if (array == nullptr || array->len == 0) return;
  std::string_view bytes(reinterpret_cast<const char*>(array->data), array->len);
  if (!Charge(bytes.size(), where)) return;
  ctx_.Child(bytes, where, {name, "message/rfc822"});
}

}  // namespace piiscan::formats::mime
