#include "dsar/person_snippet.h"

#include <algorithm>

#include "core/utf8.h"
#include "detectors/masking.h"

namespace piiscan::dsar {
namespace {

struct Piece {
  uint64_t begin, end;
  bool own;            // the subject's (overlaps a hit)
  std::string masked;
};

inline bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v'; }
inline bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

void AppendCollapsed(std::string& out, std::string_view s) {
  for (char c : s) {
    if (IsSpace(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
}

}  // namespace

std::string MakeSnippet(std::string_view text, const PersonHit& hit, std::span<const PersonHit> hits,
                        std::span<const detectors::Detection> detections, const std::vector<rules::DetectorSpec>& specs,
                        bool show_values) {
  uint64_t wb = hit.begin > kSnippetContext ? hit.begin - kSnippetContext : 0;
  uint64_t we = std::min<uint64_t>(text.size(), hit.end + kSnippetContext);
  // Start and end on whole words where one is near.
  for (uint64_t i = wb, n = 0; wb > 0 && n < 16 && i < hit.begin; ++i, ++n) {
    if (IsSpace(text[i])) {
      wb = i + 1;
      break;
    }
  }
  for (uint64_t i = we, n = 0; we < text.size() && n < 16 && i > hit.end; --i, ++n) {
    if (IsSpace(text[i - 1])) {
      we = i - 1;
      break;
    }
  }
  auto own = [&](uint64_t b, uint64_t e) {
    return std::any_of(hits.begin(), hits.end(), [&](const PersonHit& h) { return h.begin < e && b < h.end; });
  };
  std::vector<Piece> pieces;
  for (const auto& d : detections) {
    if (d.end > wb && d.begin < we) pieces.push_back({d.begin, d.end, own(d.begin, d.end), detectors::Mask(d.value, specs[d.spec].masker)});
  }
  for (const auto& h : hits) {
    if (h.end > wb && h.begin < we) pieces.push_back({h.begin, h.end, true, detectors::Mask(h.value, h.masker)});
  }
  std::sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) { return a.begin < b.begin; });
  std::vector<Piece> merged;
  for (auto& p : pieces) {
    if (!merged.empty() && p.begin < merged.back().end) {
      auto& m = merged.back();
      if (p.end - p.begin > m.end - m.begin) m.masked = p.masked;
      m.end = std::max(m.end, p.end);
      m.own = m.own && p.own;
    } else {
      merged.push_back(std::move(p));
    }
  }
  if (!merged.empty()) {
    wb = std::min(wb, merged.front().begin);
    for (const auto& m : merged) we = std::max(we, m.end);
  }
  while (wb > 0 && wb < text.size() && IsContinuation(text[wb])) --wb;
  while (we < text.size() && IsContinuation(text[we])) ++we;

  std::string out = wb > 0 ? "…" : "";
  uint64_t pos = wb;
  for (const auto& m : merged) {
    AppendCollapsed(out, text.substr(pos, m.begin - pos));
    if (m.own && show_values) AppendCollapsed(out, text.substr(m.begin, m.end - m.begin));
    else out += "[" + m.masked + "]";
    pos = m.end;
  }
  AppendCollapsed(out, text.substr(pos, we - pos));
  if (we < text.size()) out += "…";
  return SanitizeUtf8(out);
}

}  // namespace piiscan::dsar
