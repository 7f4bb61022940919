#include "formats/mail/mime_headers.h"

#include <cstring>
#include <string>

#include "core/utf8.h"

namespace piiscan::formats::mime {
namespace {

struct AddressHeader {
  const char* name;
  GMimeAddressType type;
};

constexpr AddressHeader kAddressHeaders[] = {
    {"From", GMIME_ADDRESS_TYPE_FROM},         {"Sender", GMIME_ADDRESS_TYPE_SENDER},
    {"Reply-To", GMIME_ADDRESS_TYPE_REPLY_TO}, {"To", GMIME_ADDRESS_TYPE_TO},
    {"Cc", GMIME_ADDRESS_TYPE_CC},             {"Bcc", GMIME_ADDRESS_TYPE_BCC},
};

void AppendAddress(InternetAddress* address, std::string& out) {
  const char* name = internet_address_get_name(address);
  bool has_name = name != nullptr && *name != '\0';
  if (INTERNET_ADDRESS_IS_GROUP(address)) {
    if (has_name) out.append(name).append(": ");
    InternetAddressList* members =
        internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address));
    out += FormatAddresses(members);
    out += ';';
    return;
  }
  const char* addr = INTERNET_ADDRESS_IS_MAILBOX(address)
                         ? internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address))
                         : nullptr;
  bool has_addr = addr != nullptr && *addr != '\0';
  if (has_name) out += name;
  if (has_name && has_addr) out += ' ';
  if (has_addr) out.append(has_name ? "<" : "").append(addr).append(has_name ? ">" : "");
}

void EmitHeader(std::string_view text, const char* label, const Location& where,
                ExtractContext& ctx) {
  if (text.empty()) return;
  SegmentInfo info;
  info.kind = SegmentKind::kHeader;
  info.label = label;
  info.has_offsets = false;  // decoded value, not the bytes in the file
  info.has_lines = false;
  // Header values come from the wire: broken encodings must not make
  // invalid UTF-8 downstream.
  ctx.Text(IsValidUtf8(text) ? std::string(text) : SanitizeUtf8(text), where, info);
}

// The header's raw value decoded (RFC 2047 words, 8-bit fallback charsets),
// for address headers GMime could not parse into addresses.
std::string DecodedRaw(GMimeMessage* message, GMimeParserOptions* options, const char* name) {
  const char* raw = g_mime_object_get_header(GMIME_OBJECT(message), name);
  if (raw == nullptr) return {};
  char* decoded = g_mime_utils_header_decode_text(options, raw);
  std::string out = decoded != nullptr ? decoded : raw;
  g_free(decoded);
  return out;
}

// GMime accepts "Jan de Vries (no address)" as a local address "Jan"; the
// decoded raw header keeps such a name whole.
bool AllMailboxesHaveDomains(InternetAddressList* list) {
  int n = list != nullptr ? internet_address_list_length(list) : 0;
  for (int i = 0; i < n; ++i) {
    InternetAddress* address = internet_address_list_get_address(list, i);
    if (!INTERNET_ADDRESS_IS_MAILBOX(address)) continue;
    const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address));
    if (addr == nullptr || std::strchr(addr, '@') == nullptr) return false;
  }
  return true;
}

}  // namespace

std::string FormatAddresses(InternetAddressList* list) {
  std::string out;
  if (list == nullptr) return out;
  int n = internet_address_list_length(list);
  for (int i = 0; i < n; ++i) {
    std::string one;
    AppendAddress(internet_address_list_get_address(list, i), one);
    if (one.empty()) continue;
    if (!out.empty()) out += ", ";
    out += one;
  }
  return out;
}

void EmitHeaders(GMimeMessage* message, GMimeParserOptions* options, const Location& where,
                 ExtractContext& ctx) {
  for (const auto& header : kAddressHeaders) {
    InternetAddressList* list = g_mime_message_get_addresses(message, header.type);
    std::string text = FormatAddresses(list);
    if (text.empty() || !AllMailboxesHaveDomains(list)) text = DecodedRaw(message, options, header.name);
    EmitHeader(text, header.name, where, ctx);
  }
  if (const char* subject = g_mime_message_get_subject(message)) {
    EmitHeader(subject, "Subject", where, ctx);
  }
  if (GDateTime* date = g_mime_message_get_date(message)) {
    ctx.Dated(where, g_date_time_to_unix(date));
  }
}

}  // namespace piiscan::formats::mime
