#include "dsar/person_consumer.h"

#include <algorithm>

#include "detectors/masking.h"
#include "dsar/person_snippet.h"

namespace piiscan::dsar {

double ScoreOf(Confidence c) {
  switch (c) {
    case Confidence::kHigh: return 0.9;
    case Confidence::kMedium: return 0.6;
    case Confidence::kLow: break;
  }
  return 0.3;
}

namespace {

class PersonConsumer final : public scanner::TextConsumer {
 public:
  PersonConsumer(std::shared_ptr<const PersonMatcher> matcher, PersonConsumerOptions options)
      : matcher_(std::move(matcher)), scanner_(matcher_->NewScanner()), options_(options) {}

  void Consume(std::string_view text, const SegmentInfo& info, const Location& where, int64_t item_time,
               ItemReport& report) override {
    hits_.clear();
    detections_.clear();
    scanner_->Scan(text, info, hits_, detections_);
    uint64_t line = info.base_line, counted = 0;
    for (const auto& h : hits_) {
      Finding f;
      f.file = report.file;
      f.location = where;
      f.detector = "person";
      f.category = h.category;
      f.confidence = h.confidence;
      f.score = ScoreOf(h.confidence);
      f.masked = detectors::Mask(h.value, h.masker);
      f.value_hash = options_.hasher->Hash(h.category + ":" + h.value);
      if (options_.show_values) f.value = h.value;
      f.matched = Finding::QueryMatch{h.field, h.variant};
      f.snippet = MakeSnippet(text, h, hits_, detections_, matcher_->engine().specs(),
                                         options_.show_values);
      if (info.has_offsets) f.offset = info.base_offset + h.begin;
      if (info.has_lines) {
        uint64_t upto = std::min<uint64_t>(h.begin, text.size());
        if (upto > counted) {
          line += static_cast<uint64_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(counted),
                                                   text.begin() + static_cast<std::ptrdiff_t>(upto), '\n'));
          counted = upto;
        }
        f.line = line;
      }
      if (info.page > 0) f.page = info.page;
      f.item_time = item_time;
      report.findings.push_back(std::move(f));
    }
  }

  void FinishItem(ItemReport& report) override {
    if (!options_.include_weak) DropLonelyWeakHits(report.findings);
    std::erase_if(report.findings, [&](const Finding& f) { return f.confidence < options_.min_confidence; });
  }

 private:
  std::shared_ptr<const PersonMatcher> matcher_;
  std::unique_ptr<PersonScanner> scanner_;
  PersonConsumerOptions options_;
  std::vector<PersonHit> hits_;
  std::vector<detectors::Detection> detections_;
};

// The innermost message a location is in (its steps up to that one), or the
// whole file when no step is a message.
Location Scope(const Location& where) {
  for (size_t i = where.size(); i > 0; --i) {
    if (where[i - 1].starts_with("message")) return Location(where.begin(), where.begin() + static_cast<std::ptrdiff_t>(i));
  }
  return {};
}

}  // namespace

void DropLonelyWeakHits(std::vector<Finding>& findings) {
  std::vector<Location> strong;
  for (const auto& f : findings) {
    if (f.matched && f.confidence >= Confidence::kMedium) strong.push_back(Scope(f.location));
  }
  std::erase_if(findings, [&](const Finding& f) {
    if (!f.matched || f.confidence >= Confidence::kMedium) return false;
    return std::find(strong.begin(), strong.end(), Scope(f.location)) == strong.end();
  });
}

scanner::TextConsumerFactory PersonConsumerFactory(std::shared_ptr<const PersonMatcher> matcher,
                                          PersonConsumerOptions options) {
  return [matcher, options] { return std::make_unique<PersonConsumer>(matcher, options); };
}

}  // namespace piiscan::dsar
