#pragma once
// What happens to the text an extractor emits. A scan runs the detectors on
// it (DetectorConsumer); a DSAR search matches one person's identifiers and
// name variants instead. One consumer per worker thread, made by a factory.

#include <cstddef>
#include <functional>
#include <memory>
#include <string_view>

#include "core/finding.h"
#include "core/segment.h"

namespace piiscan::scanner {

class TextConsumer {
 public:
  virtual ~TextConsumer() = default;
  // Appends what `text` at `where` yields to `report`. `item_time` is the
  // date findings should carry (file mtime, or a message's Date).
  virtual void Consume(std::string_view text, const SegmentInfo& info, const Location& where,
                       int64_t item_time, ItemReport& report) = 0;
  // True when the report of one file may reach the sinks in parts (see
  // ItemReport::continued): bounded memory on files with very many findings.
  // A consumer that judges findings by the whole file must keep the default.
  virtual bool AllowsPartialReports() const { return false; }
  // With partial reports: how many findings a report gathers before it is
  // handed on. A consumer that aggregates occurrences into one finding per
  // value holds more of them, so that a value recurring all over a big file
  // is one record instead of one per part.
  virtual size_t FindingsPerPart() const { return 4096; }
  // Called before a part of `report` is handed on: what the consumer kept
  // aside for its findings (counts of occurrences) must be in them now.
  virtual void EndPart(ItemReport& /*report*/) {}
  // Called once per top-level file after all its text was consumed, before
  // the report goes to the sinks: a consumer that judges findings by what
  // else the file holds (the DSAR search's weak hits) does it here.
  virtual void FinishItem(ItemReport& /*report*/) {}
};

using TextConsumerFactory = std::function<std::unique_ptr<TextConsumer>()>;

}  // namespace piiscan::scanner
