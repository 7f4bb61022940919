#include "detectors/literal_matcher.h"

#include <hs/hs.h>

#include <cctype>
#include <climits>

#include "detectors/hs_database_cache.h"

namespace piiscan::detectors {
namespace {

int OnMatch(unsigned int id, unsigned long long /*from*/, unsigned long long to, unsigned int,
            void* ctx) {
  static_cast<std::vector<LiteralMatcher::Match>*>(ctx)->push_back({id, to});
  return 0;
}

}  // namespace

struct LiteralMatcher::Impl {
  HsDatabase db;
  HsScratch scratch_proto;
};

struct LiteralScanner::State {
  HsScratch scratch;
};

Result<std::shared_ptr<const LiteralMatcher>> LiteralMatcher::Build(const std::vector<Pattern>& patterns) {
  auto impl = std::make_unique<Impl>();
  if (patterns.empty()) return std::shared_ptr<const LiteralMatcher>(new LiteralMatcher(std::move(impl), 0));
  std::vector<std::string> exprs;
  std::vector<const char*> cexprs;
  std::vector<unsigned> flags, ids;
  exprs.reserve(patterns.size());
  for (size_t i = 0; i < patterns.size(); ++i) {
    const auto& p = patterns[i];
    if (p.expression.empty()) return Fail("pattern " + std::to_string(i) + " is empty");
    exprs.push_back(p.literal ? EscapeLiteral(p.expression) : p.expression);
    flags.push_back(p.caseless ? HS_FLAG_CASELESS : 0u);
    ids.push_back(static_cast<unsigned>(i));
  }
  for (const auto& e : exprs) cexprs.push_back(e.c_str());
  hs_compile_error_t* err = nullptr;
  hs_database_t* db = nullptr;
  hs_error_t compiled = hs_compile_multi(cexprs.data(), flags.data(), ids.data(),
                                         static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK, nullptr, &db, &err);
  impl->db.reset(db);
  if (compiled != HS_SUCCESS) {
    std::string what = err && err->message ? err->message : "unknown error";
    std::string who = "the query";
    if (err && err->expression >= 0) who = "pattern " + std::to_string(err->expression);
    hs_free_compile_error(err);
    return Fail("Hyperscan cannot compile " + who + ": " + what);
  }
  if (!FitScratch(impl->scratch_proto, impl->db.get())) {
    return Fail("Hyperscan scratch allocation failed");
  }
  return std::shared_ptr<const LiteralMatcher>(new LiteralMatcher(std::move(impl), patterns.size()));
}

LiteralMatcher::LiteralMatcher(std::unique_ptr<Impl> impl, size_t size) : impl_(std::move(impl)), size_(size) {}
LiteralMatcher::~LiteralMatcher() = default;

std::unique_ptr<LiteralScanner> LiteralMatcher::NewScanner() const {
  return std::unique_ptr<LiteralScanner>(new LiteralScanner(*this));
}

LiteralScanner::LiteralScanner(const LiteralMatcher& matcher)
    : matcher_(matcher), state_(std::make_unique<State>()) {
  state_->scratch = CloneScratch(matcher_.impl_->scratch_proto);
}
LiteralScanner::~LiteralScanner() = default;

void LiteralScanner::Scan(std::string_view text, std::vector<LiteralMatcher::Match>& out) {
  const auto* db = matcher_.impl_->db.get();
  if (!db || !state_->scratch || text.empty() || text.size() > UINT_MAX) return;
  hs_scan(db, text.data(), static_cast<unsigned>(text.size()), 0, state_->scratch.get(), OnMatch, &out);
}

}  // namespace piiscan::detectors
