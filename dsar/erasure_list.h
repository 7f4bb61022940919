#pragma once
// The erasure list of a DSAR search (`piiscan person --erasure-list F.csv`):
// one row per place to act on for an AVG art. 17 request — a file, or a
// message, attachment, sheet cell or page inside one — with the strongest
// confidence there, the query fields and forms that matched (the reason),
// how many hits, and the first position. Places are listed in scan order.
// Values never appear: only what matched and where.
// Not thread-safe; fed by the one reporter thread like every Sink.

#include <memory>

#include "reports/output_file.h"
#include "reports/sink.h"

namespace piiscan::dsar {

std::unique_ptr<reports::Sink> MakeErasureListSink(reports::OutputFile out);

}  // namespace piiscan::dsar
