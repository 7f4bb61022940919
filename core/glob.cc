#include "core/glob.h"

#include <cstdint>
#include <vector>

namespace piiscan {
namespace {

// `p[i]` is '['; matches `c` against the class and sets `i` past its ']'.
bool ClassMatch(std::string_view p, size_t& i, char c) {
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

// Memoised over (pattern position, text position), so that patterns like
// "*a*a*a*b" cost at most |pattern| x |text| steps instead of exponential.
class Matcher {
 public:
  Matcher(std::string_view p, std::string_view t)
      : p_(p), t_(t), memo_((p.size() + 1) * (t.size() + 1), -1) {}
  bool Run() { return At(0, 0); }

 private:
  bool At(size_t pi, size_t ti) {
    int8_t& m = memo_[pi * (t_.size() + 1) + ti];
    if (m < 0) m = Compute(pi, ti) ? 1 : 0;
    return m == 1;
  }
  bool Compute(size_t pi, size_t ti) {
    if (pi == p_.size()) return ti == t_.size();
    if (p_.compare(pi, 2, "**") == 0) {
      size_t next = pi + 2;
      bool dir_form = next < p_.size() && p_[next] == '/';
      if (dir_form) ++next;
      if (next == p_.size()) return true;
      for (size_t i = ti; i <= t_.size(); ++i) {
        // "**/" matches zero or more whole folders: restart only after a '/'.
        if (dir_form && i > ti && t_[i - 1] != '/') continue;
        if (At(next, i)) return true;
      }
      return false;
    }
    if (p_[pi] == '*') {
      for (size_t i = ti; i <= t_.size(); ++i) {
        if (At(pi + 1, i)) return true;
        if (i < t_.size() && t_[i] == '/') break;
      }
      return false;
    }
    if (ti == t_.size()) return false;
    if (p_[pi] == '?') return t_[ti] != '/' && At(pi + 1, ti + 1);
    if (p_[pi] == '[') {
      size_t after = pi;
      return ClassMatch(p_, after, t_[ti]) && At(after, ti + 1);
    }
    return p_[pi] == t_[ti] && At(pi + 1, ti + 1);
  }

  std::string_view p_, t_;
  std::vector<int8_t> memo_;
};

bool Match(std::string_view p, std::string_view s) {
  // Literal patterns are common (register locations, excludes): no table.
  if (p.find_first_of("*?[") == std::string_view::npos) return p == s;
  return Matcher(p, s).Run();
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
