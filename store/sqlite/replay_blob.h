#pragma once
// A file's current findings and statuses in one compact binary value, kept
// in the table `file_replay` beside the `findings` and `statuses` rows they
// copy, so that a re-scan replays an unchanged file with one row lookup and
// a decode instead of a query per file and an index walk per finding (the
// per-file queries were 40% of a re-scan's instructions). The format is
// piiscan's own, not an API: a leading format byte, then varint-prefixed
// fields; a value of an unknown format (or a damaged one) reads as absent,
// and the caller falls back to the rows. Stateless functions, thread safe.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "store/sqlite/file_buffer.h"

namespace piiscan::store::sqlite {

// The findings (in the order given) and statuses of a file being written.
// Finding::file, name_key and name_tokens are not kept (a replay sets the
// file; the name keys serve only `person --db`, which reads the rows).
// The raw value only when `with_values` (the scan stores values).
std::string EncodeReplay(std::span<const BufferedFinding> findings,
                         std::span<const BufferedStatus> statuses, bool with_values);

// Appends the decoded findings and statuses to `findings` / `statuses`, each
// with `file` as its Finding::file / StatusRecord::file. false (and nothing
// appended) when `blob` is not of this format or is damaged.
bool DecodeReplay(std::string_view blob, const std::string& file, std::vector<Finding>& findings,
                  std::vector<StatusRecord>& statuses);

}  // namespace piiscan::store::sqlite
