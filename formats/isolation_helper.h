#pragma once
// The helper process's side of formats/isolation.h: reads requests from the
// worker's socket, runs the extractor of each, sends back what it emits.
//
// Thread safety: the helper process has one thread.

#include <atomic>

namespace piiscan::formats {

// Serves requests on `fd` until the worker closes it, then ends the
// process. `cancel` is shared with the worker: set when the scan is stopped.
[[noreturn]] void ServeIsolatedRequests(int fd, const std::atomic<int>* cancel);

// The exit code of a helper that ran out of its memory budget (after
// sending the `limit` record itself).
constexpr int kHelperOutOfMemory = 86;
// The exit code of a helper whose mapped file shrank under it (SIGBUS
// inside the mapping), after sending the `unreadable` record itself.
constexpr int kHelperFileShrank = 87;

}  // namespace piiscan::formats
