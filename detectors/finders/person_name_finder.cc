#include "detectors/finders/person_name_finder.h"

#include <algorithm>
#include <array>

#include "detectors/finders/name_parser.h"
#include "detectors/recent_labels.h"
#include "detectors/finders/organisation_cue.h"

namespace piiscan::detectors {
namespace {

// Scores (see the spec's confidence text).
constexpr double kSalutation = 0.9;   // Geachte heer X, Dhr. X, t.a.v. X
constexpr double kGreeting = 0.85;    // Beste X, (line start)
constexpr double kInitials = 0.9;     // J.P. de Vries
constexpr double kLabel = 0.9;        // Naam: X; name column; From: X <...>
constexpr double kSignature = 0.85;   // line after "Met vriendelijke groet,"
constexpr double kGazetteer = 0.8;    // known given name + surname-like word
constexpr double kKnownSurname = 0.88;
constexpr double kCommonWord = 0.4;   // ... whose surname is an ordinary word
constexpr double kCommonGiven = 0.7;  // ... whose given name is also a word
constexpr double kAddressOwner = 0.75;  // unknown words right before <address>
constexpr double kOrganisation = 0.4;  // a name beside an institution word: low

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

size_t LineStart(std::string_view t, size_t pos) {
  size_t b = pos == 0 ? std::string_view::npos : t.rfind('\n', pos - 1);
  return b == std::string_view::npos ? 0 : b + 1;
}
size_t LineEnd(std::string_view t, size_t pos) {
  size_t e = t.find('\n', pos);
  return e == std::string_view::npos ? t.size() : e;
}
size_t SkipBlanks(std::string_view t, size_t p) {
  while (p < t.size() && IsBlank(t[p])) ++p;
  return p;
}
size_t TrimEnd(std::string_view t, size_t b, size_t e) {
  while (e > b && (IsBlank(t[e - 1]) || t[e - 1] == '\r')) --e;
  return e;
}

bool OnlyBlanksBetween(std::string_view t, size_t b, size_t e) {
  for (size_t i = b; i < e; ++i) {
    if (!IsBlank(t[i]) && t[i] != '\r') return false;
  }
  return true;
}

std::string Trimmed(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (IsBlank(s[b]) || s[b] == '"' || s[b] == '\'')) ++b;
  while (e > b && (IsBlank(s[e - 1]) || s[e - 1] == '"' || s[e - 1] == '\'' || s[e - 1] == ':')) --e;
  return LowerAscii(s.substr(b, e - b));
}

class PersonNameFinder final : public Finder {
 public:
  PersonNameFinder(NameLexicon lex, const LexiconIds& ids) : lex_(std::move(lex)) {
    auto id = [&](const char* name) {
      auto it = ids.find(name);
      return it == ids.end() ? UINT32_MAX : it->second;
    };
    first_names_ = id("first_names");
    salutations_ = id("name_salutations");
    greetings_ = id("name_greetings");
    signoffs_ = id("name_signoffs");
    labels_ = id("name_labels");
  }

  void Find(const FinderInput& in, std::vector<Candidate>& out) const override {
    std::vector<Candidate> cands;
    std::string_view t = in.text;
    if (in.info.kind == SegmentKind::kHeader) HeaderNames(t, in.info.label, cands);
    if (in.info.kind == SegmentKind::kCell) CellName(t, in.info.label, cands);
    for (const auto& h : in.lexicon_hits) {
      if (h.list == first_names_) FromGivenName(t, h, cands);
      else if (h.list == salutations_) AfterSalutation(t, h, cands);
      else if (h.list == greetings_) AfterGreeting(t, h, cands);
      else if (h.list == signoffs_) Signature(t, h, cands);
      else if (h.list == labels_) AfterLabel(t, h, cands);
    }
    BeforeAddresses(t, cands);
    uint32_t last = UINT32_MAX;
    for (uint32_t end : in.trigger_ends) {
      if (end == last) continue;
      last = end;
      FromInitials(t, end, cands);
    }
    // Best first; overlapping weaker readings are dropped.
    std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
      if (a.score != b.score) return a.score > b.score;
      return (a.end - a.begin) > (b.end - b.begin);
    });
    std::vector<std::pair<uint32_t, uint32_t>> taken;  // disjoint spans, sorted by begin
    for (auto& c : cands) {
      auto it = std::lower_bound(taken.begin(), taken.end(), std::make_pair(c.begin, 0u));
      bool overlaps = (it != taken.end() && it->first < c.end) ||
                      (it != taken.begin() && std::prev(it)->second > c.begin);
      if (overlaps) continue;
      taken.insert(it, {c.begin, c.end});
      out.push_back(std::move(c));
    }
  }

 private:
  void Emit(std::string_view t, const ParsedName& n, double score, const char* why,
            std::vector<Candidate>& out) const {
    if (!n.ok() || CompanyFollows(t, n.end, lex_)) return;
    if (score > kOrganisation && LooksLikeOrganisation(t, n, lex_)) {
      score = kOrganisation;  // "Jeroen Bosch Ziekenhuis", "Basisschool Anne Kaya"
      why = "name of an organisation";
    }
    out.push_back({n.begin, n.end, SingleSpaced(t.substr(n.begin, n.end - n.begin)), score, why});
  }

  bool KnownSurname(const ParsedName& n) const { return lex_.surnames.contains(n.last); }

  // "Sanne Jansen": a given name of the gazetteer, capitalised, then more.
  void FromGivenName(std::string_view t, const TermHit& h, std::vector<Candidate>& out) const {
    if (!IsUpperAt(t, h.begin) || h.begin + 1 >= t.size() || IsUpperAt(t, h.begin + 1)) return;
    ParsedName n = ParseNameAt(t, h.begin, lex_, false);
    if (!n.ok() || n.begin != h.begin || n.surnames == 0) return;
    double score = kGazetteer;
    if (KnownSurname(n) || n.prefixes > 0) {
      score = kKnownSurname;
    } else if (lex_.common_words.contains(n.last)) {
      score = kCommonWord;  // "Mark Groot", "Roos Bakkerij": the "surname" is an ordinary word
    } else if (lex_.common_words.contains(n.first)) {
      score = kCommonGiven;  // "Jan Schoonderwoerd": Jan is also a word, the surname is not
    }
    Emit(t, n, score, "given name + surname", out);
  }

  void AfterSalutation(std::string_view t, const TermHit& h, std::vector<Candidate>& out) const {
    size_t p = h.end;
    if (p < t.size() && t[p] == ':') ++p;
    size_t s = SkipBlanks(t, p);
    if (s == p && !(p > 0 && t[p - 1] == '.')) return;  // "Dhr.Jansen" is fine, "Mevrouwe" is not
    // "t.a.v. mevrouw A. Bakker": a second salutation word may follow.
    std::string_view w = WordAt(t, s);
    std::string lw = LowerAscii(w);
    if (lw == "heer" || lw == "mevrouw" || lw == "mevr." || lw == "dhr.") {
      s = SkipBlanks(t, s + w.size());
    } else if (lw == "de") {
      size_t after = SkipBlanks(t, s + w.size());
      if (LowerAscii(WordAt(t, after)) == "heer") s = SkipBlanks(t, after + 4);
    }
    ParsedName n = ParseNameAt(t, s, lex_, true);
    Emit(t, n, kSalutation, "salutation", out);
  }

  void AfterGreeting(std::string_view t, const TermHit& h, std::vector<Candidate>& out) const {
    if (!OnlyBlanksBetween(t, LineStart(t, h.begin), h.begin)) return;
    size_t s = SkipBlanks(t, h.end);
    if (s == h.end) return;
    ParsedName n = ParseNameAt(t, s, lex_, true);
    if (!n.ok()) return;
    size_t after = SkipBlanks(t, n.end);
    if (after < t.size() && t[after] != ',' && t[after] != '!' && t[after] != '\n' && t[after] != '\r') return;
    Emit(t, n, kGreeting, "greeting", out);
  }

  void Signature(std::string_view t, const TermHit& h, std::vector<Candidate>& out) const {
    size_t p = SkipBlanks(t, h.end);
    if (p < t.size() && t[p] == ',') p = SkipBlanks(t, p + 1);
    if (p < t.size() && t[p] != '\n' && t[p] != '\r') {
      // "Groet, Jan" on one line.
      ParsedName n = ParseNameAt(t, p, lex_, true);
      if (n.ok() && OnlyBlanksBetween(t, n.end, LineEnd(t, n.end))) Emit(t, n, kSignature, "signature", out);
      return;
    }
    size_t line = LineEnd(t, p);
    for (int skipped = 0; line < t.size() && skipped < 3; ++skipped) {
      size_t b = SkipBlanks(t, line + 1);
      size_t e = TrimEnd(t, b, LineEnd(t, b));
      line = LineEnd(t, b);
      if (e == b) continue;  // blank line
      ParsedName n = ParseNameAt(t, b, lex_, true);
      if (!n.ok()) return;
      size_t rest = SkipBlanks(t, n.end);
      bool whole = rest >= e || t[rest] == '|' || t[rest] == ',' || t[rest] == '(' ||
                   (t[rest] == '-' && rest + 1 < t.size() && t[rest + 1] == ' ');
      if (!whole) return;
      double score = kSignature;
      if (n.surnames == 0) score = lex_.first_names.contains(n.first) ? 0.75 : 0.45;
      Emit(t, n, score, "signature", out);
      return;
    }
  }

  void AfterLabel(std::string_view t, const TermHit& h, std::vector<Candidate>& out) const {
    const std::string_view term = t.substr(h.begin, h.end - h.begin);
    bool colon_in_term = !term.empty() && term.back() == ':';
    size_t p = SkipBlanks(t, h.end);
    // Most hits are a label word in running text ("de medewerker belt"):
    // no colon, so only the four labels that need none may go on, told
    // apart by length before the term is copied (on the small-file bench
    // this copy and its compares were 10 M instructions).
    bool colon_after = p < t.size() && (t[p] == ':' || t[p] == '\t');
    if (!colon_in_term && !colon_after && term.size() != 6 && term.size() != 12 &&
        term.size() != 14)
      return;
    std::string label = LowerAscii(term);
    bool no_colon = label == "ondergetekende" || label == "namens" || label == "t.n.v." ||
                    label == "ten name van";
    if (colon_in_term) {
      label.pop_back();
      if (p == h.end) return;
    } else if (colon_after) {
      p = SkipBlanks(t, p + 1);
    } else if (!no_colon) {
      return;
    } else if (p == h.end) {
      return;
    }
    bool single_ok = label == "voornaam" || label == "roepnaam" || label == "achternaam" ||
                     label == "first name" || label == "last name";
    // A list: "Aanwezig: Jan de Vries, Fatima el Amrani en P. Jansen".
    for (int i = 0; i < 12 && p < t.size(); ++i) {
      ParsedName n;
      size_t comma = t.find(',', p);
      size_t eol = LineEnd(t, p);
      if (comma != std::string_view::npos && comma < eol) n = ParseSurnameFirst(t, comma, lex_);
      if (!n.ok() || n.begin != p) n = ParseNameAt(t, p, lex_, true);
      if (!n.ok() || n.begin < p) return;
      bool single = n.surnames == 0 && n.initials == 0;
      if (!single || single_ok || lex_.first_names.contains(n.first)) {
        Emit(t, n, single && !single_ok ? 0.8 : kLabel, "label", out);
      }
      size_t q = SkipBlanks(t, n.end);
      if (q < t.size() && (t[q] == ',' || t[q] == ';' || t[q] == '&')) {
        p = SkipBlanks(t, q + 1);
      } else if (t.substr(q, 3) == "en " || t.substr(q, 4) == "and ") {
        p = SkipBlanks(t, q + (t[q] == 'e' ? 3 : 4));
      } else {
        return;
      }
    }
  }

  // Column headers that hold person names.
  static bool NameColumn(std::string_view label, bool* single_ok) {
    std::string l = Trimmed(label);
    static constexpr std::array<std::string_view, 30> kLabels = {
        "naam", "name", "volledige naam", "full name", "contactpersoon", "contact person",
        "contact", "medewerker", "werknemer", "klantnaam", "aanvrager", "relatie",
        "patiënt", "patient", "cliënt", "client", "kandidaat", "sollicitant", "deelnemer",
        "student", "leerling", "eigenaar", "behandelaar", "naam medewerker", "naam werknemer",
        "naam klant", "naam contactpersoon", "tenaamstelling", "employee", "author"};
    static constexpr std::array<std::string_view, 8> kSingle = {
        "voornaam", "voornamen", "roepnaam", "achternaam", "first name", "last name", "surname", "given name"};
    for (auto s : kSingle) {
      if (l == s) {
        *single_ok = true;
        return true;
      }
    }
    *single_ok = false;
    for (auto s : kLabels) {
      if (l == s) return true;
    }
    return false;
  }

  // NameColumn for the cells of a table, which come column after column:
  // the verdicts of the last labels, as given, kept per thread.
  static bool NameColumnOfCell(std::string_view label, bool* single_ok) {
    struct Verdict {
      bool name = false, single = false;
    };
    thread_local RecentLabels<Verdict> recent;
    Verdict v;
    if (const Verdict* kept = recent.Find(label)) {
      v = *kept;
    } else {
      v.name = NameColumn(label, &v.single);
      recent.Put(label, v);
    }
    *single_ok = v.single;
    return v.name;
  }

  void CellName(std::string_view t, std::string_view label, std::vector<Candidate>& out) const {
    bool single_ok = false;
    if (!NameColumnOfCell(label, &single_ok)) return;
    size_t b = SkipBlanks(t, 0);
    size_t e = TrimEnd(t, b, t.size());
    if (e <= b || e - b > 80) return;
    ParsedName n;
    size_t comma = t.find(',', b);
    if (comma != std::string_view::npos && comma < e) n = ParseSurnameFirst(t, comma, lex_);
    if (!n.ok()) n = ParseNameAt(t, b, lex_, true);
    if (!n.ok() || n.begin != b || n.end != e) return;
    bool single = n.surnames == 0 && n.initials == 0;
    if (single && !single_ok && !lex_.first_names.contains(n.first)) return;
    Emit(t, n, kLabel, "name column", out);
  }

  // "Jan de Vries <jan@example.nl>, "De Vries, Piet" <p@x.nl>" in From/To/Cc.
  void HeaderNames(std::string_view t, std::string_view label, std::vector<Candidate>& out) const {
    std::string l = LowerAscii(label);
    if (l != "from" && l != "to" && l != "cc" && l != "bcc" && l != "reply-to" && l != "sender" &&
        l != "van" && l != "aan") {
      return;
    }
    size_t start = 0;
    while (start < t.size()) {
      size_t lt = t.find('<', start);
      if (lt == std::string_view::npos) break;
      size_t gt = t.find('>', lt);
      size_t b = start;
      while (b < lt && (IsBlank(t[b]) || t[b] == ',' || t[b] == ';' || t[b] == '"')) ++b;
      size_t e = lt;
      while (e > b && (IsBlank(t[e - 1]) || t[e - 1] == '"')) --e;
      if (e > b) {
        ParsedName n;
        size_t comma = t.find(',', b);
        if (comma != std::string_view::npos && comma < e) n = ParseSurnameFirst(t, comma, lex_);
        if (!n.ok()) n = ParseNameAt(t, b, lex_, false);
        if (n.ok() && n.end == e) Emit(t, n, kLabel, "mail display name", out);
      }
      start = gt == std::string_view::npos ? t.size() : gt + 1;
    }
  }

  // "Jan de Vries <jan@x.nl>", " -- Mark J. Wielaard <mark@x.org>": the words
  // that directly precede an address in angle brackets are its owner's name,
  // whatever the name (the gazetteer does not know most of the world's). A
  // known given or surname makes it a label-strength cue; otherwise medium,
  // and low when the last word is an ordinary Dutch word.
  void BeforeAddresses(std::string_view t, std::vector<Candidate>& out) const {
    for (size_t at = t.find('@'); at != std::string_view::npos; at = t.find('@', at + 1)) {
      size_t lt = at;
      while (lt > 0 && at - lt <= 64 && IsAddressByte(t[lt - 1])) --lt;
      if (lt == at || lt < 2 || t[lt - 1] != '<') continue;
      size_t e = lt - 1;
      while (e > 0 && IsBlank(t[e - 1])) --e;
      if (e > 0 && t[e - 1] == '"') --e;
      size_t b = NameRunStart(t, e);
      if (b >= e) continue;
      ParsedName n = ParseNameAt(t, b, lex_, false);
      if (!n.ok() || n.end != e || n.surnames == 0) continue;
      bool known = KnownSurname(n) || n.prefixes > 0 || AnyGivenName(t, b, e) ||
                   t.substr(b, e - b).find(". ") != std::string_view::npos;  // initials
      double score = known ? kLabel : lex_.common_words.contains(n.last) ? kCommonWord : kAddressOwner;
      Emit(t, n, score, "name before address", out);
    }
  }

  // True when a word in [b, e) is a given name of the gazetteer ("Klaus Ade
  // Johnstad": Ade), so that the whole name, not a part, wins.
  bool AnyGivenName(std::string_view t, size_t b, size_t e) const {
    for (size_t p = b; p < e;) {
      size_t q = p;
      while (q < e && !IsBlank(t[q]) && t[q] != '-') ++q;
      if (q > p && lex_.first_names.contains(LowerAscii(t.substr(p, q - p)))) return true;
      p = q + 1;
    }
    return false;
  }

  static bool IsAddressByte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-' || c == '+' || c == '%' || c == '=';
  }

  // Back from `e` over the words of a name on this line: capitalised words,
  // initials and tussenvoegsels, at most six; not over a stop word
  // ("Copyright", "Thanks"), a company word or anything else. Starts at the
  // first capitalised word of the run; `e` when there is no run.
  size_t NameRunStart(std::string_view t, size_t e) const {
    size_t b = e, p = e;
    for (int words = 0; words < 6 && p > 0; ++words) {
      size_t we = p;
      size_t wb = we;
      while (wb > 0 && !IsBlank(t[wb - 1]) && t[wb - 1] != '\n' && t[wb - 1] != '"' && t[wb - 1] != '(') --wb;
      if (wb == we) break;
      std::string_view w = t.substr(wb, we - wb);
      std::string lw = LowerAscii(w);
      if (lex_.stopwords.contains(lw) || lex_.company_markers.contains(lw)) break;
      bool prefix = lex_.prefixes.contains(lw);
      bool cap = IsUpperAt(t, wb) && WordAt(t, wb).size() == w.size() && w.back() != '.' &&
                 w.back() != '-' && w.back() != '\'';
      bool initials = IsUpperAt(t, wb) && w.back() == '.' && w.size() <= 6;
      if (!prefix && !cap && !initials) break;
      if (cap || initials) b = wb;
      if (wb == 0 || t[wb - 1] != ' ' || (wb >= 2 && t[wb - 2] == ' ' && words > 0)) break;
      p = wb - 1;
    }
    return b;
  }

  // Hyperscan found "J.P. de Vr" (ends after two letters of the surname) or
  // "Vries, J." (ends after an initial).
  void FromInitials(std::string_view t, uint32_t end, std::vector<Candidate>& out) const {
    if (end < 4) return;
    if (t[end - 1] == '.') {
      size_t comma = t.rfind(',', end);
      if (comma == std::string_view::npos || end - comma > 6) return;
      ParsedName n = ParseSurnameFirst(t, comma, lex_);
      if (!n.ok()) return;
      bool at_start = OnlyBlanksBetween(t, LineStart(t, n.begin), n.begin);
      double score = (KnownSurname(n) || n.prefixes > 0) ? 0.85 : at_start ? 0.7 : 0.5;
      Emit(t, n, score, "surname, initials", out);
      return;
    }
    // Walk back from the surname ("Vr" or "IJz" ends the match) over
    // tussenvoegsels to the initials.
    size_t surname = t.rfind(' ', end - 1);
    if (surname == std::string_view::npos) return;
    ++surname;
    size_t start = surname;
    size_t p = surname;
    for (int i = 0; i < 6 && p > 0; ++i) {
      size_t q = p;
      while (q > 0 && t[q - 1] == ' ') --q;
      if (q == p || q == 0) break;
      size_t wb = q;
      while (wb > 0 && !IsBlank(t[wb - 1]) && t[wb - 1] != '\n' && t[wb - 1] != '(' && t[wb - 1] != '"') --wb;
      std::string_view w = t.substr(wb, q - wb);
      if (!w.empty() && w.back() == '.') {
        start = wb;  // an initials group
      } else if (!lex_.prefixes.contains(LowerAscii(w))) {
        break;
      }
      p = wb;
    }
    if (start == surname) return;
    // "Mark J. Wielaard": a given name before the initials keeps its name.
    if (start >= 2 && t[start - 1] == ' ') {
      size_t gb = start - 1;
      while (gb > 0 && IsLetterAt(t, gb - 1)) --gb;
      while (gb > 0 && (static_cast<unsigned char>(t[gb]) & 0xC0) == 0x80) ++gb;
      if (gb < start - 1 && IsUpperAt(t, gb) && (gb == 0 || !IsLetterAt(t, gb - 1)) &&
          lex_.first_names.contains(LowerAscii(t.substr(gb, start - 1 - gb)))) {
        ParsedName g = ParseNameAt(t, gb, lex_, false);
        if (g.ok() && g.begin == gb && g.end >= end && g.surnames > 0) {
          Emit(t, g, kInitials, "given name, initials + surname", out);
          return;
        }
      }
    }
    ParsedName n = ParseNameAt(t, start, lex_, false);
    if (!n.ok() || n.initials == 0 || n.surnames == 0 || n.end < end) return;
    std::string initials = LowerAscii(t.substr(n.begin, 4));
    if (initials.starts_with("b.v.") || initials.starts_with("n.v.") || initials.starts_with("c.v.") ||
        initials.starts_with("v.o.")) {
      return;
    }
    Emit(t, n, kInitials, "initials + surname", out);
  }

  NameLexicon lex_;
  uint32_t first_names_, salutations_, greetings_, signoffs_, labels_;
};

void Fill(const rules::RuleSet& rules, const char* name, WordSet& out) {
  auto it = rules.lexicons.find(name);
  if (it == rules.lexicons.end()) return;
  out.reserve(out.size() + it->second.size());  // the gazetteers: thousands of words, no rehash
  for (const auto& term : it->second) out.insert(LowerAscii(term));
}

}  // namespace

Result<std::unique_ptr<Finder>> MakePersonNameFinder(const rules::RuleSet& rules, const LexiconIds& ids) {
  for (const char* needed : {"first_names", "surnames", "name_prefixes"}) {
    if (!rules.lexicons.contains(needed)) {
      return Fail(std::string("person_name: lexicon '") + needed + "' is missing");
    }
  }
  NameLexicon lex;
  Fill(rules, "first_names", lex.first_names);
  Fill(rules, "surnames", lex.surnames);
  Fill(rules, "name_prefixes", lex.prefixes);
  Fill(rules, "common_words_nl", lex.common_words);
  Fill(rules, "company_markers", lex.company_markers);
  Fill(rules, "street_suffixes", lex.street_suffixes);
  Fill(rules, "name_stopwords", lex.stopwords);
  if (auto it = rules.lexicons.find("organisation_words"); it != rules.lexicons.end()) {
    for (const auto& term : it->second) lex.organisation_words.Add(term);
  }
  return std::unique_ptr<Finder>(new PersonNameFinder(std::move(lex), ids));
}

}  // namespace piiscan::detectors
