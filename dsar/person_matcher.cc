#include "dsar/person_matcher.h"

#include <algorithm>
#include <cctype>

#include "core/utf8.h"
#include "detectors/literal_matcher.h"
#include "dsar/name_variants.h"
#include "core/person_fold.h"

namespace piiscan::dsar {
namespace {

enum class Kind : uint8_t { kText, kEmailLocal, kIdentifier, kPostcode };

struct QueryPattern {
  Kind kind = Kind::kText;
  std::string field, variant, category, masker;
  Confidence confidence = Confidence::kLow;
  std::string detector;  // kIdentifier: the engine detector that confirms
  std::string value;     // kIdentifier: the normalised query value
  uint32_t len = 0;      // literal length (kText, kEmailLocal, kPostcode)
  int name = -1;         // index into query.names for name forms
  std::string literal;   // for Literals()
};

// Bytes of original text around a candidate that the engine looks at: the
// snippet (kSnippetContext in person_snippet) plus room for an identifier
// that crosses the snippet's edge.
constexpr uint64_t kEngineContext = 200;
// How far before a prefilter's end an identifier may start.
constexpr uint64_t kIdentifierReach = 96;

inline bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }
inline bool IsLocalPartByte(unsigned char c) {
  return IsWordByte(c) || c == '.' || c == '_' || c == '-' || c == '+' || c == '\'';
}

// `chars` with `sep` (a regex) allowed between each two of them.
std::string Spread(std::string_view chars, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < chars.size(); ++i) {
    if (i) out += sep;
    out += chars[i];
  }
  return out;
}

bool IsInitialsWord(std::string_view w) {
  int letters = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    auto c = static_cast<unsigned char>(w[i]);
    if (std::isupper(c)) ++letters;
    else if (c != '.') return false;
  }
  return letters >= 1 && letters <= 4;
}

bool IsCapitalisedWord(std::string_view w) {
  if (w.size() < 2 || !std::isupper(static_cast<unsigned char>(w[0]))) return false;
  return std::all_of(w.begin() + 1, w.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '-'; });
}

}  // namespace

struct PersonMatcher::Impl {
  NormalisedQuery query;
  std::shared_ptr<const detectors::Engine> engine;
  std::vector<QueryPattern> patterns;
  std::vector<detectors::LiteralMatcher::Pattern> compiled;
  std::shared_ptr<const detectors::LiteralMatcher> matcher;
  std::vector<std::string> first_initials, first_given;  // folded, per name

  void Literal(QueryPattern p, const std::string& text) {
    p.len = static_cast<uint32_t>(text.size());
    p.literal = text;
    compiled.push_back({text, true, true});
    patterns.push_back(std::move(p));
  }
  void Prefilter(QueryPattern p, std::string regex, bool caseless, std::string shown) {
    p.literal = std::move(shown);
    compiled.push_back({std::move(regex), false, caseless});
    patterns.push_back(std::move(p));
  }
  void AddNames();
  void AddIdentifiers();
};

void PersonMatcher::Impl::AddNames() {
  for (size_t n = 0; n < query.names.size(); ++n) {
    const auto& name = query.names[n];
    std::string g = name.given.empty() ? "" : FoldForMatching(name.given[0]);
    first_given.push_back(AsciiLower(g));
    first_initials.push_back(g.empty() ? "" : std::string(1, static_cast<char>(std::tolower(static_cast<unsigned char>(g[0])))));
    for (auto& v : NameVariants(name)) {
      QueryPattern p;
      p.kind = v.email_local ? Kind::kEmailLocal : Kind::kText;
      p.field = "name";
      p.variant = v.variant;
      p.category = "name";
      p.masker = "name";
      p.confidence = v.confidence;
      p.name = static_cast<int>(n);
      Literal(std::move(p), v.text);
    }
  }
  for (const auto& d : query.birth_dates) {
    for (auto& v : DateVariants(d)) {
      Literal({Kind::kText, "birth_date", v.variant, "date_of_birth", "date", v.confidence}, v.text);
    }
  }
  for (const auto& d : query.id_documents) {
    Literal({Kind::kText, "id_document", "document number", "identity_document", "keep_last:3", Confidence::kHigh}, d);
  }
  if (!query.postcode.empty()) {
    const std::string& pc = query.postcode;
    for (const auto& form : {pc, pc.substr(0, 4) + " " + pc.substr(4)}) {
      Literal({Kind::kPostcode, "address", "postcode", "address", "keep_last:2", Confidence::kLow}, form);
    }
  }
}

void PersonMatcher::Impl::AddIdentifiers() {
  auto id = [](std::string field, std::string detector, std::string value, std::string category) {
    QueryPattern p;
    p.kind = Kind::kIdentifier;
    p.field = std::move(field);
    p.variant = "exact value";
    p.category = std::move(category);
    p.detector = std::move(detector);
    p.value = std::move(value);
    p.confidence = Confidence::kHigh;
    return p;
  };
  for (const auto& e : query.emails) {
    auto p = id("email", "email", e, "email");
    p.len = static_cast<uint32_t>(e.size());
    p.literal = e;
    compiled.push_back({e, true, true});
    patterns.push_back(std::move(p));
  }
  for (const auto& v : query.ibans) Prefilter(id("iban", "iban", v, "bank_account"), Spread(v, " ?"), false, v);
  for (const auto& v : query.bsns) {
    Prefilter(id("bsn", "bsn", v, "national_id"), Spread(v, "[ .]?"), false, v);
    if (v[0] == '0') Prefilter(id("bsn", "bsn", v, "national_id"), Spread(v.substr(1), "[ .]?"), false, v.substr(1));
  }
  for (const auto& v : query.phones) {
    // E.164 "+31612345678": the national number after the country code, with
    // anything but letters and digits between its digits ("06-12 34", "+31 (0)6 ...").
    std::string nsn = v.starts_with("+31") ? v.substr(3) : v;
    Prefilter(id("phone", "phone_nl", v, "phone"), Spread(nsn, "[^0-9A-Za-z]{0,3}"), false, "0" + nsn);
  }
}

Result<std::shared_ptr<const PersonMatcher>> PersonMatcher::Build(const NormalisedQuery& query,
                                                                  std::shared_ptr<const detectors::Engine> engine) {
  auto impl = std::make_unique<Impl>();
  impl->query = query;
  impl->engine = std::move(engine);
  impl->AddNames();
  impl->AddIdentifiers();
  for (auto& p : impl->patterns) {
    if (p.kind != Kind::kIdentifier) continue;
    const auto& specs = impl->engine->specs();
    auto it = std::find_if(specs.begin(), specs.end(), [&](const auto& s) { return s.id == p.detector; });
    if (it == specs.end()) return Fail("the rule set has no detector '" + p.detector + "' for --" + p.field);
    p.masker = it->masker;
  }
  auto m = detectors::LiteralMatcher::Build(impl->compiled);
  if (!m) return std::unexpected(m.error());
  impl->matcher = *m;
  return std::shared_ptr<const PersonMatcher>(new PersonMatcher(std::move(impl)));
}

PersonMatcher::PersonMatcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PersonMatcher::~PersonMatcher() = default;
const NormalisedQuery& PersonMatcher::query() const { return impl_->query; }
const detectors::Engine& PersonMatcher::engine() const { return *impl_->engine; }

std::vector<std::string> PersonMatcher::Literals() const {
  std::vector<std::string> out;
  for (const auto& p : impl_->patterns) out.push_back(p.literal);
  return out;
}

// ---------------------------------------------------------------------------

struct PersonScanner::State {
  std::unique_ptr<detectors::LiteralScanner> literals;
  std::unique_ptr<detectors::EngineScanner> engine;
  std::vector<detectors::LiteralMatcher::Match> matches;
  struct Candidate {
    uint32_t pattern;
    uint64_t begin, end;  // original offsets; begin unknown (== end) for identifiers
    Confidence confidence;
    std::string variant;
  };
  std::vector<Candidate> candidates;
  std::vector<std::pair<uint64_t, uint64_t>> windows;
  std::vector<detectors::Detection> window_detections;
};

PersonScanner::PersonScanner(const PersonMatcher& matcher, std::unique_ptr<State> state)
    : matcher_(matcher), state_(std::move(state)) {}
PersonScanner::~PersonScanner() = default;

std::unique_ptr<PersonScanner> PersonMatcher::NewScanner() const {
  auto st = std::make_unique<PersonScanner::State>();
  st->literals = impl_->matcher->NewScanner();
  st->engine = impl_->engine->NewScanner();
  return std::unique_ptr<PersonScanner>(new PersonScanner(*this, std::move(st)));
}

namespace {

// Refines a surname found alone by the words right before it (folded text).
void RefineSurname(std::string_view t, uint64_t begin, const std::string& initial, const std::string& given,
                   Confidence& confidence, std::string& variant) {
  if (begin < 2 || t[begin - 1] != ' ') return;
  std::vector<std::string_view> words;  // nearest first
  uint64_t pos = begin - 1;
  while (words.size() < 3 && pos > 0) {
    uint64_t s = pos;
    while (s > 0 && t[s - 1] != ' ') --s;
    std::string_view w = t.substr(s, pos - s);
    if (!IsInitialsWord(w) && !IsCapitalisedWord(w)) break;
    words.push_back(w);
    if (s == 0) break;
    pos = s - 1;
  }
  if (words.empty()) return;
  bool initials = std::all_of(words.begin(), words.end(), IsInitialsWord);
  std::string first = AsciiLower(words.back());
  if (initials && !initial.empty() && first.starts_with(initial)) {
    confidence = Confidence::kMedium;
    variant = "initials + surname";
  } else if (!initials && !given.empty() && (first == given || first == given + ".")) {
    confidence = Confidence::kMedium;
    variant = "given name + other names + surname";
  }
}

// Is the subject's house number within reach of a postcode at [b, e)?
bool HouseNumberNear(std::string_view t, uint64_t b, uint64_t e, std::string_view number) {
  uint64_t lo = b > 80 ? b - 80 : 0, hi = std::min<uint64_t>(t.size(), e + 40);
  std::string window = AsciiLower(t.substr(lo, hi - lo));
  std::string want = AsciiLower(number);
  for (size_t p = window.find(want); p != std::string::npos; p = window.find(want, p + 1)) {
    uint64_t at = lo + p;
    if (at + want.size() > b && at < e) continue;  // inside the postcode itself
    bool left = p == 0 || !std::isalnum(static_cast<unsigned char>(window[p - 1]));
    size_t q = p + want.size();
    bool right = q >= window.size() || !std::isalnum(static_cast<unsigned char>(window[q]));
    if (left && right) return true;
  }
  return false;
}

bool BirthLabelBefore(std::string_view t, uint64_t b) {
  uint64_t lo = b > 40 ? b - 40 : 0;
  std::string before = AsciiLower(t.substr(lo, b - lo));
  for (const char* k : {"geb", "born", "birth", "dob", "geboorte"}) {
    if (before.find(k) != std::string::npos) return true;
  }
  return false;
}

// Widens [b, e) of `text` to nearby white space and UTF-8 boundaries, so the
// engine does not see identifiers cut in half.
std::pair<uint64_t, uint64_t> SnapWindow(std::string_view text, uint64_t b, uint64_t e) {
  auto space = [&](uint64_t i) { return text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r'; };
  for (int n = 0; b > 0 && n < 48 && !space(b - 1); ++n) --b;
  while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
  for (int n = 0; e < text.size() && n < 48 && !space(e); ++n) ++e;
  while (e < text.size() && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) ++e;
  return {b, e};
}

}  // namespace

void PersonScanner::Scan(std::string_view text, const SegmentInfo& info, std::vector<PersonHit>& hits,
                         std::vector<detectors::Detection>& detections) {
  const auto& im = *matcher_.impl_;
  State& st = *state_;
  st.matches.clear();
  st.candidates.clear();
  st.windows.clear();
  PersonFoldedText folded(text);
  const std::string_view t = folded.text();
  st.literals->Scan(t, st.matches);
  if (st.matches.empty()) return;

  // Literal candidates: boundaries, postcode and surname refinement.
  for (const auto& m : st.matches) {
    const QueryPattern& p = im.patterns[m.id];
    uint64_t oe = folded.ToOriginal(m.end);
    if (oe <= info.report_from) continue;
    if (p.kind == Kind::kIdentifier && p.len == 0) {
      st.candidates.push_back({m.id, oe, oe, p.confidence, p.variant});
      continue;
    }
    uint64_t b = m.end - p.len;
    auto first = static_cast<unsigned char>(t[b]), last = static_cast<unsigned char>(t[m.end - 1]);
    bool left_ok = b == 0 || (p.kind == Kind::kEmailLocal || p.kind == Kind::kIdentifier
                                  ? !IsLocalPartByte(static_cast<unsigned char>(t[b - 1]))
                                  : !IsWordByte(first) || !IsWordByte(static_cast<unsigned char>(t[b - 1])));
    bool right_ok = p.kind == Kind::kEmailLocal || m.end >= t.size() || !IsWordByte(last) ||
                    !IsWordByte(static_cast<unsigned char>(t[m.end]));
    if (!left_ok || !right_ok) continue;
    Confidence c = p.confidence;
    std::string variant = p.variant;
    if (p.kind == Kind::kPostcode && !im.query.house_number.empty() &&
        HouseNumberNear(t, b, m.end, im.query.house_number)) {
      c = Confidence::kHigh;
      variant = "postcode + house number";
    } else if (p.variant == "surname" && p.name >= 0) {
      RefineSurname(t, b, im.first_initials[static_cast<size_t>(p.name)],
                    im.first_given[static_cast<size_t>(p.name)], c, variant);
    } else if (p.field == "birth_date" && BirthLabelBefore(t, b)) {
      c = Confidence::kHigh;
      variant += " after a birth-date label";
    }
    st.candidates.push_back({m.id, folded.ToOriginal(b), oe, c, std::move(variant)});
  }
  if (st.candidates.empty()) return;
  ConfirmAndResolve(text, hits, detections);
}

}  // namespace piiscan::dsar

namespace piiscan::dsar {
namespace {

// The span as written, white space runs as one space.
std::string AsWritten(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return SanitizeUtf8(out);
}

}  // namespace

void PersonScanner::ConfirmAndResolve(std::string_view text, std::vector<PersonHit>& hits,
                                      std::vector<detectors::Detection>& detections) {
  const auto& im = *matcher_.impl_;
  State& st = *state_;
  for (const auto& c : st.candidates) {
    uint64_t b = c.begin == c.end ? c.end - std::min(c.end, kIdentifierReach) : c.begin;
    b = b > kEngineContext ? b - kEngineContext : 0;
    uint64_t e = std::min<uint64_t>(text.size(), c.end + kEngineContext);
    st.windows.push_back(SnapWindow(text, b, e));
  }
  std::sort(st.windows.begin(), st.windows.end());
  std::vector<std::pair<uint64_t, uint64_t>> merged;
  for (auto w : st.windows) {
    if (!merged.empty() && w.first <= merged.back().second) merged.back().second = std::max(merged.back().second, w.second);
    else merged.push_back(w);
  }
  size_t first_detection = detections.size();
  for (auto [wb, we] : merged) {
    st.window_detections.clear();
    st.engine->Scan(text.substr(wb, we - wb), SegmentInfo{}, st.window_detections);
    for (auto& d : st.window_detections) {
      d.begin += wb;
      d.end += wb;
      detections.push_back(std::move(d));
    }
  }
  const auto& specs = im.engine->specs();
  std::vector<PersonHit> found;
  for (const auto& c : st.candidates) {
    const QueryPattern& p = im.patterns[c.pattern];
    PersonHit h{c.begin, c.end, p.field, c.variant, c.confidence, {}, p.category, p.masker};
    if (p.kind == Kind::kIdentifier) {
      auto it = std::find_if(detections.begin() + static_cast<std::ptrdiff_t>(first_detection), detections.end(),
                             [&](const detectors::Detection& d) {
                               return d.begin < c.end && c.end <= d.end && d.value == p.value &&
                                      specs[d.spec].id == p.detector;
                             });
      if (it == detections.end()) continue;
      h.begin = it->begin;
      h.end = it->end;
      h.value = p.value;
    } else {
      h.value = AsWritten(text.substr(c.begin, c.end - c.begin));
    }
    found.push_back(std::move(h));
  }
  // Overlaps: the strongest, then the longest hit claims its span.
  std::sort(found.begin(), found.end(), [](const PersonHit& a, const PersonHit& b) {
    if (a.confidence != b.confidence) return a.confidence > b.confidence;
    if (a.end - a.begin != b.end - b.begin) return a.end - a.begin > b.end - b.begin;
    return a.begin < b.begin;
  });
  size_t first_hit = hits.size();
  for (auto& h : found) {
    bool overlaps = std::any_of(hits.begin() + static_cast<std::ptrdiff_t>(first_hit), hits.end(),
                                [&](const PersonHit& k) { return k.begin < h.end && h.begin < k.end; });
    if (!overlaps) hits.push_back(std::move(h));
  }
  std::sort(hits.begin() + static_cast<std::ptrdiff_t>(first_hit), hits.end(),
            [](const PersonHit& a, const PersonHit& b) { return a.begin < b.begin; });
}

}  // namespace piiscan::dsar
