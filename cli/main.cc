#include "cli/commands.h"

int main(int argc, char** argv) { return piiscan::cli::Main(argc, argv); }
