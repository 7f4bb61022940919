#pragma once
// Test helpers shared by the PST and MSG extractor tests: loading the
// third-party fixtures kept in tests/fixtures (a missing one fails the test:
// they are part of the repository) and looking through a RecordingContext.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "formats/recording_context.h"
#include "tests/support/test_support.h"

namespace piiscan::formats::testing {

inline bool LoadFixture(const std::string& relative, std::string& out) {
  std::string path = piiscan::testing::FixturesDir() + "/" + relative;
  if (!std::filesystem::exists(path)) return false;
  out = piiscan::testing::ReadFile(path);
  return true;
}

// The text of the first segment at `where` whose label is `label` ("" when none).
inline std::string LabelledText(const RecordingContext& ctx, const Location& where, std::string_view label) {
  for (const auto& t : ctx.texts) {
    if (t.where == where && t.label == label) return t.text;
  }
  return {};
}

// All text at exactly `where`, joined by newlines.
inline std::string TextAt(const RecordingContext& ctx, const Location& where) {
  std::string out;
  for (const auto& t : ctx.texts) {
    if (t.where == where) out += t.text + "\n";
  }
  return out;
}

}  // namespace piiscan::formats::testing

// Declares std::string `var` with the bytes of tests/fixtures/`relative`.
#define PIISCAN_LOAD_FIXTURE(var, relative)                                  \
  std::string var;                                                           \
  if (!::piiscan::formats::testing::LoadFixture(relative, var)) {            \
    FAIL() << "missing fixture tests/fixtures/" << relative;                 \
  }
