#pragma once
// Helpers shared by the subcommands' option parsing and signal handling.
#include <atomic>
#include <boost/program_options.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace piiscan::cli {

// "1500", "10K", "64M", "2G", "1T" (binary multiples) -> bytes.
std::optional<uint64_t> ParseSize(const std::string& text);

// Parses argv with `options` (and `positional`, when given) into `vm`. A bad
// command line prints "WHO: why (see WHO --help)" and gives exit 2; --help
// prints `help` (the options a user sees) and gives exit 0; nullopt: go on.
std::optional<int> ParseCommandLine(int argc, char** argv,
                                    const boost::program_options::options_description& options,
                                    const boost::program_options::options_description& help,
                                    const boost::program_options::positional_options_description* positional,
                                    std::string_view who, boost::program_options::variables_map& vm);

// Installs SIGINT/SIGTERM handlers once and returns the flag they set. A
// second signal ends the process at once.
std::atomic<bool>& InterruptFlag();

}  // namespace piiscan::cli
