#pragma once
// Everything `piiscan scan` (and `piiscan person`) can be told, with the
// defaults a user gets without options.

#include <string>
#include <vector>

#include "core/limits.h"
#include "core/rate_limiter.h"
#include "scanner/shard.h"
#include "scanner/work_source.h"
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
  // --shard I/N: only the files of this shard (scanner/shard.h); problems met
  // while walking (unreadable folders, FIFOs) are reported by shard 1 only,
  // so that a fleet reports each once.
  Shard shard;
  // --max-rate: every file's bytes are acquired here before it is read.
  RateLimiter* rate = nullptr;
  // --claim: the walker takes its folders from here instead of walking
  // `paths` (scanner/work_source.h).
  WorkSource* work = nullptr;
};

}  // namespace piiscan::scanner
