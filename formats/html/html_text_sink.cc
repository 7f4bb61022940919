#include "formats/html/html_text_sink.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace piiscan::formats {
namespace {

bool OneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements a browser lays out as blocks (or that end a line: br, option).
bool IsBlock(std::string_view name) {
  static constexpr std::array<std::string_view, 52> kBlocks = {
      "address", "article", "aside",    "blockquote", "body",     "br",      "caption",
      "center",  "dd",      "details",  "dialog",     "dir",      "div",     "dl",
      "dt",      "fieldset", "figcaption", "figure",  "footer",   "form",    "frame",
      "h1",      "h2",      "h3",       "h4",         "h5",       "h6",      "head",
      "header",  "hr",      "html",     "iframe",     "legend",   "li",      "main",
      "menu",    "nav",     "noscript", "ol",         "optgroup", "option",  "p",
      "pre",     "script",  "section",  "select",     "summary",  "table",   "textarea",
      "title",   "tr",      "ul"};
  return std::find(kBlocks.begin(), kBlocks.end(), name) != kBlocks.end();
}

bool IsVerbatim(std::string_view name) {
  return OneOf(name, {"pre", "textarea", "script", "listing", "plaintext", "xmp"});
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// "jan%40example.nl?subject=x" -> "jan@example.nl": the address part of a
// mailto:/tel: URL, percent-decoded.
std::string UrlTarget(std::string_view url) {
  url = url.substr(0, url.find('?'));
  std::string out;
  out.reserve(url.size());
  for (size_t i = 0; i < url.size(); ++i) {
    if (url[i] == '%' && i + 2 < url.size() && HexValue(url[i + 1]) >= 0 &&
        HexValue(url[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(url[i + 1]) * 16 + HexValue(url[i + 2]));
      i += 2;
    } else {
      out += url[i];
    }
  }
  return out;
}

std::string_view Trimmed(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

HtmlTextSink::HtmlTextSink(const Location& where, ExtractContext& ctx) : where_(where), ctx_(ctx) {}

void HtmlTextSink::StartElement(std::string_view name, const char** atts) {
  if (name == "style") ++skip_depth_;
  if (IsVerbatim(name)) ++verbatim_depth_;
  if (name == "td" || name == "th") {
    Break('\t');
  } else if (IsBlock(name)) {
    Break('\n');
  }
  if (atts != nullptr && skip_depth_ == 0) Attributes(name, atts);
}

void HtmlTextSink::EndElement(std::string_view name) {
  if (name == "style") skip_depth_ = std::max(0, skip_depth_ - 1);
  if (IsVerbatim(name)) verbatim_depth_ = std::max(0, verbatim_depth_ - 1);
  if (IsBlock(name)) Break('\n');
}

void HtmlTextSink::Characters(std::string_view text) {
  if (skip_depth_ > 0) return;
  if (verbatim_depth_ > 0) {
    pending_space_ = false;
    text_.append(text);
  } else {
    for (char c : text) {
      if (IsSpace(c)) {
        pending_space_ = true;
        continue;
      }
      if (pending_space_ && !text_.empty() && !IsSpace(text_.back())) text_ += ' ';
      pending_space_ = false;
      text_ += c;
    }
  }
  FlushIfFull();
}

// Ends the current line ('\n') or cell ('\t'); a line break beats a pending
// space or cell separator, and breaks never pile up.
void HtmlTextSink::Break(char separator) {
  pending_space_ = false;
  if (text_.empty()) return;
  char last = text_.back();
  if (last == '\n') return;
  if (last == '\t' && separator == '\t') return;
  if (last == ' ' || last == '\t') {
    text_.back() = separator;
  } else {
    text_ += separator;
  }
}

void HtmlTextSink::Attributes(std::string_view element, const char** atts) {
  std::string_view name_attr, id_attr;
  for (const char** a = atts; a[0] != nullptr; a += 2) {
    std::string_view key = a[0];
    if (a[1] == nullptr) continue;
    if (key == "name" || key == "property") name_attr = a[1];
    if (key == "id") id_attr = a[1];
  }
  std::string_view field = !name_attr.empty() ? name_attr : id_attr;
  for (const char** a = atts; a[0] != nullptr; a += 2) {
    std::string_view key = a[0];
    if (a[1] == nullptr) continue;
    std::string_view value = Trimmed(a[1]);
    if (key == "href") {
      if (StartsWithNoCase(value, "mailto:")) Attribute(UrlTarget(value.substr(7)), "mailto");
      if (StartsWithNoCase(value, "tel:")) Attribute(UrlTarget(value.substr(4)), "tel");
    } else if (key == "value") {
      Attribute(value, field.empty() ? std::string_view("value") : field);
    } else if (key == "title" || key == "alt") {
      Attribute(value, key);
    } else if (key == "content" && element == "meta") {
      Attribute(value, field.empty() ? std::string_view("meta") : field);
    }
  }
}

void HtmlTextSink::Attribute(std::string_view value, std::string_view label) {
  value = Trimmed(value);
  if (value.empty()) return;
  SegmentInfo info;
  info.kind = SegmentKind::kAttribute;
  info.label = label;
  info.has_offsets = false;
  info.has_lines = false;
  ctx_.Text(value, where_, info);
}

void HtmlTextSink::FlushIfFull() {
  if (text_.size() < std::max<uint64_t>(ctx_.limits().text_window, 4096)) return;
  Emit();
  // Keep the tail as the start of the next window, cut at a UTF-8 character
  // start, so a match across the boundary is still seen whole.
  size_t keep = std::min<size_t>(ctx_.limits().text_overlap, text_.size() / 2);
  size_t cut = text_.size() - keep;
  while (cut < text_.size() && (static_cast<unsigned char>(text_[cut]) & 0xC0) == 0x80) ++cut;
  text_.erase(0, cut);
  reported_ = text_.size();
}

void HtmlTextSink::Emit() {
  if (text_.size() <= reported_) return;
  SegmentInfo info;
  info.report_from = reported_;
  info.has_offsets = false;  // positions in the rendered text, not in the file
  info.has_lines = false;
  ctx_.Text(text_, where_, info);
}

void HtmlTextSink::Finish() {
  while (!text_.empty() && IsSpace(text_.back())) text_.pop_back();
  Emit();
  text_.clear();
  reported_ = 0;
}

}  // namespace piiscan::formats
