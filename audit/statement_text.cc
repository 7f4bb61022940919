#include "audit/statement_text.h"

#include <algorithm>
#include <regex>
#include <set>

namespace piiscan::audit::statement {
namespace {

// Bytes >= 0x80 belong to (UTF-8) letters such as ë; treat them as word characters.
bool WordChar(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      std::string line(text.substr(start, i - start));
      if (!line.empty() && line.back() == '\r') line.pop_back();
      out.push_back(std::move(line));
      start = i + 1;
    }
  }
  return out;
}

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\xC2\xA0");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

bool IsBlank(std::string_view line) {
  for (unsigned char c : line) {
    if (!std::isspace(c) && c != 0xC2 && c != 0xA0) return false;
  }
  return true;
}

// "1. Naam: benodigd voor het lidmaatschap": an item of a numbered list whose
// label is explained in prose is a list of data, not a "label: value" table
// line. Bulleted "• Waarom?: ..." lines stay a table: they are often the
// fields of a form ("• Bewaartermijn: ...") rather than data.
bool ExplainedItem(std::string_view line, size_t colon) {
  size_t b = line.find_first_not_of(" \t");
  if (b == std::string_view::npos || b >= colon) return false;
  std::string_view head = line.substr(b, colon - b);
  size_t d = 0;
  while (d < head.size() && std::isdigit(static_cast<unsigned char>(head[d]))) ++d;
  bool numbered = d > 0 && d <= 2 && d < head.size() && (head[d] == '.' || head[d] == ')');
  if (!numbered) return false;
  std::string_view value = line.substr(colon + 1);
  size_t words = 0;
  bool in_word = false;
  for (char c : value) {
    bool letter = std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80);
    if (letter && !in_word) ++words;
    in_word = letter;
  }
  return words >= 3;
}

bool IsTableLine(std::string_view line) {
  if (line.find('\t') != std::string_view::npos) return true;
  auto colon = line.find(':');
  return colon != std::string_view::npos && colon > 0 && colon <= 30 && colon + 1 < line.size() &&
         !ExplainedItem(line, colon);
}

bool LooksLikeHeading(const std::vector<std::string>& lines) {
  if (lines.size() != 1) return false;
  const std::string& l = lines[0];
  if (l.size() > 70 || l.empty()) return false;
  char last = l.back();
  if (last == '.' || last == ';' || last == ',') return false;
  size_t words = 1 + std::count(l.begin(), l.end(), ' ');
  // "Wij verwerken de volgende gegevens via de chatfunctie:" leads a list; a
  // title with a colon is short ("Contactgegevens:").
  if (last == ':' && words >= 5) return false;
  // "• IP-adres", "- Naam": an item of a list, not a title.
  std::string_view first = std::string_view(l).substr(l.find_first_not_of(" \t") == std::string::npos ? 0 : l.find_first_not_of(" \t"));
  for (std::string_view bullet : {"- ", "* ", "\u2022", "\u2013 ", "\u00b7"}) {
    if (first.starts_with(bullet)) return false;
  }
  // Titles start with a capital or a number; "naam, adres, woonplaats" or
  // "het sturen van nieuwsbrieven" on a line of its own is an item of a list.
  unsigned char c0 = static_cast<unsigned char>(first.empty() ? ' ' : first[0]);
  if (std::islower(c0)) return false;
  return words <= 8;
}

bool EndsSentence(std::string_view line) {
  size_t e = line.find_last_not_of(" \t");
  return e != std::string_view::npos && std::string_view(".!?").find(line[e]) != std::string_view::npos;
}

// A line of running text: six words or more, ending a sentence or leading a list.
bool Prose(std::string_view line) {
  size_t e = line.find_last_not_of(" \t");
  return std::count(line.begin(), line.end(), ' ') >= 5 && e != std::string_view::npos &&
         std::string_view(".!?:").find(line[e]) != std::string_view::npos;
}

// A line that can be one item of an unbulleted list: one sentence of at
// most twenty words ("informatie die je zelf invult in een open veld").
bool ShortLine(std::string_view line) {
  return !line.empty() && std::count(line.begin(), line.end(), ' ') < 20 &&
         line.find(". ") == std::string_view::npos;
}

bool EndsWithColon(std::string_view line) {
  size_t e = line.find_last_not_of(" \t");
  return e != std::string_view::npos && line[e] == ':';
}

// "support- en documentensystemen" -> "supportsystemen en documentensystemen"
// when "supportsystemen" (or "support systemen") is a known term.
std::string ExpandElliptic(const std::string& text, const std::set<std::string>& known) {
  static const std::regex kElliptic(R"(([A-Za-z]+)- (en|of|and|or|&) ([A-Za-z\x80-\xff]+))");
  std::string out;
  auto begin = std::sregex_iterator(text.begin(), text.end(), kElliptic);
  size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    std::string head = m[1].str(), word = m[3].str();
    std::string lhead = Lower(head), lword = Lower(word);
    std::string replacement;
    for (size_t k = 1; k + 3 < lword.size() && replacement.empty(); ++k) {
      std::string tail = lword.substr(k);
      if (known.contains(lhead + tail)) replacement = head + word.substr(k);
      else if (known.contains(lhead + " " + tail)) replacement = head + " " + word.substr(k);
    }
    if (replacement.empty()) continue;
    out += text.substr(last, m.position(0) - last);
    out += replacement + " " + m[2].str() + " " + word;
    last = m.position(0) + m.length(0);
  }
  out += text.substr(last);
  return out;
}

// The full stop at `dot` ends an abbreviation or an initial ("d.m.v.",
// "V.C.G.", "D. Van Staden"), not a sentence.
bool Abbreviation(const std::string& line, size_t dot) {
  size_t b = dot;
  while (b > 0 && line[b - 1] != ' ' && line[b - 1] != '\t' && line[b - 1] != '(') --b;
  std::string_view word(line.data() + b, dot - b);
  if (word.size() == 1 && std::isalpha(static_cast<unsigned char>(word[0]))) return true;
  return word.find('.') != std::string_view::npos && word.size() <= 8;
}

std::vector<std::string> SplitSentences(const std::string& line) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i + 2 < line.size(); ++i) {
    char c = line[i];
    if ((c == '.' || c == '!' || c == '?') && line[i + 1] == ' ' &&
        !(c == '.' && Abbreviation(line, i))) {
      size_t j = i + 1;
      while (j < line.size() && line[j] == ' ') ++j;
      if (j >= line.size()) break;
      unsigned char n = line[j];
      if (std::isupper(n) || std::isdigit(n) || n == '"' || n == '(' || n >= 0xC0) {
        out.push_back(Trim(line.substr(start, i + 1 - start)));
        start = j;
      }
    }
  }
  auto rest = Trim(line.substr(start));
  if (!rest.empty()) out.push_back(rest);
  return out;
}

}  // namespace

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  // Curly quotes around words ("‘bijzondere’ en/of ‘gevoelige
  // persoonsgegevens’") become spaces, so that the quoted words are found as
  // written; three bytes for three, so offsets stay those of the text.
  for (size_t at = out.find("\xe2\x80"); at != std::string::npos; at = out.find("\xe2\x80", at + 1)) {
    if (at + 2 >= out.size()) break;
    unsigned char k = static_cast<unsigned char>(out[at + 2]);
    if (k == 0x98 || k == 0x99 || k == 0x9c || k == 0x9d) out.replace(at, 3, "   ");
  }
  return out;
}

std::string RegexEscape(std::string_view s) {
  static const std::string_view kSpecial = R"(\^$.|?*+()[]{})";
  std::string out;
  for (char c : s) {
    if (kSpecial.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string Quote(std::string_view s, size_t max) {
  std::string out;
  for (char c : s) {
    bool space = c == '\n' || c == '\t' || c == '\r' || c == ' ';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else if (static_cast<unsigned char>(c) >= 0x20) {
      out += c;
    }
  }
  if (out.size() > max) {
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "…";
  }
  return out;
}

std::vector<Paragraph> Segment(std::string_view text, const std::vector<std::string>& known_terms) {
  std::set<std::string> known(known_terms.begin(), known_terms.end());
  std::vector<Paragraph> out;
  std::vector<std::string> block;
  // Inside a list that a line ending in ':' leads into: its short lines are
  // items, also when each stands alone between blank lines (they would look
  // like titles). The list ends at the first longer line.
  bool in_list = false;
  auto flush = [&] {
    if (block.empty()) return;
    Paragraph p;
    size_t table_lines = std::count_if(block.begin(), block.end(), [](const auto& l) { return IsTableLine(l); });
    p.table = block.size() >= 2 && table_lines * 2 >= block.size();
    bool items = in_list && block.size() == 1 && ShortLine(block[0]) && !EndsWithColon(block[0]);
    p.heading = !p.table && !items && LooksLikeHeading(block);
    for (const auto& line : block) {
      bool item = in_list && ShortLine(line) && !EndsWithColon(line);
      p.text += (p.text.empty() ? "" : "\n") + line;
      for (auto& s : SplitSentences(ExpandElliptic(line, known))) {
        Sentence sentence{s, Lower(s), item};
        p.sentences.push_back(std::move(sentence));
      }
      in_list = EndsWithColon(line) || item;
    }
    if (p.table) in_list = false;
    out.push_back(std::move(p));
    block.clear();
  };
  auto lines = Lines(text);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (IsBlank(lines[i])) {
      flush();
      continue;
    }
    std::string line = Trim(lines[i]);
    // A title inside a block with no blank lines ("...antwoord.\nNieuwsbrief\n
    // Wij hebben een nieuwsbrief ...") stands as a paragraph of its own.
    std::string next = i + 1 < lines.size() ? Trim(lines[i + 1]) : "";
    if (!block.empty() && !in_list && EndsSentence(block.back()) && LooksLikeHeading({line}) &&
        Prose(next)) {
      flush();
      block.push_back(line);
      flush();
      continue;
    }
    block.push_back(line);
  }
  flush();
  return out;
}

std::vector<Match> FindTerms(const Sentence& s, const std::vector<std::string>& terms,
                             const std::vector<bool>& case_sensitive) {
  std::vector<Match> all;
  for (size_t t = 0; t < terms.size(); ++t) {
    bool cs = t < case_sensitive.size() && case_sensitive[t];
    const std::string& hay = cs ? s.text : s.lower;
    const std::string& needle = terms[t];
    if (needle.empty()) continue;
    for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) {
      size_t e = p + needle.size();
      bool left_ok = p == 0 || !WordChar(hay[p - 1]) || !WordChar(needle.front());
      bool right_ok = e == hay.size() || !WordChar(hay[e]) || !WordChar(needle.back());
      if (left_ok && right_ok) all.push_back(Match{p, e, t});
    }
  }
  std::stable_sort(all.begin(), all.end(), [](const Match& a, const Match& b) {
    return (a.end - a.begin) > (b.end - b.begin);
  });
  std::vector<Match> kept;
  for (const auto& m : all) {
    bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const Match& k) {
      return m.begin < k.end && k.begin < m.end;
    });
    if (!overlaps) kept.push_back(m);
  }
  std::sort(kept.begin(), kept.end(), [](const Match& a, const Match& b) { return a.begin < b.begin; });
  return kept;
}

bool ContainsAnyWord(std::string_view lower, const std::vector<std::string>& words) {
  Sentence s{std::string(lower), std::string(lower)};
  return !FindTerms(s, words).empty();
}

std::vector<std::string> WordsBefore(std::string_view lower, size_t pos, size_t max_words) {
  std::vector<std::string> out;
  size_t i = std::min(pos, lower.size());
  while (out.size() < max_words && i > 0) {
    while (i > 0 && !WordChar(lower[i - 1]) && lower[i - 1] != '-') {
      // Punctuation other than spaces ends the phrase a word can belong to,
      // except list separators, which the caller sees as words of their own.
      char c = lower[i - 1];
      if (c == ',' || c == ';') {
        out.push_back(std::string(1, c));
        if (out.size() >= max_words) return out;
      } else if (c != ' ' && c != '\'' && c != '"') {
        return out;
      }
      --i;
    }
    size_t end = i;
    while (i > 0 && (WordChar(lower[i - 1]) || lower[i - 1] == '-')) --i;
    if (end > i) out.emplace_back(lower.substr(i, end - i));
  }
  return out;
}

}  // namespace piiscan::audit::statement
