#include "detectors/hs_database_cache.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "tests/support/test_support.h"

namespace piiscan::detectors {
namespace {

int CountMatches(hs_database_t* db, std::string_view text) {
  hs_scratch_t* scratch = nullptr;
  EXPECT_EQ(hs_alloc_scratch(db, &scratch), HS_SUCCESS);
  int n = 0;
  hs_scan(db, text.data(), static_cast<unsigned>(text.size()), 0, scratch,
          [](unsigned, unsigned long long, unsigned long long, unsigned, void* ctx) {
            ++*static_cast<int*>(ctx);
            return 0;
          },
          &n);
  hs_free_scratch(scratch);
  return n;
}

TEST(HsDatabaseCache, SecondCompileComesFromTheCacheAndMatchesTheSame) {
  testing::TempDir dir;
  setenv("XDG_CACHE_HOME", dir.path().c_str(), 1);
  std::vector<std::string> exprs = {"bsn", "iban[0-9]+"};
  std::vector<unsigned> flags = {HS_FLAG_CASELESS, 0}, ids = {0, 1};
  hs_database_t* a = nullptr;
  hs_compile_error_t* err = nullptr;
  ASSERT_EQ(CompileMultiCached(exprs, flags, ids, &a, &err), HS_SUCCESS);
  std::vector<std::filesystem::path> files;
  for (auto& e : std::filesystem::directory_iterator(dir.path() + "/piiscan")) files.push_back(e.path());
  ASSERT_EQ(files.size(), 1u);
  struct stat st;
  ASSERT_EQ(stat(files[0].c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  hs_database_t* b = nullptr;
  ASSERT_EQ(CompileMultiCached(exprs, flags, ids, &b, &err), HS_SUCCESS);
  EXPECT_EQ(CountMatches(a, "BSN en iban12"), 3);  // "iban1", "iban12" ends + "BSN"
  EXPECT_EQ(CountMatches(b, "BSN en iban12"), 3);
  // A corrupt cache file is compiled over, not trusted.
  std::filesystem::resize_file(files[0], 10);
  hs_database_t* c = nullptr;
  ASSERT_EQ(CompileMultiCached(exprs, flags, ids, &c, &err), HS_SUCCESS);
  EXPECT_EQ(CountMatches(c, "bsn"), 1);
  // Other flags, other database.
  flags[0] = 0;
  hs_database_t* d = nullptr;
  ASSERT_EQ(CompileMultiCached(exprs, flags, ids, &d, &err), HS_SUCCESS);
  EXPECT_EQ(CountMatches(d, "BSN"), 0);
  for (auto* db : {a, b, c, d}) hs_free_database(db);
  unsetenv("XDG_CACHE_HOME");
}

}  // namespace
}  // namespace piiscan::detectors
