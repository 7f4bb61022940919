#include "formats/html/html_extractor.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <array>
#include <string>

#include "formats/html/html_text_sink.h"
#include "formats/text/charset.h"

namespace piiscan::formats {
namespace {

// Bytes handed to the push parser at a time; ShouldStop() is checked between.
constexpr size_t kChunk = 256 * 1024;

void NoGenericError(void*, const char*, ...) {}
void NoStructuredError(void*, xmlErrorPtr) {}

// libxml2 reports some problems (encoding conversion, memory) through the
// thread's generic handlers even when the parser options ask for silence.
// Extractors never log, so both are switched off for the call and restored
// afterwards: other users of libxml2 on this thread keep their handlers.
class QuietLibxml {
 public:
  QuietLibxml()
      : generic_(xmlGenericError),
        generic_ctx_(xmlGenericErrorContext),
        structured_(xmlStructuredError),
        structured_ctx_(xmlStructuredErrorContext) {
    xmlSetGenericErrorFunc(nullptr, NoGenericError);
    xmlSetStructuredErrorFunc(nullptr, NoStructuredError);
  }
  ~QuietLibxml() {
    xmlSetGenericErrorFunc(generic_ctx_, generic_);
    xmlSetStructuredErrorFunc(structured_ctx_, structured_);
  }
  QuietLibxml(const QuietLibxml&) = delete;
  QuietLibxml& operator=(const QuietLibxml&) = delete;

 private:
  xmlGenericErrorFunc generic_;
  void* generic_ctx_;
  xmlStructuredErrorFunc structured_;
  void* structured_ctx_;
};

void InitLibxmlOnce() {
  // xmlInitParser must run once before threads use the parser; a
  // function-local static makes that thread-safe.
  static const bool kInitialised = [] {
    xmlInitParser();
    return true;
  }();
  (void)kInitialised;
}

HtmlTextSink* Sink(void* user) { return static_cast<HtmlTextSink*>(user); }

void OnStart(void* user, const xmlChar* name, const xmlChar** atts) {
  Sink(user)->StartElement(reinterpret_cast<const char*>(name),
                           reinterpret_cast<const char**>(atts));
}
void OnEnd(void* user, const xmlChar* name) {
  Sink(user)->EndElement(reinterpret_cast<const char*>(name));
}
void OnText(void* user, const xmlChar* text, int len) {
  Sink(user)->Characters(std::string_view(reinterpret_cast<const char*>(text),
                                          static_cast<size_t>(std::max(len, 0))));
}

// Only the callbacks we need: no tree is built, comments are not delivered.
htmlSAXHandler MakeSax() {
  htmlSAXHandler sax{};
  sax.startElement = OnStart;
  sax.endElement = OnEnd;
  sax.characters = OnText;
  sax.ignorableWhitespace = OnText;
  sax.cdataBlock = OnText;  // <script> and <style> content
  sax.initialized = XML_SAX2_MAGIC;
  sax.serror = NoStructuredError;
  return sax;
}

bool MentionsCharset(std::string_view head) {
  head = head.substr(0, 4096);
  std::string lower(head);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.find("charset") != std::string::npos || lower.find("encoding=") != std::string::npos;
}

// The encoding to force on the parser ("" = let libxml2 decide from the
// document's meta charset), and how many BOM bytes to skip.
std::pair<std::string, size_t> ChooseEncoding(std::string_view bytes, std::string_view declared) {
  if (!declared.empty()) {
    // A BOM beats a label.
    if (bytes.starts_with("\xEF\xBB\xBF")) return {"UTF-8", 3};
    if (bytes.starts_with("\xFF\xFE")) return {"UTF-16LE", 2};
    if (bytes.starts_with("\xFE\xFF")) return {"UTF-16BE", 2};
    return {std::string(declared), 0};
  }
  Charset cs = DetectCharset(bytes);
  if (cs.bom_size > 0 || cs.unit() == 2) return {cs.name, cs.bom_size};
  if (cs.is_utf8() || MentionsCharset(bytes)) return {"", 0};
  return {cs.name, 0};  // 8-bit text without a declaration: uchardet's guess
}

}  // namespace

void ExtractHtml(std::string_view bytes, std::string_view charset, const Location& where,
                 ExtractContext& ctx) {
  InitLibxmlOnce();
  QuietLibxml quiet;
  auto [encoding, skip] = ChooseEncoding(bytes, charset);
  bytes.remove_prefix(std::min(skip, bytes.size()));
  if (bytes.empty()) return;

  HtmlTextSink sink(where, ctx);
  htmlSAXHandler sax = MakeSax();
  htmlParserCtxtPtr parser =
      htmlCreatePushParserCtxt(&sax, &sink, nullptr, 0, nullptr, XML_CHAR_ENCODING_NONE);
  if (parser == nullptr) {
    ctx.Problem(FileStatus::kCorrupt, "html: parser could not be created", where);
    return;
  }
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                HTML_PARSE_NONET | HTML_PARSE_NODEFDTD;
  if (!encoding.empty()) {
    xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(encoding.c_str());
    if (handler != nullptr && xmlSwitchToEncoding(parser, handler) == 0) {
      options |= HTML_PARSE_IGNORE_ENC;  // the outside label beats <meta charset>
    }
  }
  htmlCtxtUseOptions(parser, options);

  for (size_t pos = 0; pos < bytes.size() && !ctx.ShouldStop(); pos += kChunk) {
    size_t n = std::min(kChunk, bytes.size() - pos);
    htmlParseChunk(parser, bytes.data() + pos, static_cast<int>(n), 0);
  }
  htmlParseChunk(parser, nullptr, 0, 1);
  htmlFreeParserCtxt(parser);
  sink.Finish();
}

namespace {

class HtmlExtractorImpl final : public Extractor {
 public:
  std::string_view Name() const override { return "html"; }
  void Extract(std::string_view bytes, const Location& where, ExtractContext& ctx) const override {
    ExtractHtml(bytes, {}, where, ctx);
  }
};

}  // namespace

const Extractor& HtmlExtractor() {
  static const HtmlExtractorImpl kInstance;
  return kInstance;
}

}  // namespace piiscan::formats
