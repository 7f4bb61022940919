#pragma once
// Finds one RE2 pattern's matches in many small windows of a text — the
// numeric detectors' windows around digit-run tokens — for a fraction of
// what one RE2::Match call per window costs (each call pays ~1k
// instructions of set-up, however short the window):
//
// - Patterns blind to digit values (digits only as [0-9] or \d, no
//   anchors or word boundaries; the BSN, KvK and card patterns) give the
//   same matches in every window of the same shape, "0000 0000" for
//   "1234 5678": the matches are computed once per shape and remembered.
//   Windows that take in text around the token (an IBAN's) rarely repeat
//   a shape: when too few shapes come back, the matcher stops remembering
//   and searches as below.
// - Other patterns without anchors or word boundaries (phone numbers,
//   "0[89]0...") are searched in one pass over the windows joined end to
//   end, which costs one call per *match*: most windows hold none.
//   A match that would run from one window into the next is not taken;
//   that window is searched on its own instead, so the matches are exactly
//   those of separate searches.
// - Anything else is searched window by window.
//
// Semantics of every path: those of ForEachMatch over each window in turn.
// Not thread-safe (caches and buffers): one per scanner thread.

#include <re2/re2.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace piiscan::detectors {

// One match, in text offsets: the whole match and the value (the pattern's
// group `value_group`; the whole match when that is 0). `window` is the
// index of the window it was found in (WindowMatcher), 0 for ForEachMatch.
struct WindowMatch {
  uint32_t window;
  uint32_t begin, end;
  uint32_t value_begin, value_end;
};

// Successive non-overlapping matches of `re` in text[wb, we), leftmost
// first, as RE2::Match finds them from wb on. Matches whose value group did
// not take part are skipped. The search ends at the first match that begins
// at or after `stop_at`, which is not taken: a caller that wants only the
// match around one position says so, and is spared a search through the
// rest of the window (a DFA pass that mostly finds nothing).
void ForEachMatch(const RE2& re, int value_group, std::string_view text, uint32_t wb, uint32_t we,
                  uint32_t window, std::vector<WindowMatch>& out, uint32_t stop_at = UINT32_MAX);

// True when `pattern` cannot tell one digit from another (digits appear only
// in the class range 0-9, \d, or repetition counts) and has no anchors or
// word boundaries: its matches in a text depend only on which bytes are
// digits, not on which digits. Conservative: false when unsure.
bool IsDigitBlind(std::string_view pattern);

// True when `pattern` has no anchors or word boundaries (^ $ \b \B \A \z):
// its matches do not depend on the bytes around the searched text.
bool IsContextFree(std::string_view pattern);

class WindowMatcher {
 public:
  // `re` must outlive the matcher.
  WindowMatcher(const RE2& re, int value_group, std::string_view pattern);

  // Windows of the next Run, in any order (overlaps allowed).
  void Clear() { windows_.clear(); }
  void Add(uint32_t wb, uint32_t we) { windows_.push_back({wb, we}); }
  size_t size() const { return windows_.size(); }

  // Appends the matches of every window to `out`, window by window in the
  // order added, each window's in text order.
  void Run(std::string_view text, std::vector<WindowMatch>& out);

 private:
  struct Window {
    uint32_t begin, end;
  };
  struct Span {  // relative to the window
    uint16_t begin, end, value_begin, value_end;
  };
  void RunByShape(std::string_view text, std::vector<WindowMatch>& out);
  void RunJoined(std::string_view text, std::vector<WindowMatch>& out);

  const RE2& re_;
  int value_group_;
  bool digit_blind_;
  bool context_free_;
  uint64_t shape_lookups_ = 0, shape_hits_ = 0;
  std::vector<Window> windows_;
  std::unordered_map<std::string, std::vector<Span>> shapes_;
  std::string shape_;
  std::string joined_;
  std::vector<uint32_t> starts_;  // of each window in joined_
};

}  // namespace piiscan::detectors
