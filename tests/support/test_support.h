#pragma once
// Paths and helpers shared by all tests.

#include <string>
#include <string_view>

namespace piiscan::testing {

// The source tree (for committed samples under corpus/ and rules/).
std::string SourceDir();
// tests/fixtures of the source tree: third-party files kept in the
// repository (PST, MSG; sources and licences in tests/fixtures/THIRD_PARTY.md).
std::string FixturesDir();
// Where the real privacy statements are looked for: $PIISCAN_SEEDS_DIR, else
// a `seeds` folder kept beside the checkout. They are not ours to
// redistribute, so a clone may lack them; tests that read them skip then.
std::string SeedsDir();
// Those statements, concatenated in name order (empty when the folder is
// absent): real-world test text.
std::string SeedsText();
// Files generated once per test run by corpus/make_fixtures.py.
std::string GeneratedFixturesDir();
// The built piiscan executable.
std::string PiiscanBinary();

// A fresh empty directory, removed when the object goes out of scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string Write(std::string_view name, std::string_view content) const;  // returns full path

 private:
  std::string path_;
};

std::string ReadFile(const std::string& path);

struct CommandResult {
  int exit_code;
  std::string out;
  std::string err;
};
// Runs `command` through /bin/sh, capturing stdout and stderr.
CommandResult Run(const std::string& command);

}  // namespace piiscan::testing
