#include "audit/audit.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "audit/audit_rules.h"
#include "audit/register_match.h"

namespace piiscan::audit {
namespace {

// Caps that keep memory bounded on huge scans; documented in docs/register.md.
constexpr size_t kMaxFilesPerGap = 5000;
constexpr size_t kMaxHashesPerGap = 100000;
constexpr size_t kMaxFolders = 50000;

struct GapKey {
  GapKind kind;
  int system;  // index into the register, -1 = none
  std::string category;
  std::string status;
  auto operator<=>(const GapKey&) const = default;
};

struct Acc {
  uint64_t count = 0, files = 0, items = 0;
  std::string last_file, last_item;
  std::unordered_map<std::string, uint64_t> file_counts;
  std::unordered_set<std::string> hashes;
  bool hashes_capped = false;
  std::vector<Sample> samples;
  std::map<std::string, uint64_t> by_category;
  std::optional<int64_t> oldest;
  bool promise_broken = false;
};

struct SysState {
  uint64_t findings = 0, files = 0;
  std::string last_file;
  std::map<std::string, uint64_t> found;      // attributed here (primary)
  std::map<std::string, uint64_t> found_any;  // covered by this system at all
  std::optional<int64_t> cutoff;              // items older than this exceed retention
  std::string retention_text;
  int retention_months = 0;
};

struct FolderAcc {
  uint64_t findings = 0, files = 0;
  std::string last_file;
};

std::string Folder(const std::string& file) {
  auto slash = file.find_last_of('/');
  return slash == std::string::npos ? "." : file.substr(0, slash);
}

int64_t MonthsBefore(int64_t now, int months) {
  using namespace std::chrono;
  sys_days day = floor<days>(sys_seconds(seconds(now)));
  year_month_day ymd(day);
  year_month_day back = ymd - std::chrono::months(months);
  if (!back.ok()) back = back.year() / back.month() / last;
  return duration_cast<seconds>(sys_days(back).time_since_epoch()).count() +
         (now - duration_cast<seconds>(day.time_since_epoch()).count());
}

}  // namespace

struct Auditor::State {
  const rules::Register& reg;
  AuditOptions opt;
  AuditSummary summary;
  std::map<GapKey, Acc> gaps;
  std::vector<SysState> sys;
  std::string last_file;
  std::string last_unscanned_file;
  RegisterMatcher matcher;
  std::unordered_map<std::string, FolderAcc> folders;
  std::vector<UnscannedRow> unscanned;
  bool unscanned_truncated = false;
  std::vector<FindingRow> rows;
  bool rows_truncated = false;
  std::vector<std::string> warnings;

  State(const rules::Register& r, AuditOptions o)
      : reg(r), opt(std::move(o)), sys(r.systems.size()), matcher(r) {
    if (opt.now == 0) opt.now = std::time(nullptr);
    for (size_t i = 0; i < reg.systems.size(); ++i) {
      const auto& ret = reg.systems[i].retention ? reg.systems[i].retention : reg.retention;
      if (ret) {
        sys[i].cutoff = MonthsBefore(opt.now, ret->months);
        sys[i].retention_text = ret->text;
        sys[i].retention_months = ret->months;
      }
    }
  }

  Acc& Add(const GapKey& key, const std::string& file) {
    Acc& a = gaps[key];
    ++a.count;
    if (file != a.last_file) {
      ++a.files;
      a.last_file = file;
    }
    auto it = a.file_counts.find(file);
    if (it != a.file_counts.end()) {
      ++it->second;
    } else if (a.file_counts.size() < kMaxFilesPerGap) {
      a.file_counts.emplace(file, 1);
    }
    return a;
  }

  void Evidence(Acc& a, const Finding& f) {
    if (!f.value_hash.empty()) {
      if (a.hashes.size() < kMaxHashesPerGap) {
        a.hashes.insert(f.value_hash);
      } else if (!a.hashes.contains(f.value_hash)) {
        a.hashes_capped = true;
      }
    }
    if (a.samples.size() < opt.samples && !f.masked.empty() &&
        std::none_of(a.samples.begin(), a.samples.end(), [&](const Sample& s) { return s.masked == f.masked; })) {
      a.samples.push_back(Sample{f.masked, f.file, f.location, f.detector});
    }
  }

  void CountTotals(const Finding& f) {
    auto& s = summary;
    ++s.findings_counted;
    ++s.by_category[f.category];
    ++s.by_detector[f.detector];
    ++s.by_confidence[std::string(ConfidenceName(f.confidence))];
    bool new_file = f.file != last_file;
    if (new_file) {
      ++s.files_with_findings;
      last_file = f.file;
    }
    auto folder = Folder(f.file);
    auto it = folders.find(folder);
    if (it == folders.end() && folders.size() < kMaxFolders) it = folders.emplace(folder, FolderAcc{}).first;
    if (it != folders.end()) {
      ++it->second.findings;
      if (it->second.last_file != f.file) {
        ++it->second.files;
        it->second.last_file = f.file;
      }
    }
    if (!f.item_time) ++s.without_time;
  }

  std::string CheckRetention(int primary, const Finding& f) {
    const SysState& st = sys[primary];
    if (!st.cutoff || !f.item_time || *f.item_time >= *st.cutoff) return "";
    Acc& a = Add(GapKey{GapKind::kRetentionExceeded, primary, "", ""}, f.file);
    std::string item = f.file + '\x1f' + std::to_string(*f.item_time);
    if (item != a.last_item) {
      ++a.items;
      a.last_item = std::move(item);
    }
    ++a.by_category[f.category];
    if (!a.oldest || *f.item_time < *a.oldest) a.oldest = f.item_time;
    Evidence(a, f);
    return std::string(GapKindName(GapKind::kRetentionExceeded));
  }

  void OnFinding(const Finding& f) {
    ++summary.findings_read;
    if (f.confidence < opt.min_confidence) {
      ++summary.below_confidence;
      return;
    }
    CountTotals(f);
    const std::vector<int> m = matcher.Match(f.file);
    std::string gap_name;
    std::string system;
    if (m.empty()) {
      ++summary.undeclared_findings;
      Acc& a = Add(GapKey{GapKind::kUndeclaredLocation, -1, f.category, ""}, f.file);
      Evidence(a, f);
      gap_name = GapKindName(GapKind::kUndeclaredLocation);
    } else {
      int primary = m.front();
      system = reg.systems[primary].id;
      SysState& st = sys[primary];
      ++st.findings;
      if (st.last_file != f.file) {
        ++st.files;
        st.last_file = f.file;
      }
      ++st.found[f.category];
      for (int i : m) ++sys[i].found_any[f.category];
      bool promise = false;
      if (auto kind = matcher.CategoryGap(m, f.category, promise)) {
        Acc& a = Add(GapKey{*kind, primary, f.category, ""}, f.file);
        a.promise_broken |= promise;
        Evidence(a, f);
        gap_name = GapKindName(*kind);
      }
      auto retention = CheckRetention(primary, f);
      if (gap_name.empty()) gap_name = retention;
    }
    if (rows.size() < opt.max_finding_rows) {
      rows.push_back(FindingRow{f.file, f.location, f.detector, f.category, f.confidence, f.masked, system,
                                gap_name, f.item_time});
    } else {
      rows_truncated = true;
    }
  }

  void OnStatus(const StatusRecord& s) {
    ++summary.status_records;
    std::string status(FileStatusName(s.status));
    ++summary.by_status[status];
    // A FIFO, socket or device is not a file to read: a documented skip,
    // counted by status, not a gap in what was scanned.
    if (s.status == FileStatus::kSkipped) return;
    if (s.file != last_unscanned_file) {
      ++summary.unscanned_files;
      last_unscanned_file = s.file;
    }
    const auto& m = matcher.Match(s.file);
    int primary = m.empty() ? -1 : m.front();
    Add(GapKey{GapKind::kUnscanned, primary, "", status}, s.file);
    if (unscanned.size() < opt.max_unscanned_rows) {
      unscanned.push_back(UnscannedRow{s.file, s.location, status, s.reason,
                                       primary < 0 ? "" : reg.systems[primary].id});
    } else {
      unscanned_truncated = true;
    }
  }

  Gap MakeGap(const GapKey& key, Acc& a) const;
  AuditResult Finish();
};

Gap Auditor::State::MakeGap(const GapKey& key, Acc& a) const {
  Gap g;
  g.kind = key.kind;
  g.system = key.system < 0 ? "" : reg.systems[key.system].id;
  g.category = key.category;
  g.status = key.status;
  g.count = a.count;
  g.files = a.files;
  g.items = a.items;
  g.distinct_values = a.hashes.size();
  g.distinct_capped = a.hashes_capped;
  g.promise_broken = a.promise_broken;
  g.samples = std::move(a.samples);
  g.by_category = std::move(a.by_category);
  g.oldest = a.oldest;
  if (key.system >= 0) g.retention_months = sys[key.system].retention_months;
  std::vector<FileCount> files;
  files.reserve(a.file_counts.size());
  for (auto& [file, n] : a.file_counts) files.push_back(FileCount{file, n});
  std::sort(files.begin(), files.end(),
            [](const auto& x, const auto& y) { return std::tie(y.count, x.file) < std::tie(x.count, y.file); });
  if (files.size() > opt.top_locations) files.resize(opt.top_locations);
  g.locations = std::move(files);
  g.severity = GapSeverity(g, *reg.vocabulary);
  g.message = GapMessage(g, reg, *reg.vocabulary);
  return g;
}

AuditResult Auditor::State::Finish() {
  AuditResult r;
  r.organisation = reg.organisation;
  r.register_file = reg.file;
  r.now = opt.now;
  r.min_confidence = ConfidenceName(opt.min_confidence);
  for (auto& [key, acc] : gaps) r.gaps.push_back(MakeGap(key, acc));
  for (size_t i = 0; i < reg.systems.size(); ++i) {
    const auto& s = reg.systems[i];
    for (const auto& cat : s.categories) {
      if (sys[i].found_any.contains(cat)) continue;
      Gap g;
      g.kind = GapKind::kDeclaredNotFound;
      g.system = s.id;
      g.category = cat;
      g.files = sys[i].files;
      g.severity = GapSeverity(g, *reg.vocabulary);
      g.message = GapMessage(g, reg, *reg.vocabulary);
      r.gaps.push_back(std::move(g));
    }
    SystemSummary sum{s.id, s.name, s.categories, sys[i].found, sys[i].findings, sys[i].files,
                      sys[i].retention_text};
    r.systems.push_back(std::move(sum));
    if (s.locations.empty()) {
      warnings.push_back("system '" + s.id + "' has no locations: nothing can be attributed to it");
    }
  }
  std::stable_sort(r.gaps.begin(), r.gaps.end(), [](const Gap& a, const Gap& b) {
    return std::tie(a.severity, b.count, a.kind, a.system, a.category) <
           std::tie(b.severity, a.count, b.kind, b.system, b.category);
  });
  summary.top_folders.clear();
  for (auto& [folder, acc] : folders) summary.top_folders.push_back(FolderCount{folder, acc.findings, acc.files});
  std::sort(summary.top_folders.begin(), summary.top_folders.end(), [](const auto& a, const auto& b) {
    return std::tie(b.findings, a.folder) < std::tie(a.findings, b.folder);
  });
  if (summary.top_folders.size() > opt.top_folders) summary.top_folders.resize(opt.top_folders);
  if (summary.below_confidence > 0) {
    warnings.push_back(std::to_string(summary.below_confidence) + " findings below --min-confidence " +
                       r.min_confidence + " were not counted");
  }
  r.summary = std::move(summary);
  r.unscanned = std::move(unscanned);
  r.unscanned_truncated = unscanned_truncated;
  r.finding_rows = std::move(rows);
  r.finding_rows_truncated = rows_truncated;
  r.warnings = std::move(warnings);
  return r;
}

Auditor::Auditor(const rules::Register& reg, AuditOptions options)
    : state_(std::make_unique<State>(reg, std::move(options))) {}
Auditor::~Auditor() = default;

void Auditor::OnFinding(const Finding& finding) { state_->OnFinding(finding); }
void Auditor::OnStatus(const StatusRecord& status) { state_->OnStatus(status); }
void Auditor::OnFilesScanned(uint64_t files) { state_->summary.files_scanned = files; }
void Auditor::AddWarning(std::string warning) { state_->warnings.push_back(std::move(warning)); }

void Auditor::AddItem(const ItemReport& item) {
  // Later parts of a file handed on in parts are the same file.
  if (!item.continued) ++state_->summary.files_scanned;
  for (const auto& f : item.findings) state_->OnFinding(f);
  for (const auto& s : item.statuses) state_->OnStatus(s);
}

AuditResult Auditor::Finish() && { return state_->Finish(); }

size_t AuditResult::CountAtLeast(Severity severity) const {
  return std::count_if(gaps.begin(), gaps.end(), [&](const Gap& g) { return g.severity <= severity; });
}

Result<AuditResult> AuditFindingsFile(const rules::Register& reg, const std::string& findings_path,
                                      const AuditOptions& options) {
  Auditor auditor(reg, options);
  auto stats = reports::ReadFindingsFile(findings_path, auditor);
  if (!stats) return std::unexpected(stats.error());
  for (auto& w : stats->warnings) auditor.AddWarning(std::move(w));
  return std::move(auditor).Finish();
}

std::optional<int64_t> ParseIsoDate(std::string_view date) {
  using namespace std::chrono;
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  for (size_t i = 0; i < 10; ++i) {
    if (i == 4 || i == 7) continue;
    if (date[i] < '0' || date[i] > '9') return std::nullopt;
  }
  y = std::stoi(std::string(date.substr(0, 4)));
  m = std::stoi(std::string(date.substr(5, 2)));
  d = std::stoi(std::string(date.substr(8, 2)));
  year_month_day ymd{year(y), month(static_cast<unsigned>(m)), day(static_cast<unsigned>(d))};
  if (!ymd.ok()) return std::nullopt;
  return duration_cast<seconds>(sys_days(ymd).time_since_epoch()).count();
}

std::string FormatIsoDate(int64_t secs) {
  using namespace std::chrono;
  year_month_day ymd(floor<days>(sys_seconds(seconds(secs))));
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

}  // namespace piiscan::audit
