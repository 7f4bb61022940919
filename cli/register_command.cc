// `piiscan register draft STATEMENT.txt`: draft a register (YAML) from a
// privacy statement.
#include <boost/program_options.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include "audit/register_draft.h"
#include "cli/commands.h"
#include "cli/option_parsing.h"
#include "cli/subcommands.h"
#include "reports/output_file.h"
#include "rules/register.h"
#include "rules/rule_loader.h"

namespace po = boost::program_options;

namespace piiscan::cli {
namespace {

constexpr const char* kRegisterUsage =
    "usage: piiscan register draft STATEMENT.txt [--output R.yaml]\n\n"
    "Reads a privacy statement (Dutch or English, plain text) and writes a draft\n"
    "register of processing in YAML (docs/register.md): the organisation, the\n"
    "systems the statement names, the categories of data tied to each, retention\n"
    "periods, promises (no special categories, no ID copies, ...) and legal\n"
    "grounds. Each value is commented with the sentence it came from; `# TODO`\n"
    "marks what a person must fill in, such as where each system's data lies\n"
    "(locations). The draft loads as-is with `piiscan audit --register`.\n\noptions";

int Draft(const std::string& input, const std::string& output, const std::string& rules_dir) {
  std::ifstream in(input, std::ios::binary);
  if (!in) {
    std::cerr << "piiscan register draft: " << input << ": cannot read\n";
    return kExitUsage;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  auto rules = rules::LoadRules(rules_dir);
  if (!rules) {
    std::cerr << "piiscan register draft: rules: " << rules.error().message << "\n";
    return kExitFailure;
  }
  auto draft = audit::DraftRegister(ss.str(), *rules);
  if (!draft) {
    std::cerr << "piiscan register draft: " << draft.error().message << "\n";
    return kExitFailure;
  }
  std::string name = input.substr(input.find_last_of('/') == std::string::npos ? 0 : input.find_last_of('/') + 1);
  std::string yaml = audit::DraftToYaml(*draft, name);
  auto out = reports::OutputFile::Open(output);
  if (!out) {
    std::cerr << "piiscan register draft: " << out.error().message << "\n";
    return kExitFailure;
  }
  out->Write(yaml);
  if (!out->Flush()) {
    std::cerr << "piiscan register draft: could not write " << output << "\n";
    return kExitFailure;
  }
  if (output != "-") {
    std::cerr << "piiscan register draft: wrote " << output << ": " << draft->systems.size()
              << " systems; fill in the TODOs (locations first)\n";
  }
  return kExitOk;
}

}  // namespace

int RunRegister(int argc, char** argv) {
  std::string action, input, output = "-", rules_dir;
  po::options_description desc(kRegisterUsage);
  desc.add_options()
      ("help,h", "show this help")
      ("output,o", po::value(&output), "write the draft to FILE (created mode 0600); '-' = stdout (default)")
      ("rules", po::value(&rules_dir), "load the drafting lexicons from DIR instead of the built-in set");
  po::options_description hidden;
  hidden.add_options()("action", po::value(&action))("input", po::value(&input));
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description pos;
  pos.add("action", 1).add("input", 1);
  po::variables_map vm;
  if (auto done = ParseCommandLine(argc, argv, all, desc, &pos, "piiscan register", vm)) return *done;
  if (action != "draft") {
    std::cerr << "piiscan register: expected `piiscan register draft STATEMENT.txt` (see --help)\n";
    return kExitUsage;
  }
  if (input.empty()) {
    std::cerr << "piiscan register draft: no STATEMENT.txt given\n";
    return kExitUsage;
  }
  return Draft(input, output, rules_dir);
}

}  // namespace piiscan::cli
