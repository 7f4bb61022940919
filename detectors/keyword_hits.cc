#include "detectors/keyword_hits.h"

#include <hs/hs.h>

#include <algorithm>
#include <cctype>

#include "detectors/hs_database_cache.h"

namespace piiscan::detectors {
namespace {

inline bool IsWordByte(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || u >= 0x80;
}

}  // namespace

struct KeywordSet::Impl {
  std::vector<Keyword> keywords;
  uint64_t longest = 0;
  HsDatabase db;
  HsScratch scratch_proto;
};

struct KeywordScanner::State {
  HsScratch scratch;
  // For the match callback.
  const KeywordSet::Impl* set = nullptr;
  std::string_view text;
  uint64_t base = 0, limit = 0;  // scanned from `base`; hits must begin before `limit`
  std::vector<TermHit> found;
};

namespace {

int OnKeyword(unsigned int id, unsigned long long /*from*/, unsigned long long to, unsigned int, void* ctx) {
  auto* st = static_cast<KeywordScanner::State*>(ctx);
  const Keyword& k = st->set->keywords[id];
  uint64_t end = st->base + to;
  uint64_t begin = end - k.text.size();
  if (begin >= st->limit) return 0;
  const auto& text = st->text;
  if (!k.suffix && begin > 0 && IsWordByte(text[begin - 1])) return 0;
  if (!k.prefix && end < text.size() && IsWordByte(text[end])) return 0;
  st->found.push_back({id, 0, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
  return 0;
}

}  // namespace

Result<std::shared_ptr<const KeywordSet>> KeywordSet::Build(const std::vector<Keyword>& keywords) {
  auto impl = std::make_unique<Impl>();
  impl->keywords = keywords;
  std::vector<std::string> exprs;
  std::vector<unsigned> flags, ids;
  for (size_t i = 0; i < keywords.size(); ++i) {
    if (keywords[i].text.empty()) continue;
    exprs.push_back(EscapeLiteral(keywords[i].text));
    flags.push_back(HS_FLAG_CASELESS);
    ids.push_back(static_cast<unsigned>(i));
    impl->longest = std::max<uint64_t>(impl->longest, keywords[i].text.size());
  }
  if (!exprs.empty()) {
    hs_compile_error_t* err = nullptr;
    hs_database_t* db = nullptr;
    hs_error_t compiled = CompileMultiCached(exprs, flags, ids, &db, &err);
    impl->db.reset(db);
    if (compiled != HS_SUCCESS) {
      std::string what = err && err->message ? err->message : "unknown error";
      std::string who = err && err->expression >= 0 ? "keyword '" + keywords[ids[static_cast<size_t>(err->expression)]].text + "'"
                                                    : "the keywords";
      hs_free_compile_error(err);
      return Fail("Hyperscan cannot compile " + who + ": " + what);
    }
    if (!FitScratch(impl->scratch_proto, impl->db.get())) {
      return Fail("Hyperscan scratch allocation failed");
    }
  }
  return std::shared_ptr<const KeywordSet>(new KeywordSet(std::move(impl)));
}

KeywordSet::KeywordSet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
KeywordSet::~KeywordSet() = default;

KeywordScanner::KeywordScanner(std::shared_ptr<const KeywordSet> set)
    : set_(std::move(set)), state_(std::make_unique<State>()) {
  state_->set = set_->impl_.get();
  state_->scratch = CloneScratch(set_->impl_->scratch_proto);
}
KeywordScanner::~KeywordScanner() = default;

void KeywordScanner::Reset(std::string_view text) {
  text_ = text;
  state_->text = text;
  hits_.clear();
  if (++generation_ == 0) {  // wrapped: every block must read as unmatched
    std::fill(blocks_.begin(), blocks_.end(), Block{});
    generation_ = 1;
  }
  const size_t needed = text.size() / kBlock + 1;
  if (blocks_.size() < needed) blocks_.resize(needed);
}

void KeywordScanner::Ensure(uint64_t lo, uint64_t hi) {
  const auto* set = set_->impl_.get();
  const uint64_t last = (hi - 1) / kBlock;
  for (uint64_t b = lo / kBlock; b <= last; ++b) {
    if (Matched(b)) continue;
    uint64_t run_end = b;  // blocks [b, run_end] are matched in one scan
    while (run_end < last && !Matched(run_end + 1)) ++run_end;
    State& st = *state_;
    st.base = b * kBlock;
    st.limit = std::min<uint64_t>(text_.size(), (run_end + 1) * kBlock);
    st.found.clear();
    if (set->db) {
      // Past the run by the longest keyword, so that one starting inside it
      // is seen whole.
      uint64_t scan_end = std::min<uint64_t>(text_.size(), st.limit + set->longest);
      hs_scan(set->db.get(), text_.data() + st.base, static_cast<unsigned>(scan_end - st.base), 0, st.scratch.get(),
              OnKeyword, &st);
    }
    // Hits arrive by end; ForEach wants them by begin.
    std::stable_sort(st.found.begin(), st.found.end(),
                     [](const TermHit& x, const TermHit& y) { return x.begin < y.begin; });
    size_t i = 0;
    for (uint64_t k = b; k <= run_end; ++k) {
      blocks_[k].generation = generation_;
      blocks_[k].first = static_cast<uint32_t>(hits_.size() + i);
      while (i < st.found.size() && st.found[i].begin < (k + 1) * kBlock) ++i;
      blocks_[k].last = static_cast<uint32_t>(hits_.size() + i);
    }
    hits_.insert(hits_.end(), st.found.begin(), st.found.end());
    b = run_end;
  }
}

}  // namespace piiscan::detectors
