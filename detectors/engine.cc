#include "detectors/engine.h"

#include <hs/hs.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <unordered_map>

#include "core/byte_scan.h"
#include "core/unicode_fold.h"
#include "core/utf8.h"
#include "detectors/byte_class_sequence.h"
#include "detectors/finder.h"
#include "detectors/capital_word_matcher.h"
#include "detectors/hs_database_cache.h"
#include "detectors/keyword_hits.h"
#include "detectors/numeric_tokens.h"
#include "detectors/validators/surroundings.h"
#include "detectors/validators/validator.h"
#include "detectors/window_matcher.h"

namespace piiscan::detectors {
namespace {

// Candidates scoring below this are noise, not even low-confidence findings
// (e.g. a checksum-valid number right after "factuurnummer").
constexpr double kNoiseFloor = 0.1;

enum class PatternKind : uint8_t { kTrigger, kAnchor, kTerm };
struct PatternRef {
  PatternKind kind;
  uint32_t a;    // spec index (kTrigger, kAnchor) or lexicon id (kTerm)
  uint32_t b;    // term index (kTerm)
  uint32_t len;  // literal length in bytes (kTerm)
  bool prefix = false;  // kTerm written with a trailing '*': compounds may follow
};

struct CompiledSpec {
  const rules::DetectorSpec* spec = nullptr;
  std::unique_ptr<RE2> re;
  int value_group = 0;  // 1 when the pattern has a capture group
  ValidatorFn validator = nullptr;
  SurroundingsFn surroundings = nullptr;  // the validator's check of the bytes around
  std::vector<bool> positive;  // by keyword id
  std::vector<bool> negative;
  std::vector<std::string> positive_words, negative_words;  // for labels
  std::vector<uint32_t> lexicons;
  std::unique_ptr<Finder> finder;
  uint8_t breaking_separators = 0;  // numeric: separators a value cannot contain
  bool has_keywords = false;        // any positive or negative context keyword
  ByteClassSequence lead;           // numeric: required right before the token (empty: none)
  ByteClassSequence digit_lead;     // custom: before a digit, makes a trigger end (empty: none)
  bool digit_lead_upper = false;    // its first class is within 'A'..'Z' (capital-bitmap prefilter)
};

// Word characters for boundaries: ASCII letters and digits, and any byte of
// a multi-byte UTF-8 character (letters with diacritics).
inline bool IsWordByte(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || u >= 0x80;
}

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

std::string Normalise(std::string_view raw, const std::string& how) {
  if (how == "digits") return DigitsOf(raw);
  if (how == "upper_alnum") return UpperAlnumOf(raw);
  if (how == "lower") return AsciiLower(raw);
  if (how == "spaces") return CollapseWhitespace(raw);
  return std::string(raw);
}

}  // namespace

struct Engine::Impl {
  rules::RuleSet rules;
  EngineOptions options;
  std::vector<CompiledSpec> specs;
  std::vector<Keyword> keywords;
  std::map<std::string, uint32_t> keyword_ids;
  LexiconIds lexicon_ids;
  std::vector<const std::vector<std::string>*> lexicon_terms;
  std::vector<bool> lexicon_case_sensitive;  // by lexicon id
  std::vector<std::vector<uint32_t>> lexicon_trigger_specs;  // lexicon id -> specs
  std::vector<PatternRef> patterns;
  std::vector<uint32_t> numeric_specs, regex_specs, custom_specs, digit_lead_specs;
  std::map<std::string, uint32_t, std::less<>> spec_ids;  // id -> spec index
  std::shared_ptr<const KeywordSet> keyword_set;  // matched lazily, around candidates
  // By spec, for specs that require context: their positive keywords alone,
  // to rule out candidates without running the pattern or matching all
  // keywords there (null for the others).
  std::vector<std::shared_ptr<const KeywordSet>> positive_sets;
  CapitalWordMatcher capital_terms;               // gazetteer terms, by word hash
  HsDatabase db;
  // Specs with an hs_anchor: their `hs` alone, run around anchor hits.
  struct Anchored {
    uint32_t spec;
    HsDatabase db;
  };
  std::vector<Anchored> anchored;
  HsScratch scratch_proto;  // fits `db` and every anchored db

  uint32_t KeywordId(const std::string& word) {
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

  Result<bool> Compile();
};

Result<bool> Engine::Impl::Compile() {
  // Lexicons used by any spec get ids.
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
  specs.resize(rules.detectors.size());
  for (size_t i = 0; i < rules.detectors.size(); ++i) {
    const auto& s = rules.detectors[i];
    auto& c = specs[i];
    c.spec = &s;
    spec_ids.emplace(s.id, static_cast<uint32_t>(i));
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
    // Label matching looks for the keyword's stem anywhere in the label.
    auto stem = [](const std::string& word) {
      std::string w = AsciiLower(word);
      if (!w.empty() && w.back() == '*') w.pop_back();
      if (!w.empty() && w.front() == '*') w.erase(0, 1);
      return w;
    };
    for (const auto& w : s.positive) {
      if (auto st = stem(w); !st.empty()) c.positive_words.push_back(st);
    }
    for (const auto& w : s.negative) {
      if (auto st = stem(w); !st.empty()) c.negative_words.push_back(st);
    }
    for (const auto& name : s.lexicons) c.lexicons.push_back(lexicon_ids.at(name));
    if (s.trigger == "numeric") numeric_specs.push_back(static_cast<uint32_t>(i));
    if (!s.lead.empty()) {
      auto lead = ByteClassSequence::Parse(s.lead);
      if (!lead) return Fail("detector '" + s.id + "': lead " + lead.error().message);
      c.lead = std::move(*lead);
    }
    if (!s.digit_lead.empty()) {
      auto dl = ByteClassSequence::Parse(s.digit_lead);
      if (!dl) return Fail("detector '" + s.id + "': digit_lead " + dl.error().message);
      c.digit_lead = std::move(*dl);
      c.digit_lead_upper = c.digit_lead.size() < 64 && c.digit_lead.FirstWithin('A', 'Z');
      digit_lead_specs.push_back(static_cast<uint32_t>(i));
    }
    if (s.has_separators) {
      c.breaking_separators = 63;
      for (char sep : s.separators) c.breaking_separators &= static_cast<uint8_t>(~SeparatorBit(sep));
    }
    // A custom finder may also have an `hs` pattern: its match ends are
    // handed to the finder (e.g. "<<" for MRZ lines), so the finder looks
    // only where something can be.
    if (s.trigger == "regex" || (s.trigger == "custom" && !s.hs.empty())) {
      regex_specs.push_back(static_cast<uint32_t>(i));
    }
    if (s.trigger == "lexicon") {
      for (auto l : c.lexicons) lexicon_trigger_specs[l].push_back(static_cast<uint32_t>(i));
    }
    if (s.trigger == "custom") {
      auto f = MakeFinder(s, rules, lexicon_ids);
      if (!f) return std::unexpected(f.error());
      c.finder = std::move(*f);
      custom_specs.push_back(static_cast<uint32_t>(i));
    }
  }
  // Keyword ids first, then the per-spec masks sized to all of them.
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

  auto ks = KeywordSet::Build(keywords);
  if (!ks) return std::unexpected(ks.error());
  keyword_set = std::move(*ks);
  positive_sets.resize(specs.size());
  for (size_t i = 0; i < specs.size(); ++i) {
    if (!specs[i].spec->requires_context || kw[i].first.empty()) continue;
    std::vector<Keyword> positive;
    for (auto k : kw[i].first) positive.push_back(keywords[k]);
    auto ps = KeywordSet::Build(positive);
    if (!ps) return std::unexpected(ps.error());
    positive_sets[i] = std::move(*ps);
  }

  // One Hyperscan database over the whole text: triggers and lexicon terms.
  std::vector<std::string> exprs;
  std::vector<unsigned> flags;
  for (auto i : regex_specs) {
    const auto& s = *specs[i].spec;
    unsigned f = s.caseless ? HS_FLAG_CASELESS : 0;
    if (!s.hs_anchor.empty()) {
      hs_database_t* adb = nullptr;
      hs_compile_error_t* err = nullptr;
      if (CompileMultiCached({s.hs}, {f}, {0}, &adb, &err) != HS_SUCCESS) {
        std::string what = err && err->message ? err->message : "unknown error";
        hs_free_compile_error(err);
        return Fail("Hyperscan cannot compile detector '" + s.id + "' (hs trigger): " + what);
      }
      anchored.push_back({i, HsDatabase(adb)});
      exprs.push_back(s.hs_anchor);
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
    std::string what = err && err->message ? err->message : "unknown error";
    std::string who = "the rule set";
    if (err && err->expression >= 0 && static_cast<size_t>(err->expression) < patterns.size()) {
      const auto& p = patterns[static_cast<size_t>(err->expression)];
      if (p.kind == PatternKind::kTrigger) who = "detector '" + specs[p.a].spec->id + "' (hs trigger)";
      else if (p.kind == PatternKind::kAnchor) who = "detector '" + specs[p.a].spec->id + "' (hs_anchor)";
      else who = "a lexicon term";
    }
    hs_free_compile_error(err);
    return Fail("Hyperscan cannot compile " + who + ": " + what);
  }
  if (!FitScratch(scratch_proto, db.get())) return Fail("Hyperscan scratch allocation failed");
  for (const auto& a : anchored) {
    if (!FitScratch(scratch_proto, a.db.get())) return Fail("Hyperscan scratch allocation failed");
  }
  return true;
}

// ---------------------------------------------------------------------------

struct EngineScanner::State {
  HsScratch scratch;
  std::vector<std::pair<uint32_t, uint32_t>> triggers;  // (spec, end)
  std::vector<std::pair<uint32_t, uint32_t>> anchors;   // (spec, end)
  uint32_t anchored_spec = 0, window_base = 0;          // for OnAnchoredMatch
  std::unique_ptr<KeywordScanner> keywords;
  std::vector<std::unique_ptr<KeywordScanner>> positive;  // by spec (Impl::positive_sets)
  std::vector<uint8_t> positive_ready;                    // reset to this segment yet
  std::vector<TermHit> lexicon_hits;
  NumericTokenizer tokenizer;
  std::vector<uint64_t> upper_bits;  // capital bitmap, for digit leads (core/byte_scan.h)
  std::vector<NumericToken> tokens;
  std::vector<std::unique_ptr<WindowMatcher>> numeric;  // by Impl::numeric_specs
  std::vector<uint32_t> window_tokens;                   // token of each numeric window
  std::vector<WindowMatch> matches;
  std::vector<Candidate> custom;
  struct Raw {
    uint32_t spec;
    uint32_t begin, end;
    std::string value;
    double score;
    std::string note;
    uint32_t report = UINT32_MAX;  // spec reported under, when not `spec`
    bool fixed = false;            // score is final: no context adjustment
  };
  std::vector<uint32_t> custom_ends;
  std::vector<Raw> raws;
  std::string_view text;
  const Engine::Impl* impl = nullptr;
  // Label verdicts per spec (1 positive, -1 negative, 0 none), by label.
  std::unordered_map<std::string, std::vector<int8_t>> label_cache;
};

namespace {

int OnMatch(unsigned int id, unsigned long long /*from*/, unsigned long long to, unsigned int,
            void* ctx) {
  auto* st = static_cast<EngineScanner::State*>(ctx);
  const PatternRef& p = st->impl->patterns[id];
  auto end = static_cast<uint32_t>(to);
  if (p.kind == PatternKind::kTrigger) {
    st->triggers.emplace_back(p.a, end);
    return 0;
  }
  if (p.kind == PatternKind::kAnchor) {
    st->anchors.emplace_back(p.a, end);
    return 0;
  }
  uint32_t begin = end - p.len;
  const auto& text = st->text;
  if (begin > 0 && IsWordByte(text[begin - 1])) return 0;
  if (!p.prefix && end < text.size() && IsWordByte(text[end])) return 0;
  st->lexicon_hits.push_back({p.a, p.b, begin, end});
  return 0;
}

int OnAnchoredMatch(unsigned int, unsigned long long, unsigned long long to, unsigned int, void* ctx) {
  auto* st = static_cast<EngineScanner::State*>(ctx);
  st->triggers.emplace_back(st->anchored_spec, st->window_base + static_cast<uint32_t>(to));
  return 0;
}

bool ByBegin(const TermHit& a, const TermHit& b) { return a.begin < b.begin; }

// +1 when the keyword of the spec nearest to [begin, end) is a positive
// one, -1 when it is a negative one, 0 when there is none in the window.
// Nearest wins, so that in "Geboortedatum: 12-03-1985\nDatum in dienst:
// 01-02-2015" the second date belongs to "datum in dienst" (negative), not
// to the label one line up. Keywords after the candidate count only on its
// own line: on a later line they label the next value. Equal distance:
// positive. Keywords inside the candidate itself do not count.
int ContextAround(const CompiledSpec& c, KeywordScanner& keywords, std::string_view text,
                  uint32_t begin, uint32_t end) {
  if (!c.has_keywords) return 0;
  uint32_t lo = begin > static_cast<uint32_t>(c.spec->context_before)
                    ? begin - static_cast<uint32_t>(c.spec->context_before) : 0;
  uint64_t hi = std::min<uint64_t>(text.size(), uint64_t{end} + static_cast<uint64_t>(c.spec->context_after));
  size_t eol = text.substr(end, hi - end).find('\n');  // not past hi: lines can be megabytes long
  if (eol != std::string_view::npos) hi = end + eol;
  int best = 0;
  uint64_t best_dist = UINT64_MAX;
  keywords.ForEach(lo, hi, [&](const TermHit& h) {
    bool pos = c.positive[h.list];
    if (!pos && !c.negative[h.list]) return true;
    if (h.begin >= begin && h.end <= end) return true;
    uint64_t dist = h.end <= begin ? begin - h.end : h.begin >= end ? h.begin - end : 0;
    if (dist < best_dist || (dist == best_dist && pos)) {
      best = pos ? 1 : -1;
      best_dist = dist;
    }
    return true;
  });
  return best;
}

// True when some positive keyword of the spec begins in [lo, hi): without
// one, a candidate anywhere inside can never have positive context.
bool AnyPositiveIn(const CompiledSpec& c, KeywordScanner& keywords, uint64_t lo, uint64_t hi) {
  bool any = false;
  keywords.ForEach(lo, hi, [&](const TermHit& h) {
    any = c.positive[h.list];
    return !any;
  });
  return any;
}

}  // namespace

Result<std::shared_ptr<const Engine>> Engine::Build(const rules::RuleSet& rules,
                                                   EngineOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->rules = rules;
  impl->options = options;
  auto ok = impl->Compile();
  if (!ok) return std::unexpected(ok.error());
  return std::shared_ptr<const Engine>(new Engine(std::move(impl)));
}

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;
const rules::RuleSet& Engine::rules() const { return impl_->rules; }
const std::vector<rules::DetectorSpec>& Engine::specs() const { return impl_->rules.detectors; }

std::unique_ptr<EngineScanner> Engine::NewScanner() const {
  auto st = std::make_unique<EngineScanner::State>();
  st->impl = impl_.get();
  st->scratch = CloneScratch(impl_->scratch_proto);
  st->keywords = std::make_unique<KeywordScanner>(impl_->keyword_set);
  for (const auto& ps : impl_->positive_sets) {
    st->positive.push_back(ps ? std::make_unique<KeywordScanner>(ps) : nullptr);
  }
  st->positive_ready.assign(st->positive.size(), 0);
  for (auto si : impl_->numeric_specs) {
    const auto& c = impl_->specs[si];
    st->numeric.push_back(std::make_unique<WindowMatcher>(*c.re, c.value_group, c.spec->pattern));
  }
  return std::unique_ptr<EngineScanner>(new EngineScanner(*this, std::move(st)));
}

EngineScanner::EngineScanner(const Engine& engine, std::unique_ptr<State> state)
    : engine_(engine), state_(std::move(state)) {}
EngineScanner::~EngineScanner() = default;

void EngineScanner::Scan(std::string_view original, const SegmentInfo& info,
                         std::vector<Detection>& out) {
  const Engine::Impl& im = *engine_.impl_;
  State& st = *state_;
  const bool keep_all = im.options.keep_all_candidates;
  if (original.empty() || original.size() > UINT32_MAX) return;
  FoldedText folded(original);
  const std::string_view text = folded.text();
  st.text = text;
  st.triggers.clear();
  st.anchors.clear();
  st.keywords->Reset(text);
  std::fill(st.positive_ready.begin(), st.positive_ready.end(), 0);
  st.lexicon_hits.clear();
  st.tokens.clear();
  st.raws.clear();

  if (im.db) {
    hs_scan(im.db.get(), text.data(), static_cast<unsigned>(text.size()), 0, st.scratch.get(), OnMatch, &st);
  }
  // Anchored triggers: their own pattern over the merged windows around
  // their anchors (anchors arrive in end order).
  for (const auto& a : im.anchored) {
    const auto& s = *im.specs[a.spec].spec;
    st.anchored_spec = a.spec;
    uint64_t lo = 0, hi = 0;
    auto flush = [&] {
      if (hi <= lo) return;
      st.window_base = static_cast<uint32_t>(lo);
      hs_scan(a.db.get(), text.data() + lo, static_cast<unsigned>(hi - lo), 0, st.scratch.get(), OnAnchoredMatch, &st);
    };
    for (auto [spec, end] : st.anchors) {
      if (spec != a.spec) continue;
      uint64_t wlo = end > static_cast<uint32_t>(s.anchor_before) ? end - static_cast<uint32_t>(s.anchor_before) : 0;
      uint64_t whi = std::min<uint64_t>(text.size(), uint64_t{end} + static_cast<uint64_t>(s.anchor_after));
      if (wlo > hi) {
        flush();
        lo = wlo;
      }
      hi = std::max(hi, whi);
    }
    flush();
  }
  // Hyperscan delivers by end, which is begin order but for overlaps; the
  // gazetteer's hits come in begin order after them.
  size_t from_hs = st.lexicon_hits.size();
  if (!std::is_sorted(st.lexicon_hits.begin(), st.lexicon_hits.end(), ByBegin)) {
    std::stable_sort(st.lexicon_hits.begin(), st.lexicon_hits.end(), ByBegin);
  }
  im.capital_terms.Find(text, st.lexicon_hits);
  if (from_hs > 0 && from_hs < st.lexicon_hits.size()) {
    std::inplace_merge(st.lexicon_hits.begin(), st.lexicon_hits.begin() + static_cast<std::ptrdiff_t>(from_hs),
                       st.lexicon_hits.end(), ByBegin);
  }

  // The segment's label (a column header, a form label, a mail header name)
  // counts as context for every candidate in it. Its verdict per spec is
  // cached per label: cells and headers repeat a handful of labels.
  const std::vector<int8_t>* label_context = nullptr;
  if (!info.label.empty()) {
    std::string label = AsciiLower(info.label);
    auto it = st.label_cache.find(label);
    if (it == st.label_cache.end()) {
      if (st.label_cache.size() > 1024) st.label_cache.clear();
      std::vector<int8_t> verdict(im.specs.size(), 0);
      auto has = [&](const std::vector<std::string>& stems) {
        for (const auto& w : stems) {
          if (label.find(w) != std::string::npos) return true;
        }
        return false;
      };
      for (size_t i = 0; i < im.specs.size(); ++i) {
        verdict[i] = has(im.specs[i].positive_words) ? 1 : has(im.specs[i].negative_words) ? -1 : 0;
      }
      it = st.label_cache.emplace(std::move(label), std::move(verdict)).first;
    }
    label_context = &it->second;
  }
  // True when a positive keyword of `si` (a spec that requires context)
  // begins in [lo, hi), or its label is positive: the condition for any
  // candidate inside to count.
  auto may_have_context = [&](uint32_t si, uint64_t lo, uint64_t hi) {
    if (label_context && (*label_context)[si] == 1) return true;
    auto& scanner = st.positive[si];
    if (!scanner) return AnyPositiveIn(im.specs[si], *st.keywords, lo, hi);
    if (!st.positive_ready[si]) {  // reset lazily: most segments never ask
      scanner->Reset(text);
      st.positive_ready[si] = 1;
    }
    bool any = false;
    scanner->ForEach(lo, hi, [&](const TermHit&) { return !(any = true); });
    return any;
  };
  auto context = [&](uint32_t spec, uint32_t begin, uint32_t end) {
    int c = ContextAround(im.specs[spec], *st.keywords, text, begin, end);
    if (c == 1) return 1;
    int l = label_context ? (*label_context)[spec] : 0;
    return l != 0 ? l : c;
  };

  // Takes one pattern match of spec `si` whose value spans [vb, ve):
  // word boundaries, validation, normalisation.
  auto accept = [&](uint32_t si, uint32_t vb, uint32_t ve) {
    const CompiledSpec& c = im.specs[si];
    if (vb > 0 && IsWordByte(text[vb - 1])) return;
    std::string_view raw = text.substr(vb, ve - vb);
    State::Raw r{si, vb, ve, {}, c.spec->base_score, {}};
    if (c.validator) {
      auto valid = c.validator(raw);
      if (!valid) return;
      if (valid->raw_length) r.end = vb + static_cast<uint32_t>(*valid->raw_length);
      r.value = std::move(valid->value);
      r.score += valid->score_delta;
      r.note = std::move(valid->note);
      if (c.surroundings) {
        auto around = c.surroundings(text, vb, r.end);
        if (around.reject) return;
        r.score += around.score_delta;
        if (!around.note.empty()) r.note += (r.note.empty() ? "" : ", ") + std::string(around.note);
      }
    } else {
      r.value = Normalise(raw, c.spec->normaliser);
    }
    if (r.end < text.size() && IsWordByte(text[r.end])) return;
    st.raws.push_back(std::move(r));
  };

  // Regex triggers: the pattern around the trigger's end must contain it.
  for (auto [si, end] : st.triggers) {
    const auto& s = *im.specs[si].spec;
    if (s.trigger != "regex" || !im.specs[si].re) continue;  // a custom finder's trigger
    uint32_t wb = end > static_cast<uint32_t>(s.before) ? end - static_cast<uint32_t>(s.before) : 0;
    auto we = static_cast<uint32_t>(std::min<uint64_t>(text.size(), uint64_t{end} + static_cast<uint64_t>(s.after)));
    // A detector that needs context (dates of birth) is not confirmed where
    // no positive keyword exists in the widest window its match could have:
    // most dates in business text are not birth dates.
    if (s.requires_context && !keep_all) {
      uint64_t lo = wb > static_cast<uint32_t>(s.context_before) ? wb - static_cast<uint32_t>(s.context_before) : 0;
      if (!may_have_context(si, lo, uint64_t{we} + static_cast<uint64_t>(s.context_after))) continue;
    }
    // Only a match around the trigger counts: none beginning after it.
    st.matches.clear();
    ForEachMatch(*im.specs[si].re, im.specs[si].value_group, text, wb, we, 0, st.matches, end);
    for (const auto& m : st.matches) {
      if (m.value_begin < end && m.value_end + 1 >= end) accept(si, m.value_begin, m.value_end);
    }
  }

  // The digit-run pass, for numeric detectors and digit leads.
  if (!im.numeric_specs.empty() || !im.digit_lead_specs.empty()) st.tokenizer.Find(text, st.tokens);

  // Digit leads: the end after every digit its byte classes stand before,
  // as a trigger of the spec's finder. When the classes begin with capitals
  // ("[A-Z]{2}..."), the capital bitmap, shifted by size(), rules out most
  // digits before any byte is read (digits are 7% of bench text).
  bool have_upper = false;
  for (auto si : im.digit_lead_specs) {
    const ByteClassSequence& lead = im.specs[si].digit_lead;
    const auto& bits = st.tokenizer.digit_bits();
    const bool upper = im.specs[si].digit_lead_upper;
    if (upper && !have_upper) {
      st.upper_bits.resize(bits.size());
      UpperMasks(text, st.upper_bits.data());
      have_upper = true;
    }
    const unsigned k = static_cast<unsigned>(lead.size());
    for (size_t w = 0; w < bits.size(); ++w) {
      uint64_t candidates = bits[w];
      if (upper) {
        candidates &= (st.upper_bits[w] << k) | (w > 0 && k > 0 ? st.upper_bits[w - 1] >> (64 - k) : 0);
      }
      for (uint64_t m = candidates; m != 0; m &= m - 1) {
        size_t p = 64 * w + static_cast<size_t>(__builtin_ctzll(m));
        if (lead.MatchesBefore(text, p)) st.triggers.emplace_back(si, static_cast<uint32_t>(p + 1));
      }
    }
  }

  // Numeric detectors: patterns in and around digit-run tokens, one
  // detector at a time (its windows searched together, window_matcher.h).
  if (!im.numeric_specs.empty()) {
    for (size_t n = 0; n < im.numeric_specs.size(); ++n) {
      const uint32_t si = im.numeric_specs[n];
      const auto& s = *im.specs[si].spec;
      const uint8_t breaking = im.specs[si].breaking_separators;
      const ByteClassSequence& lead = im.specs[si].lead;
      WindowMatcher& matcher = *st.numeric[n];
      matcher.Clear();
      st.window_tokens.clear();
      for (uint32_t t = 0; t < st.tokens.size(); ++t) {
        const auto& tok = st.tokens[t];
        if (tok.digits < s.min_digits) continue;
        if (s.max_digits > 0 && tok.digits > s.max_digits * 3) continue;
        if (breaking && LongestDigitStretch(text, tok, breaking) < s.min_digits) continue;
        if (lead.size() && !lead.MatchesBefore(text, tok.begin)) continue;
        uint32_t wb = tok.begin > static_cast<uint32_t>(s.before) ? tok.begin - static_cast<uint32_t>(s.before) : 0;
        auto we = static_cast<uint32_t>(std::min<uint64_t>(text.size(), uint64_t{tok.end} + static_cast<uint64_t>(s.after)));
        // A detector that needs context is not confirmed where none of its
        // positive keywords is near enough (most 8-digit numbers are not
        // KvK numbers); the others are confirmed and validated first, and
        // judged by context only if they pass (checksums are cheap).
        if (s.requires_context && !keep_all) {
          uint64_t lo = wb > static_cast<uint32_t>(s.context_before) ? wb - static_cast<uint32_t>(s.context_before) : 0;
          if (!may_have_context(si, lo, uint64_t{we} + static_cast<uint64_t>(s.context_after))) continue;
        }
        matcher.Add(wb, we);
        st.window_tokens.push_back(t);
      }
      if (matcher.size() == 0) continue;
      st.matches.clear();
      matcher.Run(text, st.matches);
      for (const auto& m : st.matches) {
        const auto& tok = st.tokens[st.window_tokens[m.window]];
        if (m.value_begin < tok.end && m.value_end > tok.begin) accept(si, m.value_begin, m.value_end);
      }
    }
  }

  // Lexicon detectors: each term hit is a candidate.
  for (const auto& h : st.lexicon_hits) {
    for (auto si : im.lexicon_trigger_specs[h.list]) {
      const auto& s = *im.specs[si].spec;
      st.raws.push_back({si, h.begin, h.end, AsciiLower(text.substr(h.begin, h.end - h.begin)),
                         s.base_score, {}});
    }
  }

  // Custom finders, with the ends of their own hs trigger (if any).
  for (auto si : im.custom_specs) {
    st.custom.clear();
    st.custom_ends.clear();
    if (!im.specs[si].spec->hs.empty() || !im.specs[si].spec->digit_lead.empty()) {
      for (auto [ts, end] : st.triggers) {
        if (ts == si) st.custom_ends.push_back(end);
      }
      std::sort(st.custom_ends.begin(), st.custom_ends.end());
    }
    FinderInput in{text, info, st.lexicon_hits, st.custom_ends};
    im.specs[si].finder->Find(in, st.custom);
    for (auto& c : st.custom) {
      State::Raw r{si, c.begin, c.end, std::move(c.value), c.score, std::move(c.note)};
      r.fixed = c.fixed_score;
      if (!c.detector.empty()) {
        // Reported under another detector (e.g. the birth date of an MRZ).
        auto it = im.spec_ids.find(c.detector);
        if (it == im.spec_ids.end()) continue;
        r.report = it->second;
      }
      if (r.end > r.begin && r.end <= text.size()) st.raws.push_back(std::move(r));
    }
  }

  // Score with context, drop what needs context and has none. With
  // keep_all_candidates those are kept apart (`extra`): they may only take
  // spans that no normally reported candidate claims.
  std::vector<State::Raw*> kept, extra;
  kept.reserve(st.raws.size());
  for (auto& r : st.raws) {
    const auto& s = *im.specs[r.spec].spec;
    if (r.end <= info.report_from) continue;
    if (r.report == UINT32_MAX) r.report = r.spec;
    if (r.fixed) {
      if (r.score >= kNoiseFloor) kept.push_back(&r);
      continue;
    }
    int c = context(r.spec, r.begin, r.end);
    bool weak = c != 1 && s.requires_context;
    if (weak && !keep_all) continue;
    double delta = r.score - s.base_score;
    if (c == 1) r.score = std::max(r.score, s.context_score + std::min(0.0, delta));
    else if (c == -1) r.score = std::min(r.score, s.negative_score);
    r.score = std::clamp(r.score, 0.0, 1.0);
    weak = weak || r.score < kNoiseFloor;
    if (weak && !keep_all) continue;
    (weak ? extra : kept).push_back(&r);
  }

  // Overlaps: the most specific detector (lowest priority number) claims its
  // span first; a BSN inside an IBAN or a BTW number is not reported.
  auto by_priority = [&](const State::Raw* a, const State::Raw* b) {
    int pa = im.specs[a->report].spec->priority, pb = im.specs[b->report].spec->priority;
    if (pa != pb) return pa < pb;
    if (a->begin != b->begin) return a->begin < b->begin;
    if (a->end != b->end) return a->end > b->end;
    return a->report != b->report ? a->report < b->report : a->spec < b->spec;  // any fixed order
  };
  std::sort(kept.begin(), kept.end(), by_priority);
  std::sort(extra.begin(), extra.end(), by_priority);
  kept.insert(kept.end(), extra.begin(), extra.end());
  std::vector<std::pair<uint32_t, uint32_t>> claimed;  // sorted by begin
  size_t first_out = out.size();
  for (auto* r : kept) {
    auto it = std::lower_bound(claimed.begin(), claimed.end(), std::make_pair(r->begin, 0u));
    bool overlaps = (it != claimed.end() && it->first < r->end) ||
                    (it != claimed.begin() && std::prev(it)->second > r->begin);
    if (overlaps) continue;
    claimed.insert(it, {r->begin, r->end});
    out.push_back({r->report, folded.ToOriginal(r->begin), folded.ToOriginal(r->end),
                   std::move(r->value), r->score, std::move(r->note)});
  }
  std::sort(out.begin() + static_cast<std::ptrdiff_t>(first_out), out.end(),
            [](const Detection& a, const Detection& b) { return a.begin < b.begin; });
}

}  // namespace piiscan::detectors
