#pragma once
// Helpers of the store tests: synthetic files and findings (no real personal
// data), and raw access to a store file for checks the interface does not
// offer. Single-threaded test code.

#include <sys/stat.h>

#include <string>

#include "core/finding.h"
#include "core/scan_info.h"
#include "store/sqlite/sqlite_db.h"
#include "store/store.h"

namespace piiscan::store::testing {

inline ScanInfo MakeScan(std::string id, std::vector<std::string> roots = {"/srv/share"},
                         int64_t started = 1000, std::string fingerprint = "fp1") {
  ScanInfo info;
  info.scan_id = std::move(id);
  info.piiscan_version = "0.1.0";
  info.rules_version = "2026.11.1+test";
  info.key_fingerprint = "00112233aabbccdd";
  info.roots = std::move(roots);
  info.host = "testhost";
  info.started_unix_ms = started;
  info.command = "scan";
  info.result_options = {"min_confidence=low"};
  info.config_fingerprint = std::move(fingerprint);
  return info;
}

inline FileState MakeFile(std::string rel, uint64_t inode = 7, std::string root = "/srv/share") {
  FileState f;
  f.identity = {root, rel, 2049, inode, 1234, 1700000000123456789, 1700000001123456789};
  f.path = root + "/" + rel;
  f.type = "csv";
  f.bytes_scanned = 1200;
  return f;
}

inline Finding MakeFinding(const FileState& file, std::string detector, std::string hash,
                           Location location = {}, uint64_t offset = 10) {
  Finding f;
  f.file = file.path;
  f.location = std::move(location);
  f.detector = std::move(detector);
  f.category = "contact";
  f.confidence = Confidence::kMedium;
  f.score = 0.6180339887498949;
  f.masked = "j***@example.nl";
  f.value_hash = std::move(hash);
  f.value = "jan@example.nl";  // synthetic
  f.offset = offset;
  f.line = offset / 10 + 1;
  f.item_time = 1700000000;
  f.note = "test note";
  return f;
}

// Raw SQL on a store file, for the tests' own checks.
inline int64_t QueryInt(const std::string& path, const std::string& sql) {
  auto db = sqlite::Connection::Open(path, true);
  if (!db) return -1;
  auto v = db->QueryInt(sql);
  return v ? *v : -1;
}

inline int Mode(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return -1;
  return st.st_mode & 07777;
}

}  // namespace piiscan::store::testing
