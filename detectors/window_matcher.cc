#include "detectors/window_matcher.h"

namespace piiscan::detectors {
namespace {

// Windows longer than this are searched directly: shapes of long windows
// rarely repeat, and spans must fit 16 bits.
constexpr uint32_t kMaxShapeWindow = 256;
constexpr size_t kMaxShapes = 4096;
// After this many lookups, shapes are given up when fewer than a quarter
// came back: each miss costs more than a plain search.
constexpr uint64_t kShapeTrial = 1024;

inline bool IsDigit(char c) { return static_cast<unsigned char>(c - '0') < 10; }

// True when a repetition count "{m}", "{m,}" or "{m,n}" starts at p[i].
bool IsCount(std::string_view p, size_t i) {
  size_t close = p.find('}', i);
  if (close == std::string_view::npos || close == i + 1) return false;
  std::string_view inner = p.substr(i + 1, close - i - 1);
  size_t comma = inner.find(',');
  std::string_view m = inner.substr(0, comma);
  std::string_view rest = comma == std::string_view::npos ? std::string_view{} : inner.substr(comma + 1);
  auto digits = [](std::string_view s) {
    for (char d : s) {
      if (!IsDigit(d)) return false;
    }
    return true;
  };
  return !m.empty() && digits(m) && digits(rest) && rest.find(',') == std::string_view::npos;
}

// Walks `pattern`, calling `on_class_byte(i)` / `on_plain_byte(i)` for the
// bytes inside / outside character classes, `on_escape(c)` for the byte
// after a backslash outside classes; repetition counts {m,n} are skipped.
// Returns false as soon as a callback does.
template <typename Plain, typename Class, typename Escape>
bool Walk(std::string_view p, Plain on_plain_byte, Class on_class_byte, Escape on_escape) {
  bool in_class = false;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (in_class) {
      if (c == '\\') {
        if (i + 1 < p.size() && !on_escape(p[i + 1])) return false;
        ++i;
      } else if (c == ']') {
        in_class = false;
      } else if (!on_class_byte(i)) {
        return false;
      }
      continue;
    }
    if (c == '\\') {
      if (i + 1 < p.size() && !on_escape(p[i + 1])) return false;
      ++i;
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < p.size() && p[i + 1] == '^') ++i;
      if (i + 1 < p.size() && p[i + 1] == ']') ++i;  // "[]...]": ']' is a member
    } else if (c == '{' && IsCount(p, i)) {
      i = p.find('}', i);
    } else if (!on_plain_byte(i)) {
      return false;
    }
  }
  return true;
}

bool ContextFreeEscape(char e) { return e != 'b' && e != 'B' && e != 'A' && e != 'z'; }

}  // namespace

bool IsContextFree(std::string_view pattern) {
  return Walk(
      pattern, [&](size_t i) { return pattern[i] != '^' && pattern[i] != '$'; },
      [](size_t) { return true; }, [](char e) { return e != 'Q' && ContextFreeEscape(e); });
}

bool IsDigitBlind(std::string_view pattern) {
  if (!IsContextFree(pattern)) return false;
  size_t range_end = 0;  // the '9' of a "0-9" just accepted
  return Walk(
      pattern, [&](size_t i) { return !IsDigit(pattern[i]); },
      [&](size_t i) {
        if (!IsDigit(pattern[i])) return true;
        if (pattern.substr(i, 3) == "0-9") {
          range_end = i + 2;
          return true;
        }
        return i == range_end;
      },
      // \1..\9, \0, \x30, \Q...\E and the like could name one digit.
      [](char e) { return !IsDigit(e) && e != 'x' && e != 'Q' && e != 'p' && e != 'P'; });
}

void ForEachMatch(const RE2& re, int value_group, std::string_view text, uint32_t wb, uint32_t we,
                  uint32_t window, std::vector<WindowMatch>& out, uint32_t stop_at) {
  re2::StringPiece groups[2];
  re2::StringPiece whole(text.data(), text.size());
  const int n = value_group + 1;
  size_t pos = wb;
  // Every match begins at or after `pos`.
  while (pos < we && pos < stop_at && re.Match(whole, pos, we, RE2::UNANCHORED, groups, n)) {
    auto mb = static_cast<uint32_t>(groups[0].data() - text.data());
    if (mb >= stop_at) break;
    auto me = static_cast<uint32_t>(mb + groups[0].size());
    pos = me > pos ? me : pos + 1;
    const re2::StringPiece& v = groups[value_group];
    if (v.data() == nullptr) continue;
    auto vb = static_cast<uint32_t>(v.data() - text.data());
    out.push_back({window, mb, me, vb, static_cast<uint32_t>(vb + v.size())});
  }
}

WindowMatcher::WindowMatcher(const RE2& re, int value_group, std::string_view pattern)
    : re_(re),
      value_group_(value_group),
      digit_blind_(IsDigitBlind(pattern)),
      context_free_(IsContextFree(pattern)) {}

void WindowMatcher::Run(std::string_view text, std::vector<WindowMatch>& out) {
  if (digit_blind_ && (shape_lookups_ < kShapeTrial || shape_hits_ * 4 >= shape_lookups_)) {
    return RunByShape(text, out);
  }
  if (context_free_ && windows_.size() > 1) return RunJoined(text, out);
  for (uint32_t k = 0; k < windows_.size(); ++k) {
    ForEachMatch(re_, value_group_, text, windows_[k].begin, windows_[k].end, k, out);
  }
}

void WindowMatcher::RunByShape(std::string_view text, std::vector<WindowMatch>& out) {
  std::vector<WindowMatch> found;
  for (uint32_t k = 0; k < windows_.size(); ++k) {
    const Window& w = windows_[k];
    const uint32_t len = w.end - w.begin;
    if (len > kMaxShapeWindow) {
      ForEachMatch(re_, value_group_, text, w.begin, w.end, k, out);
      continue;
    }
    shape_.assign(text.substr(w.begin, len));
    for (char& c : shape_) {
      if (IsDigit(c)) c = '0';
    }
    auto it = shapes_.find(shape_);
    ++shape_lookups_;
    if (it != shapes_.end()) {
      ++shape_hits_;
    } else {
      if (shapes_.size() >= kMaxShapes) shapes_.clear();
      found.clear();
      ForEachMatch(re_, value_group_, shape_, 0, len, 0, found);
      std::vector<Span> spans;
      spans.reserve(found.size());
      for (const auto& m : found) {
        spans.push_back({static_cast<uint16_t>(m.begin), static_cast<uint16_t>(m.end),
                         static_cast<uint16_t>(m.value_begin), static_cast<uint16_t>(m.value_end)});
      }
      it = shapes_.emplace(shape_, std::move(spans)).first;
    }
    for (const Span& s : it->second) {
      out.push_back({k, w.begin + s.begin, w.begin + s.end, w.begin + s.value_begin, w.begin + s.value_end});
    }
  }
}

void WindowMatcher::RunJoined(std::string_view text, std::vector<WindowMatch>& out) {
  joined_.clear();
  starts_.clear();
  for (const Window& w : windows_) {
    starts_.push_back(static_cast<uint32_t>(joined_.size()));
    joined_.append(text.substr(w.begin, w.end - w.begin));
    joined_.push_back('\n');
  }
  const size_t n_windows = windows_.size();
  const size_t total = joined_.size();
  auto next_start = [&](size_t k) { return k + 1 < n_windows ? size_t{starts_[k + 1]} : total; };
  re2::StringPiece groups[2];
  re2::StringPiece whole(joined_);
  const int n = value_group_ + 1;
  size_t pos = 0, k = 0;
  while (pos < total && re_.Match(whole, pos, total, RE2::UNANCHORED, groups, n)) {
    auto mb = static_cast<size_t>(groups[0].data() - joined_.data());
    size_t me = mb + groups[0].size();
    while (k + 1 < n_windows && starts_[k + 1] <= mb) ++k;
    const Window& w = windows_[k];
    const size_t wend = starts_[k] + (w.end - w.begin);  // the separator after window k
    if (mb >= wend) {  // no match starts in the rest of window k
      pos = next_start(k);
      continue;
    }
    if (me > wend) {
      // Runs on into the next window: search the rest of window k alone,
      // where a shorter match (or none) may stand.
      uint32_t from = w.begin + static_cast<uint32_t>(pos > starts_[k] ? pos - starts_[k] : 0);
      ForEachMatch(re_, value_group_, text, from, w.end, static_cast<uint32_t>(k), out);
      pos = next_start(k);
      continue;
    }
    pos = me > pos ? me : pos + 1;
    const re2::StringPiece& v = groups[value_group_];
    if (v.data() == nullptr) continue;
    const int64_t shift = int64_t{w.begin} - int64_t{starts_[k]};
    auto vb = static_cast<size_t>(v.data() - joined_.data());
    out.push_back({static_cast<uint32_t>(k), static_cast<uint32_t>(int64_t(mb) + shift),
                   static_cast<uint32_t>(int64_t(me) + shift), static_cast<uint32_t>(int64_t(vb) + shift),
                   static_cast<uint32_t>(int64_t(vb + v.size()) + shift)});
  }
}

}  // namespace piiscan::detectors
