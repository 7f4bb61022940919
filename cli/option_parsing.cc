#include "cli/option_parsing.h"

#include <signal.h>

#include <cctype>
#include <cstring>
#include <iostream>
#include <mutex>

#include "cli/commands.h"

namespace piiscan::cli {
namespace {

std::atomic<bool> g_interrupted{false};

void OnSignal(int sig) {
  g_interrupted.store(true);
  signal(sig, SIG_DFL);  // the next one ends the process
}

}  // namespace

namespace po = boost::program_options;

std::optional<int> ParseCommandLine(int argc, char** argv, const po::options_description& options,
                                    const po::options_description& help,
                                    const po::positional_options_description* positional,
                                    std::string_view who, po::variables_map& vm) {
  try {
    po::command_line_parser parser(argc, argv);
    parser.options(options);
    if (positional) parser.positional(*positional);
    po::store(parser.run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << who << ": " << e.what() << " (see " << who << " --help)\n";
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << help << "\n";
    return kExitOk;
  }
  return std::nullopt;
}

std::optional<uint64_t> ParseSize(const std::string& text) {
  if (text.empty() || !std::isdigit(static_cast<unsigned char>(text[0]))) return std::nullopt;
  size_t pos = 0;
  uint64_t n = 0;
  try {
    n = std::stoull(text, &pos);
  } catch (...) {
    return std::nullopt;
  }
  std::string unit = text.substr(pos);
  if (!unit.empty() && (unit.back() == 'B' || unit.back() == 'b')) unit.pop_back();
  if (!unit.empty() && unit.back() == 'i') unit.pop_back();
  uint64_t mult = 1;
  if (unit.empty()) mult = 1;
  else if (unit == "K" || unit == "k") mult = 1ull << 10;
  else if (unit == "M" || unit == "m") mult = 1ull << 20;
  else if (unit == "G" || unit == "g") mult = 1ull << 30;
  else if (unit == "T" || unit == "t") mult = 1ull << 40;
  else return std::nullopt;
  return n * mult;
}

std::atomic<bool>& InterruptFlag() {
  static std::once_flag once;
  std::call_once(once, [] {
    struct sigaction sa;
    std::memset(&sa, 0, sizeof sa);
    sa.sa_handler = OnSignal;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
  });
  return g_interrupted;
}

}  // namespace piiscan::cli
