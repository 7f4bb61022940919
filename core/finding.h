#pragma once
// What a scan produces, per file: findings of personal data and status records
// for what could not be read. Both are plain values, serialisable, and carry
// no raw personal data unless the user asked for values (--show-values).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/confidence.h"
#include "core/file_identity.h"
#include "core/location.h"
#include "core/status.h"

namespace piiscan {

struct Finding {
  std::string file;          // path as reached from the PATH given
  Location location;         // steps inside the file; empty = its own text
  std::string detector;      // detector id, e.g. "iban"
  std::string category;      // register category, e.g. "bank_account"
  Confidence confidence = Confidence::kLow;
  double score = 0;          // the detector's 0..1 score behind `confidence`
  std::string masked;        // e.g. "NL91 **** **** **** 4300"
  std::string value_hash;    // hex HMAC-SHA-256 of the normalised value
  // Occurrences of this value at this location (file, location, detector):
  // a scan writes one Finding per distinct value with the first position,
  // unless --each-occurrence asked for one per occurrence (count 1 each).
  uint64_t count = 1;
  std::optional<std::string> value;  // normalised value, only with --show-values
  std::optional<uint64_t> offset;    // byte offset in the segment's source
  std::optional<uint64_t> line;      // 1-based line in the segment's source
  std::optional<int> page;           // 1-based page, where the format has pages
  std::optional<int64_t> item_time;  // unix time of the file (mtime) or message (Date)
  std::string note;                  // detector remark, e.g. "btw number embeds a BSN"
  // For a findings store (detectors/name_keys.h), set only when the scan
  // writes one: a person_name finding's surname key and name tokens, an
  // e-mail finding's local-part key; 0 and "" otherwise.
  int64_t name_key = 0;
  std::string name_tokens;
  // DSAR search (piiscan person) only: which query field and which written
  // form of it matched, and the context around the hit in which every other
  // person's values are masked.
  struct QueryMatch {
    std::string field;    // "name", "email", "iban" ...
    std::string variant;  // "initials + surname", "exact value" ...
  };
  std::optional<QueryMatch> matched;
  std::optional<std::string> snippet;
};

struct StatusRecord {
  std::string file;
  Location location;
  FileStatus status = FileStatus::kOk;
  std::string reason;  // human-readable; never a raw value
};

// Everything one top-level file yielded, handed to the sinks as one unit so
// that output stays grouped per file.
struct ItemReport {
  std::string file;
  uint64_t size = 0;
  int64_t mtime = 0;
  std::string type;            // sniffed type of the file, e.g. "pdf"
  uint64_t bytes_scanned = 0;  // bytes of text handed to the detectors
  std::vector<Finding> findings;
  std::vector<StatusRecord> statuses;
  // A file with very many findings is handed on in parts so memory stays
  // bounded; every part but the first has `continued` set (and counts no
  // file or bytes in summaries).
  bool continued = false;
  // For a findings store (store/store.h), set by the scanner on the report
  // of a top-level file: where and what the file was. Unset for problems
  // met while walking (an unreadable folder).
  std::optional<FileIdentity> identity;
  // A file is read as one or more work units (a big file is split into
  // parts read by several workers). The last report of each unit has
  // `units_done` 1, unless the scan was stopped while it was read (then the
  // unit is incomplete); the last report of the unit that split the file
  // has `units_total` (1 + parts split off). The file is complete once the
  // reports with its path add up to units_done == units_total.
  uint32_t units_done = 0;
  uint32_t units_total = 0;
  // Nonzero: the file was not read, its findings and statuses were replayed
  // from the store, whose id of the file this is.
  int64_t stored_file_id = 0;
};

}  // namespace piiscan
