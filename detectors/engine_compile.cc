// Engine::Impl::Compile: a rule set into the engine's compiled form
// (engine_internal.h). Everything a scan branches on is resolved here.

#include <hs/hs.h>

#include <algorithm>
#include <string>

#include "core/utf8.h"
#include "detectors/engine_internal.h"

namespace piiscan::detectors {
namespace {

// True when `pattern` is one capturing group around everything, "(...)":
// then the group is the whole match, and RE2 finds both ends with its DFA
// alone instead of running the slower submatch engines for the group.
bool IsOneWholeGroup(std::string_view pattern) {
  if (pattern.size() < 2 || pattern.front() != '(' || pattern.back() != ')') return false;
  if (pattern.substr(0, 2) == "(?") return false;  // not a capturing group
  int depth = 0;
  bool in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\') {
      ++i;
      continue;
    }
    if (in_class) {
      in_class = c != ']';
      continue;
    }
    if (c == '[') {
      in_class = true;
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') ++i;  // "[]...]"
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0 && i + 1 != pattern.size()) {
      return false;  // the first group closes before the end
    }
  }
  return depth == 0;
}

// The loader accepts only these four (rules/rule_loader.cc).
TriggerKind TriggerOf(const std::string& trigger) {
  if (trigger == "numeric") return TriggerKind::kNumeric;
  if (trigger == "lexicon") return TriggerKind::kLexicon;
  if (trigger == "custom") return TriggerKind::kCustom;
  return TriggerKind::kRegex;
}

NormaliserKind NormaliserOf(const std::string& how) {
  if (how == "digits") return NormaliserKind::kDigits;
  if (how == "upper_alnum") return NormaliserKind::kUpperAlnum;
  if (how == "lower") return NormaliserKind::kLower;
  if (how == "spaces") return NormaliserKind::kSpaces;
  return NormaliserKind::kAsIs;
}

// Label matching looks for the keyword's stem anywhere in the label.
std::string Stem(const std::string& word) {
  std::string w = AsciiLower(word);
  if (!w.empty() && w.back() == '*') w.pop_back();
  if (!w.empty() && w.front() == '*') w.erase(0, 1);
  return w;
}

Result<bool> HsFailure(hs_compile_error_t* err, const std::string& who) {
  std::string what = err && err->message ? err->message : "unknown error";
  hs_free_compile_error(err);
  return Fail("Hyperscan cannot compile " + who + ": " + what);
}

}  // namespace

uint32_t Engine::Impl::KeywordId(const std::string& word) {
  std::string w = AsciiLower(word);
  bool prefix = !w.empty() && w.back() == '*';
  if (prefix) w.pop_back();
  bool suffix = !w.empty() && w.front() == '*';
  if (suffix) w.erase(0, 1);
  std::string key = (suffix ? "*" : "") + w + (prefix ? "*" : "");
  auto it = keyword_ids.find(key);
  if (it != keyword_ids.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(keywords.size());
  keywords.push_back({w, prefix, suffix});
  keyword_ids.emplace(key, id);
  return id;
}

Result<bool> Engine::Impl::Compile() {
  AddLexicons();
  specs.resize(rules.detectors.size());
  for (uint32_t i = 0; i < rules.detectors.size(); ++i) {
    if (auto ok = CompileSpec(i); !ok) return ok;
  }
  if (auto ok = CompileKeywords(); !ok) return ok;
  return CompileHyperscan();
}

// Lexicons used by any spec get ids.
void Engine::Impl::AddLexicons() {
  for (const auto& spec : rules.detectors) {
    for (const auto& name : spec.lexicons) {
      if (lexicon_ids.contains(name)) continue;
      auto id = static_cast<uint32_t>(lexicon_terms.size());
      lexicon_ids.emplace(name, id);
      lexicon_terms.push_back(&rules.lexicons.at(name));
      lexicon_case_sensitive.push_back(rules.case_sensitive_lexicons.contains(name));
      lexicon_trigger_specs.emplace_back();
    }
  }
}

Result<bool> Engine::Impl::CompileSpec(uint32_t i) {
  const auto& s = rules.detectors[i];
  auto& c = specs[i];
  c.spec = &s;
  c.trigger = TriggerOf(s.trigger);
  c.normaliser = NormaliserOf(s.normaliser);
  spec_ids.emplace(s.id, i);
  if (!s.pattern.empty()) {
    RE2::Options opt;
    opt.set_log_errors(false);
    opt.set_case_sensitive(!s.caseless);
    c.re = std::make_unique<RE2>(s.pattern, opt);
    if (!c.re->ok()) return Fail("detector '" + s.id + "': pattern does not compile: " + c.re->error());
    c.value_group = c.re->NumberOfCapturingGroups() >= 1 && !IsOneWholeGroup(s.pattern) ? 1 : 0;
  }
  if (!s.validator.empty()) {
    c.validator = FindValidator(s.validator);
    if (!c.validator) return Fail("detector '" + s.id + "': no validator named '" + s.validator + "'");
    c.surroundings = FindSurroundingsCheck(s.validator);
  }
  for (const auto& w : s.positive) {
    if (auto st = Stem(w); !st.empty()) c.positive_words.push_back(st);
  }
  for (const auto& w : s.negative) {
    if (auto st = Stem(w); !st.empty()) c.negative_words.push_back(st);
  }
  for (const auto& name : s.lexicons) c.lexicons.push_back(lexicon_ids.at(name));
  if (c.trigger == TriggerKind::kNumeric) numeric_specs.push_back(i);
  if (!s.engine.lead.empty()) {
    auto lead = ByteClassSequence::Parse(s.engine.lead);
    if (!lead) return Fail("detector '" + s.id + "': lead " + lead.error().message);
    c.lead = std::move(*lead);
  }
  if (!s.engine.digit_lead.empty()) {
    auto dl = ByteClassSequence::Parse(s.engine.digit_lead);
    if (!dl) return Fail("detector '" + s.id + "': digit_lead " + dl.error().message);
    c.digit_lead = std::move(*dl);
    c.digit_lead_upper = c.digit_lead.size() < 64 && c.digit_lead.FirstWithin('A', 'Z');
    digit_lead_specs.push_back(i);
  }
  if (s.engine.has_separators) {
    c.breaking_separators = 63;
    for (char sep : s.engine.separators) c.breaking_separators &= static_cast<uint8_t>(~SeparatorBit(sep));
  }
  // A custom finder may also have an `hs` pattern: its match ends are
  // handed to the finder (e.g. "<<" for MRZ lines), so the finder looks
  // only where something can be.
  if (c.trigger == TriggerKind::kRegex || (c.trigger == TriggerKind::kCustom && !s.hs.empty())) {
    regex_specs.push_back(i);
  }
  if (c.trigger == TriggerKind::kLexicon) {
    for (auto l : c.lexicons) lexicon_trigger_specs[l].push_back(i);
  }
  if (c.trigger == TriggerKind::kCustom) {
    c.has_trigger_ends = !s.hs.empty() || !s.engine.digit_lead.empty();
    auto f = MakeFinder(s, rules, lexicon_ids);
    if (!f) return std::unexpected(f.error());
    c.finder = std::move(*f);
    custom_specs.push_back(i);
  }
  return true;
}

// Keyword ids first, then the per-spec masks sized to all of them.
Result<bool> Engine::Impl::CompileKeywords() {
  std::vector<std::pair<std::vector<uint32_t>, std::vector<uint32_t>>> kw(specs.size());
  for (size_t i = 0; i < specs.size(); ++i) {
    for (const auto& w : specs[i].spec->positive) kw[i].first.push_back(KeywordId(w));
    for (const auto& w : specs[i].spec->negative) kw[i].second.push_back(KeywordId(w));
  }
  for (size_t i = 0; i < specs.size(); ++i) {
    specs[i].positive.assign(keywords.size(), false);
    specs[i].negative.assign(keywords.size(), false);
    for (auto k : kw[i].first) specs[i].positive[k] = true;
    for (auto k : kw[i].second) specs[i].negative[k] = true;
    specs[i].has_keywords = !kw[i].first.empty() || !kw[i].second.empty();
  }
  // Keywords no trigger-confirmed detector asks for go in a set of their
  // own; a set holds the others as empty texts, so that ids stay global.
  std::vector<bool> main_use(keywords.size(), false);
  for (size_t i = 0; i < specs.size(); ++i) {
    if (specs[i].trigger == TriggerKind::kLexicon) continue;
    for (auto k : kw[i].first) main_use[k] = true;
    for (auto k : kw[i].second) main_use[k] = true;
  }
  std::vector<Keyword> main_set = keywords, lexicon_set = keywords;
  bool any_lexicon_only = false;
  for (size_t k = 0; k < keywords.size(); ++k) {
    (main_use[k] ? lexicon_set : main_set)[k].text.clear();
    any_lexicon_only |= !main_use[k];
  }
  for (size_t i = 0; i < specs.size(); ++i) {
    auto only_lexicon = [&](uint32_t k) { return !main_use[k]; };
    specs[i].lexicon_keywords = std::any_of(kw[i].first.begin(), kw[i].first.end(), only_lexicon) ||
                                std::any_of(kw[i].second.begin(), kw[i].second.end(), only_lexicon);
  }
  auto ks = KeywordSet::Build(main_set);
  if (!ks) return std::unexpected(ks.error());
  keyword_set = std::move(*ks);
  if (any_lexicon_only) {
    auto ls = KeywordSet::Build(lexicon_set);
    if (!ls) return std::unexpected(ls.error());
    lexicon_keyword_set = std::move(*ls);
  }
  positive_sets.resize(specs.size());
  for (size_t i = 0; i < specs.size(); ++i) {
    if (!specs[i].spec->requires_context || kw[i].first.empty()) continue;
    std::vector<Keyword> positive;
    for (auto k : kw[i].first) positive.push_back(keywords[k]);
    auto ps = KeywordSet::Build(positive);
    if (!ps) return std::unexpected(ps.error());
    positive_sets[i] = std::move(*ps);
  }
  return true;
}

// One Hyperscan database over the whole text: triggers and lexicon terms
// (but the capitalised gazetteer terms); one more per anchored trigger.
Result<bool> Engine::Impl::CompileHyperscan() {
  std::vector<std::string> exprs;
  std::vector<unsigned> flags;
  for (auto i : regex_specs) {
    const auto& s = *specs[i].spec;
    unsigned f = s.caseless ? HS_FLAG_CASELESS : 0;
    if (!s.engine.hs_anchor.empty()) {
      hs_database_t* adb = nullptr;
      hs_compile_error_t* err = nullptr;
      if (CompileMultiCached({s.hs}, {f}, {0}, &adb, &err) != HS_SUCCESS) {
        return HsFailure(err, "detector '" + s.id + "' (hs trigger)");
      }
      anchored.push_back({i, HsDatabase(adb)});
      exprs.push_back(s.engine.hs_anchor);
      flags.push_back(f);
      patterns.push_back({PatternKind::kAnchor, i, 0, 0});
      continue;
    }
    exprs.push_back(s.hs);
    flags.push_back(f);
    patterns.push_back({PatternKind::kTrigger, i, 0, 0});
  }
  for (uint32_t l = 0; l < lexicon_terms.size(); ++l) {
    const auto& terms = *lexicon_terms[l];
    for (uint32_t t = 0; t < terms.size(); ++t) {
      std::string_view term = terms[t];
      bool prefix = term.size() > 1 && term.back() == '*';
      if (prefix) term.remove_suffix(1);
      if (capital_terms.Add(term, !lexicon_case_sensitive[l], prefix, l, t)) continue;
      exprs.push_back(EscapeLiteral(term));
      flags.push_back(lexicon_case_sensitive[l] ? 0 : HS_FLAG_CASELESS);
      patterns.push_back({PatternKind::kTerm, l, t, static_cast<uint32_t>(term.size()), prefix});
    }
  }
  capital_terms.Freeze();
  if (exprs.empty()) return true;
  std::vector<unsigned> ids;
  for (size_t i = 0; i < exprs.size(); ++i) ids.push_back(static_cast<unsigned>(i));
  hs_compile_error_t* err = nullptr;
  hs_database_t* main_db = nullptr;
  hs_error_t compiled = CompileMultiCached(exprs, flags, ids, &main_db, &err);
  db.reset(main_db);
  if (compiled != HS_SUCCESS) {
    std::string who = "the rule set";
    if (err && err->expression >= 0 && static_cast<size_t>(err->expression) < patterns.size()) {
      const auto& p = patterns[static_cast<size_t>(err->expression)];
      if (p.kind == PatternKind::kTrigger) who = "detector '" + specs[p.a].spec->id + "' (hs trigger)";
      else if (p.kind == PatternKind::kAnchor) who = "detector '" + specs[p.a].spec->id + "' (hs_anchor)";
      else who = "a lexicon term";
    }
    return HsFailure(err, who);
  }
  if (!FitScratch(scratch_proto, db.get())) return Fail("Hyperscan scratch allocation failed");
  for (const auto& a : anchored) {
    if (!FitScratch(scratch_proto, a.db.get())) return Fail("Hyperscan scratch allocation failed");
  }
  return true;
}

}  // namespace piiscan::detectors
