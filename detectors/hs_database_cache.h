#pragma once
// Shared Hyperscan helpers. Compiles a Hyperscan block-mode database, or loads the one compiled before
// for exactly the same patterns, flags, ids and Hyperscan version from the
// user's cache ($XDG_CACHE_HOME/piiscan, else ~/.cache/piiscan). Compiling
// the full rule set (some 11,000 patterns with the name gazetteer) costs
// ~0.3 s of CPU at every start; loading it ~10 ms. The cache holds patterns
// only (public rule data), is written atomically with mode 0600, and any
// problem with it (missing, corrupt, other CPU) just means compiling again.
// PIISCAN_NO_CACHE=1 turns it off.
//
// With engine.cc and literal_matcher.cc, one of the files that know Hyperscan.
// Thread safety: safe to call from any thread (distinct temp files).

#include <hs/hs.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace piiscan::detectors {

// `s` as a Hyperscan expression that matches it literally: every byte that
// is not an ASCII letter or digit written as \xNN.
std::string EscapeLiteral(std::string_view s);

// What Hyperscan allocates, owned: freed when the handle goes.
struct HsFree {
  void operator()(hs_database_t* db) const { hs_free_database(db); }
  void operator()(hs_scratch_t* scratch) const { hs_free_scratch(scratch); }
};
using HsDatabase = std::unique_ptr<hs_database_t, HsFree>;
using HsScratch = std::unique_ptr<hs_scratch_t, HsFree>;

// Makes `scratch` (allocated when null) fit `db` too; false when Hyperscan
// cannot allocate it.
bool FitScratch(HsScratch& scratch, const hs_database_t* db);
// Another thread's copy of `proto` (null when proto is null or on failure).
HsScratch CloneScratch(const HsScratch& proto);

// Same contract as hs_compile_multi in HS_MODE_BLOCK for the host platform.
hs_error_t CompileMultiCached(const std::vector<std::string>& expressions,
                              const std::vector<unsigned>& flags, const std::vector<unsigned>& ids,
                              hs_database_t** db, hs_compile_error_t** error);

}  // namespace piiscan::detectors
