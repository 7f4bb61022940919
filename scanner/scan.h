#pragma once
// Runs a scan: one walker thread lists files into a bounded queue, N worker
// threads read, sniff, extract and detect (one TextConsumer each), and the
// calling thread is the reporter: it feeds every sink one whole file at a
// time, so output never interleaves and sinks need no locks. A progress line
// is drawn on stderr when it is a terminal. Setting `stop` (Ctrl-C) ends the
// walk, lets workers finish or abandon their current file, and flushes what
// was found: the output stays valid.

#include <atomic>
#include <vector>

#include "reports/sink.h"
#include "scanner/scan_options.h"
#include "scanner/text_consumer.h"

namespace piiscan::scanner {

// Every sink learns `info` (Sink::Begin) before the walk starts.
reports::ScanSummary RunScan(const ScanOptions& options, const ScanInfo& info,
                             const TextConsumerFactory& consumers,
                             const std::vector<reports::Sink*>& sinks, std::atomic<bool>& stop);

}  // namespace piiscan::scanner
