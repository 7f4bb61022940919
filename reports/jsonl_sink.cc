#include "reports/jsonl_sink.h"

#include <charconv>

#include "core/base64.h"
#include "core/utf8.h"
#include "reports/json_text.h"

namespace piiscan::reports {

namespace {

// `key` and the number, without the temporaries of std::to_string.
template <typename T>
void AppendNumber(std::string& o, std::string_view key, T value) {
  char digits[24];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
  o += key;
  o.append(digits, ec == std::errc() ? end : digits);
}

// "file" as written by AppendJsonString (valid UTF-8: invalid bytes become
// U+FFFD), and where that lost bytes, "file_bytes" with the path's exact
// bytes in base64, so that a reader can still reach the file.
void AppendFile(std::string& o, const std::string& file) {
  o += "{\"file\":";
  AppendJsonString(o, file);
  if (!IsValidUtf8(file)) {
    o += ",\"file_bytes\":\"";
    o += Base64Encode(file);
    o += '"';
  }
}

}  // namespace

std::string HeaderJson(const ScanInfo& info) {
  std::string o = "{\"header\":{\"scan_id\":";
  AppendJsonString(o, info.scan_id);
  o += ",\"piiscan_version\":";
  AppendJsonString(o, info.piiscan_version);
  o += ",\"rules_version\":";
  AppendJsonString(o, info.rules_version);
  o += ",\"key_fingerprint\":";
  AppendJsonString(o, info.key_fingerprint);
  o += ",\"roots\":[";
  for (size_t i = 0; i < info.roots.size(); ++i) {
    if (i) o += ',';
    AppendJsonString(o, info.roots[i]);
  }
  o += "],\"host\":";
  AppendJsonString(o, info.host);
  o += ",\"started\":";
  AppendJsonString(o, IsoTimeUtc(info.started_unix_ms));
  o += ",\"command\":";
  AppendJsonString(o, info.command);
  o += ",\"options\":{";
  for (size_t i = 0; i < info.result_options.size(); ++i) {
    const std::string& opt = info.result_options[i];
    auto eq = opt.find('=');
    if (i) o += ',';
    AppendJsonString(o, opt.substr(0, eq));
    o += ':';
    AppendJsonString(o, eq == std::string::npos ? std::string() : opt.substr(eq + 1));
  }
  o += "},\"config_fingerprint\":";
  AppendJsonString(o, info.config_fingerprint);
  o += "}}";
  return o;
}

std::string FindingJson(const Finding& f) {
  std::string o;
  o.reserve(256);
  AppendFindingJson(o, f);
  return o;
}

void AppendFindingJson(std::string& o, const Finding& f) {
  AppendFile(o, f.file);
  o += ",\"location\":";
  AppendJsonLocation(o, f.location);
  o += ",\"detector\":";
  AppendJsonString(o, f.detector);
  o += ",\"category\":";
  AppendJsonString(o, f.category);
  if (f.matched) {
    o += ",\"matched\":{\"field\":";
    AppendJsonString(o, f.matched->field);
    o += ",\"variant\":";
    AppendJsonString(o, f.matched->variant);
    o += '}';
  }
  o += ",\"confidence\":\"";
  o += ConfidenceName(f.confidence);
  o += "\",\"masked\":";
  AppendJsonString(o, f.masked);
  o += ",\"value_hash\":\"";
  o += f.value_hash;
  o += '"';
  AppendNumber(o, ",\"count\":", f.count);
  if (f.value) {
    o += ",\"value\":";
    AppendJsonString(o, *f.value);
  }
  if (f.snippet) {
    o += ",\"snippet\":";
    AppendJsonString(o, *f.snippet);
  }
  if (f.offset) AppendNumber(o, ",\"offset\":", *f.offset);
  if (f.page) AppendNumber(o, ",\"page\":", *f.page);
  if (f.line) AppendNumber(o, ",\"line\":", *f.line);
  if (f.item_time) AppendNumber(o, ",\"item_time\":", *f.item_time);
  if (!f.note.empty()) {
    o += ",\"note\":";
    AppendJsonString(o, f.note);
  }
  o += '}';
}

std::string StatusJson(const StatusRecord& s) {
  std::string o;
  AppendFile(o, s.file);
  o += ",\"location\":";
  AppendJsonLocation(o, s.location);
  o += ",\"status\":\"";
  o += FileStatusName(s.status);
  o += "\",\"reason\":";
  AppendJsonString(o, s.reason);
  o += '}';
  return o;
}

std::string SummaryJson(const ScanSummary& s) {
  return "{\"summary\":{\"files_scanned\":" + std::to_string(s.files) +
         ",\"bytes_scanned\":" + std::to_string(s.bytes) + ",\"findings\":" + std::to_string(s.findings) +
         ",\"occurrences\":" + std::to_string(s.occurrences) + ",\"seconds\":" + std::to_string(s.seconds) +
         ",\"interrupted\":" + (s.interrupted ? "true" : "false") + "}}";
}

namespace {

class JsonlSink final : public Sink {
 public:
  explicit JsonlSink(OutputFile out) : out_(std::move(out)) {}
  void Item(const ItemReport& r) override {
    buf_.clear();
    for (const auto& f : r.findings) {
      AppendFindingJson(buf_, f);
      buf_ += '\n';
    }
    for (const auto& s : r.statuses) {
      buf_ += StatusJson(s);
      buf_ += '\n';
    }
    out_.Write(buf_);
  }
  void Begin(const ScanInfo& info) override {
    std::string o = HeaderJson(info);
    o += '\n';
    out_.Write(o);
  }
  // Ends the stream with a summary record, so that a reader of the file
  // alone (audit, report) knows how much was scanned, and whether all of it.
  bool Finish(const ScanSummary& s) override {
    out_.Write(SummaryJson(s) + "\n");
    return out_.Flush();
  }

 private:
  OutputFile out_;
  std::string buf_;
};

}  // namespace

std::unique_ptr<Sink> MakeJsonlSink(OutputFile out) { return std::make_unique<JsonlSink>(std::move(out)); }

}  // namespace piiscan::reports
