#include "cli/store_html.h"

#include <algorithm>

#include "core/confidence.h"
#include "core/location.h"
#include "core/scan_info.h"
#include "core/version.h"
#include "reports/html_render.h"
#include "rules/rule_loader.h"

namespace piiscan::cli {
namespace {

namespace mu = kainjow::mustache;
using reports::Thousands;

constexpr char kTemplate[] = "templates/store_report.mustache";
constexpr size_t kSamples = 3;

std::string Date(int64_t unix_ms) { return unix_ms ? IsoTimeUtc(unix_ms) : std::string("—"); }

mu::data Rows(const auto& rows, auto&& fill) {
  mu::data list{mu::data::type::list};
  for (const auto& r : rows) list.push_back(fill(r));
  return list;
}

}  // namespace

StoreHtmlReport::StoreHtmlReport(std::string store_path,
                                 const std::vector<store::ScanRecord>& scans)
    : store_path_(std::move(store_path)), scans_(scans) {}

void StoreHtmlReport::AddCurrent(const store::StoredFinding& s, const std::string& triage) {
  const Finding& f = s.finding;
  ++current_;
  occurrences_ += f.count;
  ++categories_[f.category];
  FileRow& row = files_[f.file];
  ++row.findings;
  row.occurrences += f.count;
  ++row.detectors[f.detector];
  if (!triage.empty()) ++row.triaged[triage];
  if (row.samples.size() < kSamples)
    row.samples.push_back(triage.empty() ? f.masked : f.masked + " [" + triage + "]");
}

void StoreHtmlReport::AddStatus(const StatusRecord& s) {
  unread_files_[s.file] = true;
  unread_count_ = unread_files_.size();
  ++unread_records_;
  if (unread_.size() >= kMaxRows) return;
  unread_.push_back(ChangeRow{s.file, JoinLocation(s.location),
                              std::string(FileStatusName(s.status)), "", s.reason, "", 0});
}

void StoreHtmlReport::SetBase(int64_t base) { base_ = base; }

void StoreHtmlReport::AddChange(store::Change change, const store::StoredFinding& s,
                                const std::string& triage) {
  bool is_new = change == store::Change::kNew;
  (is_new ? new_count_ : resolved_count_) += 1;
  auto& rows = is_new ? new_ : resolved_;
  if (rows.size() >= kMaxRows) return;
  const Finding& f = s.finding;
  rows.push_back(ChangeRow{f.file, JoinLocation(f.location), f.detector,
                           std::string(ConfidenceName(f.confidence)),
                           triage.empty() ? f.masked : f.masked + " [triage: " + triage + "]",
                           Date(is_new ? s.first_seen_unix_ms : s.last_seen_unix_ms), f.count});
}

Result<std::string> StoreHtmlReport::Render() const {
  auto rules = rules::LoadEmbeddedRules();
  if (!rules) return std::unexpected(rules.error());
  auto it = rules->files.find(kTemplate);
  if (it == rules->files.end()) return Fail(std::string("rules: missing ") + kTemplate);

  mu::data d;
  d.set("version", std::string(kVersion));
  d.set("store", store_path_);
  const store::ScanRecord* latest = scans_.empty() ? nullptr : &scans_.back();
  d.set("latest_scan", latest ? latest->info.scan_id : std::string("none"));
  d.set("latest_started", latest ? Date(latest->info.started_unix_ms) : std::string("—"));
  const store::ScanRecord* base = nullptr;
  for (const auto& s : scans_) {
    if (base_ && s.id == *base_) base = &s;
  }
  if (base_) {
    std::string label = base ? base->info.scan_id : std::string("the first scan");
    d.set("title", "piiscan: new and resolved since " + label);
    d.set("heading", "What changed since " + label);
    d.set("base_label", base ? base->info.scan_id + " (" + Date(base->info.started_unix_ms) + ")"
                             : std::string("the store's first scan"));
    if (base) {
      d.set("base_scan", base->info.scan_id);
      d.set("base_started", Date(base->info.started_unix_ms));
    }
  } else {
    d.set("title", "piiscan: current findings");
    d.set("heading", "Current findings");
  }
  d.set("subheading", "from the findings store, as of the latest scan" +
                         (triage_note_.empty() ? std::string() : "; " + triage_note_));
  d.set("current", Thousands(current_));
  d.set("occurrences", Thousands(occurrences_));
  d.set("files", Thousands(files_.size()));
  d.set("unread", Thousands(unread_count_));
  d.set("since", base_.has_value());
  d.set("new_count", Thousands(new_count_));
  d.set("resolved_count", Thousands(resolved_count_));

  auto change_row = [](const ChangeRow& r) {
    mu::data x;
    x.set("file", r.file);
    x.set("where", r.where);
    x.set("detector", r.detector);
    x.set("confidence", r.confidence);
    x.set("masked", r.masked);
    x.set("count", Thousands(r.count));
    x.set("seen", r.seen);
    return x;
  };
  d.set("new_rows", Rows(new_, change_row));
  d.set("has_new", !new_.empty());
  if (new_count_ > new_.size()) d.set("new_more", Thousands(new_count_ - new_.size()));
  d.set("resolved_rows", Rows(resolved_, change_row));
  d.set("has_resolved", !resolved_.empty());
  if (resolved_count_ > resolved_.size())
    d.set("resolved_more", Thousands(resolved_count_ - resolved_.size()));

  std::vector<reports::BarRow> bars;
  for (const auto& [category, n] : categories_) bars.push_back({category, n, false});
  d.set("category_chart", reports::BarChart(std::move(bars)));

  std::vector<const std::pair<const std::string, FileRow>*> files;
  for (const auto& f : files_) files.push_back(&f);
  std::stable_sort(files.begin(), files.end(),
                   [](auto* a, auto* b) { return a->second.findings > b->second.findings; });
  if (files.size() > kMaxRows) files.resize(kMaxRows);
  d.set("file_rows", Rows(files, [](auto* f) {
          mu::data x;
          x.set("file", f->first);
          x.set("findings", Thousands(f->second.findings));
          x.set("occurrences", Thousands(f->second.occurrences));
          std::string detectors, samples;
          for (const auto& [name, n] : f->second.detectors)
            detectors += (detectors.empty() ? "" : ", ") + name + " " + std::to_string(n);
          for (const auto& [verdict, n] : f->second.triaged)
            detectors += "; triage " + verdict + " " + std::to_string(n);
          for (const auto& s : f->second.samples) samples += (samples.empty() ? "" : "  ") + s;
          x.set("detectors", detectors);
          x.set("samples", samples);
          return x;
        }));
  d.set("has_files", !files.empty());
  if (files_.size() > files.size()) d.set("files_more", Thousands(files_.size() - files.size()));

  d.set("unread_rows", Rows(unread_, [](const ChangeRow& r) {
          mu::data x;
          x.set("file", r.file);
          x.set("where", r.where);
          x.set("status", r.detector);
          x.set("reason", r.masked);
          return x;
        }));
  d.set("has_unread", !unread_.empty());
  if (unread_records_ > unread_.size())
    d.set("unread_more", Thousands(unread_records_ - unread_.size()));
  return reports::RenderMustache(it->second, kTemplate, d);
}

}  // namespace piiscan::cli
