#include "audit/audit_output.h"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "audit/audit_rules.h"
#include "core/scan_info.h"

namespace piiscan::audit {
namespace {

using nlohmann::ordered_json;

std::string Num(uint64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

const char* Colour(Severity s) {
  switch (s) {
    case Severity::kCritical: return "\033[1;31m";
    case Severity::kHigh: return "\033[31m";
    case Severity::kMedium: return "\033[33m";
    case Severity::kLow: return "\033[36m";
    case Severity::kInfo: return "\033[2m";
  }
  return "";
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string SeverityCounts(const AuditResult& r) {
  std::string out;
  for (auto s : {Severity::kCritical, Severity::kHigh, Severity::kMedium, Severity::kLow, Severity::kInfo}) {
    size_t n = std::count_if(r.gaps.begin(), r.gaps.end(), [&](const Gap& g) { return g.severity == s; });
    if (!out.empty()) out += ", ";
    out += std::to_string(n) + " " + std::string(SeverityName(s));
  }
  return out;
}

void TextGap(std::string& out, const Gap& g, bool color) {
  std::string name = Upper(SeverityName(g.severity));
  std::string pad(name.size() < 10 ? 10 - name.size() : 1, ' ');
  out += (color ? Colour(g.severity) + name + "\033[0m" : name) + pad;
  out += std::string(GapKindName(g.kind));
  if (!g.system.empty()) out += "  system " + g.system;
  if (!g.category.empty()) out += "  " + g.category;
  if (!g.status.empty()) out += "  " + g.status;
  out += "\n          " + g.message + "\n";
  if (g.kind == GapKind::kDeclaredNotFound) return;
  for (const auto& loc : g.locations) {
    out += "          " + loc.file + " (" + std::to_string(loc.count) + ")\n";
  }
  if (g.files > g.locations.size()) {
    out += "          ... and " + Num(g.files - g.locations.size(), "more file", "more files") + "\n";
  }
  if (!g.samples.empty()) {
    out += "          samples:";
    for (size_t i = 0; i < g.samples.size(); ++i) {
      out += (i ? ", " : " ") + g.samples[i].masked;
    }
    out += "\n";
  }
}

ordered_json NullIfEmpty(const std::string& s) { return s.empty() ? ordered_json(nullptr) : ordered_json(s); }

ordered_json Point(const TrendPoint& p) {
  return {{"scan", p.scan}, {"scan_id", p.scan_id}, {"started", IsoTimeUtc(p.started_unix_ms)}};
}

ordered_json TrendsJson(const AuditTrends& t) {
  ordered_json j;
  j["completed_scans"] = t.completed_scans;
  ordered_json points = ordered_json::array();
  for (const auto& p : t.points) points.push_back(Point(p));
  j["points"] = points;
  j["total"] = {{"findings", t.total_findings}, {"gaps", t.total_gaps}};
  ordered_json series = ordered_json::array();
  for (const auto& s : t.series) {
    series.push_back({{"system", NullIfEmpty(s.system)},
                      {"category", s.category},
                      {"findings", s.findings},
                      {"gaps", s.gaps}});
  }
  j["series"] = series;
  j["since"] = t.base ? Point(*t.base) : ordered_json(nullptr);
  j["new"] = t.added;
  j["resolved"] = t.resolved;
  ordered_json changes = ordered_json::array();
  for (const auto& c : t.changes) {
    changes.push_back({{"system", NullIfEmpty(c.system)},
                       {"category", c.category},
                       {"new", c.added},
                       {"resolved", c.resolved}});
  }
  j["changes"] = changes;
  ordered_json changed = ordered_json::array();
  for (const auto& c : t.changed) {
    changed.push_back({{"change", c.added ? "new" : "resolved"},
                       {"file", c.file},
                       {"location", c.location},
                       {"detector", c.detector},
                       {"category", c.category},
                       {"masked", c.masked},
                       {"system", NullIfEmpty(c.system)},
                       {"gap", NullIfEmpty(c.gap)}});
  }
  j["changed"] = changed;
  j["changed_truncated"] = t.changed_truncated;
  return j;
}

void TextTrends(std::string& out, const AuditTrends& t) {
  out += "\ntrends: ";
  if (t.points.empty()) {
    out += "no completed scan in the store\n";
    return;
  }
  out += Num(t.points.size(), "completed scan", "completed scans");
  if (t.completed_scans > t.points.size()) out += " (the last of " + std::to_string(t.completed_scans) + ")";
  out += ": findings";
  for (auto n : t.total_findings) out += " " + std::to_string(n);
  out += "; gaps";
  for (auto n : t.total_gaps) out += " " + std::to_string(n);
  out += "\n";
  if (!t.base) {
    out += "        one completed scan: nothing to compare with yet\n";
    return;
  }
  out += "        since scan " + t.base->scan_id + ": " + std::to_string(t.added) + " new, " +
         std::to_string(t.resolved) + " resolved\n";
}

}  // namespace

std::string FormatAuditText(const AuditResult& r, bool color) {
  const auto& s = r.summary;
  std::string out = "piiscan audit: " + (r.organisation.empty() ? std::string("(no organisation)") : r.organisation) +
                    " — register " + r.register_file + ", retention judged on " + FormatIsoDate(r.now) + "\n";
  out += Num(s.findings_counted, "finding", "findings") + " in " + Num(s.files_with_findings, "file", "files");
  if (s.files_scanned) out += " (of " + std::to_string(s.files_scanned) + " scanned)";
  out += " at confidence " + r.min_confidence + " or above; " +
         Num(s.unscanned_files, "file", "files") + " not (fully) read\n";
  if (s.findings_counted > 0) {
    out += Num(s.undeclared_findings, "finding", "findings") + " outside every declared system\n";
  }
  out += "gaps: " + SeverityCounts(r) + "\n";
  if (r.gaps.empty()) out += "\nNo gaps: what was found matches the register.\n";
  GapKind last_kind = GapKind::kDeclaredNotFound;
  bool first = true;
  for (const auto& g : r.gaps) {
    if (first || g.kind != last_kind) out += "\n";
    first = false;
    last_kind = g.kind;
    TextGap(out, g, color);
  }
  if (r.trends) TextTrends(out, *r.trends);
  if (!r.warnings.empty()) {
    out += "\nwarnings:\n";
    for (const auto& w : r.warnings) out += "  " + w + "\n";
  }
  return out;
}

std::string FormatAuditJson(const AuditResult& r) {
  ordered_json j;
  j["organisation"] = r.organisation;
  j["register"] = r.register_file;
  j["now"] = FormatIsoDate(r.now);
  j["min_confidence"] = r.min_confidence;
  const auto& s = r.summary;
  ordered_json sum;
  sum["findings"] = s.findings_counted;
  sum["findings_read"] = s.findings_read;
  sum["below_confidence"] = s.below_confidence;
  sum["files_with_findings"] = s.files_with_findings;
  sum["files_scanned"] = s.files_scanned ? ordered_json(s.files_scanned) : ordered_json(nullptr);
  sum["unscanned_files"] = s.unscanned_files;
  sum["undeclared_findings"] = s.undeclared_findings;
  sum["by_category"] = s.by_category;
  sum["by_detector"] = s.by_detector;
  sum["by_status"] = s.by_status;
  ordered_json sev = ordered_json::object();
  for (auto v : {Severity::kCritical, Severity::kHigh, Severity::kMedium, Severity::kLow, Severity::kInfo}) {
    sev[std::string(SeverityName(v))] =
        std::count_if(r.gaps.begin(), r.gaps.end(), [&](const Gap& g) { return g.severity == v; });
  }
  sum["gaps_by_severity"] = sev;
  j["summary"] = sum;
  ordered_json gaps = ordered_json::array();
  for (const auto& g : r.gaps) {
    ordered_json o;
    o["kind"] = GapKindName(g.kind);
    o["system"] = g.system.empty() ? ordered_json(nullptr) : ordered_json(g.system);
    o["category"] = g.category.empty() ? ordered_json(nullptr) : ordered_json(g.category);
    if (!g.status.empty()) o["status"] = g.status;
    o["severity"] = SeverityName(g.severity);
    o["count"] = g.count;
    o["files"] = g.files;
    if (g.kind == GapKind::kRetentionExceeded) {
      o["items"] = g.items;
      o["retention_months"] = g.retention_months;
      if (g.oldest) o["oldest"] = FormatIsoDate(*g.oldest);
      o["by_category"] = g.by_category;
    }
    if (g.distinct_values) {
      o["distinct_values"] = g.distinct_values;
      if (g.distinct_capped) o["distinct_values_capped"] = true;
    }
    if (g.promise_broken) o["promise_broken"] = true;
    ordered_json locs = ordered_json::array(), counts = ordered_json::array();
    for (const auto& l : g.locations) {
      locs.push_back(l.file);
      counts.push_back({{"file", l.file}, {"count", l.count}});
    }
    o["locations"] = locs;
    o["location_counts"] = counts;
    ordered_json samples = ordered_json::array();
    for (const auto& smp : g.samples) {
      samples.push_back({{"masked", smp.masked}, {"file", smp.file}, {"location", smp.location},
                         {"detector", smp.detector}});
    }
    o["samples"] = samples;
    o["message"] = g.message;
    gaps.push_back(std::move(o));
  }
  j["gaps"] = gaps;
  ordered_json systems = ordered_json::array();
  for (const auto& sys : r.systems) {
    systems.push_back({{"id", sys.id},
                       {"name", sys.name},
                       {"declared", sys.declared},
                       {"found", sys.found},
                       {"findings", sys.findings},
                       {"files", sys.files},
                       {"retention", sys.retention.empty() ? ordered_json(nullptr) : ordered_json(sys.retention)}});
  }
  j["systems"] = systems;
  j["warnings"] = r.warnings;
  if (r.trends) j["trends"] = TrendsJson(*r.trends);
  return j.dump(2) + "\n";
}

}  // namespace piiscan::audit
