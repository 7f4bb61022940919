// `piiscan detectors` and `piiscan formats`: what the scanner knows.
#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/subcommands.h"
#include "formats/format_module.h"
#include "formats/registry.h"
#include "rules/rule_loader.h"

namespace po = boost::program_options;

namespace piiscan::cli {
namespace {

// Parses options common to the listing commands; returns -1 to go on.
int ParseListOptions(int argc, char** argv, const char* usage, bool* verbose, std::string* rules_dir) {
  po::options_description desc(usage);
  desc.add_options()("help,h", "show this help");
  if (verbose) desc.add_options()("verbose,v", po::bool_switch(verbose), "also how each confidence level is reached, triggers and context words");
  if (rules_dir) desc.add_options()("rules", po::value(rules_dir), "rules directory instead of the built-in set");
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, desc), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "piiscan: " << e.what() << "\n";
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << desc << "\n";
    return kExitOk;
  }
  return -1;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

int RunDetectors(int argc, char** argv) {
  bool verbose = false;
  std::string rules_dir;
  int rc = ParseListOptions(argc, argv,
                            "usage: piiscan detectors [--verbose]\n\nLists every detector: id, category "
                            "and what it finds.\n\noptions",
                            &verbose, &rules_dir);
  if (rc >= 0) return rc;
  auto rules = rules::LoadRules(rules_dir);
  if (!rules) {
    std::cerr << "piiscan detectors: " << rules.error().message << "\n";
    return kExitFailure;
  }
  std::printf("%-22s %-20s %s\n", "DETECTOR", "CATEGORY", "DESCRIPTION");
  for (const auto& d : rules->detectors) {
    std::printf("%-22s %-20s %s\n", d.id.c_str(), d.category.c_str(), d.description.c_str());
    if (verbose) {
      if (!d.confidence_doc.empty()) std::printf("    confidence: %s\n", d.confidence_doc.c_str());
      std::printf("    found by:   %s%s%s\n", d.trigger.c_str(),
                  d.validator.empty() ? "" : ", validated by ", d.validator.c_str());
      std::printf("    scores:     base %.2f, with context %.2f, with negative context %.2f%s\n",
                  d.base_score, d.context_score, d.negative_score,
                  d.requires_context ? " (context required)" : "");
      if (!d.positive.empty()) std::printf("    context +:  %s\n", Join(d.positive).c_str());
      if (!d.negative.empty()) std::printf("    context -:  %s\n", Join(d.negative).c_str());
    }
  }
  std::printf("\nrule set %s; confidence: high >= 0.80, medium >= 0.50, low below.\n", rules->version.c_str());
  return kExitOk;
}

int RunFormats(int argc, char** argv) {
  int rc = ParseListOptions(argc, argv,
                            "usage: piiscan formats\n\nLists the file formats piiscan reads, and the "
                            "library behind each.\n\noptions",
                            nullptr, nullptr);
  if (rc >= 0) return rc;
  std::printf("%-8s %-9s %-34s %s\n", "TYPE", "READ", "LIBRARY", "DESCRIPTION");
  for (const auto& f : formats::AllFormats()) {
    std::printf("%-8.*s %-9s %-34.*s %.*s\n", static_cast<int>(f.type.size()), f.type.data(),
                f.extractor ? "yes" : "no", static_cast<int>(f.library.size()), f.library.data(),
                static_cast<int>(f.description.size()), f.description.data());
  }
  std::printf("\nformat module (PDF, mail, Office, HTML, archives; loaded on first use): %s\n",
              formats::FormatModuleDescription().c_str());
  return kExitOk;
}

}  // namespace piiscan::cli
