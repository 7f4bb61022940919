#include "formats/mail/mime_gmime.h"

namespace piiscan::formats::mime {

void EnsureGMime() {
  // A function-local static is initialised once, even when several worker
  // threads reach it at the same time.
  static const bool kInitialised = [] {
    g_mime_init();
    return true;
  }();
  (void)kInitialised;
}

BorrowedStream::BorrowedStream(std::string_view bytes) {
  // GByteArray is used as a plain (pointer, length) pair here: the stream is
  // told it does not own the array, and the array is dismantled with
  // g_byte_array_steal, which frees the wrapper but never the data.
  auto* data = reinterpret_cast<guint8*>(const_cast<char*>(bytes.data()));
  array_ = g_byte_array_new_take(data, bytes.size());
  stream_ = g_mime_stream_mem_new_with_byte_array(array_);
  g_mime_stream_mem_set_owner(GMIME_STREAM_MEM(stream_), FALSE);
}

BorrowedStream::~BorrowedStream() {
  g_object_unref(stream_);
  gsize len = 0;
  (void)g_byte_array_steal(array_, &len);
}

DecodedContent::DecodedContent(GMimePart* part) : stream_(g_mime_stream_mem_new()) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (content == nullptr) return;
  g_mime_data_wrapper_write_to_stream(content, stream_.get());
  GByteArray* array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream_.get()));
  if (array != nullptr && array->len > 0) {
    bytes_ = std::string_view(reinterpret_cast<const char*>(array->data), array->len);
  }
}

int64_t EncodedLength(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (content == nullptr) return 0;
  GMimeStream* stream = g_mime_data_wrapper_get_stream(content);
  return stream != nullptr ? g_mime_stream_length(stream) : -1;
}

}  // namespace piiscan::formats::mime
