#include "formats/archive/archive_walker.h"

#include <archive.h>
#include <archive_entry.h>

#include <memory>
#include <optional>

#include "core/utf8.h"
#include "formats/archive/member_reader.h"

namespace piiscan::formats {
namespace {

struct ArchiveFree {
  void operator()(struct archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<struct archive, ArchiveFree>;

// Compression filters built on libraries only: archive_read_support_filter_all
// would also register filters that run external programs (lrzip, grzip ...).
void SupportFilters(struct archive* a) {
  archive_read_support_filter_gzip(a);
  archive_read_support_filter_bzip2(a);
  archive_read_support_filter_xz(a);
  archive_read_support_filter_lzma(a);
  archive_read_support_filter_lzip(a);
  archive_read_support_filter_zstd(a);
  archive_read_support_filter_lz4(a);
  archive_read_support_filter_compress(a);
}

std::string StripLeadingDots(std::string name) {
  size_t from = 0;
  for (;;) {
    if (name.compare(from, 2, "./") == 0) {
      from += 2;
    } else if (from < name.size() && name[from] == '/') {
      ++from;
    } else {
      break;
    }
  }
  return name.substr(from);
}

std::string MemberName(struct archive_entry* e, uint64_t index) {
  std::string name;
  if (const char* utf8 = archive_entry_pathname_utf8(e)) {
    name = SanitizeUtf8(utf8);
  } else if (const char* mbs = archive_entry_pathname(e)) {
    name = SanitizeUtf8(mbs);
  }
  name = StripLeadingDots(std::move(name));
  return name.empty() ? "member " + std::to_string(index) : name;
}

// Regular files only: symlinks and hard links point at data read elsewhere
// (or outside the archive), devices and fifos have none.
bool IsRegularFile(struct archive_entry* e) {
  if (archive_entry_hardlink(e) != nullptr || archive_entry_symlink(e) != nullptr) return false;
  auto type = archive_entry_filetype(e);
  return type == AE_IFREG || type == 0;
}

// One walk: the state shared by the per-entry steps.
class Walk {
 public:
  Walk(struct archive* a, std::string_view bytes, const Location& where, WalkOptions& options,
       ExtractContext& ctx)
      : a_(a), bytes_(bytes), where_(where), o_(options), ctx_(ctx) {}

  WalkResult Run();

 private:
  enum class Next { kContinue, kStop };

  Next Entry(struct archive_entry* e);
  std::optional<Next> RefuseByDeclaredSize(const MemberLimits& ml, const Location& member_where);
  Next Finish(const MemberData& data, const std::string& name, const Location& member_where);
  Next AfterLimit(const std::string& reason, const Location& member_where);
  std::string ScanPart(const MemberData& data, const std::string& name,
                       const Location& member_where);
  uint64_t CompressedSize(struct archive_entry* e);
  std::string Label() const { return "member " + std::to_string(index_); }
  std::string Format() const { return std::string(o_.format); }
  std::string Ratio() const {
    return std::to_string(static_cast<int64_t>(ctx_.limits().max_ratio)) + ":1";
  }

  struct archive* a_;
  std::string_view bytes_;
  const Location& where_;
  WalkOptions& o_;
  ExtractContext& ctx_;
  uint64_t index_ = 0;
  uint64_t expanded_ = 0;  // by the members so far, for the archive's ratio
  bool last_encrypted_ = false;
};

WalkResult Walk::Run() {
  int failures = 0;
  while (!ctx_.ShouldStop()) {
    struct archive_entry* e = nullptr;
    int r = archive_read_next_header(a_, &e);
    if (r == ARCHIVE_EOF) break;
    if (r == ARCHIVE_RETRY && ++failures < 16) continue;
    if (r <= ARCHIVE_FATAL || r == ARCHIVE_RETRY) {
      bool encrypted = LastErrorIsEncryption(a_);
      if (index_ == 0) return {.opened = false, .encrypted = encrypted};
      // An encrypted member can leave the reader unable to go on (7z): that
      // member was reported already.
      if (!last_encrypted_) {
        ctx_.Problem(encrypted ? FileStatus::kEncrypted : FileStatus::kCorrupt,
                     Format() + ": damaged after member " + std::to_string(index_) +
                         ", the members before it were read",
                     where_);
      }
      break;
    }
    ++index_;
    if (index_ > ctx_.limits().max_members) {
      ctx_.Problem(FileStatus::kLimit,
                   "max_members: " + Format() + " has more than " +
                       std::to_string(ctx_.limits().max_members) + " members",
                   where_);
      break;
    }
    if (r == ARCHIVE_FAILED) {
      // This header is unreadable; libarchive can go on with the next.
      ctx_.Problem(FileStatus::kCorrupt, Format() + ": " + Label() + " has a damaged header",
                   where_);
      if (++failures >= 16) break;
      continue;
    }
    if (Entry(e) == Next::kStop) break;
  }
  return {.opened = true, .entries = index_};
}

Walk::Next Walk::Entry(struct archive_entry* e) {
  last_encrypted_ = false;
  if (!o_.raw && !IsRegularFile(e)) return Next::kContinue;
  std::string name = o_.raw ? o_.raw_name : MemberName(e, index_);
  Location member_where = Append(where_, name);
  if (!o_.raw && archive_entry_is_encrypted(e)) {
    ctx_.Problem(FileStatus::kEncrypted, Format() + ": " + Label() + " is encrypted", member_where);
    last_encrypted_ = true;
    return Next::kContinue;
  }
  const Limits& limits = ctx_.limits();
  MemberLimits ml{.max_size = limits.max_member_size,
                  .max_ratio = limits.max_ratio,
                  .compressed = o_.raw ? bytes_.size() : CompressedSize(e),
                  .archive_size = bytes_.size(),
                  .archive_expanded = expanded_};
  if (!o_.raw && archive_entry_size_is_set(e) && archive_entry_size(e) > 0) {
    ml.declared_size = static_cast<uint64_t>(archive_entry_size(e));
    if (auto refused = RefuseByDeclaredSize(ml, member_where)) return *refused;
  }
  MemberData data = ReadMember(a_, bytes_, ml, member_where, name, ctx_);
  expanded_ += data.expanded;
  return Finish(data, name, member_where);
}

// The header's size alone can rule a member out, before anything is expanded.
std::optional<Walk::Next> Walk::RefuseByDeclaredSize(const MemberLimits& ml,
                                                     const Location& member_where) {
  const Limits& limits = ctx_.limits();
  // An uncompressed tar's members are views of it and not limited in size.
  bool may_be_view = archive_filter_count(a_) < 2 && ml.declared_size <= bytes_.size();
  if (ml.declared_size > limits.max_member_size && !may_be_view) {
    return AfterLimit("max_member_size: " + Label() + " declares " +
                          std::to_string(ml.declared_size) + " bytes, over " +
                          std::to_string(limits.max_member_size),
                      member_where);
  }
  if (BeyondRatio(ml.declared_size, ml.compressed, limits.max_ratio)) {
    return AfterLimit("max_ratio: " + Label() + " declares an expansion beyond " + Ratio(),
                      member_where);
  }
  return std::nullopt;
}

Walk::Next Walk::Finish(const MemberData& data, const std::string& name,
                        const Location& member_where) {
  using End = MemberData::End;
  switch (data.end) {
    case End::kComplete:
      if (o_.drop_all_nul && data.bytes.find_first_not_of('\0') == std::string_view::npos) {
        return Next::kContinue;
      }
      if (!data.bytes.empty()) ctx_.Child(data.bytes, member_where, {name, ""});
      return Next::kContinue;
    case End::kSizeLimit:
      return AfterLimit("max_member_size: " + Label() + " is larger than " +
                            std::to_string(ctx_.limits().max_member_size) + " bytes" +
                            ScanPart(data, name, member_where),
                        member_where);
    case End::kRatioLimit:
      return AfterLimit("max_ratio: " + Label() + " expands beyond " + Ratio() +
                            ScanPart(data, name, member_where),
                        member_where);
    case End::kMemoryLimit:
      return AfterLimit(
          "max_member_in_memory: " + Label() + " must be read whole and needs more than " +
              std::to_string(ctx_.limits().max_member_in_memory) + " bytes of memory; not scanned",
          member_where);
    case End::kArchiveRatioLimit:
      ctx_.Problem(FileStatus::kLimit,
                   "max_ratio: " + Format() + " expands beyond " + Ratio() + " of its size at " +
                       Label() + ScanPart(data, name, member_where) + "; the rest was not read",
                   member_where);
      return Next::kStop;
    case End::kExhausted:  // the context recorded max_expanded_bytes
    case End::kStopped:
      ScanPart(data, name, member_where);
      return Next::kStop;
    case End::kEncrypted:
      ctx_.Problem(FileStatus::kEncrypted, Format() + ": " + Label() + " is encrypted", member_where);
      last_encrypted_ = true;
      return Next::kContinue;
    case End::kDamaged:
    case End::kFatal:
      // What was read before the damage is still worth scanning.
      if (!data.bytes.empty()) ctx_.Child(data.bytes, member_where, {name, ""});
      ctx_.Problem(FileStatus::kCorrupt,
                   Format() + ": " + Label() + " is damaged or cut short after " +
                       std::to_string(data.size) + " bytes",
                   member_where);
      return data.end == End::kFatal ? Next::kStop : Next::kContinue;
  }
  return Next::kContinue;
}

// The start of a member cut short by a limit: text is worth scanning (a
// streamed member already was); a cut document or archive is not. Returns
// what to add to the limit's reason.
std::string Walk::ScanPart(const MemberData& data, const std::string& name,
                           const Location& member_where) {
  bool text = data.streamed;
  if (!text && !data.bytes.empty() && ReadsAsText(data.bytes.substr(0, 64 << 10), name)) {
    ctx_.Child(data.bytes, member_where, {name, ""});
    text = true;
  }
  return text ? "; the first " + std::to_string(data.size) + " bytes were scanned" : "";
}

Walk::Next Walk::AfterLimit(const std::string& reason, const Location& member_where) {
  if (o_.cheap_skip) {
    ctx_.Problem(FileStatus::kLimit, reason, member_where);
    return Next::kContinue;
  }
  ctx_.Problem(FileStatus::kLimit, reason + "; the members after it were not read", member_where);
  return Next::kStop;
}

uint64_t Walk::CompressedSize(struct archive_entry* e) {
  for (const char* name : {archive_entry_pathname_utf8(e), archive_entry_pathname(e)}) {
    if (name == nullptr) continue;
    if (auto it = o_.compressed_sizes.find(name); it != o_.compressed_sizes.end()) {
      uint64_t size = it->second;
      o_.compressed_sizes.erase(it);
      return size;
    }
  }
  return bytes_.size();
}

}  // namespace

WalkResult WalkArchive(std::string_view bytes, const Location& where, WalkOptions options,
                       ExtractContext& ctx) {
  ArchivePtr a(archive_read_new());
  if (!a) return {};
  SupportFilters(a.get());
  if (options.raw) {
    archive_read_support_format_raw(a.get());
  } else {
    archive_read_support_format_all(a.get());
  }
  if (archive_read_open_memory(a.get(), bytes.data(), bytes.size()) != ARCHIVE_OK) {
    return {.opened = false, .encrypted = LastErrorIsEncryption(a.get())};
  }
  // The raw format takes any bytes: only decompressed data is a member.
  if (options.raw && archive_filter_count(a.get()) < 2) return {};
  return Walk(a.get(), bytes, where, options, ctx).Run();
}

}  // namespace piiscan::formats
