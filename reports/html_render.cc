#include "reports/html_render.h"

#include <algorithm>
#include <cstdio>

namespace piiscan::reports {

namespace mu = kainjow::mustache;

Result<std::string> RenderMustache(const std::string& template_text, std::string_view name,
                                   const mu::data& data) {
  mu::mustache tmpl(template_text);
  if (!tmpl.is_valid()) return Fail(std::string(name) + ": " + tmpl.error_message());
  std::string out = tmpl.render(data);
  if (!tmpl.is_valid()) return Fail(std::string(name) + ": " + tmpl.error_message());
  return out;
}

std::string Thousands(uint64_t n) {
  std::string s = std::to_string(n), out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i && (s.size() - i) % 3 == 0) out += '\xE2', out += '\x80', out += '\x89';  // thin space
    out += s[i];
  }
  return out;
}

std::string Shorten(const std::string& s, size_t max) {
  if (s.size() <= max) return s;
  size_t cut = max - 1;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

std::string Fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

mu::data BarChart(std::vector<BarRow> rows) {
  constexpr size_t kMaxBars = 14;
  std::stable_sort(rows.begin(), rows.end(),
                   [](const BarRow& a, const BarRow& b) { return a.value > b.value; });
  if (rows.size() > kMaxBars) rows.resize(kMaxBars);
  uint64_t max = 1;
  for (const auto& r : rows) max = std::max(max, r.value);
  constexpr double kRow = 24, kLabel = 205, kBarMax = 240;
  mu::data bars{mu::data::type::list};
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& [label, value, hot] = rows[i];
    double w = std::max(2.0, kBarMax * static_cast<double>(value) / static_cast<double>(max));
    mu::data b;
    b.set("label", Shorten(label, 27));
    b.set("title", label);
    b.set("value", Thousands(value));
    b.set("y", Fixed(i * kRow + 4));
    b.set("text_y", Fixed(i * kRow + 17));
    b.set("width", Fixed(w));
    b.set("value_x", Fixed(kLabel + w + 6));
    b.set("hot", hot);
    bars.push_back(b);
  }
  mu::data chart;
  chart.set("bars", bars);
  chart.set("height", Fixed(rows.size() * kRow + 8));
  chart.set("label_x", Fixed(kLabel - 8));
  chart.set("bar_x", Fixed(kLabel));
  chart.set("empty", rows.empty());
  return chart;
}

}  // namespace piiscan::reports
