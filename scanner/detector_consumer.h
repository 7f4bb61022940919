#pragma once
// The scan's TextConsumer: runs the detection engine over each segment and
// turns detections into findings (masked, hashed, filtered by confidence).
#include <memory>

#include "detectors/engine.h"
#include "detectors/finding_maker.h"
#include "scanner/text_consumer.h"

namespace piiscan::scanner {

TextConsumerFactory DetectorConsumerFactory(std::shared_ptr<const detectors::Engine> engine,
                                            detectors::FindingOptions options);

}  // namespace piiscan::scanner
