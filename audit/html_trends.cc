#include "audit/html_trends.h"

#include <algorithm>
#include <map>

#include "core/scan_info.h"
#include "reports/html_render.h"

namespace piiscan::audit {
namespace {

namespace mu = kainjow::mustache;
using reports::Fixed;
using reports::Thousands;

constexpr size_t kMaxChangedShown = 500;
constexpr const char* kAllSystems = "All systems";
// The chart's box (SVG user units; the page scales it to the column).
constexpr double kWidth = 520, kHeight = 230, kLeft = 52, kRight = 16, kTop = 14, kBottom = 58;

// 1, 2, 5, 10, 20, 50 ...: the smallest at or above `v`, so that the axis
// has round labels.
uint64_t NiceCeiling(uint64_t v) {
  uint64_t step = 1;
  while (true) {
    for (uint64_t m : {1, 2, 5}) {
      if (m * step >= v) return m * step;
    }
    step *= 10;
  }
}

std::string ShortTime(int64_t unix_ms) {
  std::string iso = IsoTimeUtc(unix_ms);  // 2026-12-07T19:30:00Z
  return iso.substr(0, 10) + " " + iso.substr(11, 5);
}

// A line per series over the points; the y axis from 0 to a round maximum.
mu::data LineChart(const AuditTrends& t, const std::vector<uint64_t>& findings,
                   const std::vector<uint64_t>& gaps, const std::string& what) {
  size_t n = t.points.size();
  uint64_t top =
      NiceCeiling(std::max<uint64_t>({1, *std::max_element(findings.begin(), findings.end()),
                                      *std::max_element(gaps.begin(), gaps.end())}));
  double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  auto x = [&](size_t i) { return n == 1 ? kLeft + plot_w / 2 : kLeft + plot_w * i / (n - 1); };
  auto y = [&](uint64_t v) {
    return kTop + plot_h * (1.0 - static_cast<double>(v) / static_cast<double>(top));
  };
  mu::data chart;
  mu::data yticks{mu::data::type::list};
  for (int k = 0; k <= 4; ++k) {
    uint64_t v = top * k / 4;
    if (k > 0 && k < 4 && top * k % 4 != 0) continue;  // only whole numbers
    mu::data tick;
    tick.set("y", Fixed(y(v)));
    tick.set("text_y", Fixed(y(v) + 4));
    tick.set("label", Thousands(v));
    yticks.push_back(tick);
  }
  chart.set("yticks", yticks);
  mu::data xticks{mu::data::type::list};
  size_t every = std::max<size_t>(1, (n + 7) / 8);  // at most 8 labels
  for (size_t i = 0; i < n; ++i) {
    if (i % every != 0 && i + 1 != n) continue;
    mu::data tick;
    tick.set("x", Fixed(x(i)));
    tick.set("label", "#" + std::to_string(t.points[i].scan));
    xticks.push_back(tick);
  }
  chart.set("xticks", xticks);
  mu::data lines{mu::data::type::list};
  for (auto [cls, values, name] :
       {std::tuple{"findings", &findings, "findings"}, std::tuple{"gaps", &gaps, "gaps"}}) {
    mu::data line;
    std::string points;
    mu::data dots{mu::data::type::list};
    for (size_t i = 0; i < n; ++i) {
      points += (i ? " " : "") + Fixed(x(i)) + "," + Fixed(y((*values)[i]));
      mu::data dot;
      dot.set("cx", Fixed(x(i)));
      dot.set("cy", Fixed(y((*values)[i])));
      dot.set("sx", Fixed(x(i) - 3.5));
      dot.set("sy", Fixed(y((*values)[i]) - 3.5));
      dot.set("square", std::string(cls) == "gaps");  // told apart in black and white too
      dot.set("title", "scan #" + std::to_string(t.points[i].scan) + ", " +
                           ShortTime(t.points[i].started_unix_ms) + ": " + Thousands((*values)[i]) +
                           " " + name);
      dots.push_back(dot);
    }
    line.set("cls", std::string(cls));
    line.set("points", points);
    line.set("dots", dots);
    lines.push_back(line);
  }
  chart.set("lines", lines);
  chart.set("width", Fixed(kWidth));
  chart.set("height", Fixed(kHeight));
  chart.set("left", Fixed(kLeft));
  chart.set("right", Fixed(kWidth - kRight));
  chart.set("bottom", Fixed(kHeight - kBottom));
  chart.set("axis_label_y", Fixed(kHeight - kBottom + 16));
  chart.set("caption_y", Fixed(kHeight - kBottom + 32));
  chart.set("legend_y", Fixed(kHeight - 12));
  chart.set("legend_text_y", Fixed(kHeight - 8));
  chart.set("legend_x1", Fixed(kLeft + 28));
  chart.set("legend_t1", Fixed(kLeft + 34));
  chart.set("legend_x2", Fixed(kLeft + 110));
  chart.set("legend_x3", Fixed(kLeft + 138));
  chart.set("legend_t2", Fixed(kLeft + 144));
  chart.set("aria", what + ": findings from " + Thousands(findings.front()) + " to " +
                        Thousands(findings.back()) + ", gaps from " + Thousands(gaps.front()) +
                        " to " + Thousands(gaps.back()) + " over " + std::to_string(n) +
                        (n == 1 ? " completed scan" : " completed scans") +
                        "; the table gives every number");
  return chart;
}

// One figure: a chart and its table (rows: the points; per category the
// findings and gaps of that series).
mu::data Figure(const AuditTrends& t, const std::string& system, const std::string& title,
                const std::vector<const TrendSeries*>& series,
                const rules::CategoryVocabulary& vocab) {
  size_t n = t.points.size();
  std::vector<uint64_t> findings(n), gaps(n);
  for (const auto* s : series) {
    for (size_t i = 0; i < n; ++i) {
      findings[i] += s->findings[i];
      gaps[i] += s->gaps[i];
    }
  }
  mu::data fig;
  fig.set("system", system);
  fig.set("title", title);
  fig.set("chart", LineChart(t, findings, gaps, title));
  // Per category in a system's table; the all-systems table has the totals
  // only (its categories are the systems' figures below).
  std::vector<const TrendSeries*> columns;
  if (title != kAllSystems) columns = series;
  mu::data cats{mu::data::type::list};
  for (const auto* s : columns) cats.push_back(mu::data("label", vocab.Label(s->category)));
  fig.set("categories", cats);
  mu::data rows{mu::data::type::list};
  for (size_t i = 0; i < n; ++i) {
    mu::data row;
    row.set("scan", std::to_string(t.points[i].scan));
    row.set("scan_id", t.points[i].scan_id);
    row.set("started", ShortTime(t.points[i].started_unix_ms));
    row.set("findings", Thousands(findings[i]));
    row.set("findings_raw", std::to_string(findings[i]));
    row.set("gaps", Thousands(gaps[i]));
    row.set("gaps_raw", std::to_string(gaps[i]));
    mu::data cells{mu::data::type::list};
    for (const auto* s : columns) {
      mu::data c;
      c.set("category", s->category);
      c.set("findings", Thousands(s->findings[i]));
      c.set("findings_raw", std::to_string(s->findings[i]));
      c.set("gaps_raw", std::to_string(s->gaps[i]));
      if (s->gaps[i]) {
        c.set("cell_gaps", Thousands(s->gaps[i]));
      } else {
        c.set("cell_gaps", false);  // set, so that no outer value shows through
      }
      cells.push_back(c);
    }
    row.set("cells", cells);
    rows.push_back(row);
  }
  fig.set("rows", rows);
  return fig;
}

// New or resolved: counts per system and category, and the findings.
mu::data ChangeView(const AuditTrends& t, bool added, const rules::CategoryVocabulary& vocab) {
  mu::data v;
  mu::data counts{mu::data::type::list};
  for (const auto& c : t.changes) {
    uint64_t k = added ? c.added : c.resolved;
    if (!k) continue;
    mu::data x;
    x.set("system", c.system.empty() ? std::string("(no system)") : c.system);
    x.set("category", vocab.Label(c.category));
    x.set("count", Thousands(k));
    x.set("count_raw", std::to_string(k));
    counts.push_back(x);
  }
  mu::data rows{mu::data::type::list};
  size_t shown = 0, total = 0;
  for (const auto& c : t.changed) {
    if (c.added != added) continue;
    ++total;
    if (shown >= kMaxChangedShown) continue;
    ++shown;
    mu::data x;
    x.set("file", c.location.empty() ? c.file : c.file + " › " + JoinLocation(c.location, " › "));
    x.set("detector", c.detector);
    x.set("category", vocab.Label(c.category));
    x.set("masked", c.masked);
    x.set("system", c.system.empty() ? std::string("—") : c.system);
    x.set("gap", c.gap.empty() ? std::string("—") : c.gap);
    rows.push_back(x);
  }
  uint64_t all = added ? t.added : t.resolved;
  v.set("counts", counts);
  v.set("rows", rows);
  v.set("total", Thousands(all));
  v.set("total_raw", std::to_string(all));
  v.set("any", all > 0);
  if (all > shown) {
    v.set("more", Thousands(all - shown));
  } else {
    v.set("more", false);
  }
  return v;
}

}  // namespace

mu::data TrendsView(const AuditTrends& t, const rules::CategoryVocabulary& vocab) {
  mu::data d;
  size_t n = t.points.size();
  d.set("points", std::to_string(n));
  d.set("has_points", n > 0);
  d.set("one_point", n == 1);
  if (n > 0) {
    std::string intro =
        "Findings (confidence as above) and how many of them are evidence of a gap — an undeclared "
        "location or category, special categories, BSN without a basis, ID copies; retention is "
        "judged today and left out — at each of " +
        (t.completed_scans > n
             ? "the last " + std::to_string(n) + " of " + std::to_string(t.completed_scans)
             : std::string(n == 1 ? "the" : "the " + std::to_string(n))) +
        (n == 1 ? " completed scan" : " completed scans") + " of the store, from " +
        ShortTime(t.points.front().started_unix_ms) + " to " +
        ShortTime(t.points.back().started_unix_ms) + " UTC. Interrupted scans are no points.";
    d.set("intro", intro);
    mu::data figures{mu::data::type::list};
    std::vector<const TrendSeries*> all;
    std::map<std::string, std::vector<const TrendSeries*>> by_system;  // "" sorts first; drawn last
    std::vector<std::string> order;
    for (const auto& s : t.series) {
      all.push_back(&s);
      if (!by_system.contains(s.system)) order.push_back(s.system);
      by_system[s.system].push_back(&s);
    }
    auto total = Figure(t, "", kAllSystems, all, vocab);
    total.set("is_total", true);
    figures.push_back(total);
    for (const auto& sys : order) {
      figures.push_back(Figure(t, sys, sys.empty() ? "Outside every system" : "System " + sys,
                               by_system[sys], vocab));
    }
    d.set("figures", figures);
  }
  d.set("has_base", t.base.has_value());
  if (t.base) {
    d.set("base", "scan #" + std::to_string(t.base->scan) + " of " +
                      ShortTime(t.base->started_unix_ms) + " UTC");
    d.set("added", ChangeView(t, true, vocab));
    d.set("resolved", ChangeView(t, false, vocab));
  }
  return d;
}

}  // namespace piiscan::audit
