#pragma once
// Entry points of the subcommands; argv[0] is the subcommand name.

namespace piiscan::cli {

int RunScan(int argc, char** argv);
int RunDetectors(int argc, char** argv);
int RunFormats(int argc, char** argv);
int RunAudit(int argc, char** argv);
int RunRegister(int argc, char** argv);
int RunPerson(int argc, char** argv);
int RunScans(int argc, char** argv);
int RunReport(int argc, char** argv);
int RunTriage(int argc, char** argv);

}  // namespace piiscan::cli
