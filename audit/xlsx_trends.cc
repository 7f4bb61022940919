#include "audit/xlsx_trends.h"

#include "core/scan_info.h"

namespace piiscan::audit {
namespace {

using reports::XlsxSheet;
using reports::XlsxWorkbook;

constexpr const char* kTrends = "Trends";

void PointCells(XlsxSheet& s, const TrendPoint& p) {
  s.Num(0, static_cast<double>(p.scan));
  s.Str(1, p.scan_id);
  s.Str(2, IsoTimeUtc(p.started_unix_ms));
}

// A line chart of the totals (rows 2 .. points+1 of the sheet), to the right
// of the table.
void TotalsChart(const XlsxWorkbook& wb, size_t points) {
  lxw_worksheet* ws = workbook_get_worksheet_by_name(wb.book, kTrends);
  lxw_chart* chart = workbook_add_chart(wb.book, LXW_CHART_LINE);
  if (!ws || !chart) return;
  auto last = static_cast<lxw_row_t>(points);  // zero-based: rows 1..points
  for (auto [col, name] : {std::pair<lxw_col_t, const char*>{5, "Findings"}, {6, "Gaps"}}) {
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(series, kTrends, 1, 2, last, 2);
    chart_series_set_values(series, kTrends, 1, col, last, col);
    chart_series_set_name(series, name);
    chart_series_set_marker_type(series, LXW_CHART_MARKER_AUTOMATIC);
  }
  chart_title_set_name(chart, "Findings and gaps per completed scan (all systems)");
  chart_axis_set_name(chart->x_axis, "Scan started (UTC)");
  chart_axis_set_name(chart->y_axis, "Findings");
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  worksheet_insert_chart(ws, 1, 8, chart);
}

}  // namespace

void WriteTrendSheets(const XlsxWorkbook& wb, const AuditTrends& t) {
  {
    XlsxSheet s(wb, kTrends,
                {{"Scan", 7},
                 {"Scan id", 38},
                 {"Started (UTC)", 21},
                 {"System", 18},
                 {"Category", 20},
                 {"Findings", 10},
                 {"Gaps", 8}});
    // The totals first, one row per point: the chart reads them.
    for (size_t i = 0; i < t.points.size(); ++i) {
      PointCells(s, t.points[i]);
      s.Str(3, "(all)");
      s.Str(4, "(all)");
      s.Num(5, static_cast<double>(t.total_findings[i]));
      s.Num(6, static_cast<double>(t.total_gaps[i]));
      s.Next();
    }
    for (const auto& series : t.series) {
      for (size_t i = 0; i < t.points.size(); ++i) {
        PointCells(s, t.points[i]);
        s.Str(3, series.system.empty() ? "(no system)" : series.system);
        s.Str(4, series.category);
        s.Num(5, static_cast<double>(series.findings[i]));
        s.Num(6, static_cast<double>(series.gaps[i]));
        s.Next();
      }
    }
    s.Finish();
  }
  if (!t.points.empty()) TotalsChart(wb, t.points.size());
  {
    XlsxSheet s(
        wb, "Changes",
        {{"Since scan", 38}, {"System", 18}, {"Category", 20}, {"New", 8}, {"Resolved", 9}});
    for (const auto& c : t.changes) {
      s.Str(0, t.base ? t.base->scan_id : "");
      s.Str(1, c.system.empty() ? "(no system)" : c.system);
      s.Str(2, c.category);
      s.Num(3, static_cast<double>(c.added));
      s.Num(4, static_cast<double>(c.resolved));
      s.Next();
    }
    s.Finish();
  }
  XlsxSheet s(wb, "Changed findings",
              {{"Change", 9},
               {"File", 50},
               {"Location", 30},
               {"Detector", 14},
               {"Category", 16},
               {"Masked", 26},
               {"System", 16},
               {"Gap", 20}});
  for (const auto& c : t.changed) {
    s.Str(0, c.added ? "new" : "resolved");
    s.Str(1, c.file);
    s.Str(2, JoinLocation(c.location));
    s.Str(3, c.detector);
    s.Str(4, c.category);
    s.Str(5, c.masked);
    s.Str(6, c.system);
    s.Str(7, c.gap);
    s.Next();
  }
  s.Finish();
}

}  // namespace piiscan::audit
