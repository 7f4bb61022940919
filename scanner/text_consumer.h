#pragma once
// What happens to the text an extractor emits. A scan runs the detectors on
// it (DetectorConsumer); a DSAR search matches one person's identifiers and
// name variants instead. One consumer per worker thread, made by a factory.

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
};

using TextConsumerFactory = std::function<std::unique_ptr<TextConsumer>()>;

}  // namespace piiscan::scanner
