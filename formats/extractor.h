#pragma once
// The extractor interface: one class per file format turns bytes into UTF-8
// text segments for the detectors, nested children (mail attachments, archive
// members, messages in a mailbox) that are sniffed and extracted in turn, and
// problems (encrypted, corrupt, limit) as status records.
//
// An extractor's only way out is its ExtractContext. It never writes files,
// never logs raw content, and never throws: exceptions from third-party code
// are caught inside Extract and reported with ctx.Problem(kCorrupt, ...).
//
// Thread safety: Extractor objects are immutable and shared by all worker
// threads; per-call state lives on the stack or in the context. A library that
// needs per-thread handles (libmagic) keeps them thread_local.

#include <cstdint>
#include <string_view>

#include "core/limits.h"
#include "core/location.h"
#include "core/segment.h"
#include "core/status.h"

namespace piiscan::formats {

// What an extractor hands a nested item: its bytes (a view into the parent
// where possible, else a buffer the extractor keeps alive for the call) and
// hints for sniffing.
struct ChildInfo {
  std::string_view name;       // file name (attachment, member), for its extension
  std::string_view mime_type;  // declared type (MIME part), may be empty
};

class ExtractContext {
 public:
  virtual ~ExtractContext() = default;

  // Text for the detectors. `where` is the full location of the text inside
  // the top-level file (outermost step first).
  virtual void Text(std::string_view utf8, const Location& where, const SegmentInfo& info) = 0;
  void Text(std::string_view utf8, const Location& where) { Text(utf8, where, SegmentInfo{}); }

  // A nested item: sniffed and extracted at once (synchronously, so `bytes`
  // need only live for the call), one level deeper, under the same budget.
  // Counts against the depth, member and expanded-bytes limits; when a limit
  // is reached the child is not extracted and a kLimit status is recorded.
  virtual void Child(std::string_view bytes, const Location& where, const ChildInfo& info) = 0;

  // Something at `where` could not be read fully. `reason` is for people and
  // must not contain personal data (no subjects, no names, no content).
  virtual void Problem(FileStatus status, std::string_view reason, const Location& where) = 0;

  // The date of the item at `where` (a message's Date header), as unix time:
  // findings under `where` carry it (retention checks) instead of the mtime.
  virtual void Dated(const Location& where, int64_t unix_time) = 0;

  // Charges `bytes` of expanded (decompressed) data to the top-level file's
  // budget. Returns false, after recording a kLimit status, when the budget
  // is exhausted: the extractor then stops expanding.
  virtual bool ChargeExpanded(uint64_t bytes, const Location& where) = 0;

  // True when the extractor should stop early: scan cancelled (Ctrl-C),
  // per-file deadline passed, or a limit exhausted. Check it in long loops.
  virtual bool ShouldStop() const = 0;

  // Nesting depth of the current item: 0 for the top-level file.
  virtual int depth() const = 0;
  virtual const Limits& limits() const = 0;

  // For streaming extractors over large inputs: bytes of the input before
  // `offset` will not be read again (lets the scanner drop mapped pages).
  virtual void DoneWith(uint64_t offset) = 0;

  // For running an extractor in a helper process (formats/isolation.h):
  // whether module formats should run there, the file's budget to hand over
  // and take back (null: the context keeps none), and whether the scan was
  // cancelled (without ShouldStop's side effect of recording the deadline).
  virtual bool IsolateModuleFormats() const { return false; }
  virtual FileBudget* budget() { return nullptr; }
  virtual bool Cancelled() const { return false; }
  // A descriptor open for reading on the file whose whole content `bytes`
  // is (the top-level file, as the scanner opened it: O_NOATIME), or -1 for
  // anything else (a member, decompressed data, a part of a split file).
  // The helper then maps the file itself instead of getting a copy.
  virtual int FileDescriptorOf(std::string_view /*bytes*/) const { return -1; }
};

class Extractor {
 public:
  virtual ~Extractor() = default;
  // Short name of the format, e.g. "pdf"; used in status reasons.
  virtual std::string_view Name() const = 0;
  // Extracts `bytes`, the whole item, located at `where`.
  virtual void Extract(std::string_view bytes, const Location& where,
                       ExtractContext& ctx) const = 0;
};

}  // namespace piiscan::formats
