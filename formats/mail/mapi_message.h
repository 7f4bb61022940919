#pragma once
// What PST and MSG items have in common once read: a MAPI message (mail,
// contact, note, appointment ...) as plain values, and the one way piiscan
// hands it to the detectors: labelled header segments (Subject, From, To,
// Cc), the date, one body (plain text, else HTML through the "html"
// extractor, else RTF through the "rtf" extractor) and the item's other
// string properties (a contact's e-mail addresses and phone numbers).
// Attachments differ per container and are emitted by the callers.
//
// Pure data and free functions; thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/extractor.h"

namespace piiscan::formats {

struct MapiRecipient {
  enum class Kind { kTo, kCc, kBcc };
  Kind kind = Kind::kTo;
  std::string name;     // UTF-8
  std::string address;  // UTF-8, may be empty (or an Exchange DN)
};

struct MapiMessage {
  std::string message_class;  // "IPM.Note", "IPM.Contact", ...
  std::string subject;
  std::string sender_name;
  std::string sender_address;
  std::vector<MapiRecipient> recipients;
  std::string display_to;  // "Jan de Vries; Piet" when no recipient table was read
  std::string display_cc;
  std::string plain_body;  // UTF-8
  std::string html_body;   // raw bytes, in the message's (internet) codepage
  std::string rtf_body;    // decompressed RTF
  std::optional<int64_t> unix_time;
  // Other string properties (UTF-8), e.g. a contact's e-mail and phone numbers.
  std::vector<std::string> other_strings;
};

// Emits `msg` at `where` (headers, date, body, other strings).
void EmitMapiMessage(const MapiMessage& msg, const Location& where, ExtractContext& ctx);

// Hands `bytes` to the extractor registered for `type` ("html", "rtf") at
// `where`; when none is registered, to the text extractor, markup and all,
// so that addresses and names in it are still seen.
void ExtractAs(std::string_view bytes, std::string_view type, const Location& where, ExtractContext& ctx);

// A Windows FILETIME (100 ns since 1601) as unix time; nullopt for 0 and
// values outside 1970..2200.
std::optional<int64_t> FiletimeToUnix(uint64_t filetime);

// The iconv name of a Windows codepage number (1252 -> "CP1252", 65001 -> "UTF-8").
std::string CodepageCharset(uint32_t codepage);

// Property ids whose strings EmitMapiMessage shows with a label, or that only
// repeat other properties (normalised subject, address types, message class);
// callers leave them out of other_strings.
bool IsCoveredStringProperty(uint16_t property_id);

// "attachment NAME": the location step of an attachment; `index` (1-based)
// stands in for a missing name.
std::string AttachmentStep(std::string_view name, int index);

}  // namespace piiscan::formats
