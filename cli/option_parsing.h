#pragma once
// Helpers shared by the subcommands' option parsing and signal handling.
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

namespace piiscan::cli {

// "1500", "10K", "64M", "2G", "1T" (binary multiples) -> bytes.
std::optional<uint64_t> ParseSize(const std::string& text);

// Installs SIGINT/SIGTERM handlers once and returns the flag they set. A
// second signal ends the process at once.
std::atomic<bool>& InterruptFlag();

}  // namespace piiscan::cli
