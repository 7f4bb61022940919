#include "formats/mail/mapi_message.h"

#include <algorithm>
#include <exception>
#include <set>

#include "formats/registry.h"
#include "formats/text/text_extractor.h"

namespace piiscan::formats {
namespace {

void Header(std::string_view label, const std::string& value, const Location& where, ExtractContext& ctx) {
  if (value.empty()) return;
  SegmentInfo info;
  info.kind = SegmentKind::kHeader;
  info.label = label;
  info.has_offsets = false;
  info.has_lines = false;
  ctx.Text(value, where, info);
}

std::string Address(const std::string& name, const std::string& address) {
  if (address.empty() || address == name) return name;
  if (name.empty()) return address;
  return name + " <" + address + ">";
}

std::string JoinRecipients(const MapiMessage& msg, MapiRecipient::Kind kind) {
  std::string out;
  for (const auto& r : msg.recipients) {
    if (r.kind != kind) continue;
    std::string one = Address(r.name, r.address);
    if (one.empty()) continue;
    if (!out.empty()) out += ", ";
    out += one;
  }
  return out;
}

// A copy of the body that differs only in its end (line breaks, a terminator).
bool SameStart(std::string_view a, std::string_view b) {
  constexpr size_t kPrefix = 256;
  if (a.size() < 32 || b.size() < 32) return false;
  size_t n = std::min({a.size(), b.size(), kPrefix});
  return a.substr(0, n) == b.substr(0, n);
}

}  // namespace

void ExtractAs(std::string_view bytes, std::string_view type, const Location& where, ExtractContext& ctx) {
  if (bytes.empty()) return;
  const FormatEntry* entry = FindFormat(type);
  const Extractor& extractor =
      entry != nullptr && entry->extractor != nullptr ? *entry->extractor : TextExtractor();
  try {
    extractor.Extract(bytes, where, ctx);
  } catch (const std::exception&) {
    ctx.Problem(FileStatus::kCorrupt, std::string(extractor.Name()) + ": message body could not be read",
                where);
  }
}

void EmitMapiMessage(const MapiMessage& msg, const Location& where, ExtractContext& ctx) {
  if (msg.unix_time) ctx.Dated(where, *msg.unix_time);
  Header("Subject", msg.subject, where, ctx);
  Header("From", Address(msg.sender_name, msg.sender_address), where, ctx);
  std::string to = JoinRecipients(msg, MapiRecipient::Kind::kTo);
  std::string cc = JoinRecipients(msg, MapiRecipient::Kind::kCc);
  std::string bcc = JoinRecipients(msg, MapiRecipient::Kind::kBcc);
  Header("To", to.empty() ? msg.display_to : to, where, ctx);
  Header("Cc", cc.empty() ? msg.display_cc : cc, where, ctx);
  Header("Bcc", bcc, where, ctx);
  if (!msg.plain_body.empty()) {
    SegmentInfo info;
    info.has_offsets = false;
    ctx.Text(msg.plain_body, where, info);
  } else if (!msg.html_body.empty()) {
    ExtractAs(msg.html_body, "html", where, ctx);
  } else if (!msg.rtf_body.empty()) {
    ExtractAs(msg.rtf_body, "rtf", where, ctx);
  }
  // Stores repeat values under several ids (a body copy in 0x6619, the same
  // address as e-mail 1 and as its display form): each value once.
  std::set<std::string_view> seen = {msg.subject, msg.sender_name, msg.sender_address, msg.display_to,
                                     msg.display_cc, msg.plain_body};
  std::string other;
  for (const auto& s : msg.other_strings) {
    if (s.empty() || !seen.insert(s).second || SameStart(s, msg.plain_body)) continue;
    other += s;
    other += '\n';
  }
  if (!other.empty()) {
    SegmentInfo info;
    info.kind = SegmentKind::kMetadata;
    info.label = "properties";
    info.has_offsets = false;
    info.has_lines = false;
    ctx.Text(other, where, info);
  }
}

std::optional<int64_t> FiletimeToUnix(uint64_t filetime) {
  constexpr int64_t kEpochDiff = 11644473600;  // seconds from 1601-01-01 to 1970-01-01
  if (filetime == 0) return std::nullopt;
  int64_t seconds = static_cast<int64_t>(filetime / 10000000ULL) - kEpochDiff;
  if (seconds < 0 || seconds > 7258118400) return std::nullopt;  // 2200-01-01
  return seconds;
}

std::string CodepageCharset(uint32_t codepage) {
  switch (codepage) {
    case 65001: return "UTF-8";
    case 1200: return "UTF-16LE";
    case 1201: return "UTF-16BE";
    case 20127: return "ASCII";
    case 20866: return "KOI8-R";
    case 21866: return "KOI8-U";
    case 50220: case 50221: case 50222: return "ISO-2022-JP";
    case 51932: return "EUC-JP";
    case 51949: return "EUC-KR";
    case 54936: return "GB18030";
    case 10000: return "MACINTOSH";
    default: break;
  }
  if (codepage >= 28591 && codepage <= 28605) return "ISO-8859-" + std::to_string(codepage - 28590);
  return "CP" + std::to_string(codepage);
}

bool IsCoveredStringProperty(uint16_t id) {
  switch (id) {
    case 0x001A:  // message class
    case 0x0037:  // subject
    case 0x003D:  // subject prefix (part of the subject)
    case 0x0042: case 0x0065: case 0x0064:  // sent representing name, address, address type
    case 0x0070:  // conversation topic (repeats the subject)
    case 0x0C1A: case 0x0C1F: case 0x0C1E:  // sender name, address, address type
    case 0x0E02: case 0x0E03: case 0x0E04:  // display bcc, cc, to
    case 0x0E1D:  // normalised subject
    case 0x1000:  // plain body
    case 0x1008:  // RTF sync body tag (a copy of the body's start)
    case 0x1013:  // HTML body
    case 0x3001:  // display name (of attachments and recipients; the subject for a message)
    case 0x5D01:  // sender SMTP address
      return true;
    default:
      return false;
  }
}

std::string AttachmentStep(std::string_view name, int index) {
  if (name.empty()) return "attachment " + std::to_string(index);
  return "attachment " + std::string(name);
}

}  // namespace piiscan::formats
