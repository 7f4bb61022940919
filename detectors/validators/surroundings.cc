#include "detectors/validators/surroundings.h"

#include <algorithm>

namespace piiscan::detectors {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool StartsWithCaseless(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(s[i]) != prefix[i]) return false;
  }
  return true;
}

// The line holding `pos`: [start, end) without the '\n'.
std::string_view LineAt(std::string_view text, size_t pos) {
  size_t start = text.rfind('\n', pos == 0 ? 0 : pos - 1);
  start = (start == std::string_view::npos || pos == 0) ? 0 : start + 1;
  size_t end = text.find('\n', pos);
  if (end == std::string_view::npos) end = text.size();
  return text.substr(start, end - start);
}

// An unbroken digit run glued to a word by '/', '-', '_', '.' or '#' is one
// part of an identifier — a URL path, a file name, a test-case or commit id —
// and one between backticks is code; neither is a number someone wrote down.
bool InsideIdentifier(std::string_view text, size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i) {
    if (!IsDigit(text[i])) return false;  // written in groups: as people write numbers
  }
  auto glue = [](char c) { return c == '/' || c == '-' || c == '_' || c == '.' || c == '#'; };
  bool left = begin >= 2 && glue(text[begin - 1]) && IsAlnum(text[begin - 2]);
  bool right = end + 1 < text.size() && glue(text[end]) && IsAlnum(text[end + 1]);
  bool code = begin >= 1 && end < text.size() && text[begin - 1] == '`' && text[end] == '`';
  return left || right || code;
}

// Pairs of digits, single-spaced, with one more pair right before or after:
// a byte dump ("<Buffer 01 02 03 04 05 06>", "00 00 02 00 00 00"), of which
// any five pairs can read as a phone number written "06 12 34 56 78".
bool InsideByteRow(std::string_view text, size_t begin, size_t end) {
  if ((end - begin) % 3 != 2) return false;
  for (size_t i = begin; i < end; ++i) {
    if ((i - begin) % 3 == 2 ? text[i] != ' ' : !IsDigit(text[i])) return false;
  }
  auto hex = [](char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); };
  bool before = begin >= 3 && text[begin - 1] == ' ' && hex(text[begin - 2]) && hex(text[begin - 3]);
  bool after = end + 2 < text.size() && text[end] == ' ' && hex(text[end + 1]) && hex(text[end + 2]);
  return before || after;
}

}  // namespace

// A number that goes on from "<digit>:" or "<digit>." continues another
// number — the seconds of "11:15:03 2022 -0600", a version, a decimal — and
// cannot be the start of a phone number, whose digits would otherwise read
// as a valid 03 area code. Identifiers, code and byte dumps are no phone
// numbers either.
SurroundingsVerdict PhoneSurroundings(std::string_view text, size_t begin, size_t end) {
  if (begin >= 2 && (text[begin - 1] == ':' || text[begin - 1] == '.') && IsDigit(text[begin - 2])) {
    return {.reject = true};
  }
  if (InsideIdentifier(text, begin, end) || InsideByteRow(text, begin, end)) return {.reject = true};
  return {};
}

// A card number inside an identifier (a fuzzer test-case id in a URL or file
// name) stays visible, at low.
SurroundingsVerdict CardSurroundings(std::string_view text, size_t begin, size_t end) {
  if (InsideIdentifier(text, begin, end)) {
    return {.score_delta = -0.35, .note = "digits inside a URL, path, identifier or code"};
  }
  return {};
}

// "1234 AB" is an address line's postcode when a place name, a comma, "te"
// or the line's end follows. Glued into a range, a tag or an identifier
// ("1994-1995 DJ", "ISO-3166 MA", "#2082 AM", "!1673 CI"), followed by code
// ("2003 AT (10", "2001 IN \"ChangeLog\"", "CI:", "AM/PM"), or after a
// word in capitals ("ID 2003 AT") it is a year or a number with two
// capitals: low, unless an address around it says otherwise.
SurroundingsVerdict PostcodeSurroundings(std::string_view text, size_t begin, size_t end) {
  constexpr SurroundingsVerdict kWeak{.score_delta = -0.25, .note = "not written as an address line"};
  if (begin >= 1) {
    char b = text[begin - 1];
    if (b == '#' || b == '!' || b == '/' || (b == '-' && begin >= 2 && IsAlnum(text[begin - 2]))) return kWeak;
  }
  size_t a = end;
  while (a < text.size() && (text[a] == ' ' || text[a] == '\t')) ++a;
  if (a < text.size()) {
    char c = text[a];
    bool te = text.substr(a, 3) == "te " || text.substr(a, 3) == "TE ";
    if (c == '(' || c == '"' || c == ':' || c == '/' || IsDigit(c) || (c >= 'a' && c <= 'z' && !te)) return kWeak;
  }
  size_t p = begin;
  while (p > 0 && text[p - 1] == ' ') --p;
  if (p < begin && p >= 2) {
    size_t w = p;
    while (w > 0 && text[w - 1] >= 'A' && text[w - 1] <= 'Z') --w;
    bool word_start = w == 0 || text[w - 1] == ' ' || text[w - 1] == '\t' || text[w - 1] == '\n';
    if (p - w >= 2 && word_start) return kWeak;
  }
  return {};
}

// "<id@host>" in a Message-ID, In-Reply-To, References or Content-ID header
// (also quoted, indented, in a changelog; also on a folded continuation
// line) names a message, not a mailbox.
SurroundingsVerdict EmailSurroundings(std::string_view text, size_t begin, size_t) {
  if (begin == 0 || text[begin - 1] != '<') return {};
  static constexpr std::string_view kIdFields[] = {"message-id:", "in-reply-to:", "references:",
                                                   "content-id:", "resent-message-id:"};
  size_t pos = begin;
  for (int up = 0; up < 16; ++up) {  // a long References header folds over lines
    std::string_view line = LineAt(text, pos);
    size_t lead = std::min(line.find_first_not_of(" \t>"), line.size());
    for (auto f : kIdFields) {
      if (StartsWithCaseless(line.substr(lead), f)) return {.reject = true};
    }
    bool continuation = lead > 0 && line.size() > lead && line[lead] == '<';
    size_t start = static_cast<size_t>(line.data() - text.data());
    if (!continuation || start == 0) break;
    pos = start - 1;
  }
  return {};
}

SurroundingsFn FindSurroundingsCheck(std::string_view validator) {
  if (validator == "phone_nl") return PhoneSurroundings;
  if (validator == "creditcard") return CardSurroundings;
  if (validator == "email") return EmailSurroundings;
  if (validator == "postcode_nl") return PostcodeSurroundings;
  return nullptr;
}

}  // namespace piiscan::detectors
