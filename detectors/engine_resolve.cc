// The resolve pass of a segment scan (engine_internal.h): overlapping
// candidates, the most specific detector (lowest priority number) first; a
// BSN inside an IBAN or a BTW number is not reported.

#include <algorithm>

#include "detectors/engine_internal.h"

namespace piiscan::detectors {

void ResolveOverlaps(const Engine::Impl& im, State& st, const FoldedText& folded,
                     std::vector<Detection>& out) {
  auto by_priority = [&](const State::Raw* a, const State::Raw* b) {
    int pa = im.specs[a->report].spec->priority, pb = im.specs[b->report].spec->priority;
    if (pa != pb) return pa < pb;
    if (a->begin != b->begin) return a->begin < b->begin;
    if (a->end != b->end) return a->end > b->end;
    return a->report != b->report ? a->report < b->report : a->spec < b->spec;  // any fixed order
  };
  std::sort(st.kept.begin(), st.kept.end(), by_priority);
  std::sort(st.extra.begin(), st.extra.end(), by_priority);
  st.kept.insert(st.kept.end(), st.extra.begin(), st.extra.end());
  auto& claimed = st.claimed;  // sorted by begin
  claimed.clear();
  size_t first_out = out.size();
  for (auto* r : st.kept) {
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
