#pragma once
// Everything `piiscan scan` (and `piiscan person`) can be told, with the
// defaults a user gets without options.

#include <string>
#include <vector>

#include "core/limits.h"
#include "store/store.h"

namespace piiscan::scanner {

struct ScanOptions {
  std::vector<std::string> paths;
  unsigned threads = 0;                 // 0 = all cores
  std::vector<std::string> excludes;    // globs, see core/glob.h
  bool follow_symlinks = false;
  bool progress = true;                 // only drawn when stderr is a terminal
  Limits limits;
  // A findings store to skip unchanged files with: each worker asks it
  // (StoreReader::Unchanged) before reading a file, and replays the stored
  // findings of an unchanged one instead. Null: read everything. Recording
  // the scan is a sink's job (scanner/store_sink.h).
  store::Store* store = nullptr;
  bool full = false;  // --full: ask the store nothing, read every file
};

}  // namespace piiscan::scanner
