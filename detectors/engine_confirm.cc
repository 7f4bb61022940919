// The confirm passes of a segment scan (engine_internal.h): RE2 around each
// regex trigger and numeric token, lexicon hits, custom finders. Each match
// goes to Validate (engine_validate.cc); what passes lands in st.raws.

#include <algorithm>

#include "core/utf8.h"
#include "detectors/engine_internal.h"

namespace piiscan::detectors {
namespace {

// [b - before, e + after) within the text.
std::pair<uint32_t, uint32_t> Window(uint32_t b, uint32_t e, int before, int after, size_t text_size) {
  uint32_t wb = b > static_cast<uint32_t>(before) ? b - static_cast<uint32_t>(before) : 0;
  auto we = static_cast<uint32_t>(std::min<uint64_t>(text_size, uint64_t{e} + static_cast<uint64_t>(after)));
  return {wb, we};
}

// False when spec `si` requires context and none of its positive keywords
// is near enough to the widest window [wb, we) its match could have.
bool MayCount(const Engine::Impl& im, const SegmentView& seg, State& st, uint32_t si, uint32_t wb,
              uint32_t we) {
  const auto& s = *im.specs[si].spec;
  if (!s.requires_context || seg.keep_all) return true;
  uint64_t lo = wb > static_cast<uint32_t>(s.context_before) ? wb - static_cast<uint32_t>(s.context_before) : 0;
  return MayHaveContext(im, seg, st, si, lo, uint64_t{we} + static_cast<uint64_t>(s.context_after));
}

}  // namespace

// The pattern around the trigger's end must contain it. A detector that
// needs context (dates of birth) is not confirmed where no positive keyword
// exists: most dates in business text are not birth dates.
void ConfirmRegexTriggers(const Engine::Impl& im, const SegmentView& seg, State& st) {
  const std::string_view text = seg.text;
  for (auto [si, end] : st.triggers) {
    const CompiledSpec& c = im.specs[si];
    if (c.trigger != TriggerKind::kRegex || !c.re) continue;  // a custom finder's trigger
    auto [wb, we] = Window(end, end, c.spec->before, c.spec->after, text.size());
    if (!MayCount(im, seg, st, si, wb, we)) continue;
    // Only a match around the trigger counts: none beginning after it.
    st.matches.clear();
    ForEachMatch(*c.re, c.value_group, text, wb, we, 0, st.matches, end);
    for (const auto& m : st.matches) {
      if (m.value_begin < end && m.value_end + 1 >= end) Validate(im, text, si, m.value_begin, m.value_end, st);
    }
  }
}

// Patterns in and around digit-run tokens, one detector at a time (its
// windows searched together, window_matcher.h). A detector that needs
// context is not confirmed where none of its positive keywords is near
// enough (most 8-digit numbers are not KvK numbers); the others are
// confirmed and validated first, and judged by context only if they pass
// (checksums are cheap).
void ConfirmNumericTokens(const Engine::Impl& im, const SegmentView& seg, State& st) {
  const std::string_view text = seg.text;
  for (size_t n = 0; n < im.numeric_specs.size(); ++n) {
    const uint32_t si = im.numeric_specs[n];
    const CompiledSpec& c = im.specs[si];
    const auto& s = *c.spec;
    WindowMatcher& matcher = *st.numeric[n];
    matcher.Clear();
    st.window_tokens.clear();
    for (uint32_t t = 0; t < st.tokens.size(); ++t) {
      const auto& tok = st.tokens[t];
      if (tok.digits < s.min_digits) continue;
      if (s.max_digits > 0 && tok.digits > s.max_digits * 3) continue;
      if (c.breaking_separators && LongestDigitStretch(text, tok, c.breaking_separators) < s.min_digits) continue;
      if (c.lead.size() && !c.lead.MatchesBefore(text, tok.begin)) continue;
      auto [wb, we] = Window(tok.begin, tok.end, s.before, s.after, text.size());
      if (!MayCount(im, seg, st, si, wb, we)) continue;
      matcher.Add(wb, we);
      st.window_tokens.push_back(t);
    }
    if (matcher.size() == 0) continue;
    st.matches.clear();
    matcher.Run(text, st.matches);
    for (const auto& m : st.matches) {
      const auto& tok = st.tokens[st.window_tokens[m.window]];
      if (m.value_begin < tok.end && m.value_end > tok.begin) Validate(im, text, si, m.value_begin, m.value_end, st);
    }
  }
}

// Each term hit is a candidate of every lexicon detector of its lexicon.
void LexiconCandidates(const Engine::Impl& im, const SegmentView& seg, State& st) {
  for (const auto& h : st.lexicon_hits) {
    for (auto si : im.lexicon_trigger_specs[h.list]) {
      st.raws.push_back({si, h.begin, h.end, AsciiLower(seg.text.substr(h.begin, h.end - h.begin)),
                         im.specs[si].spec->base_score, {}});
    }
  }
}

// Custom finders, with the ends of their own triggers (hs, digit lead).
// They validate themselves.
void RunCustomFinders(const Engine::Impl& im, const SegmentView& seg, State& st) {
  for (auto si : im.custom_specs) {
    st.custom.clear();
    st.custom_ends.clear();
    if (im.specs[si].has_trigger_ends) {
      for (auto [ts, end] : st.triggers) {
        if (ts == si) st.custom_ends.push_back(end);
      }
      std::sort(st.custom_ends.begin(), st.custom_ends.end());
    }
    FinderInput in{seg.text, seg.info, st.lexicon_hits, st.custom_ends};
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
      if (r.end > r.begin && r.end <= seg.text.size()) st.raws.push_back(std::move(r));
    }
  }
}

}  // namespace piiscan::detectors
