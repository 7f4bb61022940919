#include "dsar/erasure_list.h"

#include <algorithm>

#include "reports/csv_sink.h"

namespace piiscan::dsar {
namespace {

struct Place {
  Location location;
  Confidence confidence = Confidence::kLow;
  std::vector<std::string> reasons;  // "name: initials + surname", unique, in order
  uint64_t hits = 0;
  std::string where;                 // first position ("page 2, line 4")
};

std::string Position(const Finding& f) {
  std::string s;
  if (f.page) s = "page " + std::to_string(*f.page);
  if (f.line) s += (s.empty() ? "" : ", ") + std::string("line ") + std::to_string(*f.line);
  if (s.empty() && f.offset) s = "offset " + std::to_string(*f.offset);
  return s;
}

class ErasureListSink final : public reports::Sink {
 public:
  explicit ErasureListSink(reports::OutputFile out) : out_(std::move(out)) {
    out_.Write("file,location,confidence,reason,hits,first_position\n");
  }

  void Item(const ItemReport& r) override {
    std::vector<Place> places;
    for (const auto& f : r.findings) {
      if (!f.matched) continue;
      auto it = std::find_if(places.begin(), places.end(), [&](const Place& p) { return p.location == f.location; });
      if (it == places.end()) {
        places.push_back({f.location, f.confidence, {}, 0, Position(f)});
        it = places.end() - 1;
      }
      it->confidence = std::max(it->confidence, f.confidence);
      ++it->hits;
      std::string reason = f.matched->field + ": " + f.matched->variant;
      if (std::find(it->reasons.begin(), it->reasons.end(), reason) == it->reasons.end()) it->reasons.push_back(reason);
    }
    std::string buf;
    for (const auto& p : places) {
      std::string reasons;
      for (const auto& x : p.reasons) reasons += (reasons.empty() ? "" : "; ") + x;
      reports::AppendCsvField(buf, r.file);
      buf += ',';
      reports::AppendCsvField(buf, JoinLocation(p.location));
      buf += ',';
      buf += ConfidenceName(p.confidence);
      buf += ',';
      reports::AppendCsvField(buf, reasons);
      buf += ',' + std::to_string(p.hits) + ',';
      reports::AppendCsvField(buf, p.where);
      buf += '\n';
    }
    out_.Write(buf);
  }

  bool Finish(const reports::ScanSummary&) override { return out_.Flush(); }

 private:
  reports::OutputFile out_;
};

}  // namespace

std::unique_ptr<reports::Sink> MakeErasureListSink(reports::OutputFile out) {
  return std::make_unique<ErasureListSink>(std::move(out));
}

}  // namespace piiscan::dsar
