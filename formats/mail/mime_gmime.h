#pragma once
// GMime plumbing for the MIME extractors: one-time library set-up, owning
// pointers for GObjects, a read-only stream over bytes GMime does not own,
// and a part's content decoded (base64, quoted-printable, uuencode) into a
// buffer. Internal to formats/mail: only mail .cc files include it, so
// GMime's headers stay behind the Extractor interface.
//
// Thread safety: EnsureGMime() may be called from any thread (it runs
// g_mime_init() once). Every other object here belongs to one call on one
// thread; GMime objects are never shared between threads.

#include <gmime/gmime.h>

#include <memory>
#include <string_view>

namespace piiscan::formats::mime {

// Initialises GMime exactly once per process, thread-safely.
void EnsureGMime();

struct GObjectUnref {
  void operator()(void* object) const {
    if (object != nullptr) g_object_unref(object);
  }
};
// Owns one reference to a GObject (GMimeParser, GMimeMessage, GMimeStream).
template <typename T>
using GRef = std::unique_ptr<T, GObjectUnref>;

struct ParserOptionsFree {
  void operator()(GMimeParserOptions* options) const { g_mime_parser_options_free(options); }
};
using ParserOptions = std::unique_ptr<GMimeParserOptions, ParserOptionsFree>;

// A GMimeStreamMem that reads `bytes` in place instead of copying them (a
// message in a 1 GB mbox, a mail attachment): GMime only reads its input
// stream, and substreams share the buffer. Every GMime object made from the
// stream must be released before this object is destroyed. `bytes` must be
// shorter than 4 GiB (GByteArray's length is 32-bit): see kMaxBytes.
class BorrowedStream {
 public:
  static constexpr size_t kMaxBytes = 0xFFFFFFFFu;
  explicit BorrowedStream(std::string_view bytes);
  ~BorrowedStream();
  BorrowedStream(const BorrowedStream&) = delete;
  BorrowedStream& operator=(const BorrowedStream&) = delete;
  GMimeStream* get() const { return stream_; }

 private:
  GByteArray* array_;
  GMimeStream* stream_;
};

// The decoded content of a leaf part (transfer encoding undone, charset
// untouched), held in a GMime memory stream.
class DecodedContent {
 public:
  explicit DecodedContent(GMimePart* part);
  std::string_view bytes() const { return bytes_; }

 private:
  GRef<GMimeStream> stream_;
  std::string_view bytes_;
};

// Bytes of the part's content as stored (before decoding); -1 if unknown.
int64_t EncodedLength(GMimePart* part);

}  // namespace piiscan::formats::mime
