#pragma once
// The data model of a detector, as written in rules/data/detectors/*.yaml.
// A detector is data plus, at most, a validator function named by the spec:
// adding one means adding a YAML file (and a validator when it has a check).
//
// How candidates are found (`trigger`):
//   numeric  - the engine's digit-run pass yields number tokens (digits with
//              single separators, optional leading '+'); `pattern` (RE2) is
//              searched in the token plus `before`/`after` bytes around it.
//              Tokens whose digit count is outside `digits` are skipped.
//   regex    - `hs` (a cheap Hyperscan pattern, ideally literal-anchored)
//              marks candidates by its match end; `pattern` (RE2) is searched
//              in `before`/`after` bytes around that end.
//   lexicon  - every term of the named lexicon (rules/data/lexicons) is a
//              candidate, found by Hyperscan as a literal (case-insensitive).
//   custom   - a finder implemented in detectors/ (e.g. person names), named
//              by `finder`; it gets the text, keyword hits and lexicons.
// Every candidate span must sit on word boundaries (no letter or digit glued
// to either side). Then: normalise -> validate -> score context -> finding.
//
// What a detector finds is said by the fields of DetectorSpec; how the
// engine makes it fast by the spec's `engine:` block (EngineHints). A hint
// must not change what is found: each has a plain form (a wider `hs`, no
// prefilter) that finds the same, slower (detectors/engine_test.cc compares
// the anchored, lead and digit-lead forms with their plain ones).

#include <map>
#include <set>
#include <string>
#include <vector>

namespace piiscan::rules {

// The `engine:` block of a spec: hints that make a detector fast.
struct EngineHints {
  // regex (or a custom spec's hs): a cheap pattern that occurs in every
  // match of `hs`, within `anchor_window: [before, after]` bytes of the
  // anchor's end. Only the text around anchors is then searched for `hs`
  // (with `hs`'s own database): same match ends, a fraction of the cost.
  // `hs` must then have no assertions (^, $, \b) that a window could change.
  std::string hs_anchor;
  int anchor_before = 0;
  int anchor_after = 0;
  // numeric: the separators a value may contain (of " .-/()"); a token is
  // only searched when one stretch of it, not broken by any other
  // separator, has min_digits digits ("13-08-2024" is no BSN). Unset: any.
  std::string separators;
  bool has_separators = false;
  // numeric: bytes that must stand right before the token, as a sequence of
  // classes ("[A-Z]{2}": an IBAN's country code before its check digits;
  // detectors/byte_class_sequence.h). Tokens without it are skipped. Empty: none.
  std::string lead;
  // custom: byte classes that, standing right before an ASCII digit, make
  // the position after that digit a trigger end for the finder, as the hs
  // pattern "<classes>[0-9]" would ("[A-Z]{2}[A-Z0-9]{6}": a document
  // number), found from the digit bitmap instead of a class-heavy Hyperscan
  // pattern. Empty: none.
  std::string digit_lead;

  bool operator==(const EngineHints&) const = default;
};

struct DetectorSpec {
  std::string id;           // output id, e.g. "iban"
  std::string category;     // register category, e.g. "bank_account"
  std::string description;  // one line, for `piiscan detectors`
  std::string confidence_doc;  // how low/medium/high are reached (--verbose)

  std::string trigger;      // numeric | regex | lexicon | custom
  std::string hs;           // Hyperscan trigger pattern (regex)
  std::string pattern;      // RE2 pattern of the whole candidate; group 1, when
                            // present, is the value (else the whole match)
  std::vector<std::string> lexicons;  // lexicon names: the terms (trigger lexicon)
                            // or the gazetteers a custom finder needs
  std::string finder;       // custom finder name (trigger custom)
  int before = 0;           // bytes of text before the token / trigger end
  int after = 0;            // bytes of text after the token / trigger end
  int min_digits = 0;       // numeric: token digit-count range
  int max_digits = 0;

  std::string normaliser;   // digits | upper_alnum | lower | phone_e164 | date_iso | spaces | as_is
  std::string validator;    // name in detectors/validators/registry; empty = none
  std::string masker;       // keep_ends | email | date | name | term | ip
  bool caseless = false;    // pattern is case-insensitive

  double base_score = 0.5;     // pattern (+ validator) alone
  double context_score = 0.9;  // with a positive context keyword
  double negative_score = 0.1; // with a negative keyword and no positive one
  bool requires_context = false;  // without positive context, drop the candidate
  int priority = 50;        // overlaps: lower claims its span first
  std::vector<std::string> positive;  // context keywords (lower-case; '*' suffix = prefix)
  std::vector<std::string> negative;
  int context_before = 100;  // bytes before the candidate searched for keywords
  int context_after = 40;    // bytes after it
  // A person's name (a person_name finding at medium or higher) within the
  // context window, in the same sentence, counts as positive context when
  // no keyword is nearer: "Mirjam gebruikt antidepressiva".
  bool name_context = false;
  // Keywords after the candidate count only up to the end of its clause
  // (", ", "; ", ". " ...): "Op 3 maart 2004 verhuisde Jan, geboren in
  // Nador" is no birth date.
  bool context_clause = false;

  EngineHints engine;       // how it is made fast (the `engine:` block)

  std::vector<std::string> must_match;     // examples: text that yields this detector
  std::vector<std::string> must_not_match; // examples: text that must not

  bool operator==(const DetectorSpec&) const = default;
};

struct RuleSet {
  std::string version;                      // rules/data/VERSION; part of incremental state
  std::string digest;                       // hex digest of the rule files (rules/rule_loader.h RulesVersion)
  std::vector<DetectorSpec> detectors;
  std::map<std::string, std::vector<std::string>> lexicons;  // name -> terms
  // Lexicons whose file starts with the directive "#! case-sensitive": their
  // terms match only as written (a gazetteer of capitalised given names need
  // not hit every lower-case "jan" or "mark" in running text).
  std::set<std::string> case_sensitive_lexicons;
  // Any other rule file by relative path (name lists, register lexicon ...).
  std::map<std::string, std::string> files;
};

}  // namespace piiscan::rules
