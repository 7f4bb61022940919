#pragma once
// The piiscan command line: `piiscan SUBCOMMAND [options]`. Each subcommand
// lives in its own file (cli/*_command.cc) and is listed once in commands.cc.
//
// Exit codes (documented in --help and the man page):
//   0  done, nothing to report (or findings written, for scan/person)
//   1  done, and --fail-on was triggered (audit gaps, findings)
//   2  usage error: unknown option, missing or unreadable PATH, bad register
//   3  runtime failure: output not writable, rules do not compile
//   130 interrupted (Ctrl-C); what was found so far is flushed

namespace piiscan::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitFailure = 3;
inline constexpr int kExitInterrupted = 130;

int Main(int argc, char** argv);

}  // namespace piiscan::cli
