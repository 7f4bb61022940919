#include "core/glob.h"

namespace piiscan {
namespace {

bool ClassMatch(std::string_view p, size_t& i, char c) {
  // p[i] == '['; on return i is past the closing ']'.
  size_t j = i + 1;
  bool negate = j < p.size() && (p[j] == '!' || p[j] == '^');
  if (negate) ++j;
  bool matched = false;
  bool first = true;
  for (; j < p.size() && (p[j] != ']' || first); ++j) {
    first = false;
    if (j + 2 < p.size() && p[j + 1] == '-' && p[j + 2] != ']') {
      if (c >= p[j] && c <= p[j + 2]) matched = true;
      j += 2;
    } else if (p[j] == c) {
      matched = true;
    }
  }
  i = j < p.size() ? j + 1 : j;
  return matched != negate;
}

bool Match(std::string_view p, std::string_view s) {
  size_t pi = 0, si = 0;
  while (pi < p.size()) {
    if (p[pi] == '*') {
      bool dbl = pi + 1 < p.size() && p[pi + 1] == '*';
      if (dbl) {
        size_t rest = pi + 2;
        // "**/" may match nothing at all.
        if (rest < p.size() && p[rest] == '/' && Match(p.substr(rest + 1), s.substr(si))) return true;
        for (size_t k = si; k <= s.size(); ++k) {
          if (Match(p.substr(rest), s.substr(k))) return true;
        }
        return false;
      }
      for (size_t k = si; k <= s.size(); ++k) {
        if (Match(p.substr(pi + 1), s.substr(k))) return true;
        if (k < s.size() && s[k] == '/') break;
      }
      return false;
    }
    if (si >= s.size()) return false;
    if (p[pi] == '?') {
      if (s[si] == '/') return false;
      ++pi;
      ++si;
    } else if (p[pi] == '[') {
      if (!ClassMatch(p, pi, s[si])) return false;
      ++si;
    } else {
      if (p[pi] != s[si]) return false;
      ++pi;
      ++si;
    }
  }
  return si == s.size();
}

}  // namespace

bool GlobMatch(std::string_view pattern, std::string_view path) { return Match(pattern, path); }

bool GlobMatchesPath(std::string_view pattern, std::string_view path) {
  if (Match(pattern, path)) return true;
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '/' && Match(pattern, path.substr(i + 1))) return true;
  }
  return false;
}

}  // namespace piiscan
