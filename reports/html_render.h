#pragma once
// What every HTML report of piiscan shares (the audit page, the DSAR page):
// rendering a mustache template, whose engine HTML-escapes every value, and
// the small text and chart helpers the pages use. The products own their
// view models and templates; this is the generic part. Pure functions;
// thread-safe.

#include <cstdint>
#include <kainjow/mustache.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace piiscan::reports {

// `name` names the template in error messages.
Result<std::string> RenderMustache(const std::string& template_text, std::string_view name,
                                   const kainjow::mustache::data& data);

// 12 345 678 (thin spaces between groups of three).
std::string Thousands(uint64_t n);

// At most `max` bytes, cut on a UTF-8 character boundary and ending in "…".
std::string Shorten(const std::string& s, size_t max);

// One decimal, for SVG coordinates and percentages.
std::string Fixed(double v);

struct BarRow {
  std::string label;
  uint64_t value = 0;
  bool hot = false;  // drawn as an alert
};

// A horizontal SVG bar chart, largest first (stable), at most 14 bars: the
// geometry is computed here, the markup is in the template (bars, height,
// label_x, bar_x, empty).
kainjow::mustache::data BarChart(std::vector<BarRow> rows);

}  // namespace piiscan::reports
