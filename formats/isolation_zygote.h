#pragma once
// The zygote of the extractor helpers (formats/isolation.h): a process
// forked from the scan before it starts any thread, which forks a new
// helper whenever a worker needs one during the scan (to replace a helper
// that died). A process forked while other threads run inherits the locks
// they hold at that moment; the zygote has one thread, so the helpers it
// forks inherit none (glibc's malloc guards its locks against fork, the
// sanitizers' allocators and the libraries do not).
//
// A helper must stay the worker's child: the worker waits for it to learn
// how it died (SIGSEGV, abort, out of memory). The zygote forks it through
// an intermediate process that ends at once; the scan process is a child
// subreaper (PR_SET_CHILD_SUBREAPER), so the helper becomes its child and
// the zygote answers only after that has happened.
//
// Thread safety: StartZygote and EndZygote by the thread that runs the
// scan, before its threads start and after they have ended; SpawnHelper by
// any thread (requests are serialised).

#include <sys/types.h>

#include <atomic>

namespace piiscan::formats {

// Forks the zygote; false when it cannot (then helpers are forked by their
// workers). The mapping `cancel` points into must exist before, for the
// helpers to share it.
bool StartZygote();
// Ends the zygote (helpers it forked live on, as the workers' children).
void EndZygote();

struct SpawnedHelper {
  pid_t pid = -1;  // the scan process's child; -1 when none was forked
  int fd = -1;     // the worker's end of the helper's socket
};
// Has the zygote fork a helper that serves requests on its socket and reads
// Ctrl-C from `cancel` (in a shared mapping made before StartZygote).
SpawnedHelper SpawnHelper(std::atomic<int>* cancel);

// Turns the calling (just forked) process into a helper serving `sock`, a
// child of `parent` that ends with the thread of it that forked or adopted
// it. Never returns.
[[noreturn]] void BecomeHelper(int sock, std::atomic<int>* cancel, pid_t parent);

}  // namespace piiscan::formats
