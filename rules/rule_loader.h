#pragma once
// Loads the rule set: the copy embedded at build time from rules/data, or a
// directory given with --rules (same layout). Errors name the file, the line
// and what was expected.
//
// Layout of rules/data:
//   VERSION                       rule-set version (one line)
//   detectors/*.yaml              one or more DetectorSpec mappings per file
//                                 (a YAML list, or a map with key `detectors`)
//   lexicons/*.txt                one term per line, '#' comments; name = file stem;
//                                 a first line "#! case-sensitive" matches terms as written
//   anything else                 available by relative path in RuleSet::files

#include <string>

#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "rules/detector_spec.h"

namespace piiscan::rules {

Result<RuleSet> LoadEmbeddedRules();
Result<RuleSet> LoadRulesFromDirectory(const std::string& dir);
// `dir` empty: embedded rules.
Result<RuleSet> LoadRules(const std::string& dir);

// The files of rules/data as embedded at build time, by relative path; the
// detector specs in their JSON form (defined in the generated
// embedded_rules.cc).
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedRuleFiles();
// core/digest.h FileSetDigest of rules/data's sources, computed at build time.
std::string_view EmbeddedRulesDigest();

// The rule-set version that scans record: rules/data/VERSION, "+", and the
// first 12 hex of the rule files' digest, so it changes whenever any rule
// file changes, whether or not VERSION was bumped.
std::string RulesVersion(const RuleSet& rules);

// Parses one detectors YAML document, or the same in JSON notation (exposed
// for tests).
Result<std::vector<DetectorSpec>> ParseDetectorSpecs(const std::string& yaml, const std::string& file);
// Parses a lexicon: one term per line, '#' starts a comment, blank lines skipped.
std::vector<std::string> ParseLexicon(const std::string& text);

}  // namespace piiscan::rules
