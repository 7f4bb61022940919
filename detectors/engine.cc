// The Engine and its scanner: building, and a segment scan as its passes in
// data-flow order (engine_internal.h lists them and their files).

#include "detectors/engine.h"

#include "detectors/engine_internal.h"

namespace piiscan::detectors {

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
  if (impl_->lexicon_keyword_set)
    st->lexicon_keywords = std::make_unique<KeywordScanner>(impl_->lexicon_keyword_set);
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
  if (info.kind == SegmentKind::kCell) {
    auto found = ScanView(original, info, scratch_);
    out.insert(out.end(), found.begin(), found.end());
  } else if (!original.empty() && original.size() <= UINT32_MAX) {
    ScanSegment(original, info, out);
  }
}

std::span<const Detection> EngineScanner::ScanView(std::string_view original,
                                                   const SegmentInfo& info,
                                                   std::vector<Detection>& out) {
  State& st = *state_;
  out.clear();
  tags_ = {};
  if (original.empty() || original.size() > UINT32_MAX) return out;
  // A table cell's detections depend on its text and label alone, unless
  // its row lifted a BSN (st.row_read): repeated cells come from the memo.
  const bool memo = info.kind == SegmentKind::kCell && info.report_from == 0;
  if (memo) {
    CellMemo::Hit hit;
    if (st.cells.Find(info.label, !info.row.empty(), original, hit)) {
      tags_ = hit.tags;
      return hit.detections;
    }
  }
  st.row_read = false;
  ScanSegment(original, info, out);
  if (memo && !st.row_read) tags_ = st.cells.Store(out);
  return out;
}

void EngineScanner::ScanSegment(std::string_view original, const SegmentInfo& info,
                                std::vector<Detection>& out) {
  const Engine::Impl& im = *engine_.impl_;
  State& st = *state_;
  FoldedText folded(original);
  const std::string_view text = folded.text();
  ResetForSegment(st, text);

  // Trigger passes: where candidates can be.
  HyperscanPass(im, st, text);
  AnchoredPass(im, st, text);
  GazetteerPass(im, st, text);
  DigitRunPass(im, st, text);
  DigitLeadPass(im, st, text);

  // Confirm (and validate) candidates into st.raws.
  const SegmentView seg{text, info, LabelContext(im, st, info.label), im.options.keep_all_candidates};
  ConfirmRegexTriggers(im, seg, st);
  ConfirmNumericTokens(im, seg, st);
  LexiconCandidates(im, seg, st);
  RunCustomFinders(im, seg, st);

  ScoreWithContext(im, seg, st);
  ResolveOverlaps(im, st, folded, info, out);
}

}  // namespace piiscan::detectors
