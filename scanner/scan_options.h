#pragma once
// Everything `piiscan scan` (and `piiscan person`) can be told, with the
// defaults a user gets without options.

#include <string>
#include <vector>

#include "core/limits.h"

namespace piiscan::scanner {

struct ScanOptions {
  std::vector<std::string> paths;
  unsigned threads = 0;                 // 0 = all cores
  std::vector<std::string> excludes;    // globs, see core/glob.h
  bool follow_symlinks = false;
  bool progress = true;                 // only drawn when stderr is a terminal
  Limits limits;
};

}  // namespace piiscan::scanner
