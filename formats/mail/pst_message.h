#pragma once
// Emits one item of a PST/OST (mail, contact, appointment, note ...): its
// headers, date, body and other strings through EmitMapiMessage, its file
// attachments as children at {..., "attachment NAME"}, and attached items
// (forwarded mails) read in place at {..., "attachment NAME"}, recursively.
// Internal to the PST extractor (includes libpff.h through pst_handles.h).
//
// Not thread-safe; one per extraction.

#include "formats/extractor.h"
#include "formats/mail/pst_handles.h"

namespace piiscan::formats::pst {

class MessageEmitter {
 public:
  explicit MessageEmitter(ExtractContext& ctx) : ctx_(ctx) {}

  // Emits `message` at `where`; `nesting` counts attached items above it.
  void Emit(libpff_item_t* message, const Location& where, int nesting = 0);

  // Parts that could not be read (attachments, bodies), for the status reason.
  int damaged_parts() const { return damaged_parts_; }

 private:
  void EmitAttachments(libpff_item_t* message, const Location& where, int nesting);
  void EmitFileAttachment(libpff_item_t* attachment, const Location& at, const std::string& name,
                          const std::string& mime);
  std::string Body(libpff_item_t* message, int which, const Location& where);

  ExtractContext& ctx_;
  int damaged_parts_ = 0;
};

}  // namespace piiscan::formats::pst
