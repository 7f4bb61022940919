#pragma once
// Crash and hang isolation for the extractors that call third-party
// libraries (the format module: Poppler, GMime, libpff, libolecf, libxml2,
// libarchive). Each worker thread that meets such a file forks a helper
// process once and hands it the item: a top-level file as its open
// descriptor (SCM_RIGHTS; the helper maps the file itself, so a file of any
// size is isolated without a copy), a nested item (an attachment, a member)
// as a copy of its bytes, up to Limits::max_member_in_memory (a bigger one
// is read in the scan process, without isolation). The helper runs the real
// extractor and sends back what it emits (text, problems, dates) over a
// socket, and at the end the file's budget (core/limits.h FileBudget), so
// that nested items it reads itself count against the same limits.
//
// The worker enforces what the helper cannot: when the helper dies (a
// SIGSEGV or abort() in a library) the item gets status `crashed` naming the
// extractor and its library, and the next item gets a new helper; when it
// sends nothing for Limits::file_timeout it is killed and the item gets a
// `limit` (file_timeout); a helper over Limits::max_extractor_memory ends
// with a `limit` (max_extractor_memory). What the helper sent before is kept
// (text read before a crash is scanned). Ctrl-C reaches the helper through a
// shared flag its ShouldStop() reads.
//
// Only contexts whose IsolateModuleFormats() is true use it (the scanner's);
// inside the helper the same extractors run directly.
//
// No helper is best forked by a worker: a process forked while other
// threads run inherits the locks they hold at that moment, and the
// sanitizers' allocators and the libraries (unlike glibc's malloc) do not
// guard theirs against fork (docs/design-notes.md). SpareHelpers, made
// before the scan starts its threads, forks each worker's first helper and
// a zygote (formats/isolation_zygote.h) that forks the helpers that replace
// those that die.
//
// Thread safety: one helper per thread (thread_local), ended when the thread
// ends; RunIsolated is called by that thread only. SpareHelpers is made and
// destroyed by the thread that runs the scan, around its worker threads.

#include <cstdint>
#include <string_view>

#include "formats/extractor.h"

namespace piiscan::formats {

// Runs `real` (the extractor of `type`, which uses `library`) on `bytes` in
// this thread's helper process, replaying its output into `ctx`. With
// `file_fd` >= 0 (a descriptor of the file `bytes` is the whole of) the
// helper is given the descriptor, not the bytes.
void RunIsolated(const Extractor& real, std::string_view type, std::string_view library,
                 std::string_view bytes, int file_fd, const Location& where, ExtractContext& ctx);

// Forks `count` helpers when made, for the next threads that call
// RunIsolated to take (one each, for their first item), and the zygote
// that forks their replacements; ends the zygote and the spares none took
// when destroyed. Make it before the scan starts its threads, destroy
// it after they have ended. A fork refused leaves fewer: a thread without
// a spare forks its own. Spares, zygote and the helpers' Ctrl-C flags are
// the process's: with two scans at once, a worker of one may take a spare
// of the other (like any helper it ends with the thread that forked it),
// and the last SpareHelpers to go ends the zygote.
class SpareHelpers {
 public:
  explicit SpareHelpers(unsigned count);
  ~SpareHelpers();
  SpareHelpers(const SpareHelpers&) = delete;
  SpareHelpers& operator=(const SpareHelpers&) = delete;
};

namespace testing {
// How many helpers this process has started so far, and how many of them
// as spares and through the zygote.
uint64_t HelpersForked();
uint64_t SpareHelpersForked();
uint64_t ZygoteHelpersForked();

// Test programs only: `fault` runs in the helper before each item's
// extractor, to crash, hang or exhaust memory on purpose (libraries do not
// do it on demand); it sees the bytes the helper reads (a passed file: its
// mapping). Nothing in the piiscan executable calls this.
void SetIsolatedFault(void (*fault)(std::string_view bytes));
}  // namespace testing

}  // namespace piiscan::formats
