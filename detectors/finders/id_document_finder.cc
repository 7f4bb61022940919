#include "detectors/finders/id_document_finder.h"

#include <array>
#include <cctype>

#include "detectors/validators/mrz.h"

namespace piiscan::detectors {
namespace {

constexpr double kMrzScore = 0.98;        // all check digits hold
constexpr double kMrzPartialScore = 0.9;  // composite check fails (OCR noise)
constexpr double kBareNumberScore = 0.3;  // shape only; context lifts it

bool IsWordByte(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || u >= 0x80;
}

struct Line {
  size_t begin = 0;  // offset of the first non-blank byte
  std::string_view text;
};

// The line around `pos`, blanks trimmed.
Line LineAt(std::string_view text, size_t pos, size_t* line_start, size_t* line_end) {
  size_t b = text.rfind('\n', pos);
  b = b == std::string_view::npos ? 0 : b + 1;
  size_t e = text.find('\n', pos);
  if (e == std::string_view::npos) e = text.size();
  *line_start = b;
  *line_end = e;
  while (b < e && (text[b] == ' ' || text[b] == '\t')) ++b;
  while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r')) --e;
  return {b, text.substr(b, e - b)};
}

class IdDocumentFinder final : public Finder {
 public:
  void Find(const FinderInput& in, std::vector<Candidate>& out) const override {
    size_t done_until = 0;  // MRZ lines already consumed
    for (uint32_t end : in.trigger_ends) {
      if (end >= 2 && in.text.substr(end - 2, 2) == "<<") {
        if (end > done_until) done_until = std::max(done_until, FindMrz(in.text, end - 1, out));
        continue;
      }
      BareNumber(in.text, end, out);
    }
  }

 private:
  // Tries the MRZ layouts around the line holding `pos`; returns the end of
  // what it consumed (or `pos` + 1).
  static size_t FindMrz(std::string_view text, size_t pos, std::vector<Candidate>& out) {
    std::array<Line, 5> lines;  // lines[2] is the hit's line
    size_t ls, le;
    lines[2] = LineAt(text, pos, &ls, &le);
    size_t prev_start = ls, next_end = le;
    for (int i = 1; i >= 0; --i) {
      if (prev_start == 0) break;
      size_t s, e;
      lines[static_cast<size_t>(i)] = LineAt(text, prev_start - 1, &s, &e);
      prev_start = s;
    }
    for (size_t i = 3; i < 5; ++i) {
      if (next_end >= text.size()) break;
      size_t s, e;
      lines[i] = LineAt(text, next_end + 1, &s, &e);
      next_end = e;
    }
    auto emit = [&](const Mrz& m, const std::array<size_t, 3>& starts) {
      double score = m.composite_ok ? kMrzScore : kMrzPartialScore;
      std::string type = "from MRZ (" + m.type + ")";
      auto add = [&](const MrzField& f, const char* detector, double s) {
        if (f.value.empty()) return;
        auto b = static_cast<uint32_t>(starts[f.line] + f.offset);
        Candidate c{b, static_cast<uint32_t>(b + f.length), f.value, s, type, detector, true};
        out.push_back(std::move(c));
      };
      add(m.document_number, "", score);
      add(m.birth_date, "date_of_birth", score);
      add(m.bsn, "bsn", score - 0.01);
    };
    // TD3: two lines of 44 (the hit may be on either); TD1: three of 30.
    for (size_t first = 1; first <= 2; ++first) {
      const Line& a = lines[first];
      const Line& b = lines[first + 1];
      if (a.text.size() == 44 && b.text.size() == 44) {
        if (auto m = ParseMrz(a.text, b.text)) {
          emit(*m, {a.begin, b.begin, 0});
          return b.begin + b.text.size();
        }
      }
    }
    for (size_t first = 0; first <= 2; ++first) {
      const Line& a = lines[first];
      const Line& b = lines[first + 1];
      const Line& c = lines[first + 2];
      if (a.text.size() == 30 && b.text.size() == 30 && c.text.size() == 30) {
        if (auto m = ParseMrz(a.text, b.text, c.text)) {
          emit(*m, {a.begin, b.begin, c.begin});
          return c.begin + c.text.size();
        }
      }
    }
    // Glued by OCR or copy-paste: one line of 88 or 90 characters.
    const Line& g = lines[2];
    if (g.text.size() == 88) {
      if (auto m = ParseMrz(g.text.substr(0, 44), g.text.substr(44))) emit(*m, {g.begin, g.begin + 44, 0});
    } else if (g.text.size() == 90) {
      if (auto m = ParseMrz(g.text.substr(0, 30), g.text.substr(30, 30), g.text.substr(60))) {
        emit(*m, {g.begin, g.begin + 30, g.begin + 60});
      }
    }
    return g.begin + g.text.size();
  }

  static void BareNumber(std::string_view text, uint32_t end, std::vector<Candidate>& out) {
    if (end < 9) return;
    uint32_t begin = end - 9;
    if (begin > 0 && (IsWordByte(text[begin - 1]) || text[begin - 1] == '<')) return;
    if (end < text.size() && (IsWordByte(text[end]) || text[end] == '<')) return;
    auto v = ValidateDocumentNumberNl(text.substr(begin, 9));
    if (!v) return;
    out.push_back({begin, end, std::move(v->value), kBareNumberScore + v->score_delta, std::move(v->note)});
  }
};

}  // namespace

std::unique_ptr<Finder> MakeIdDocumentFinder() { return std::make_unique<IdDocumentFinder>(); }

}  // namespace piiscan::detectors
