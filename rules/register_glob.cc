#include "rules/register_glob.h"

#include "core/glob.h"


namespace piiscan::rules {
namespace {

// The project's one glob matcher (core/glob.h), whole-string.
bool Match(std::string_view g, std::string_view t) { return piiscan::GlobMatch(g, t); }

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
  return NormalisedGlobCovers(NormalisePath(glob_in), NormalisePath(path_in));
}

bool NormalisedGlobCovers(std::string_view glob, std::string_view path) {
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
