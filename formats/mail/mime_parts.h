#pragma once
// Walks a parsed message's MIME tree and hands each part to the right place:
//
// - text/plain (and other inline text/*) parts: decoded, converted from the
//   declared charset to UTF-8 (or guessed when none is declared or the label
//   is wrong), emitted as body text at the message's location;
// - text/html parts: through the HTML extractor at the same location, with
//   the part's charset overriding the page's own <meta>;
// - attachments (a file name, Content-Disposition: attachment, or any
//   non-text leaf part): decoded and passed on as a child
//   "attachment NAME" (unnamed ones "attachment part 1.2", after the IMAP
//   part number), charged to the expanded-bytes budget;
// - message/rfc822 parts: the nested message as a child
//   "attachment NAME" (default "message.eml") of type message/rfc822;
// - encrypted parts (PGP/MIME, S/MIME) become kEncrypted problems;
//   signatures are skipped;
// - multipart/alternative: only one alternative's body text is read (the
//   text/plain one, else the text/html one), so that one body is not
//   reported twice; attachments inside the others are still read.
//
// Thread safety: one walker per message, on one thread.

#include <string>

#include "formats/extractor.h"
#include "formats/mail/mime_gmime.h"

namespace piiscan::formats::mime {

class PartWalker {
 public:
  PartWalker(const Location& where, ExtractContext& ctx) : where_(where), ctx_(ctx) {}
  PartWalker(const PartWalker&) = delete;
  PartWalker& operator=(const PartWalker&) = delete;

  // Walks the message's body (its top-level MIME part and everything below).
  void WalkMessage(GMimeMessage* message);

 private:
  void Walk(GMimeObject* object, const std::string& part_number, int level);
  void Leaf(GMimePart* part, const std::string& part_number);
  void BodyText(GMimePart* part);
  void Html(GMimePart* part);
  void Attachment(GMimePart* part, const std::string& part_number);
  void NestedMessage(GMimeMessagePart* part);
  // Charges `bytes` to the budget; false (and stop walking) when exhausted.
  bool Charge(uint64_t bytes, const Location& where);

  const Location& where_;
  ExtractContext& ctx_;
  bool stopped_ = false;
  int skip_text_ = 0;  // > 0 inside an alternative that is not read as text
};

}  // namespace piiscan::formats::mime
