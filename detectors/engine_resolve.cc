// The resolve pass of a segment scan (engine_internal.h): overlapping
// candidates, the most specific detector (lowest priority number) first; a
// BSN inside an IBAN or a BTW number is not reported, and neither are the
// digits of a mistyped IBAN (a claim-only candidate).

#include <algorithm>

#include "detectors/engine_internal.h"
#include "detectors/row_context.h"

namespace piiscan::detectors {
namespace {

// The score of a BSN lifted by its table row: medium, not high; a column
// header or a BSN word is still what makes it high.
constexpr double kRowScore = 0.55;
// Rows are short; a name farther away than this is in another record.
constexpr uint32_t kMaxRowGap = 400;

// An empty or generic column header: "", "Nummer", "Nr.", "ID", "Number".
bool GenericColumn(std::string_view label) {
  std::string l;
  for (char c : label) {
    if (c != ' ' && c != '.' && c != ':' && c != '#') l += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return l.empty() || l == "nummer" || l == "nr" || l == "no" || l == "id" || l == "number" || l == "num";
}

// True when text[a, b) stays on one line and holds a cell separator.
bool SameRow(std::string_view text, uint32_t a, uint32_t b) {
  if (b < a || b - a > kMaxRowGap) return false;
  bool cell = false;
  for (uint32_t i = a; i < b; ++i) {
    const char c = text[i];
    if (c == '\n' || c == '\r') return false;
    cell |= c == '\t' || c == ';' || c == ',' || c == '|';
  }
  return cell;
}

// A BSN that only passed the 11-proef (low: no keyword, no column) in a
// table row -- a line of cells -- that also holds a person's name or an
// IBAN reported at medium or higher becomes medium: in exports and lists a
// 9-digit number beside a person's name and account is their BSN far more
// often than one in eleven. (A CSV file's cells reach the engine one at a
// time, each with its row's texts (SegmentInfo::row): there the row must
// hold both a name-shaped cell and a valid IBAN, row_context.h.)
void RowContext(const Engine::Impl& im, std::string_view text, const SegmentInfo& info, State& st,
                std::vector<Detection>& out) {
  bool cell_row = info.kind == SegmentKind::kCell && !info.row.empty();
  // A column whose header names its numbers (Personeelsnummer, Klantnummer)
  // says what they are; only an unlabelled or generic one ("Nummer", "ID")
  // takes its meaning from the row.
  if (cell_row && !GenericColumn(info.label)) return;
  int row_verdict = -1;  // the cell's row: unknown until a BSN asks
  for (auto [r, i] : st.emitted) {
    if (out[i].score >= 0.5 || out[i].score < kNoiseFloor || im.specs[r->report].spec->id != "bsn") continue;
    if (cell_row) {
      // A CSV or spreadsheet cell: its row's other cells, as the extractor
      // handed them, must hold a name and an IBAN.
      if (row_verdict < 0) row_verdict = RowHasNameAndIban(info.row) ? 1 : 0;
      st.row_read = true;
      if (row_verdict == 1) {
        out[i].score = kRowScore;
        out[i].note += out[i].note.empty() ? "row with a name and an IBAN" : ", row with a name and an IBAN";
      }
      continue;
    }
    for (auto [o, j] : st.emitted) {
      if (out[j].score < 0.5) continue;
      const std::string& id = im.specs[o->report].spec->id;
      if (id != "iban" && id != "person_name") continue;
      if (!(o->end <= r->begin ? SameRow(text, o->end, r->begin) : SameRow(text, r->end, o->begin))) continue;
      out[i].score = kRowScore;
      out[i].note += out[i].note.empty() ? "table row with a name or IBAN" : ", table row with a name or IBAN";
      break;
    }
  }
}

// True when text[a, b) holds no sentence end: no '.', '!' or '?' before
// a blank or line break, no ':' before a line break, no blank line.
bool SameSentence(std::string_view text, uint32_t a, uint32_t b) {
  for (uint32_t i = a; i + 1 < b; ++i) {
    char c = text[i], n = text[i + 1];
    bool space = n == ' ' || n == '\t' || n == '\n' || n == '\r';
    if ((c == '.' || c == '!' || c == '?') && space) return false;
    if (c == ':' && (n == '\n' || n == '\r')) return false;
    if (c == '\n' && n == '\n') return false;
  }
  return true;
}

// A candidate with no keyword context of a spec that takes a name as
// context (special categories: "Mirjam gebruikt antidepressiva") is
// reported when a person's name at medium or higher stands within its
// context window in the same sentence (in changelogs "diagnose" and a
// thanked developer share a paragraph, not a sentence); otherwise it is
// dropped (kept low with keep_all_candidates). Returns whether any was
// dropped.
bool NameContext(const Engine::Impl& im, std::string_view text, State& st, std::vector<Detection>& out) {
  bool dropped = false;
  for (auto [r, i] : st.emitted) {
    if (!r->needs_name) continue;
    const auto& s = *im.specs[r->spec].spec;
    uint32_t lo = r->begin > static_cast<uint32_t>(s.context_before) ? r->begin - s.context_before : 0;
    uint64_t hi = uint64_t{r->end} + static_cast<uint64_t>(s.context_after);
    bool named = false;
    for (auto [o, j] : st.emitted) {
      if (out[j].score < 0.5 || o->begin < lo || o->end > hi || im.specs[o->report].spec->id != "person_name") continue;
      if (o->end <= r->begin ? SameSentence(text, o->end, r->begin) : SameSentence(text, r->end, o->begin)) {
        named = true;
        break;
      }
    }
    if (named) {
      out[i].score = s.context_score;
      out[i].note = "about a named person";
    } else if (im.options.keep_all_candidates) {
      out[i].score = std::min(out[i].score, s.base_score);
    } else {
      out[i].score = -1;  // dropped below
      dropped = true;
    }
  }
  return dropped;
}

}  // namespace

void ResolveOverlaps(const Engine::Impl& im, State& st, const FoldedText& folded, const SegmentInfo& info,
                     std::vector<Detection>& out) {
  auto by_priority = [&](const State::Raw* a, const State::Raw* b) {
    int pa = im.specs[a->report].spec->priority, pb = im.specs[b->report].spec->priority;
    if (pa != pb) return pa < pb;
    if (a->begin != b->begin) return a->begin < b->begin;
    if (a->end != b->end) return a->end > b->end;
    return a->report != b->report ? a->report < b->report : a->spec < b->spec;  // any fixed order
  };
  std::sort(st.kept.begin(), st.kept.end(), by_priority);
  std::sort(st.extra.begin(), st.extra.end(), by_priority);
  st.kept.insert(st.kept.end(), st.extra.begin(), st.extra.end());
  auto& claimed = st.claimed;  // sorted by begin
  claimed.clear();
  st.emitted.clear();
  size_t first_out = out.size();
  bool low_bsn_like = false, needs_name = false;
  for (auto* r : st.kept) {
    auto it = std::lower_bound(claimed.begin(), claimed.end(), std::make_pair(r->begin, 0u));
    bool overlaps = (it != claimed.end() && it->first < r->end) ||
                    (it != claimed.begin() && std::prev(it)->second > r->begin);
    if (overlaps) continue;
    claimed.insert(it, {r->begin, r->end});
    if (r->claim_only) continue;
    low_bsn_like |= r->score < 0.5;
    needs_name |= r->needs_name;
    st.emitted.emplace_back(r, out.size());
    out.push_back({r->report, folded.ToOriginal(r->begin), folded.ToOriginal(r->end),
                   std::move(r->value), r->score, std::move(r->note)});
  }
  if (low_bsn_like) RowContext(im, folded.text(), info, st, out);
  if (needs_name && NameContext(im, folded.text(), st, out)) {
    out.erase(std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(first_out), out.end(),
                             [](const Detection& d) { return d.score < 0; }),
              out.end());
  }
  std::sort(out.begin() + static_cast<std::ptrdiff_t>(first_out), out.end(),
            [](const Detection& a, const Detection& b) { return a.begin < b.begin; });
}

}  // namespace piiscan::detectors
