#include "formats/rtf/rtf_reader.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <vector>

#include "formats/text/charset.h"

namespace piiscan::formats::rtf {
namespace {

enum class Dest { kText, kSkip, kFontTable, kInfo, kInfoField };

struct State {
  Dest dest = Dest::kText;
  int uc = 1;        // fallback characters after \uN
  int codepage = 1252;
  std::string_view label;  // for kInfoField
};

constexpr size_t kMaxDepth = 512;

// Destinations whose content is not document text.
bool IsSkippedDestination(std::string_view w) {
  static constexpr std::string_view kSkipped[] = {
      "colortbl", "stylesheet", "listtable", "listoverridetable", "revtbl", "rsidtbl",
      "generator", "xmlnstbl", "themedata", "colorschememapping", "datastore",
      "latentstyles", "pgdsctbl", "filetbl", "pict", "objdata", "fldinst", "bkmkstart",
      "bkmkend", "nonshppict", "sp", "private", "protusertbl", "docvar", "xe", "tc",
      "template", "userprops", "mmathPr", "wgrffmtfilter", "ftnsep", "ftnsepc", "aftnsep",
      "aftnsepc", "blipuid", "fchars", "lchars", "pnseclvl", "listpicture", "mhtmltag",
  };
  return std::find(std::begin(kSkipped), std::end(kSkipped), w) != std::end(kSkipped);
}

// \info fields kept as metadata; the label is the control word.
std::string_view InfoLabel(std::string_view w) {
  static constexpr std::string_view kFields[] = {"author", "operator", "title",   "subject",
                                                 "keywords", "company", "manager", "doccomm",
                                                 "category"};
  for (auto f : kFields) {
    if (f == w) return f;
  }
  return {};
}

int CodepageOfCharset(int charset, int fallback) {
  switch (charset) {
    case 77: return 10000;
    case 128: return 932;
    case 129: return 949;
    case 130: return 1361;
    case 134: return 936;
    case 136: return 950;
    case 161: return 1253;
    case 162: return 1254;
    case 163: return 1258;
    case 177: return 1255;
    case 178: return 1256;
    case 186: return 1257;
    case 204: return 1251;
    case 222: return 874;
    case 238: return 1250;
    case 254: return 437;
    case 255: return 850;
    default: return fallback;  // 0 ANSI, 1 default, 2 symbol
  }
}

void AppendUtf8(uint32_t cp, std::string& out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Windows-1252 0x80-0x9F (0 = undefined); 0xA0-0xFF equal Latin-1.
constexpr uint16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void Cp1252ToUtf8(std::string_view bytes, std::string& out) {
  for (unsigned char c : bytes) {
    uint32_t cp = c;
    if (c >= 0x80 && c < 0xA0) cp = kCp1252High[c - 0x80] ? kCp1252High[c - 0x80] : 0xFFFD;
    AppendUtf8(cp, out);
  }
}

class Reader {
 public:
  Reader(RtfSink& sink, const std::function<bool()>& should_stop)
      : sink_(sink), should_stop_(should_stop) {
    stack_.push_back(State{});
  }

  bool Run(std::string_view rtf);

 private:
  State& state() { return stack_.back(); }
  void OpenGroup();
  void CloseGroup();
  void ControlWord(std::string_view word, bool has_param, int64_t param);
  void ControlSymbol(char c);
  void Byte(char c);
  void Unicode(int64_t n);
  void AddUtf8(std::string_view utf8);
  void FlushBytes();
  void Separator(bool cell);
  bool Skipping() { return skip_ > 0 && skip_-- > 0; }

  RtfSink& sink_;
  const std::function<bool()>& should_stop_;
  std::vector<State> stack_;
  size_t overflow_ = 0;  // groups deeper than kMaxDepth, sharing the top state
  int default_cp_ = 1252;
  std::map<int64_t, int> font_cp_;
  int64_t font_ = 0;  // font being defined in the font table
  int skip_ = 0;      // \uN fallback characters still to skip
  bool star_ = false; // the last token was \*
  std::string bytes_; // code-page bytes not yet converted
  int bytes_cp_ = 1252;
  std::string info_;  // text of the current \info field
  uint32_t high_surrogate_ = 0;
  size_t bin_left_ = 0;
};

bool Reader::Run(std::string_view rtf) {
  size_t i = 0;
  const size_t n = rtf.size();
  size_t next_check = 1 << 16;
  while (i < n) {
    if (i >= next_check) {
      next_check = i + (1 << 16);
      if (should_stop_()) break;
    }
    if (bin_left_ > 0) {  // \binN: raw bytes
      size_t take = std::min(bin_left_, n - i);
      i += take;
      bin_left_ -= take;
      continue;
    }
    char c = rtf[i];
    if (c == '{') {
      ++i;
      OpenGroup();
    } else if (c == '}') {
      ++i;
      CloseGroup();
    } else if (c == '\\') {
      if (i + 1 >= n) break;
      char d = rtf[i + 1];
      if ((d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z')) {
        size_t j = i + 1;
        while (j < n && j - i <= 32 && ((rtf[j] >= 'a' && rtf[j] <= 'z') || (rtf[j] >= 'A' && rtf[j] <= 'Z'))) ++j;
        std::string_view word = rtf.substr(i + 1, j - i - 1);
        bool neg = j < n && rtf[j] == '-';
        size_t k = neg ? j + 1 : j;
        int64_t param = 0;
        size_t digits = 0;
        while (k < n && digits < 10 && rtf[k] >= '0' && rtf[k] <= '9') {
          param = param * 10 + (rtf[k] - '0');
          ++k;
          ++digits;
        }
        bool has_param = digits > 0;
        if (!has_param) k = j;
        if (k < n && rtf[k] == ' ') ++k;
        i = k;
        ControlWord(word, has_param, neg ? -param : param);
      } else if (d == '\'') {
        auto hex = [](char h) -> int {
          if (h >= '0' && h <= '9') return h - '0';
          if (h >= 'a' && h <= 'f') return h - 'a' + 10;
          if (h >= 'A' && h <= 'F') return h - 'A' + 10;
          return -1;
        };
        int hi = i + 2 < n ? hex(rtf[i + 2]) : -1;
        int lo = i + 3 < n ? hex(rtf[i + 3]) : -1;
        i += 4;
        if (hi >= 0 && lo >= 0 && !Skipping()) Byte(static_cast<char>(hi * 16 + lo));
      } else {
        i += 2;
        ControlSymbol(d);
      }
    } else {
      ++i;
      if (c == '\r' || c == '\n') continue;
      if (Skipping()) continue;
      if (c == '\t') {
        Separator(true);
      } else {
        Byte(c);
      }
    }
  }
  FlushBytes();
  return stack_.size() <= 1 && overflow_ == 0;
}

void Reader::OpenGroup() {
  FlushBytes();
  skip_ = 0;
  if (stack_.size() >= kMaxDepth) {
    ++overflow_;
    return;
  }
  stack_.push_back(stack_.back());
}

void Reader::CloseGroup() {
  FlushBytes();
  skip_ = 0;
  star_ = false;
  if (overflow_ > 0) {
    --overflow_;
    return;
  }
  if (stack_.size() <= 1) return;  // unbalanced: ignore the extra brace
  State closed = stack_.back();
  stack_.pop_back();
  if (closed.dest == Dest::kInfoField && stack_.back().dest != Dest::kInfoField) {
    if (info_.find_first_not_of(" \t\r\n") != std::string::npos) sink_.Metadata(closed.label, info_);
    info_.clear();
  }
}

void Reader::ControlWord(std::string_view w, bool has_param, int64_t param) {
  const bool star = star_;
  star_ = false;
  State& s = state();
  if (s.dest == Dest::kSkip) {
    if (w == "bin" && has_param && param > 0) bin_left_ = static_cast<size_t>(param);
    return;
  }
  if (w == "bin") {  // binary data in a text destination: skip it as well
    if (has_param && param > 0) bin_left_ = static_cast<size_t>(param);
    return;
  }
  if (w == "u" && has_param) {
    if (!Skipping()) Unicode(param);
    skip_ = s.uc;
    return;
  }
  if (Skipping()) return;
  if (star || IsSkippedDestination(w)) {
    FlushBytes();
    s.dest = Dest::kSkip;
    return;
  }
  if (s.dest == Dest::kFontTable) {
    if (w == "f" && has_param) font_ = param;
    if (w == "fcharset" && has_param) font_cp_[font_] = CodepageOfCharset(static_cast<int>(param), 0);
    if (w == "cpg" && has_param && param > 0) font_cp_[font_] = static_cast<int>(param);
    return;
  }
  if (s.dest == Dest::kInfo) {
    std::string_view label = InfoLabel(w);
    FlushBytes();
    if (!label.empty()) {
      s.dest = Dest::kInfoField;
      s.label = label;
      info_.clear();
    }
    return;
  }
  if (w == "fonttbl") {
    s.dest = Dest::kFontTable;
  } else if (w == "info") {
    FlushBytes();
    s.dest = Dest::kInfo;
  } else if (w == "ansicpg" && has_param && param > 0 && param < 70000) {
    default_cp_ = static_cast<int>(param);
    s.codepage = default_cp_;
  } else if (w == "mac" || w == "pc" || w == "pca" || w == "ansi") {
    default_cp_ = w == "mac" ? 10000 : w == "pc" ? 437 : w == "pca" ? 850 : 1252;
    s.codepage = default_cp_;
  } else if (w == "f" && has_param) {
    auto it = font_cp_.find(param);
    s.codepage = it != font_cp_.end() && it->second != 0 ? it->second : default_cp_;
  } else if (w == "uc" && has_param && param >= 0 && param < 16) {
    s.uc = static_cast<int>(param);
  } else if (w == "par" || w == "line" || w == "sect" || w == "page" || w == "row" ||
             w == "nestrow") {
    Separator(false);
  } else if (w == "tab" || w == "cell" || w == "nestcell") {
    Separator(true);
  } else if (w == "emdash") {
    AddUtf8("\u2014");
  } else if (w == "endash") {
    AddUtf8("\u2013");
  } else if (w == "bullet") {
    AddUtf8("\u2022");
  } else if (w == "lquote") {
    AddUtf8("\u2018");
  } else if (w == "rquote") {
    AddUtf8("\u2019");
  } else if (w == "ldblquote") {
    AddUtf8("\u201C");
  } else if (w == "rdblquote") {
    AddUtf8("\u201D");
  } else if (w == "emspace" || w == "enspace" || w == "qmspace") {
    AddUtf8(" ");
  }
}

void Reader::ControlSymbol(char c) {
  if (c == '*') {
    star_ = true;
    return;
  }
  star_ = false;
  if (state().dest == Dest::kSkip || Skipping()) return;
  switch (c) {
    case '\\': case '{': case '}': Byte(c); break;
    case '~': AddUtf8(" "); break;  // non-breaking space: a space to the detectors
    case '_': AddUtf8("-"); break;  // non-breaking hyphen
    case '-': break;                // optional (soft) hyphen
    case '\n': case '\r': Separator(false); break;  // "\<newline>" is \par
    case '\t': Separator(true); break;
    default: break;  // \: \| and unknown symbols
  }
}

void Reader::Byte(char c) {
  const State& s = state();
  if (s.dest != Dest::kText && s.dest != Dest::kInfoField) return;
  if (s.codepage != bytes_cp_) FlushBytes();
  bytes_cp_ = s.codepage;
  bytes_.push_back(c);
  if (bytes_.size() >= 4096) FlushBytes();
}

void Reader::Unicode(int64_t n) {
  if (n < 0) n += 65536;
  uint32_t cp = static_cast<uint32_t>(n);
  if (cp >= 0xD800 && cp <= 0xDBFF) {
    high_surrogate_ = cp;
    return;
  }
  if (cp >= 0xDC00 && cp <= 0xDFFF && high_surrogate_ != 0) {
    cp = 0x10000 + ((high_surrogate_ - 0xD800) << 10) + (cp - 0xDC00);
  }
  high_surrogate_ = 0;
  std::string utf8;
  AppendUtf8(cp, utf8);
  AddUtf8(utf8);
}

void Reader::AddUtf8(std::string_view utf8) {
  FlushBytes();
  const State& s = state();
  if (s.dest == Dest::kText) sink_.Text(utf8);
  if (s.dest == Dest::kInfoField && info_.size() < 4096) info_.append(utf8);
}

void Reader::FlushBytes() {
  if (bytes_.empty()) return;
  std::string utf8;
  bool ascii = std::all_of(bytes_.begin(), bytes_.end(), [](char c) { return (c & 0x80) == 0; });
  if (ascii) {
    utf8 = bytes_;
  } else if (bytes_cp_ == 1252) {
    Cp1252ToUtf8(bytes_, utf8);
  } else {
    Charset cs;
    cs.name = bytes_cp_ == 10000 ? "MACINTOSH" : bytes_cp_ == 65001 ? "UTF-8" : "CP" + std::to_string(bytes_cp_);
    auto converted = ToUtf8(bytes_, cs);
    if (converted) {
      utf8 = std::move(*converted);
    } else {
      Cp1252ToUtf8(bytes_, utf8);  // unknown code page: the common case
    }
  }
  bytes_.clear();
  const State& s = state();
  if (s.dest == Dest::kInfoField) {
    if (info_.size() < 4096) info_.append(utf8);
  } else {
    sink_.Text(utf8);
  }
}

void Reader::Separator(bool cell) {
  if (state().dest != Dest::kText) return;
  FlushBytes();
  if (cell) {
    sink_.CellEnd();
  } else {
    sink_.LineEnd();
  }
}

}  // namespace

bool ReadRtf(std::string_view rtf, RtfSink& sink, const std::function<bool()>& should_stop) {
  Reader reader(sink, should_stop);
  return reader.Run(rtf);
}

}  // namespace piiscan::formats::rtf
