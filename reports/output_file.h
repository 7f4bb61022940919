#pragma once
// Opens an output file for findings: created with mode 0600 (findings are
// personal data about people), truncated, or stdout for "-". Writes are
// buffered; errors are reported once, at Close.
//
// Outputs are opened with O_NOFOLLOW and must be regular files: a symbolic
// link (which could point a scan run as root at any file) or a FIFO, device
// or directory is refused with an error naming what it is, never followed,
// truncated or chmod-ed. The command line exits 3 (runtime failure) then.
// "/dev/null" is the one exception (benchmarks discard findings there): it
// is written as it is, never chmod-ed.
//
// Thread safety: one OutputFile per writer; not shared.

#include <cstdio>
#include <string>
#include <string_view>

#include "core/status.h"

namespace piiscan::reports {

// Opens (creating with mode 0600, or truncating and tightening to 0600) the
// output `path` for writing, by the rules above; returns the descriptor.
Result<int> OpenOutputDescriptor(const std::string& path);

class OutputFile {
 public:
  static Result<OutputFile> Open(const std::string& path);
  OutputFile(OutputFile&& other) noexcept;
  OutputFile& operator=(OutputFile&&) = delete;
  ~OutputFile();

  void Write(std::string_view s);
  // Flushes; false when any write failed.
  bool Flush();
  const std::string& path() const { return path_; }

 private:
  OutputFile(FILE* f, std::string path, bool owned) : f_(f), path_(std::move(path)), owned_(owned) {}
  FILE* f_;
  std::string path_;
  bool owned_;
  bool failed_ = false;
};

}  // namespace piiscan::reports
