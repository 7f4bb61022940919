#include "reports/csv_sink.h"

#include "core/utf8.h"

namespace piiscan::reports {
void AppendCsvField(std::string& o, std::string_view s) {
  std::string clean = IsValidUtf8(s) ? std::string(s) : SanitizeUtf8(s);
  // Cells starting with = + - @ are formulas to spreadsheet programs: quote
  // them with a leading apostrophe (CSV injection).
  bool formula = !clean.empty() && (clean[0] == '=' || clean[0] == '+' || clean[0] == '-' || clean[0] == '@');
  o += '"';
  if (formula) o += '\'';
  for (char c : clean) {
    if (c == '"') o += '"';
    o += c;
  }
  o += '"';
}

namespace {

void Field(std::string& o, std::string_view s) { AppendCsvField(o, s); }

template <typename T>
std::string Opt(const std::optional<T>& v) {
  return v ? std::to_string(*v) : std::string();
}

}  // namespace

std::string_view CsvHeader(bool with_values) {
  return with_values ? "file,location,detector,category,confidence,masked,value_hash,value,offset,page,line,status,reason,count\n"
                     : "file,location,detector,category,confidence,masked,value_hash,offset,page,line,status,reason,count\n";
}

void AppendCsvFinding(std::string& o, const Finding& f, bool with_values) {
  Field(o, f.file); o += ',';
  Field(o, JoinLocation(f.location)); o += ',';
  o += f.detector + ',' + f.category + ',' + std::string(ConfidenceName(f.confidence)) + ',';
  Field(o, f.masked); o += ',';
  o += f.value_hash + ',';
  if (with_values) { Field(o, f.value.value_or("")); o += ','; }
  o += Opt(f.offset) + ',' + Opt(f.page) + ',' + Opt(f.line) + ",,," + std::to_string(f.count);
}

void AppendCsvStatus(std::string& o, const StatusRecord& s, bool with_values) {
  Field(o, s.file); o += ',';
  Field(o, JoinLocation(s.location));
  o += with_values ? ",,,,,,,,,," : ",,,,,,,,,";
  o += std::string(FileStatusName(s.status)) + ',';
  Field(o, s.reason);
  o += ',';
}

namespace {

class CsvSink final : public Sink {
 public:
  CsvSink(OutputFile out, bool with_values) : out_(std::move(out)), values_(with_values) {
    out_.Write(CsvHeader(values_));
  }
  void Item(const ItemReport& r) override {
    std::string o;
    for (const auto& f : r.findings) {
      AppendCsvFinding(o, f, values_);
      o += '\n';
    }
    for (const auto& s : r.statuses) {
      AppendCsvStatus(o, s, values_);
      o += '\n';
    }
    out_.Write(o);
  }
  bool Finish(const ScanSummary&) override { return out_.Flush(); }

 private:
  OutputFile out_;
  bool values_;
};

}  // namespace

std::unique_ptr<Sink> MakeCsvSink(OutputFile out, bool with_values) {
  return std::make_unique<CsvSink>(std::move(out), with_values);
}

}  // namespace piiscan::reports
