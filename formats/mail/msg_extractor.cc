#include "formats/mail/msg_extractor.h"

#include <algorithm>

#include "formats/mail/lzfu.h"
#include "formats/mail/mapi_message.h"
#include "formats/mail/msg_storage.h"
#include "formats/text/charset.h"

namespace piiscan::formats {
namespace {

// Property ids ([MS-OXPROPS]).
constexpr uint16_t kSubject = 0x0037;
constexpr uint16_t kMessageClass = 0x001A;
constexpr uint16_t kClientSubmitTime = 0x0039;
constexpr uint16_t kSentRepresentingName = 0x0042;
constexpr uint16_t kSentRepresentingAddress = 0x0065;
constexpr uint16_t kSenderName = 0x0C1A;
constexpr uint16_t kSenderAddress = 0x0C1F;
constexpr uint16_t kSenderSmtpAddress = 0x5D01;
constexpr uint16_t kRecipientType = 0x0C15;
constexpr uint16_t kDisplayCc = 0x0E03;
constexpr uint16_t kDisplayTo = 0x0E04;
constexpr uint16_t kDeliveryTime = 0x0E06;
constexpr uint16_t kBody = 0x1000;
constexpr uint16_t kRtfCompressed = 0x1009;
constexpr uint16_t kHtml = 0x1013;
constexpr uint16_t kDisplayName = 0x3001;
constexpr uint16_t kEmailAddress = 0x3003;
constexpr uint16_t kSmtpAddress = 0x39FE;
constexpr uint16_t kAttachData = 0x3701;
constexpr uint16_t kAttachFilenameShort = 0x3704;
constexpr uint16_t kAttachFilenameLong = 0x3707;
constexpr uint16_t kAttachMimeTag = 0x370E;
constexpr uint16_t kInternetCodepage = 0x3FDE;
constexpr uint16_t kMessageCodepage = 0x3FFD;

// Drops trailing NUL characters (`unit` bytes each) that some writers store.
std::string_view StripNuls(std::string_view s, size_t unit) {
  while (s.size() >= unit && s.substr(s.size() - unit).find_first_not_of('\0') == std::string_view::npos) {
    s.remove_suffix(unit);
  }
  return s;
}

std::string Decode(std::string_view raw, const std::string& charset) {
  auto out = ToUtf8(raw, Charset{charset, 0});
  if (!out && charset != "CP1252") out = ToUtf8(raw, Charset{"CP1252", 0});
  return out ? *out : std::string();
}

// One message's storages and the codepage for its 8-bit strings.
struct MsgView {
  const MsgStorage& storage;
  std::string charset;

  std::optional<std::string> DecodeTag(uint32_t tag, const std::string& raw) const {
    if ((tag & 0xFFFF) == kPtUnicode) return Decode(StripNuls(std::string_view(raw).substr(0, raw.size() & ~size_t{1}), 2), "UTF-16LE");
    if ((tag & 0xFFFF) == kPtString8) return Decode(StripNuls(raw, 1), charset);
    return std::nullopt;
  }
  std::string String(const MsgStorage& s, uint16_t id) const {
    for (uint16_t type : {kPtUnicode, kPtString8}) {
      if (const std::string* raw = s.Stream(id, type)) {
        return DecodeTag(static_cast<uint32_t>(id) << 16 | type, *raw).value_or("");
      }
    }
    return {};
  }
  std::string String(uint16_t id) const { return String(storage, id); }
  std::string FirstString(std::initializer_list<uint16_t> ids) const {
    for (uint16_t id : ids) {
      std::string s = String(id);
      if (!s.empty()) return s;
    }
    return {};
  }
};

std::string MessageCharset(const MsgStorage& s, const std::string& inherited) {
  for (uint16_t id : {kMessageCodepage, kInternetCodepage}) {
    if (auto cp = s.Fixed(id, kPtLong); cp && (*cp & 0xFFFFFFFF) != 0) {
      return CodepageCharset(static_cast<uint32_t>(*cp));
    }
  }
  return inherited;
}

class MsgExtractorImpl final : public Extractor {
 public:
  std::string_view Name() const override { return "msg"; }
  void Extract(std::string_view bytes, const Location& where, ExtractContext& ctx) const override {
    const uint64_t budget = static_cast<uint64_t>(bytes.size()) * 2 + (1u << 20);
    auto read = ReadMsg(bytes, budget);
    if (!read) {
      ctx.Problem(FileStatus::kCorrupt, "msg: " + read.error().message, where);
      return;
    }
    EmitMessage(read->root, "CP1252", where, 0, ctx);
    if (read->damaged) {
      ctx.Problem(FileStatus::kCorrupt, "msg: damaged compound file, some properties not read", where);
    } else if (read->truncated_by_budget) {
      ctx.Problem(FileStatus::kCorrupt, "msg: streams larger than the file, reading stopped", where);
    }
  }

 private:
  void EmitMessage(const MsgStorage& storage, const std::string& inherited_charset, const Location& where,
                   int nesting, ExtractContext& ctx) const;
  void ReadBodies(const MsgView& view, const Location& where, MapiMessage& msg, ExtractContext& ctx) const;
  void EmitAttachments(const MsgView& view, const Location& where, int nesting, ExtractContext& ctx) const;
};

void MsgExtractorImpl::ReadBodies(const MsgView& view, const Location& where, MapiMessage& msg,
                                  ExtractContext& ctx) const {
  msg.plain_body = view.String(kBody);
  if (!msg.plain_body.empty()) return;
  if (const std::string* html = view.storage.Stream(kHtml, kPtBinary)) {
    msg.html_body = *html;
  } else {
    msg.html_body = view.String(kHtml);  // a string property: now UTF-8
  }
  if (!msg.html_body.empty()) return;
  const std::string* rtf = view.storage.Stream(kRtfCompressed, kPtBinary);
  if (rtf == nullptr) return;
  auto inflated = DecompressLzfu(*rtf, std::min<uint64_t>(ctx.limits().max_member_size, 256u << 20));
  if (!inflated) {
    ctx.Problem(FileStatus::kCorrupt, "msg: RTF body is not compressed RTF", where);
    return;
  }
  if (!ctx.ChargeExpanded(inflated->rtf.size(), where)) return;
  if (!inflated->complete) ctx.Problem(FileStatus::kCorrupt, "msg: RTF body damaged or cut short", where);
  msg.rtf_body = std::move(inflated->rtf);
}

void MsgExtractorImpl::EmitMessage(const MsgStorage& storage, const std::string& inherited_charset,
                                   const Location& where, int nesting, ExtractContext& ctx) const {
  MsgView view{storage, MessageCharset(storage, inherited_charset)};
  MapiMessage msg;
  msg.message_class = view.String(kMessageClass);
  msg.subject = view.String(kSubject);
  msg.sender_name = view.FirstString({kSenderName, kSentRepresentingName});
  msg.sender_address = view.FirstString({kSenderSmtpAddress, kSenderAddress, kSentRepresentingAddress});
  msg.display_to = view.String(kDisplayTo);
  msg.display_cc = view.String(kDisplayCc);
  for (const auto& r : storage.recipients) {
    MapiRecipient rec;
    rec.name = view.String(r, kDisplayName);
    rec.address = view.String(r, kSmtpAddress);
    if (rec.address.empty()) rec.address = view.String(r, kEmailAddress);
    auto type = r.Fixed(kRecipientType, kPtLong).value_or(1) & 0xFF;
    rec.kind = type == 2 ? MapiRecipient::Kind::kCc : type == 3 ? MapiRecipient::Kind::kBcc : MapiRecipient::Kind::kTo;
    msg.recipients.push_back(std::move(rec));
  }
  for (uint16_t id : {kDeliveryTime, kClientSubmitTime}) {
    if (auto ft = storage.Fixed(id, kPtSystime)) {
      msg.unix_time = FiletimeToUnix(*ft);
      if (msg.unix_time) break;
    }
  }
  for (const auto& [tag, raw] : storage.streams) {
    if (IsCoveredStringProperty(static_cast<uint16_t>(tag >> 16))) continue;
    if (auto s = view.DecodeTag(tag, raw); s && !s->empty()) msg.other_strings.push_back(std::move(*s));
  }
  ReadBodies(view, where, msg, ctx);
  EmitMapiMessage(msg, where, ctx);
  EmitAttachments(view, where, nesting, ctx);
}

void MsgExtractorImpl::EmitAttachments(const MsgView& view, const Location& where, int nesting,
                                       ExtractContext& ctx) const {
  int index = 0;
  for (const auto& att : view.storage.attachments) {
    ++index;
    if (ctx.ShouldStop()) return;
    std::string name;
    for (uint16_t id : {kAttachFilenameLong, kAttachFilenameShort, kDisplayName}) {
      name = view.String(att, id);
      if (!name.empty()) break;
    }
    Location at = Append(where, AttachmentStep(name, index));
    if (att.embedded && !att.embedded->streams.empty()) {
      if (ctx.depth() + nesting + 1 > ctx.limits().max_depth) {
        ctx.Problem(FileStatus::kLimit, "max_depth", at);
        continue;
      }
      EmitMessage(*att.embedded, view.charset, at, nesting + 1, ctx);
      continue;
    }
    const std::string* data = att.Stream(kAttachData, kPtBinary);
    if (data == nullptr || data->empty()) continue;
    if (!ctx.ChargeExpanded(data->size(), at)) return;
    std::string mime = view.String(att, kAttachMimeTag);
    ctx.Child(*data, at, ChildInfo{name, mime});
  }
}

}  // namespace

const Extractor& MsgExtractor() {
  static const MsgExtractorImpl kInstance;
  return kInstance;
}

}  // namespace piiscan::formats
