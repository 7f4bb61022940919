#pragma once
// Opens an output file for findings: created with mode 0600 (findings are
// personal data about people), truncated, or stdout for "-". Writes are
// buffered; errors are reported once, at Close.

#include <cstdio>
#include <string>
#include <string_view>

#include "core/status.h"

namespace piiscan::reports {

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
