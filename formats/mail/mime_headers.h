#pragma once
// The personal data in a message's headers: From, Sender, Reply-To, To, Cc
// and Bcc (display names and addresses, RFC 2047 decoded) and Subject, each
// as a SegmentKind::kHeader segment labelled with the header name; and the
// Date header, reported with ctx.Dated so that findings carry the message's
// date instead of the file's mtime.
//
// Thread safety: stateless functions; GMime objects belong to the caller.

#include "formats/extractor.h"
#include "formats/mail/mime_gmime.h"

namespace piiscan::formats::mime {

void EmitHeaders(GMimeMessage* message, GMimeParserOptions* options, const Location& where,
                 ExtractContext& ctx);

// "Name <addr>, addr2, Group: Name3 <addr3>;" with names decoded to UTF-8.
std::string FormatAddresses(InternetAddressList* list);

}  // namespace piiscan::formats::mime
