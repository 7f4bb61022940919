#include "audit/audit_trends.h"

#include <algorithm>
#include <tuple>

#include "audit/register_match.h"

namespace piiscan::audit {
namespace {

// system: index into the register, or the number of systems for "no system"
// (so that it sorts last).
using SeriesKey = std::pair<int, std::string>;

// Counts per point kept as differences: a group adds at its first point and
// subtracts where it was resolved, so each group costs O(log points).
struct Deltas {
  std::vector<int64_t> findings, gaps;
};

std::vector<uint64_t> Running(const std::vector<int64_t>& deltas, size_t points) {
  std::vector<uint64_t> out(points);
  int64_t sum = 0;
  for (size_t i = 0; i < points; ++i) {
    sum += deltas[i];
    out[i] = static_cast<uint64_t>(std::max<int64_t>(sum, 0));
  }
  return out;
}

}  // namespace

struct TrendBuilder::State {
  const rules::Register& reg;
  Confidence min;
  size_t max_changed;
  RegisterMatcher matcher;
  AuditTrends out;
  std::vector<int64_t> scans;  // the points' scan numbers, ascending
  std::map<SeriesKey, Deltas> series;
  std::map<SeriesKey, ChangeCount> changes;

  State(const rules::Register& r, Confidence m, size_t cap)
      : reg(r), min(m), max_changed(cap), matcher(r) {}

  int NoSystem() const { return static_cast<int>(reg.systems.size()); }

  // The system a finding of `file` is attributed to, and whether a finding
  // of `category` there is evidence of a gap (and which).
  std::pair<int, std::optional<GapKind>> Judge(const std::string& file,
                                               const std::string& category) {
    const auto& m = matcher.Match(file);
    if (m.empty()) return {NoSystem(), GapKind::kUndeclaredLocation};
    bool promise = false;
    return {m.front(), matcher.CategoryGap(m, category, promise)};
  }

  size_t PointAtOrAfter(int64_t scan) const {
    return static_cast<size_t>(std::lower_bound(scans.begin(), scans.end(), scan) - scans.begin());
  }

  std::string SystemId(int index) const { return index == NoSystem() ? "" : reg.systems[index].id; }
};

TrendBuilder::TrendBuilder(const rules::Register& reg, Confidence min_confidence,
                           std::vector<TrendPoint> points, uint64_t completed_scans,
                           size_t max_changed)
    : state_(std::make_unique<State>(reg, min_confidence, max_changed)) {
  std::sort(points.begin(), points.end(),
            [](const auto& a, const auto& b) { return a.scan < b.scan; });
  for (const auto& p : points) state_->scans.push_back(p.scan);
  state_->out.points = std::move(points);
  state_->out.completed_scans = completed_scans;
}

TrendBuilder::~TrendBuilder() = default;

void TrendBuilder::AddGroup(const std::string& file, const std::string& category,
                            Confidence confidence, int64_t first_scan,
                            std::optional<int64_t> resolved_in_scan, uint64_t findings) {
  State& s = *state_;
  if (confidence < s.min || findings == 0) return;
  size_t from = s.PointAtOrAfter(first_scan);
  size_t to = resolved_in_scan ? s.PointAtOrAfter(*resolved_in_scan) : s.scans.size();
  if (from >= to) return;  // present at no point
  auto [system, gap] = s.Judge(file, category);
  Deltas& d = s.series[{system, category}];
  if (d.findings.empty()) {
    d.findings.assign(s.scans.size() + 1, 0);
    d.gaps.assign(s.scans.size() + 1, 0);
  }
  auto n = static_cast<int64_t>(findings);
  d.findings[from] += n;
  d.findings[to] -= n;
  if (gap) {
    d.gaps[from] += n;
    d.gaps[to] -= n;
  }
}

void TrendBuilder::SetBase(TrendPoint base) { state_->out.base = std::move(base); }

void TrendBuilder::AddChange(bool added, const Finding& f) {
  State& s = *state_;
  if (f.confidence < s.min) return;
  auto [system, gap] = s.Judge(f.file, f.category);
  ChangeCount& c = s.changes[{system, f.category}];
  ++(added ? c.added : c.resolved);
  ++(added ? s.out.added : s.out.resolved);
  if (s.out.changed.size() >= s.max_changed) {
    s.out.changed_truncated = true;
    return;
  }
  s.out.changed.push_back(ChangedFinding{added, f.file, f.location, f.detector, f.category,
                                         f.masked, s.SystemId(system),
                                         gap ? std::string(GapKindName(*gap)) : ""});
}

AuditTrends TrendBuilder::Finish() && {
  State& s = *state_;
  size_t n = s.scans.size();
  s.out.total_findings.assign(n, 0);
  s.out.total_gaps.assign(n, 0);
  for (const auto& [key, d] : s.series) {
    TrendSeries t{s.SystemId(key.first), key.second, Running(d.findings, n), Running(d.gaps, n)};
    for (size_t i = 0; i < n; ++i) {
      s.out.total_findings[i] += t.findings[i];
      s.out.total_gaps[i] += t.gaps[i];
    }
    s.out.series.push_back(std::move(t));
  }
  for (auto& [key, c] : s.changes) {
    c.system = s.SystemId(key.first);
    c.category = key.second;
    s.out.changes.push_back(std::move(c));
  }
  std::stable_sort(s.out.changed.begin(), s.out.changed.end(),
                   [](const auto& a, const auto& b) { return a.added > b.added; });
  return std::move(s.out);
}

}  // namespace piiscan::audit
