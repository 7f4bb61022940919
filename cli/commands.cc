#include "cli/commands.h"

#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "cli/subcommands.h"
#include "core/version.h"

namespace piiscan::cli {
namespace {

struct Subcommand {
  std::string_view name;
  std::string_view summary;
  int (*run)(int argc, char** argv);
};

// Every subcommand, once.
constexpr Subcommand kSubcommands[] = {
    {"scan", "scan files, folders and mail exports; write findings", RunScan},
    {"detectors", "list detector ids, categories and descriptions", RunDetectors},
    {"formats", "list the file formats read and the library behind each", RunFormats},
    {"scans", "list the scans recorded in a findings store (--db)", RunScans},
    {"report", "current findings of a findings store, or what changed --since", RunReport},
    {"triage", "verdicts on findings (false_positive, accepted, remediated) that persist", RunTriage},
    {"audit", "hold findings against the register of processing; report the gaps", RunAudit},
    {"register", "register draft STATEMENT.txt: draft a register from a privacy statement", RunRegister},
    {"person", "find everything about one data subject (DSAR, AVG art. 15/17)", RunPerson},
};

void PrintUsage(FILE* out) {
  std::fprintf(out,
               "piiscan %s — find personal data in file shares and mail exports, and hold it\n"
               "against the declared register of processing.\n\n"
               "usage: piiscan SUBCOMMAND [options] [PATH...]\n\nsubcommands:\n",
               kVersion);
  for (const auto& s : kSubcommands) {
    std::fprintf(out, "  %-12s %.*s\n", std::string(s.name).c_str(), static_cast<int>(s.summary.size()),
                 s.summary.data());
  }
  std::fprintf(out,
               "\n`piiscan SUBCOMMAND --help` explains each option.\n\n"
               "exit codes: 0 ok; 1 --fail-on triggered; 2 usage error (unknown option,\n"
               "missing path, bad register); 3 runtime failure (output not writable, rules\n"
               "invalid); 130 interrupted (findings so far are flushed and valid).\n");
}

}  // namespace

int Main(int argc, char** argv) {
  if (argc < 2) {
    PrintUsage(stderr);
    return kExitUsage;
  }
  std::string_view cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    PrintUsage(stdout);
    return kExitOk;
  }
  if (cmd == "--version" || cmd == "-V") {
    std::printf("piiscan %s (engine: %s)\n", kVersion, kEngineName);
    return kExitOk;
  }
  for (const auto& s : kSubcommands) {
    if (s.name == cmd) return s.run(argc - 1, argv + 1);
  }
  std::fprintf(stderr, "piiscan: unknown subcommand '%s' (see piiscan --help)\n", argv[1]);
  return kExitUsage;
}

}  // namespace piiscan::cli
