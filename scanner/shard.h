#pragma once
// `--shard I/N`: which of N agents scans a file. Decided by a hash of the
// path below its root (FNV-1a 64, the same on every machine and build), so
// that agents that mount the share at different places agree, each file is
// scanned by exactly one of the N, and a container (zip, PST, mbox) stays
// whole. Pure functions.

#include <cstdint>
#include <optional>
#include <string_view>

namespace piiscan::scanner {

struct Shard {
  int index = 0;  // 1..count
  int count = 0;  // 0: no sharding
};

// Parses "I/N" with 1 <= I <= N <= 100000; nullopt when malformed.
std::optional<Shard> ParseShard(std::string_view text);

// True when the file at `relative_path` belongs to `shard` (always when
// shard.count is 0).
bool InShard(std::string_view relative_path, const Shard& shard);

}  // namespace piiscan::scanner
