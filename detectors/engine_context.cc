// The context pass of a segment scan (engine_internal.h): keywords near each
// candidate and the segment's label raise, lower or rule out its score.

#include <algorithm>

#include "core/utf8.h"
#include "detectors/engine_internal.h"

namespace piiscan::detectors {
namespace {

// The end of the clause that starts at `from` (before `hi`): the first
// ',', ';', '.', '!' or '?' followed by a blank.
uint64_t ClauseEnd(std::string_view text, uint32_t from, uint64_t hi) {
  for (uint64_t i = from; i + 1 < hi; ++i) {
    char ch = text[i];
    if ((ch == ',' || ch == ';' || ch == '.' || ch == '!' || ch == '?') &&
        (text[i + 1] == ' ' || text[i + 1] == '\t' || text[i + 1] == '\r')) {
      return i;
    }
  }
  return hi;
}

// Calls f(hit) for the keyword hits that begin in [lo, hi): those of the
// main set, then, for a spec that has some, those only lexicon detectors
// ask for (Engine::Impl::lexicon_keyword_set); stops when f returns false.
// Not in begin order across the two sets: callers do not depend on it.
template <typename F>
void ForEachKeyword(const CompiledSpec& c, State& st, std::string_view text, uint64_t lo,
                    uint64_t hi, F&& f) {
  bool go_on = true;
  st.keywords->ForEach(lo, hi, [&](const TermHit& h) { return go_on = f(h); });
  if (!go_on || !c.lexicon_keywords || !st.lexicon_keywords) return;
  if (!st.lexicon_keywords_ready) {  // reset lazily: most segments have no lexicon candidate
    st.lexicon_keywords->Reset(text);
    st.lexicon_keywords_ready = true;
  }
  st.lexicon_keywords->ForEach(lo, hi, f);
}

// +1 when the keyword of the spec nearest to [begin, end) is a positive
// one, -1 when it is a negative one, 0 when there is none in the window.
// Nearest wins, so that in "Geboortedatum: 12-03-1985\nDatum in dienst:
// 01-02-2015" the second date belongs to "datum in dienst" (negative), not
// to the label one line up. Keywords after the candidate count only on its
// own line: on a later line they label the next value. Equal distance:
// positive. Keywords inside the candidate itself do not count.
int ContextAround(const CompiledSpec& c, State& st, std::string_view text, uint32_t begin,
                  uint32_t end) {
  if (!c.has_keywords) return 0;
  uint32_t lo = begin > static_cast<uint32_t>(c.spec->context_before)
                    ? begin - static_cast<uint32_t>(c.spec->context_before) : 0;
  uint64_t hi = std::min<uint64_t>(text.size(), uint64_t{end} + static_cast<uint64_t>(c.spec->context_after));
  size_t eol = text.substr(end, hi - end).find('\n');  // not past hi: lines can be megabytes long
  if (eol != std::string_view::npos) hi = end + eol;
  if (c.spec->context_clause) hi = ClauseEnd(text, end, hi);
  int best = 0;
  uint64_t best_dist = UINT64_MAX;
  ForEachKeyword(c, st, text, lo, hi, [&](const TermHit& h) {
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
bool AnyPositiveIn(const CompiledSpec& c, State& st, std::string_view text, uint64_t lo,
                   uint64_t hi) {
  bool any = false;
  ForEachKeyword(c, st, text, lo, hi, [&](const TermHit& h) {
    any = c.positive[h.list];
    return !any;
  });
  return any;
}

// The keywords' verdict, unless the label's is positive: the label counts
// as context for every candidate in the segment.
int Context(const Engine::Impl& im, const SegmentView& seg, State& st, uint32_t spec, uint32_t begin,
            uint32_t end) {
  int c = ContextAround(im.specs[spec], st, seg.text, begin, end);
  if (c == 1) return 1;
  int l = seg.label_context ? (*seg.label_context)[spec] : 0;
  return l != 0 ? l : c;
}

bool HasStem(const std::string& label, const std::vector<std::string>& stems) {
  for (const auto& w : stems) {
    if (label.find(w) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

// Cells and headers repeat a handful of labels (a column header, a form
// label, a mail header name): the verdicts are cached per label.
const std::vector<int8_t>* LabelContext(const Engine::Impl& im, State& st, std::string_view raw_label) {
  if (raw_label.empty()) return nullptr;
  if (const auto* recent = st.recent_labels.Find(raw_label)) return *recent;
  std::string label = AsciiLower(raw_label);
  auto it = st.label_cache.find(label);
  if (it == st.label_cache.end()) {
    if (st.label_cache.size() > 1024) {
      st.label_cache.clear();
      st.recent_labels.Clear();
    }
    std::vector<int8_t> verdict(im.specs.size(), 0);
    for (size_t i = 0; i < im.specs.size(); ++i) {
      verdict[i] = HasStem(label, im.specs[i].positive_words)   ? 1
                   : HasStem(label, im.specs[i].negative_words) ? -1
                                                                 : 0;
    }
    it = st.label_cache.emplace(std::move(label), std::move(verdict)).first;
  }
  st.recent_labels.Put(raw_label, &it->second);
  return &it->second;
}

bool MayHaveContext(const Engine::Impl& im, const SegmentView& seg, State& st, uint32_t si,
                    uint64_t lo, uint64_t hi) {
  if (seg.label_context && (*seg.label_context)[si] == 1) return true;
  auto& scanner = st.positive[si];
  if (!scanner) return AnyPositiveIn(im.specs[si], st, seg.text, lo, hi);
  if (!st.positive_ready[si]) {  // reset lazily: most segments never ask
    scanner->Reset(seg.text);
    st.positive_ready[si] = 1;
  }
  bool any = false;
  scanner->ForEach(lo, hi, [&](const TermHit&) { return !(any = true); });
  return any;
}

// With keep_all_candidates, what needs context and has none, or scores
// below the noise floor, is kept apart (`extra`): it may only take spans
// that no normally reported candidate claims.
void ScoreWithContext(const Engine::Impl& im, const SegmentView& seg, State& st) {
  st.kept.clear();
  st.extra.clear();
  st.kept.reserve(st.raws.size());
  for (auto& r : st.raws) {
    const auto& s = *im.specs[r.spec].spec;
    if (r.end <= seg.info.report_from) continue;
    if (r.report == UINT32_MAX) r.report = r.spec;
    if (r.claim_only) {  // context cannot make it an identifier
      st.kept.push_back(&r);
      continue;
    }
    if (r.fixed) {
      if (r.score >= kNoiseFloor) st.kept.push_back(&r);
      continue;
    }
    int c = Context(im, seg, st, r.spec, r.begin, r.end);
    bool weak = c != 1 && s.requires_context;
    if (weak && c == 0 && s.name_context) {
      r.needs_name = true;  // a name near it may still make it about a person (resolve)
      st.kept.push_back(&r);
      continue;
    }
    if (weak && !seg.keep_all) continue;
    double delta = r.score - s.base_score;
    if (c == 1) r.score = std::max(r.score, s.context_score + std::min(0.0, delta));
    else if (c == -1) r.score = std::min(r.score, s.negative_score);
    r.score = std::clamp(r.score, 0.0, 1.0);
    weak = weak || r.score < kNoiseFloor;
    if (weak && !seg.keep_all) continue;
    (weak ? st.extra : st.kept).push_back(&r);
  }
}

}  // namespace piiscan::detectors
