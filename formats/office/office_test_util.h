#pragma once
// Test helpers for the document extractors: building small zip packages in
// memory (with libarchive's writer, so hostile packages need no fixture
// files), loading generated fixtures, and finding recorded segments.

#include <archive.h>
#include <archive_entry.h>

#include <string>
#include <utility>
#include <vector>

#include "formats/recording_context.h"
#include "tests/support/test_support.h"

namespace piiscan::formats::testing {

// A zip with the given (name, content) entries, deflated.
inline std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string out(1 << 20, '\0');
  for (;;) {
    struct archive* a = archive_write_new();
    archive_write_set_format_zip(a);
    size_t used = 0;
    archive_write_open_memory(a, out.data(), out.size(), &used);
    bool ok = true;
    for (const auto& [name, content] : entries) {
      struct archive_entry* e = archive_entry_new();
      archive_entry_set_pathname(e, name.c_str());
      archive_entry_set_filetype(e, AE_IFREG);
      archive_entry_set_perm(e, 0644);
      archive_entry_set_size(e, static_cast<la_int64_t>(content.size()));
      ok = ok && archive_write_header(a, e) == ARCHIVE_OK;
      ok = ok && archive_write_data(a, content.data(), content.size()) ==
                     static_cast<la_ssize_t>(content.size());
      archive_entry_free(e);
    }
    ok = ok && archive_write_close(a) == ARCHIVE_OK;
    archive_write_free(a);
    if (ok) {
      out.resize(used);
      return out;
    }
    out.assign(out.size() * 4, '\0');  // the memory buffer was too small
  }
}

inline std::string DocumentFixture(const std::string& name) {
  return piiscan::testing::ReadFile(piiscan::testing::GeneratedFixturesDir() + "/documents/" + name);
}

// The first segment at exactly `where` whose text contains `needle`.
inline const RecordingContext::TextRecord* FindText(const RecordingContext& ctx, const Location& where,
                                                    const std::string& needle) {
  for (const auto& t : ctx.texts) {
    if (t.where == where && t.text.find(needle) != std::string::npos) return &t;
  }
  return nullptr;
}

// The metadata segment labelled `label` at `where`.
inline const RecordingContext::TextRecord* FindMetadata(const RecordingContext& ctx,
                                                        const Location& where, const std::string& label) {
  for (const auto& t : ctx.texts) {
    if (t.where == where && t.info.kind == SegmentKind::kMetadata && t.label == label) return &t;
  }
  return nullptr;
}

inline bool HasProblem(const RecordingContext& ctx, FileStatus status, const std::string& reason_part = "") {
  for (const auto& p : ctx.problems) {
    if (p.status == status && p.reason.find(reason_part) != std::string::npos) return true;
  }
  return false;
}

}  // namespace piiscan::formats::testing
