// The trigger passes of a segment scan (engine_internal.h): everything that
// marks where a candidate can be, before any candidate is confirmed. The
// Hyperscan callbacks only record hits; all work happens after hs_scan.

#include <hs/hs.h>

#include <algorithm>

#include "core/byte_scan.h"
#include "detectors/engine_internal.h"

namespace piiscan::detectors {
namespace {

int OnMatch(unsigned int id, unsigned long long /*from*/, unsigned long long to, unsigned int,
            void* ctx) {
  auto* st = static_cast<State*>(ctx);
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
  auto* st = static_cast<State*>(ctx);
  st->triggers.emplace_back(st->anchored_spec, st->window_base + static_cast<uint32_t>(to));
  return 0;
}

bool ByBegin(const TermHit& a, const TermHit& b) { return a.begin < b.begin; }

}  // namespace

void ResetForSegment(State& st, std::string_view text) {
  st.text = text;
  st.triggers.clear();
  st.anchors.clear();
  st.keywords->Reset(text);
  st.lexicon_keywords_ready = false;
  std::fill(st.positive_ready.begin(), st.positive_ready.end(), 0);
  st.lexicon_hits.clear();
  st.tokens.clear();
  st.raws.clear();
}

void HyperscanPass(const Engine::Impl& im, State& st, std::string_view text) {
  if (!im.db) return;
  hs_scan(im.db.get(), text.data(), static_cast<unsigned>(text.size()), 0, st.scratch.get(), OnMatch, &st);
}

// Anchors arrive in end order: their windows are merged as they come.
void AnchoredPass(const Engine::Impl& im, State& st, std::string_view text) {
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
      uint64_t wlo = end > static_cast<uint32_t>(s.engine.anchor_before) ? end - static_cast<uint32_t>(s.engine.anchor_before) : 0;
      uint64_t whi = std::min<uint64_t>(text.size(), uint64_t{end} + static_cast<uint64_t>(s.engine.anchor_after));
      if (wlo > hi) {
        flush();
        lo = wlo;
      }
      hi = std::max(hi, whi);
    }
    flush();
  }
}

// Hyperscan delivers by end, which is begin order but for overlaps; the
// gazetteer's hits come in begin order after them.
void GazetteerPass(const Engine::Impl& im, State& st, std::string_view text) {
  size_t from_hs = st.lexicon_hits.size();
  if (!std::is_sorted(st.lexicon_hits.begin(), st.lexicon_hits.end(), ByBegin)) {
    std::stable_sort(st.lexicon_hits.begin(), st.lexicon_hits.end(), ByBegin);
  }
  im.capital_terms.Find(text, st.lexicon_hits);
  if (from_hs > 0 && from_hs < st.lexicon_hits.size()) {
    std::inplace_merge(st.lexicon_hits.begin(), st.lexicon_hits.begin() + static_cast<std::ptrdiff_t>(from_hs),
                       st.lexicon_hits.end(), ByBegin);
  }
}

void DigitRunPass(const Engine::Impl& im, State& st, std::string_view text) {
  if (!im.numeric_specs.empty() || !im.digit_lead_specs.empty()) st.tokenizer.Find(text, st.tokens);
}

// The end after every digit a spec's byte classes stand before, as a
// trigger of its finder. When the classes begin with capitals
// ("[A-Z]{2}..."), the capital bitmap, shifted by size(), rules out most
// digits before any byte is read (digits are 7% of bench text).
void DigitLeadPass(const Engine::Impl& im, State& st, std::string_view text) {
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
}

}  // namespace piiscan::detectors
