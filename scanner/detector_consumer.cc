#include "scanner/detector_consumer.h"

namespace piiscan::scanner {
namespace {

constexpr size_t kAggregatedPerPart = 65536;

class DetectorConsumer final : public TextConsumer {
 public:
  DetectorConsumer(std::shared_ptr<const detectors::Engine> engine, detectors::FindingOptions options)
      : engine_(std::move(engine)), scanner_(engine_->NewScanner()), options_(options) {}

  bool AllowsPartialReports() const override { return true; }
  // Aggregated, a part holds distinct (location, detector, value) findings:
  // 64k of them (~40 MB) keep a dense export's report to one record per
  // value, as the store keeps it and a re-scan replays it, instead of one
  // per value and part of 4,096 (490,763 records for 53,372 values on a
  // 64 MB CRM export). One per occurrence, parts stay small.
  size_t FindingsPerPart() const override { return options_.aggregate ? kAggregatedPerPart : 4096; }

  void EndPart(ItemReport& report) override { aggregator_.Settle(report.findings); }

  void FinishItem(ItemReport& report) override {
    aggregator_.Settle(report.findings);
    aggregator_.Clear();
  }

  void Consume(std::string_view text, const SegmentInfo& info, const Location& where,
               int64_t item_time, ItemReport& report) override {
    auto detections = scanner_->ScanView(text, info, detections_);
    detectors::FindingAggregator* aggregator = options_.aggregate ? &aggregator_ : nullptr;
    if (aggregator) aggregator->BeginSegment(where, report.findings);
    size_t first = report.findings.size();
    // A memoised cell's tags keep its findings' slots in the aggregator: a
    // repeated cell's findings are counted without a lookup.
    detectors::MakeFindings(engine_->specs(), text, info, detections, options_, report.findings,
                            aggregator, scanner_->MemoTags());
    if (aggregator) aggregator->EndSegment(report.findings);
    for (size_t i = first; i < report.findings.size(); ++i) {
      auto& f = report.findings[i];
      f.file = report.file;
      f.location = where;
      f.item_time = item_time;
    }
  }

 private:
  std::shared_ptr<const detectors::Engine> engine_;
  std::unique_ptr<detectors::EngineScanner> scanner_;
  detectors::FindingOptions options_;
  std::vector<detectors::Detection> detections_;
  detectors::FindingAggregator aggregator_;
};

}  // namespace

TextConsumerFactory DetectorConsumerFactory(std::shared_ptr<const detectors::Engine> engine,
                                            detectors::FindingOptions options) {
  return [engine, options] { return std::make_unique<DetectorConsumer>(engine, options); };
}

}  // namespace piiscan::scanner
