#include "audit/html_report.h"

#include <algorithm>

#include "audit/audit_rules.h"
#include "audit/html_trends.h"
#include "core/version.h"
#include "reports/html_render.h"

namespace piiscan::audit {
namespace {

namespace mu = kainjow::mustache;
using reports::BarChart;
using reports::BarRow;
using reports::Fixed;
using reports::Thousands;

constexpr char kTemplate[] = "templates/audit_report.mustache";
constexpr size_t kMaxUnscannedShown = 500;

mu::data GapRow(const Gap& g, const rules::CategoryVocabulary& vocab) {
  mu::data d;
  d.set("severity", std::string(SeverityName(g.severity)));
  d.set("kind", std::string(GapKindName(g.kind)));
  d.set("title", std::string(GapKindTitle(g.kind)));
  d.set("system", g.system.empty() ? std::string("—") : g.system);
  d.set("category", g.category.empty() ? (g.status.empty() ? std::string("—") : g.status) : vocab.Label(g.category));
  d.set("count", Thousands(g.count));
  d.set("files", Thousands(g.files));
  d.set("message", g.message);
  d.set("has_evidence", g.kind != GapKind::kDeclaredNotFound);
  mu::data locs{mu::data::type::list};
  for (const auto& l : g.locations) {
    mu::data x;
    x.set("file", l.file);
    x.set("count", Thousands(l.count));
    locs.push_back(x);
  }
  d.set("locations", locs);
  if (g.files > g.locations.size()) d.set("more_files", Thousands(g.files - g.locations.size()));
  mu::data samples{mu::data::type::list};
  for (const auto& s : g.samples) {
    mu::data x;
    x.set("masked", s.masked);
    x.set("where", s.location.empty() ? s.file : s.file + " › " + JoinLocation(s.location, " › "));
    samples.push_back(x);
  }
  d.set("samples", samples);
  d.set("has_samples", !g.samples.empty());
  if (g.distinct_values) d.set("distinct", Thousands(g.distinct_values) + (g.distinct_capped ? "+" : ""));
  if (g.oldest) d.set("oldest", FormatIsoDate(*g.oldest));
  if (g.kind == GapKind::kRetentionExceeded) {
    d.set("retention", std::to_string(g.retention_months) + " months");
    d.set("items", Thousands(g.items));
  }
  d.set("promise_broken", g.promise_broken);
  return d;
}

mu::data Overview(const AuditResult& r) {
  const auto& s = r.summary;
  mu::data cards{mu::data::type::list};
  auto card = [&](const std::string& label, const std::string& value, const std::string& note, bool alert) {
    mu::data c;
    c.set("label", label);
    c.set("value", value);
    c.set("note", note);
    c.set("alert", alert);
    cards.push_back(c);
  };
  size_t urgent = r.CountAtLeast(Severity::kHigh);
  card("Gaps to act on", Thousands(urgent), "critical or high severity", urgent > 0);
  card("Findings", Thousands(s.findings_counted), "confidence " + r.min_confidence + " or above", false);
  card("Files with personal data", Thousands(s.files_with_findings),
       s.files_scanned ? "of " + Thousands(s.files_scanned) + " files scanned" : "files scanned: not recorded", false);
  card("Outside every system", Thousands(s.undeclared_findings), "findings no system's locations cover",
       s.undeclared_findings > 0);
  card("Not (fully) read", Thousands(s.unscanned_files), "files: encrypted, damaged or over a limit",
       s.unscanned_files > 0);
  return cards;
}

}  // namespace

Result<std::string> RenderAuditHtml(const AuditResult& r, const rules::RuleSet& rules) {
  auto it = rules.files.find(kTemplate);
  if (it == rules.files.end()) return Fail(std::string("rules: missing ") + kTemplate);
  auto vocab = rules::CategoryVocabulary::FromRules(rules);
  if (!vocab) return std::unexpected(vocab.error());

  mu::data d;
  d.set("organisation", r.organisation.empty() ? std::string("(organisation not named)") : r.organisation);
  d.set("register", r.register_file);
  d.set("now", FormatIsoDate(r.now));
  d.set("version", std::string(kVersion));
  d.set("cards", Overview(r));

  mu::data sev{mu::data::type::list};
  for (auto v : {Severity::kCritical, Severity::kHigh, Severity::kMedium, Severity::kLow, Severity::kInfo}) {
    mu::data x;
    x.set("severity", std::string(SeverityName(v)));
    x.set("count", std::to_string(std::count_if(r.gaps.begin(), r.gaps.end(), [&](const Gap& g) { return g.severity == v; })));
    sev.push_back(x);
  }
  d.set("severities", sev);

  mu::data gaps{mu::data::type::list}, info{mu::data::type::list};
  std::vector<GapKind> kinds;
  for (const auto& g : r.gaps) {
    (g.severity == Severity::kInfo ? info : gaps).push_back(GapRow(g, *vocab));
    if (std::find(kinds.begin(), kinds.end(), g.kind) == kinds.end()) kinds.push_back(g.kind);
  }
  d.set("gaps", gaps);
  d.set("has_gaps", r.CountAtLeast(Severity::kLow) > 0);
  d.set("info_gaps", info);
  d.set("has_info", r.gaps.size() > r.CountAtLeast(Severity::kLow));
  mu::data advice{mu::data::type::list};
  for (auto k : kinds) {
    mu::data a;
    a.set("title", std::string(GapKindTitle(k)));
    a.set("text", std::string(GapAdvice(k)));
    advice.push_back(a);
  }
  d.set("advice", advice);
  d.set("has_advice", !kinds.empty());

  std::vector<BarRow> by_cat, by_sys;
  for (const auto& [cat, n] : r.summary.by_category) by_cat.push_back({vocab->Label(cat), n, vocab->IsSensitive(cat)});
  for (const auto& s : r.systems) by_sys.push_back({s.name, s.findings, false});
  if (r.summary.undeclared_findings) by_sys.push_back({"(no system)", r.summary.undeclared_findings, true});
  d.set("category_chart", BarChart(std::move(by_cat)));
  d.set("system_chart", BarChart(std::move(by_sys)));

  mu::data systems{mu::data::type::list};
  for (const auto& s : r.systems) {
    mu::data x;
    x.set("id", s.id);
    x.set("name", s.name);
    x.set("findings", Thousands(s.findings));
    x.set("files", Thousands(s.files));
    x.set("retention", s.retention.empty() ? std::string("—") : s.retention);
    mu::data cats{mu::data::type::list};
    for (const auto& c : s.declared) {
      mu::data y;
      y.set("label", vocab->Label(c));
      y.set("found", s.found.contains(c));
      cats.push_back(y);
    }
    for (const auto& [c, n] : s.found) {
      if (std::find(s.declared.begin(), s.declared.end(), c) != s.declared.end()) continue;
      mu::data y;
      y.set("label", vocab->Label(c));
      y.set("undeclared", true);
      cats.push_back(y);
    }
    x.set("categories", cats);
    systems.push_back(x);
  }
  d.set("systems", systems);
  if (r.trends) d.set("trends", TrendsView(*r.trends, *vocab));

  mu::data folders{mu::data::type::list};
  uint64_t fmax = r.summary.top_folders.empty() ? 1 : std::max<uint64_t>(1, r.summary.top_folders[0].findings);
  for (const auto& f : r.summary.top_folders) {
    mu::data x;
    x.set("folder", f.folder);
    x.set("findings", Thousands(f.findings));
    x.set("files", Thousands(f.files));
    x.set("pct", Fixed(100.0 * static_cast<double>(f.findings) / static_cast<double>(fmax)));
    folders.push_back(x);
  }
  d.set("folders", folders);
  d.set("has_folders", !r.summary.top_folders.empty());

  mu::data unscanned{mu::data::type::list};
  for (size_t i = 0; i < r.unscanned.size() && i < kMaxUnscannedShown; ++i) {
    const auto& u = r.unscanned[i];
    mu::data x;
    x.set("file", u.location.empty() ? u.file : u.file + " › " + JoinLocation(u.location, " › "));
    x.set("status", u.status);
    x.set("reason", u.reason);
    x.set("system", u.system.empty() ? std::string("—") : u.system);
    unscanned.push_back(x);
  }
  d.set("unscanned", unscanned);
  d.set("has_unscanned", !r.unscanned.empty());
  if (r.unscanned.size() > kMaxUnscannedShown || r.unscanned_truncated) {
    d.set("unscanned_more", "The list is cut short; the spreadsheet (--xlsx) and JSON output have more.");
  }
  mu::data warnings{mu::data::type::list};
  for (const auto& w : r.warnings) warnings.push_back(mu::data(w));
  d.set("warnings", warnings);
  d.set("has_warnings", !r.warnings.empty());

  return reports::RenderMustache(it->second, kTemplate, d);
}

}  // namespace piiscan::audit
