#pragma once
// A privacy statement as `register draft` reads it: paragraphs (blank-line
// separated), headings (short lines that title what follows), sentences, and
// whole-word phrase search. Pure data and functions; thread-safe.

#include <string>
#include <string_view>
#include <vector>

namespace piiscan::audit::statement {

struct Sentence {
  std::string text;   // as written, Dutch elliptic compounds expanded
  std::string lower;  // ASCII-lowered `text`, same byte offsets
  // A line of an unbulleted list: one of the short lines after a line that
  // ends in ':' ("... de volgende gegevens:" / "Naam" / "E-mailadres").
  bool list_item = false;
};

struct Paragraph {
  std::vector<Sentence> sentences;
  bool heading = false;  // a title line: short, no full stop
  bool table = false;    // mostly "label: value" or tabbed lines (contact blocks, contents)
  std::string text;      // the paragraph as written
};

// Splits a statement into paragraphs and sentences. `expand` is asked
// whether a word is a known term, to expand "support- en documentsystemen"
// into "supportsystemen en documentsystemen".
std::vector<Paragraph> Segment(std::string_view text, const std::vector<std::string>& known_terms);

struct Match {
  size_t begin = 0, end = 0;  // byte offsets in the sentence
  size_t term = 0;            // index into the searched terms
};

// Whole-word occurrences of `terms` (lower case) in `lower`, longest first
// where they overlap. `case_sensitive_text`, when given, is searched instead
// for terms whose index is flagged in `case_sensitive`.
std::vector<Match> FindTerms(const Sentence& s, const std::vector<std::string>& terms,
                             const std::vector<bool>& case_sensitive = {});

// True when `lower` contains any of the words (whole words).
bool ContainsAnyWord(std::string_view lower, const std::vector<std::string>& words);

// The words (runs of letters/digits, hyphens kept) of `lower` ending before `pos`, nearest first.
std::vector<std::string> WordsBefore(std::string_view lower, size_t pos, size_t max_words);

std::string Lower(std::string_view s);
// `s` with the characters special in an ECMAScript regular expression escaped.
std::string RegexEscape(std::string_view s);
// Collapses whitespace and cuts to `max` bytes on a character boundary ("…").
std::string Quote(std::string_view s, size_t max = 160);

}  // namespace piiscan::audit::statement
