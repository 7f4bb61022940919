#include "tests/support/test_support.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <cstdio>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace piiscan::testing {

std::string SourceDir() { return PIISCAN_SOURCE_DIR; }

std::string FixturesDir() { return (std::filesystem::path(PIISCAN_SOURCE_DIR) / "tests" / "fixtures").string(); }

std::string SeedsDir() {
  if (const char* env = std::getenv("PIISCAN_SEEDS_DIR"); env && *env) return env;
  return (std::filesystem::path(PIISCAN_SOURCE_DIR) / ".." / "shared" / "seeds").lexically_normal().string();
}

std::string SeedsText() {
  std::string text;
  std::filesystem::path seeds = SeedsDir();
  if (!std::filesystem::is_directory(seeds)) return text;
  std::vector<std::filesystem::path> files;
  for (const auto& f : std::filesystem::directory_iterator(seeds)) files.push_back(f.path());
  std::sort(files.begin(), files.end());  // a fixed order, whatever the file system's
  for (const auto& f : files) text += ReadFile(f.string());
  return text;
}

std::string GeneratedFixturesDir() {
  if (const char* env = std::getenv("PIISCAN_TEST_FIXTURES"); env && *env) return env;
  return PIISCAN_FIXTURES_DIR;
}

std::string PiiscanBinary() { return PIISCAN_BINARY; }

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "piiscan-test-XXXXXX").string();
  if (mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  // Tests may leave unreadable folders behind (permission tests): restore first.
  for (auto it = std::filesystem::recursive_directory_iterator(
           path_, std::filesystem::directory_options::skip_permission_denied, ec);
       it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    std::filesystem::permissions(it->path(), std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ec);
  }
  std::filesystem::remove_all(path_, ec);
}

std::string TempDir::Write(std::string_view name, std::string_view content) const {
  auto full = std::filesystem::path(path_) / name;
  std::filesystem::create_directories(full.parent_path());
  std::ofstream out(full, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  return full.string();
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

CommandResult Run(const std::string& command) {
  TempDir tmp;
  std::string out = tmp.path() + "/out", err = tmp.path() + "/err";
  int status = std::system((command + " >" + out + " 2>" + err + " </dev/null").c_str());
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return {code, ReadFile(out), ReadFile(err)};
}

}  // namespace piiscan::testing
