#include "reports/findings_reader.h"

#include <algorithm>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "core/base64.h"

namespace piiscan::reports {
namespace {

using nlohmann::json;

Result<std::string> Str(const json& j, const char* key, bool required) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    if (required) return Fail(std::string("missing \"") + key + "\"");
    return std::string();
  }
  if (!it->is_string()) return Fail(std::string("\"") + key + "\" must be a string");
  return it->get<std::string>();
}

Result<Location> Loc(const json& j) {
  Location out;
  auto it = j.find("location");
  if (it == j.end() || it->is_null()) return out;
  if (!it->is_array()) return Fail("\"location\" must be an array of strings");
  for (const auto& step : *it) {
    if (!step.is_string()) return Fail("\"location\" must be an array of strings");
    out.push_back(step.get<std::string>());
  }
  return out;
}

template <typename T>
std::optional<T> Num(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return std::nullopt;
  return it->get<T>();
}

Result<ParsedRecord> FromJson(const json& j) {
  if (!j.is_object()) return Fail("expected a JSON object");
  ParsedRecord r;
  // The header record (the scan's identity) says nothing about findings.
  if (j.contains("header") && !j.contains("file")) {
    r.kind = ParsedRecord::Kind::kHeader;
    return r;
  }
  if (auto s = j.find("summary"); s != j.end() && !j.contains("file")) {
    r.kind = ParsedRecord::Kind::kSummary;
    if (s->is_object()) {
      r.files_scanned = Num<uint64_t>(*s, "files_scanned").value_or(Num<uint64_t>(*s, "files").value_or(0));
    }
    return r;
  }
  auto file = Str(j, "file", true);
  if (!file) return std::unexpected(file.error());
  // A path that is not valid UTF-8 has its exact bytes beside the lossy text.
  if (auto b = j.find("file_bytes"); b != j.end() && b->is_string()) {
    auto exact = Base64Decode(b->get<std::string>());
    if (!exact) return Fail("file_bytes is not base64");
    *file = std::move(*exact);
  }
  auto loc = Loc(j);
  if (!loc) return std::unexpected(loc.error());
  if (j.contains("status")) {
    r.kind = ParsedRecord::Kind::kStatus;
    auto st = Str(j, "status", true);
    if (!st) return std::unexpected(st.error());
    auto status = ParseFileStatus(*st);
    if (!status) return Fail("unknown status \"" + *st + "\"");
    r.status.file = std::move(*file);
    r.status.location = std::move(*loc);
    r.status.status = *status;
    auto reason = Str(j, "reason", false);
    if (!reason) return std::unexpected(reason.error());
    r.status.reason = std::move(*reason);
    return r;
  }
  if (!j.contains("detector")) {
    return Fail("expected a finding (file, detector, category, confidence, masked ...) or a status record "
                "(file, status, reason)");
  }
  Finding& f = r.finding;
  f.file = std::move(*file);
  f.location = std::move(*loc);
  for (auto [key, out] : {std::pair{"detector", &f.detector}, std::pair{"category", &f.category},
                          std::pair{"masked", &f.masked}, std::pair{"value_hash", &f.value_hash},
                          std::pair{"note", &f.note}}) {
    bool required = std::string_view(key) == "detector" || std::string_view(key) == "category";
    auto v = Str(j, key, required);
    if (!v) return std::unexpected(v.error());
    *out = std::move(*v);
  }
  auto conf = Str(j, "confidence", false);
  if (!conf) return std::unexpected(conf.error());
  if (!conf->empty()) {
    auto c = ParseConfidence(*conf);
    if (!c) return Fail("\"confidence\" must be low, medium or high");
    f.confidence = *c;
  }
  f.score = Num<double>(j, "score").value_or(0);
  f.offset = Num<uint64_t>(j, "offset");
  f.line = Num<uint64_t>(j, "line");
  f.page = Num<int>(j, "page");
  f.count = std::max<uint64_t>(1, Num<uint64_t>(j, "count").value_or(1));  // older scanners: one per record
  // The message Date or file mtime; older scanners wrote only "mtime".
  f.item_time = Num<int64_t>(j, "item_time");
  if (!f.item_time) f.item_time = Num<int64_t>(j, "mtime");
  // "value" is never read (see the header).
  return r;
}

}  // namespace

std::optional<FileStatus> ParseFileStatus(std::string_view name) {
  for (auto s : {FileStatus::kEncrypted, FileStatus::kCorrupt, FileStatus::kTooLarge, FileStatus::kUnsupported,
                 FileStatus::kUnreadable, FileStatus::kLimit, FileStatus::kSkipped, FileStatus::kCrashed}) {
    if (FileStatusName(s) == name) return s;
  }
  return std::nullopt;
}

Result<ParsedRecord> ParseFindingsLine(const std::string& line) {
  json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Fail("not valid JSON");
  return FromJson(j);
}

Result<ReadStats> ReadFindings(std::istream& in, const std::string& name, FindingsVisitor& visitor) {
  ReadStats stats;
  std::string line;
  while (std::getline(in, line)) {
    ++stats.lines;
    bool last_without_newline = in.eof();
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    auto rec = ParseFindingsLine(line);
    if (!rec) {
      std::string where = name + ":" + std::to_string(stats.lines) + ": ";
      if (last_without_newline) {
        stats.warnings.push_back(where + "last line is incomplete (" + rec.error().message + "); skipped");
        break;
      }
      return Fail(where + rec.error().message);
    }
    switch (rec->kind) {
      case ParsedRecord::Kind::kFinding:
        ++stats.findings;
        visitor.OnFinding(rec->finding);
        break;
      case ParsedRecord::Kind::kStatus:
        ++stats.statuses;
        visitor.OnStatus(rec->status);
        break;
      case ParsedRecord::Kind::kSummary:
        if (rec->files_scanned) visitor.OnFilesScanned(rec->files_scanned);
        break;
      case ParsedRecord::Kind::kHeader:
        break;
    }
  }
  if (in.bad()) return Fail(name + ": read error");
  return stats;
}

Result<ReadStats> ReadFindingsFile(const std::string& path, FindingsVisitor& visitor) {
  if (path == "-") return ReadFindings(std::cin, "<stdin>", visitor);
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(path + ": cannot read the findings file");
  return ReadFindings(in, path, visitor);
}

}  // namespace piiscan::reports
