// Validate: one confirmed pattern match becomes a candidate (engine_internal.h)
// when it sits on word boundaries and its validator, if any, accepts it;
// the validator or the spec's normaliser gives the value.

#include "core/utf8.h"
#include "detectors/engine_internal.h"

namespace piiscan::detectors {
namespace {

std::string Normalise(std::string_view raw, NormaliserKind how) {
  switch (how) {
    case NormaliserKind::kDigits: return DigitsOf(raw);
    case NormaliserKind::kUpperAlnum: return UpperAlnumOf(raw);
    case NormaliserKind::kLower: return AsciiLower(raw);
    case NormaliserKind::kSpaces: return CollapseWhitespace(raw);
    case NormaliserKind::kAsIs: break;
  }
  return std::string(raw);
}

}  // namespace

void Validate(const Engine::Impl& im, std::string_view text, uint32_t si, uint32_t vb, uint32_t ve,
              State& st) {
  const CompiledSpec& c = im.specs[si];
  if (vb > 0 && IsWordByte(text[vb - 1])) return;
  std::string_view raw = text.substr(vb, ve - vb);
  State::Raw r{si, vb, ve, {}, c.spec->base_score, {}};
  if (c.validator) {
    auto valid = c.validator(raw);
    if (!valid) return;
    if (valid->raw_length) r.end = vb + static_cast<uint32_t>(*valid->raw_length);
    if (valid->claim_only) {
      if (r.end < text.size() && IsWordByte(text[r.end])) return;
      r.claim_only = true;
      st.raws.push_back(std::move(r));
      return;
    }
    r.value = std::move(valid->value);
    r.score += valid->score_delta;
    r.note = std::move(valid->note);
    if (c.surroundings) {
      auto around = c.surroundings(text, vb, r.end);
      if (around.reject) return;
      r.score += around.score_delta;
      if (!around.note.empty()) r.note += (r.note.empty() ? "" : ", ") + std::string(around.note);
    }
  } else {
    r.value = Normalise(raw, c.normaliser);
  }
  if (r.end < text.size() && IsWordByte(text[r.end])) return;
  st.raws.push_back(std::move(r));
}

}  // namespace piiscan::detectors
