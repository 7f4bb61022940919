#include "dsar/dsar_report.h"

#include <algorithm>
#include <map>

#include "core/version.h"
#include "reports/html_render.h"
#include "rules/register_glob.h"

namespace piiscan::dsar {
namespace {

namespace mu = kainjow::mustache;

std::string Folder(const std::string& file) {
  auto slash = file.rfind('/');
  return slash == std::string::npos ? "." : file.substr(0, slash);
}

std::string Position(const Finding& f) {
  std::string s;
  if (f.page) s = "page " + std::to_string(*f.page);
  if (f.line) s += (s.empty() ? "" : ", ") + std::string("line ") + std::to_string(*f.line);
  return s;
}

// The most specific system whose locations cover `file`, or nullptr.
const rules::RegisterSystem* SystemFor(const rules::Register& reg, const std::string& file) {
  const rules::RegisterSystem* best = nullptr;
  int best_spec = -1;
  std::string path = rules::NormalisePath(file);
  for (const auto& s : reg.systems) {
    for (const auto& glob : s.locations) {
      if (!rules::GlobCovers(glob, path)) continue;
      int spec = rules::GlobSpecificity(glob);
      if (spec > best_spec) {
        best = &s;
        best_spec = spec;
      }
    }
  }
  return best;
}

std::string Joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : ", ") + x;
  return out;
}

struct Tally {
  uint64_t hits = 0;
  std::vector<std::string> files, fields;
  void Add(const ItemReport& r, const Finding& f) {
    ++hits;
    if (files.empty() || files.back() != r.file) files.push_back(r.file);
    if (std::find(fields.begin(), fields.end(), f.matched->field) == fields.end()) fields.push_back(f.matched->field);
  }
};

mu::data TallyRow(const std::string& name, const Tally& t) {
  mu::data row;
  row.set("name", name);
  row.set("hits", std::to_string(t.hits));
  row.set("files", std::to_string(t.files.size()));
  row.set("fields", Joined(t.fields));
  return row;
}

mu::data Systems(const rules::Register& reg, const std::vector<ItemReport>& items) {
  std::map<std::string, Tally> by;  // system id ("" = none)
  for (const auto& r : items) {
    const auto* s = SystemFor(reg, r.file);
    for (const auto& f : r.findings) {
      if (f.matched) by[s ? s->id : ""].Add(r, f);
    }
  }
  mu::data rows{mu::data::type::list};
  for (const auto& s : reg.systems) {
    auto it = by.find(s.id);
    mu::data row = TallyRow(s.name.empty() ? s.id : s.name, it == by.end() ? Tally{} : it->second);
    row.set("purposes", Joined(s.purposes));
    row.set("legal_basis", Joined(s.legal_basis));
    auto retention = s.retention ? s.retention : reg.retention;
    row.set("retention", retention ? retention->text : std::string("not declared"));
    row.set("found", it != by.end());
    rows.push_back(row);
  }
  if (auto it = by.find(""); it != by.end()) {
    mu::data row = TallyRow("(not in any declared system)", it->second);
    row.set("purposes", std::string("—"));
    row.set("legal_basis", std::string("—"));
    row.set("retention", std::string("—"));
    row.set("found", true);
    row.set("undeclared", true);
    rows.push_back(row);
  }
  return rows;
}

mu::data Files(const std::vector<ItemReport>& items, std::map<std::string, Tally>& folders, uint64_t counts[3]) {
  mu::data files{mu::data::type::list};
  for (const auto& r : items) {
    mu::data hits{mu::data::type::list};
    for (const auto& f : r.findings) {
      if (!f.matched) continue;
      folders[Folder(r.file)].Add(r, f);
      ++counts[static_cast<int>(f.confidence)];
      mu::data h;
      h.set("location", f.location.empty() ? std::string("(file text)") : JoinLocation(f.location));
      h.set("field", f.matched->field);
      h.set("variant", f.matched->variant);
      h.set("confidence", std::string(ConfidenceName(f.confidence)));
      h.set("masked", f.masked);
      h.set("snippet", f.snippet.value_or(""));
      h.set("position", Position(f));
      hits.push_back(h);
    }
    if (hits.is_empty_list()) continue;
    mu::data file;
    file.set("file", r.file);
    file.set("type", r.type);
    // Answers from a store know no type (`person --db`).
    file.set("has_type", r.type.empty() ? mu::data::type::bool_false : mu::data::type::bool_true);
    file.set("hits", hits);
    files.push_back(file);
  }
  return files;
}

mu::data NotSearched(const std::vector<ItemReport>& items) {
  mu::data rows{mu::data::type::list};
  for (const auto& r : items) {
    for (const auto& s : r.statuses) {
      mu::data row;
      row.set("file", s.file);
      row.set("location", JoinLocation(s.location));
      row.set("status", std::string(FileStatusName(s.status)));
      row.set("reason", s.reason);
      rows.push_back(row);
    }
  }
  return rows;
}

}  // namespace

Result<std::string> RenderDsarHtml(const DsarReportInfo& info, const std::vector<ItemReport>& items,
                                   const reports::ScanSummary& summary) {
  mu::data d;
  d.set("subject", info.subject);
  d.set("generated", info.generated);
  d.set("version", std::string(kVersion));
  d.set("show_values", info.show_values);
  mu::data query{mu::data::type::list};
  for (const auto& [field, value] : info.query) {
    mu::data q;
    q.set("field", field);
    q.set("value", value);
    query.push_back(q);
  }
  d.set("query", query);
  mu::data paths{mu::data::type::list};
  for (const auto& p : info.paths) paths.push_back(mu::data(p));
  d.set("paths", paths);

  std::map<std::string, Tally> folders;
  uint64_t counts[3] = {0, 0, 0};
  mu::data files = Files(items, folders, counts);
  d.set("files", files);
  d.set("has_hits", !files.is_empty_list());
  mu::data folder_rows{mu::data::type::list};
  for (const auto& [name, t] : folders) folder_rows.push_back(TallyRow(name, t));
  d.set("folders", folder_rows);
  if (info.register_) {
    d.set("has_register", true);
    d.set("organisation", info.register_->organisation);
    d.set("systems", Systems(*info.register_, items));
  }
  mu::data unread = NotSearched(items);
  d.set("has_unread", !unread.is_empty_list());
  d.set("unread_count", std::to_string(unread.list_value().size()));
  d.set("unread", unread);
  d.set("hits_high", std::to_string(counts[2]));
  d.set("hits_medium", std::to_string(counts[1]));
  d.set("hits_low", std::to_string(counts[0]));
  d.set("files_searched", std::to_string(summary.files));
  d.set("files_with_hits", std::to_string(files.list_value().size()));
  d.set("interrupted", summary.interrupted);
  return reports::RenderMustache(info.template_text, "dsar report template", d);
}

namespace {

class DsarReportSink final : public reports::Sink {
 public:
  DsarReportSink(reports::OutputFile out, DsarReportInfo info) : out_(std::move(out)), info_(std::move(info)) {}
  void Item(const ItemReport& r) override {
    if (r.findings.empty() && r.statuses.empty()) return;
    items_.push_back(r);
  }
  bool Finish(const reports::ScanSummary& summary) override {
    auto html = RenderDsarHtml(info_, items_, summary);
    if (!html) return false;
    out_.Write(*html);
    return out_.Flush();
  }

 private:
  reports::OutputFile out_;
  DsarReportInfo info_;
  std::vector<ItemReport> items_;
};

}  // namespace

std::unique_ptr<reports::Sink> MakeDsarReportSink(reports::OutputFile out, DsarReportInfo info) {
  return std::make_unique<DsarReportSink>(std::move(out), std::move(info));
}

}  // namespace piiscan::dsar
