#include "reports/erasure_list.h"

#include <algorithm>

#include "reports/csv_sink.h"

namespace piiscan::reports {
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

class ErasureListSink final : public Sink {
 public:
  explicit ErasureListSink(OutputFile out) : out_(std::move(out)) {
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
      AppendCsvField(buf, r.file);
      buf += ',';
      AppendCsvField(buf, JoinLocation(p.location));
      buf += ',';
      buf += ConfidenceName(p.confidence);
      buf += ',';
      AppendCsvField(buf, reasons);
      buf += ',' + std::to_string(p.hits) + ',';
      AppendCsvField(buf, p.where);
      buf += '\n';
    }
    out_.Write(buf);
  }

  bool Finish(const ScanSummary&) override { return out_.Flush(); }

 private:
  OutputFile out_;
};

}  // namespace

std::unique_ptr<Sink> MakeErasureListSink(OutputFile out) {
  return std::make_unique<ErasureListSink>(std::move(out));
}

}  // namespace piiscan::reports
