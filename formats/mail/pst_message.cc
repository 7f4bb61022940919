#include "formats/mail/pst_message.h"

#include <algorithm>

#include "formats/mail/mapi_message.h"

namespace piiscan::formats::pst {
namespace {

enum BodyKind { kPlain, kHtml, kRtf };

constexpr size_t kReadChunk = 64 * 1024;

std::string StripSubjectPrefix(std::string subject) {
  // [MS-PST] 2.5.3.1.1.1: a subject may start with 0x01 and a prefix-length character.
  if (subject.size() >= 2 && subject[0] == '\x01') subject.erase(0, 2);
  return subject;
}

std::vector<MapiRecipient> Recipients(libpff_item_t* message) {
  std::vector<MapiRecipient> out;
  libpff_item_t* raw = nullptr;
  if (libpff_message_get_recipients(message, &raw, nullptr) != 1 || raw == nullptr) return out;
  Item recipients(raw);
  int sets = 0;
  if (libpff_item_get_number_of_record_sets(recipients.get(), &sets, nullptr) != 1) return out;
  for (int i = 0; i < sets; ++i) {
    libpff_record_set_t* raw_set = nullptr;
    if (libpff_item_get_record_set_by_index(recipients.get(), i, &raw_set, nullptr) != 1) continue;
    RecordSet set(raw_set);
    MapiRecipient r;
    r.name = SetString(set.get(), LIBPFF_ENTRY_TYPE_DISPLAY_NAME);
    r.address = SetString(set.get(), 0x39FE);  // PidTagSmtpAddress
    if (r.address.empty()) r.address = SetString(set.get(), LIBPFF_ENTRY_TYPE_EMAIL_ADDRESS);
    auto type = SetInt32(set.get(), LIBPFF_ENTRY_TYPE_RECIPIENT_TYPE).value_or(LIBPFF_RECIPIENT_TYPE_TO) & 0xFF;
    r.kind = type == LIBPFF_RECIPIENT_TYPE_CC    ? MapiRecipient::Kind::kCc
             : type == LIBPFF_RECIPIENT_TYPE_BCC ? MapiRecipient::Kind::kBcc
                                                 : MapiRecipient::Kind::kTo;
    if (!r.name.empty() || !r.address.empty()) out.push_back(std::move(r));
  }
  return out;
}

// String properties of the item's first record set that no header shows:
// for contacts their addresses and numbers, which live in named properties.
std::vector<std::string> OtherStrings(libpff_item_t* message) {
  std::vector<std::string> out;
  RecordSet set = FirstRecordSet(message);
  if (!set) return out;
  int count = 0;
  if (libpff_record_set_get_number_of_entries(set.get(), &count, nullptr) != 1) return out;
  for (int i = 0; i < count; ++i) {
    libpff_record_entry_t* raw = nullptr;
    if (libpff_record_set_get_entry_by_index(set.get(), i, &raw, nullptr) != 1) continue;
    RecordEntry entry(raw);
    uint32_t entry_type = 0, value_type = 0;
    if (libpff_record_entry_get_entry_type(entry.get(), &entry_type, nullptr) != 1 ||
        libpff_record_entry_get_value_type(entry.get(), &value_type, nullptr) != 1) {
      continue;
    }
    if (value_type != LIBPFF_VALUE_TYPE_STRING_ASCII && value_type != LIBPFF_VALUE_TYPE_STRING_UNICODE) continue;
    if (IsCoveredStringProperty(static_cast<uint16_t>(entry_type))) continue;
    std::string s = EntryString(entry.get());
    if (!s.empty()) out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

std::string MessageEmitter::Body(libpff_item_t* message, int which, const Location& where) {
  size_t size = 0;
  int ok = which == kPlain  ? libpff_message_get_plain_text_body_size(message, &size, nullptr)
           : which == kHtml ? libpff_message_get_html_body_size(message, &size, nullptr)
                            : libpff_message_get_rtf_body_size(message, &size, nullptr);
  if (ok == -1) ++damaged_parts_;
  if (ok != 1 || size == 0) return {};
  if (size > ctx_.limits().max_member_size) {
    ctx_.Problem(FileStatus::kLimit, "max_member_size", where);
    return {};
  }
  std::string body(size, '\0');
  auto* out = reinterpret_cast<uint8_t*>(body.data());
  ok = which == kPlain  ? libpff_message_get_plain_text_body(message, out, size, nullptr)
       : which == kHtml ? libpff_message_get_html_body(message, out, size, nullptr)
                        : libpff_message_get_rtf_body(message, out, size, nullptr);
  if (ok != 1) {
    ++damaged_parts_;
    return {};
  }
  while (!body.empty() && body.back() == '\0') body.pop_back();  // sizes count the terminator
  return body;
}

void MessageEmitter::Emit(libpff_item_t* message, const Location& where, int nesting) {
  MapiMessage msg;
  msg.subject = StripSubjectPrefix(MessageString(message, LIBPFF_ENTRY_TYPE_MESSAGE_SUBJECT));
  msg.sender_name = MessageString(message, LIBPFF_ENTRY_TYPE_MESSAGE_SENDER_NAME);
  if (msg.sender_name.empty()) msg.sender_name = MessageString(message, 0x0042);  // sent representing
  for (uint32_t id : {0x5D01u, static_cast<uint32_t>(LIBPFF_ENTRY_TYPE_MESSAGE_SENDER_EMAIL_ADDRESS),
                      static_cast<uint32_t>(LIBPFF_ENTRY_TYPE_MESSAGE_SENT_REPRESENTING_EMAIL_ADDRESS)}) {
    msg.sender_address = MessageString(message, id);
    if (!msg.sender_address.empty()) break;
  }
  msg.display_to = MessageString(message, LIBPFF_ENTRY_TYPE_MESSAGE_DISPLAY_TO);
  msg.display_cc = MessageString(message, 0x0E03);
  msg.recipients = Recipients(message);
  uint64_t filetime = 0;
  if (libpff_message_get_delivery_time(message, &filetime, nullptr) == 1) msg.unix_time = FiletimeToUnix(filetime);
  if (!msg.unix_time && libpff_message_get_client_submit_time(message, &filetime, nullptr) == 1) {
    msg.unix_time = FiletimeToUnix(filetime);
  }
  msg.other_strings = OtherStrings(message);
  msg.plain_body = Body(message, kPlain, where);
  if (msg.plain_body.empty()) msg.html_body = Body(message, kHtml, where);
  if (msg.plain_body.empty() && msg.html_body.empty()) {
    msg.rtf_body = Body(message, kRtf, where);
    if (!msg.rtf_body.empty() && !ctx_.ChargeExpanded(msg.rtf_body.size(), where)) msg.rtf_body.clear();
  }
  EmitMapiMessage(msg, where, ctx_);
  EmitAttachments(message, where, nesting);
}

void MessageEmitter::EmitAttachments(libpff_item_t* message, const Location& where, int nesting) {
  int count = 0;
  if (libpff_message_get_number_of_attachments(message, &count, nullptr) != 1) {
    ++damaged_parts_;
    return;
  }
  for (int i = 0; i < count && !ctx_.ShouldStop(); ++i) {
    libpff_item_t* raw = nullptr;
    if (libpff_message_get_attachment(message, i, &raw, nullptr) != 1 || raw == nullptr) {
      ++damaged_parts_;
      continue;
    }
    Item attachment(raw);
    std::string name, mime;
    if (RecordSet set = FirstRecordSet(attachment.get())) {
      for (uint32_t id : {LIBPFF_ENTRY_TYPE_ATTACHMENT_FILENAME_LONG, LIBPFF_ENTRY_TYPE_ATTACHMENT_FILENAME_SHORT,
                          LIBPFF_ENTRY_TYPE_DISPLAY_NAME}) {
        name = SetString(set.get(), id);
        if (!name.empty()) break;
      }
      mime = SetString(set.get(), 0x370E);  // PidTagAttachMimeTag
    }
    Location at = Append(where, AttachmentStep(name, i + 1));
    int type = 0;
    if (libpff_attachment_get_type(attachment.get(), &type, nullptr) != 1) {
      ++damaged_parts_;
      continue;
    }
    if (type == LIBPFF_ATTACHMENT_TYPE_DATA) {
      EmitFileAttachment(attachment.get(), at, name, mime);
    } else if (type == LIBPFF_ATTACHMENT_TYPE_ITEM) {
      if (ctx_.depth() + nesting + 1 > ctx_.limits().max_depth) {
        ctx_.Problem(FileStatus::kLimit, "max_depth", at);
        continue;
      }
      libpff_item_t* raw_item = nullptr;
      if (libpff_attachment_get_item(attachment.get(), &raw_item, nullptr) != 1 || raw_item == nullptr) {
        ++damaged_parts_;
        continue;
      }
      Item attached(raw_item);
      Emit(attached.get(), at, nesting + 1);
    }
    // LIBPFF_ATTACHMENT_TYPE_REFERENCE: a link to a file elsewhere, no content here.
  }
}

void MessageEmitter::EmitFileAttachment(libpff_item_t* attachment, const Location& at, const std::string& name,
                                        const std::string& mime) {
  size64_t size = 0;
  if (libpff_attachment_get_data_size(attachment, &size, nullptr) != 1 || size == 0) return;
  if (size > ctx_.limits().max_member_size) {
    ctx_.Problem(FileStatus::kLimit, "max_member_size", at);
    return;
  }
  if (!ctx_.ChargeExpanded(size, at)) return;
  std::string data;
  data.resize(static_cast<size_t>(size));
  size_t got = 0;
  if (libpff_attachment_data_seek_offset(attachment, 0, SEEK_SET, nullptr) == -1) ++damaged_parts_;
  while (got < data.size()) {
    size_t want = std::min(kReadChunk, data.size() - got);
    ssize_t n = libpff_attachment_data_read_buffer(attachment, reinterpret_cast<uint8_t*>(data.data() + got), want,
                                                   nullptr);
    if (n <= 0) {
      ++damaged_parts_;
      ctx_.Problem(FileStatus::kCorrupt, "pst: attachment data damaged, " + std::to_string(got) + " of " +
                                             std::to_string(data.size()) + " bytes read", at);
      break;
    }
    got += static_cast<size_t>(n);
  }
  data.resize(got);
  if (!data.empty()) ctx_.Child(data, at, ChildInfo{name, mime});
}

}  // namespace piiscan::formats::pst
