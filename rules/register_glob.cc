#include "rules/register_glob.h"

#include <cstdint>
#include <vector>

namespace piiscan::rules {
namespace {

// Memoised over (glob position, text position), so that globs like
// "*a*a*a*b" cost at most |glob| x |text| steps.
class Matcher {
 public:
  Matcher(std::string_view g, std::string_view t)
      : g_(g), t_(t), memo_((g.size() + 1) * (t.size() + 1), -1) {}
  bool Run() { return At(0, 0); }

 private:
  bool At(size_t gi, size_t ti) {
    int8_t& m = memo_[gi * (t_.size() + 1) + ti];
    if (m < 0) m = Compute(gi, ti) ? 1 : 0;
    return m == 1;
  }
  bool Compute(size_t gi, size_t ti) {
    if (gi == g_.size()) return ti == t_.size();
    if (g_.compare(gi, 2, "**") == 0) {
      size_t next = gi + 2;
      bool dir_form = next < g_.size() && g_[next] == '/';
      if (dir_form) ++next;
      if (next == g_.size()) return true;
      for (size_t i = ti; i <= t_.size(); ++i) {
        // "**/" matches zero or more whole folders: restart only after a '/'.
        if (dir_form && i > ti && t_[i - 1] != '/') continue;
        if (At(next, i)) return true;
      }
      return false;
    }
    if (g_[gi] == '*') {
      for (size_t i = ti; i <= t_.size(); ++i) {
        if (At(gi + 1, i)) return true;
        if (i < t_.size() && t_[i] == '/') break;
      }
      return false;
    }
    if (ti == t_.size()) return false;
    if (g_[gi] == '?') return t_[ti] != '/' && At(gi + 1, ti + 1);
    return g_[gi] == t_[ti] && At(gi + 1, ti + 1);
  }

  std::string_view g_, t_;
  std::vector<int8_t> memo_;
};

bool Match(std::string_view g, std::string_view t) {
  // Cheap exits before allocating the table: literal globs are common.
  if (g.find_first_of("*?") == std::string_view::npos) return g == t;
  return Matcher(g, t).Run();
}

bool MatchWholeOrFolder(std::string_view g, std::string_view t) {
  if (Match(g, t)) return true;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '/' && i > 0 && Match(g, t.substr(0, i))) return true;
  }
  return false;
}

}  // namespace

std::string NormalisePath(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (char c : path) {
    if (c == '\\') c = '/';
    if (c == '/' && !out.empty() && out.back() == '/') continue;
    out.push_back(c);
  }
  while (out.starts_with("./")) out.erase(0, 2);
  if (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

bool GlobMatch(std::string_view glob, std::string_view text) { return Match(glob, text); }

bool GlobCovers(std::string_view glob_in, std::string_view path_in) {
  std::string glob = NormalisePath(glob_in);
  std::string path = NormalisePath(path_in);
  if (glob.empty()) return false;
  if (glob.starts_with('/')) return MatchWholeOrFolder(glob, path);
  std::string_view p = path;
  if (p.starts_with('/')) p.remove_prefix(1);
  for (size_t i = 0; i <= p.size(); ++i) {
    if (i > 0 && p[i - 1] != '/') continue;
    if (i == p.size()) break;
    if (MatchWholeOrFolder(glob, p.substr(i))) return true;
  }
  return false;
}

int GlobSpecificity(std::string_view glob) {
  int n = 0;
  for (char c : glob) {
    if (c != '*' && c != '?') ++n;
  }
  return n;
}

}  // namespace piiscan::rules
