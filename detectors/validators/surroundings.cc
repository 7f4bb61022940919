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

}  // namespace

// A number that goes on from "<digit>:" or "<digit>." continues another
// number — the seconds of "11:15:03 2022 -0600", a version, a decimal — and
// cannot be the start of a phone number, whose digits would otherwise read
// as a valid 03 area code.
SurroundingsVerdict PhoneSurroundings(std::string_view text, size_t begin, size_t) {
  if (begin >= 2 && (text[begin - 1] == ':' || text[begin - 1] == '.') && IsDigit(text[begin - 2])) {
    return {.reject = true};
  }
  return {};
}

// An unbroken digit run glued to a word by '/', '-', '_', '.' or '#' is one
// part of an identifier — a URL path, a file name, a test-case or commit id —
// not a card number someone wrote down; it stays visible at low.
SurroundingsVerdict CardSurroundings(std::string_view text, size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i) {
    if (!IsDigit(text[i])) return {};  // written in groups: as a person writes a card
  }
  auto glue = [](char c) { return c == '/' || c == '-' || c == '_' || c == '.' || c == '#'; };
  bool left = begin >= 2 && glue(text[begin - 1]) && IsAlnum(text[begin - 2]);
  bool right = end + 1 < text.size() && glue(text[end]) && IsAlnum(text[end + 1]);
  if (left || right) return {.score_delta = -0.35, .note = "digits inside a URL, path or identifier"};
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
  return nullptr;
}

}  // namespace piiscan::detectors
