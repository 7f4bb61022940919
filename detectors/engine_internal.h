#pragma once
// Inside the engine (engine.h): the compiled rule set (Engine::Impl), one
// thread's scan state (EngineScanner::State) and the passes of a segment
// scan, in data-flow order:
//
//   trigger passes  engine_triggers.cc  Hyperscan, anchored triggers, the
//                                       gazetteer, digit runs, digit leads
//   confirm         engine_confirm.cc   RE2 around triggers and tokens,
//                                       lexicon candidates, custom finders
//   validate        engine_validate.cc  word boundaries, validator, normaliser
//   context         engine_context.cc   keywords and the segment's label
//   resolve         engine_resolve.cc   overlaps, most specific detector first
//
// Every spec field the passes branch on (trigger kind, normaliser) is an
// enum resolved when the rule set is compiled (engine_compile.cc): no string
// is compared while scanning.
//
// Thread safety: Impl is immutable after Compile and shared by all threads;
// a State belongs to one thread, and every pass takes it explicitly.

#include <re2/re2.h>

#include <array>
#include <cctype>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/segment.h"
#include "core/status.h"
#include "core/unicode_fold.h"
#include "detectors/byte_class_sequence.h"
#include "detectors/capital_word_matcher.h"
#include "detectors/cell_memo.h"
#include "detectors/detection.h"
#include "detectors/engine.h"
#include "detectors/finder.h"
#include "detectors/hs_database_cache.h"
#include "detectors/keyword_hits.h"
#include "detectors/numeric_tokens.h"
#include "detectors/recent_labels.h"
#include "detectors/validators/surroundings.h"
#include "detectors/validators/validator.h"
#include "detectors/window_matcher.h"

namespace piiscan::detectors {

// Candidates scoring below this are noise, not even low-confidence findings
// (e.g. a checksum-valid number right after "factuurnummer").
inline constexpr double kNoiseFloor = 0.1;

// rules::DetectorSpec::trigger.
enum class TriggerKind : uint8_t { kNumeric, kRegex, kLexicon, kCustom };
// rules::DetectorSpec::normaliser, as far as the engine applies it (the
// others, e.g. phone_e164, are a validator's work: as_is here).
enum class NormaliserKind : uint8_t { kAsIs, kDigits, kUpperAlnum, kLower, kSpaces };

// What a Hyperscan match id of the main database stands for.
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
  TriggerKind trigger = TriggerKind::kRegex;
  NormaliserKind normaliser = NormaliserKind::kAsIs;
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
  bool lexicon_keywords = false;    // some of them are in Impl::lexicon_keyword_set
  bool has_trigger_ends = false;    // custom: an hs trigger or a digit lead feeds the finder
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
  // The keywords that only lexicon detectors ask for (the special
  // categories' person words, pronouns among them: "ze" and "ik" occur
  // inside every other word), apart from keyword_set, so that the context
  // of dates and numbers, most of the keyword work, does not match them.
  // Null when there are none. Hits of both carry the keyword's id.
  std::shared_ptr<const KeywordSet> lexicon_keyword_set;
  // By spec, for specs that require context: their positive keywords alone,
  // to rule out candidates without running the pattern or matching all
  // keywords there (null for the others).
  std::vector<std::shared_ptr<const KeywordSet>> positive_sets;
  CapitalWordMatcher capital_terms;               // gazetteer terms, by word hash
  HsDatabase db;
  // Specs with an engine hs_anchor: their `hs` alone, run around anchor hits.
  struct Anchored {
    uint32_t spec;
    HsDatabase db;
  };
  std::vector<Anchored> anchored;
  HsScratch scratch_proto;  // fits `db` and every anchored db

  // engine_compile.cc
  Result<bool> Compile();

 private:
  void AddLexicons();
  Result<bool> CompileSpec(uint32_t i);
  Result<bool> CompileKeywords();
  Result<bool> CompileHyperscan();
  uint32_t KeywordId(const std::string& word);
};

struct EngineScanner::State {
  HsScratch scratch;
  std::vector<std::pair<uint32_t, uint32_t>> triggers;  // (spec, end)
  std::vector<std::pair<uint32_t, uint32_t>> anchors;   // (spec, end)
  uint32_t anchored_spec = 0, window_base = 0;          // for the anchored callback
  std::unique_ptr<KeywordScanner> keywords;
  std::unique_ptr<KeywordScanner> lexicon_keywords;       // Impl::lexicon_keyword_set
  bool lexicon_keywords_ready = false;                    // reset to this segment yet
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
  // A candidate on its way from confirm to resolve.
  struct Raw {
    uint32_t spec;
    uint32_t begin, end;
    std::string value;
    double score;
    std::string note;
    uint32_t report = UINT32_MAX;  // spec reported under, when not `spec`
    bool fixed = false;            // score is final: no context adjustment
    bool claim_only = false;       // takes its span, reports nothing (validator.h)
    bool needs_name = false;       // no keyword context: reported only beside a name (resolve)
  };
  std::vector<uint32_t> custom_ends;
  std::vector<Raw> raws;
  std::vector<Raw*> kept, extra;                       // context's verdicts, for resolve
  std::vector<std::pair<uint32_t, uint32_t>> claimed;  // resolve: spans taken, by begin
  std::vector<std::pair<const Raw*, size_t>> emitted;  // resolve: reported, index in out
  std::string_view text;  // the folded segment, for the Hyperscan callback
  const Engine::Impl* impl = nullptr;
  // Label verdicts per spec (1 positive, -1 negative, 0 none), by label.
  std::unordered_map<std::string, std::vector<int8_t>> label_cache;
  // The last labels as given and their verdicts in label_cache (node-based:
  // stable until it is cleared, when these are too).
  RecentLabels<const std::vector<int8_t>*> recent_labels;
  // Detections of repeated cells (EngineScanner::Scan).
  CellMemo cells;
  bool row_read = false;  // this segment's detections depend on its row (resolve)
};

// The segment a scan is at: what every pass after the triggers reads.
struct SegmentView {
  std::string_view text;  // folded (core/unicode_fold.h)
  const SegmentInfo& info;
  // The label's verdict per spec (1, -1, 0); null when the segment has none.
  const std::vector<int8_t>* label_context = nullptr;
  bool keep_all = false;  // EngineOptions::keep_all_candidates
};

using State = EngineScanner::State;

// --- trigger passes (engine_triggers.cc) -----------------------------------
// Clears the per-segment buffers of `st` for `text`.
void ResetForSegment(State& st, std::string_view text);
// The main Hyperscan database: regex triggers, anchors, lexicon terms.
void HyperscanPass(const Engine::Impl& im, State& st, std::string_view text);
// Anchored triggers: their own pattern over the windows around their anchors.
void AnchoredPass(const Engine::Impl& im, State& st, std::string_view text);
// Sorts the lexicon hits by begin and merges in the gazetteer's.
void GazetteerPass(const Engine::Impl& im, State& st, std::string_view text);
// The digit-run tokens, for numeric detectors and digit leads.
void DigitRunPass(const Engine::Impl& im, State& st, std::string_view text);
// Digit leads: trigger ends for custom finders.
void DigitLeadPass(const Engine::Impl& im, State& st, std::string_view text);

// --- confirm (engine_confirm.cc) -------------------------------------------
void ConfirmRegexTriggers(const Engine::Impl& im, const SegmentView& seg, State& st);
void ConfirmNumericTokens(const Engine::Impl& im, const SegmentView& seg, State& st);
void LexiconCandidates(const Engine::Impl& im, const SegmentView& seg, State& st);
void RunCustomFinders(const Engine::Impl& im, const SegmentView& seg, State& st);

// --- validate (engine_validate.cc) -----------------------------------------
// Takes one pattern match of spec `si` whose value spans [vb, ve) into
// st.raws when it sits on word boundaries and passes the validator.
void Validate(const Engine::Impl& im, std::string_view text, uint32_t si, uint32_t vb, uint32_t ve,
              State& st);

// --- context (engine_context.cc) -------------------------------------------
// The label's verdict per spec, cached in `st`; null for an empty label.
const std::vector<int8_t>* LabelContext(const Engine::Impl& im, State& st, std::string_view label);
// True when a positive keyword of `si` (a spec that requires context)
// begins in [lo, hi), or its label is positive.
bool MayHaveContext(const Engine::Impl& im, const SegmentView& seg, State& st, uint32_t si,
                    uint64_t lo, uint64_t hi);
// Scores st.raws with context into st.kept and st.extra (below the noise
// floor or without required context, kept only with keep_all).
void ScoreWithContext(const Engine::Impl& im, const SegmentView& seg, State& st);

// --- resolve (engine_resolve.cc) -------------------------------------------
// Appends the candidates of st.kept, then st.extra, that claim a free span,
// most specific detector first, mapped back to `original` offsets; the
// segment's row (a cell's) and table rows lift a BSN that is low alone.
void ResolveOverlaps(const Engine::Impl& im, State& st, const FoldedText& folded, const SegmentInfo& info,
                     std::vector<Detection>& out);

}  // namespace piiscan::detectors
