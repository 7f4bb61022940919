#pragma once
// Errors as values. `Result<T>` is std::expected<T, Error>: functions that can
// fail return one instead of throwing. `FileStatus` is the per-file outcome a
// scan reports when a file (or a part of it) could not be read completely.
// Error messages never carry a raw value of personal data.

#include <expected>
#include <string>
#include <string_view>

namespace piiscan {

// kRefused: the request conflicts with what exists (another hash key than
// the store's running scan, say); the user must change the command, so the
// command line reports it as a usage error (exit 2). kFailure: everything else.
enum class ErrorKind { kFailure, kRefused };

struct Error {
  std::string message;
  ErrorKind kind = ErrorKind::kFailure;
};

template <typename T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> Fail(std::string message) {
  return std::unexpected(Error{std::move(message)});
}

// Why a file or part of one was not fully read. kOk is never written out.
enum class FileStatus {
  kOk,
  kEncrypted,    // password protected or encrypted member
  kCorrupt,      // damaged or truncated; what could be read was scanned
  kTooLarge,     // over --max-file-size
  kUnsupported,  // a binary format piiscan does not read
  kUnreadable,   // permission denied, vanished, I/O error
  kLimit,        // a container limit (depth, bytes, ratio, members, time)
  kSkipped,      // not a file to read (FIFO, socket, device): reported, never opened
  kCrashed,      // the reader (a third-party library) crashed on it; what came before was scanned
};

std::string_view FileStatusName(FileStatus status);

}  // namespace piiscan
