#include "rules/register_glob.h"

namespace piiscan::rules {
namespace {

// Depth guard: pathological globs ("*a*a*a*...") stay bounded.
bool Match(std::string_view g, std::string_view t, int budget) {
  if (budget <= 0) return false;
  while (!g.empty()) {
    if (g.starts_with("**")) {
      g.remove_prefix(2);
      bool dir_form = g.starts_with('/');
      if (dir_form) g.remove_prefix(1);
      if (g.empty()) return true;
      for (size_t i = 0; i <= t.size(); ++i) {
        // "**/" matches zero or more whole folders: restart only after a '/'.
        if (dir_form && i > 0 && t[i - 1] != '/') continue;
        if (Match(g, t.substr(i), budget - 1)) return true;
      }
      return false;
    }
    if (g[0] == '*') {
      g.remove_prefix(1);
      for (size_t i = 0; i <= t.size(); ++i) {
        if (Match(g, t.substr(i), budget - 1)) return true;
        if (i < t.size() && t[i] == '/') break;
      }
      return false;
    }
    if (t.empty()) return false;
    if (g[0] == '?') {
      if (t[0] == '/') return false;
    } else if (g[0] != t[0]) {
      return false;
    }
    g.remove_prefix(1);
    t.remove_prefix(1);
  }
  return t.empty();
}

bool MatchWholeOrFolder(std::string_view g, std::string_view t) {
  if (Match(g, t, 10000)) return true;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '/' && i > 0 && Match(g, t.substr(0, i), 10000)) return true;
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

bool GlobMatch(std::string_view glob, std::string_view text) { return Match(glob, text, 10000); }

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
