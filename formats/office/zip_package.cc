#include "formats/office/zip_package.h"

#include <archive.h>
#include <archive_entry.h>

namespace piiscan::formats::office {
namespace {

struct archive* OpenArchive(std::string_view bytes) {
  struct archive* a = archive_read_new();
  if (a == nullptr) return nullptr;
  archive_read_support_format_zip(a);  // seekable (central directory) and streamable
  if (archive_read_open_memory(a, bytes.data(), bytes.size()) != ARCHIVE_OK) {
    archive_read_free(a);
    return nullptr;
  }
  return a;
}

std::string EntryName(struct archive_entry* e) {
  const char* utf8 = archive_entry_pathname_utf8(e);
  if (utf8 == nullptr) utf8 = archive_entry_pathname(e);
  return utf8 ? utf8 : "";
}

}  // namespace

std::string_view PartErrorText(PartError error) {
  switch (error) {
    case PartError::kNone: return "ok";
    case PartError::kMissing: return "part missing";
    case PartError::kTooLarge: return "part larger than max_member_size";
    case PartError::kTooBigToHold: return "part larger than max_member_in_memory";
    case PartError::kEncrypted: return "part encrypted";
    case PartError::kCorrupt: return "part damaged";
    case PartError::kBudget: return "max_expanded_bytes";
    case PartError::kTooMany: return "too many parts";
  }
  return "?";
}

FileStatus PartErrorStatus(PartError error) {
  switch (error) {
    case PartError::kNone: return FileStatus::kOk;
    case PartError::kEncrypted: return FileStatus::kEncrypted;
    case PartError::kTooLarge:
    case PartError::kTooBigToHold:
    case PartError::kBudget:
    case PartError::kTooMany: return FileStatus::kLimit;
    case PartError::kMissing:
    case PartError::kCorrupt: return FileStatus::kCorrupt;
  }
  return FileStatus::kCorrupt;
}

PartStream::~PartStream() { archive_read_free(archive_); }

long PartStream::Read(char* buf, size_t len) {
  if (error_ != PartError::kNone) return -1;
  la_ssize_t n = archive_read_data(archive_, buf, len);
  if (n < 0) {
    // Encrypted entries are refused at Open(): this is damaged data.
    error_ = PartError::kCorrupt;
    return -1;
  }
  read_ += static_cast<uint64_t>(n);
  if (read_ > max_size_) {
    // The declared size lied (or was unknown): stop at the limit.
    error_ = PartError::kTooLarge;
    return -1;
  }
  if (n > 0 && !ctx_.ChargeExpanded(static_cast<uint64_t>(n), where_)) {
    error_ = PartError::kBudget;
    return -1;
  }
  return static_cast<long>(n);
}

ZipPackage::ZipPackage(std::string_view bytes, ExtractContext& ctx, const Location& where)
    : bytes_(bytes), ctx_(ctx), where_(where) {
  struct archive* a = OpenArchive(bytes);
  if (a == nullptr) return;
  struct archive_entry* e = nullptr;
  int r;
  while ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK || r == ARCHIVE_WARN) {
    Entry entry;
    entry.name = EntryName(e);
    entry.size = archive_entry_size_is_set(e) ? archive_entry_size(e) : -1;
    entry.encrypted = archive_entry_is_encrypted(e);
    entries_.push_back(std::move(entry));
    if (entries_.size() > ctx.limits().max_members) break;  // hostile: stop listing
    // Skipping is free with the central directory; a streamed zip has to
    // decompress (and so charges nothing: the data is thrown away).
    if (archive_read_data_skip(a) != ARCHIVE_OK) {
      damaged_ = true;
      break;
    }
  }
  if (r == ARCHIVE_FATAL) damaged_ = true;
  // No entries: no zip, or an empty one; neither is a document.
  ok_ = !entries_.empty();
  archive_read_free(a);
}

const ZipPackage::Entry* ZipPackage::Find(std::string_view name) const {
  for (const auto& e : entries_) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

std::unique_ptr<PartStream> ZipPackage::Open(std::string_view name, PartError* error) {
  const Entry* entry = Find(name);
  if (entry == nullptr) {
    *error = PartError::kMissing;
    return nullptr;
  }
  const uint64_t max_size = ctx_.limits().max_member_size;
  if (entry->size >= 0 && static_cast<uint64_t>(entry->size) > max_size) {
    *error = PartError::kTooLarge;
    return nullptr;
  }
  if (entry->encrypted) {
    *error = PartError::kEncrypted;
    return nullptr;
  }
  if (++opens_ > kMaxPartOpens) {
    *error = PartError::kTooMany;
    return nullptr;
  }
  struct archive* a = OpenArchive(bytes_);
  if (a == nullptr) {
    *error = PartError::kCorrupt;
    return nullptr;
  }
  struct archive_entry* e = nullptr;
  int r;
  while ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK || r == ARCHIVE_WARN) {
    if (EntryName(e) == name) {
      *error = PartError::kNone;
      return std::unique_ptr<PartStream>(new PartStream(a, max_size, ctx_, where_));
    }
    if (archive_read_data_skip(a) != ARCHIVE_OK) break;
  }
  archive_read_free(a);
  *error = PartError::kCorrupt;
  return nullptr;
}

PartError ZipPackage::ReadWhole(std::string_view name, std::string* out) {
  out->clear();
  PartError error = PartError::kNone;
  auto stream = Open(name, &error);
  if (!stream) return error;
  // Held whole: within the memory budget, whatever the entry claims.
  const uint64_t cap = ctx_.limits().max_member_in_memory;
  const Entry* entry = Find(name);
  if (entry != nullptr && entry->size > 0) {
    if (static_cast<uint64_t>(entry->size) > cap) return PartError::kTooBigToHold;
    out->reserve(static_cast<size_t>(entry->size));
  }
  char buf[64 * 1024];
  long n;
  while ((n = stream->Read(buf, sizeof buf)) > 0) {
    if (out->size() + static_cast<uint64_t>(n) > cap) {
      out->clear();
      out->shrink_to_fit();
      return PartError::kTooBigToHold;
    }
    out->append(buf, static_cast<size_t>(n));
  }
  return n < 0 ? stream->error() : PartError::kNone;
}

}  // namespace piiscan::formats::office
