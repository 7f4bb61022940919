#include "formats/mail/eml_extractor.h"

#include <exception>
#include <string>

#include "formats/mail/mime_gmime.h"
#include "formats/mail/mime_headers.h"
#include "formats/mail/mime_parts.h"

namespace piiscan::formats {
namespace {

// What GMime's parser noticed while reading; only the issues that mean
// content was lost become problems (duplicated headers and the like are
// everyday mail and not worth a status record).
struct ParseIssues {
  bool truncated = false;
  bool too_deep = false;

  static void Collect(gint64, GMimeParserWarning code, const gchar*, gpointer user) {
    auto* self = static_cast<ParseIssues*>(user);
    if (code == GMIME_WARN_TRUNCATED_MESSAGE) self->truncated = true;
    if (code == GMIME_CRIT_NESTING_OVERFLOW) self->too_deep = true;
  }
};

mime::ParserOptions MakeOptions(ParseIssues& issues) {
  mime::ParserOptions options(g_mime_parser_options_new());
  // Unencoded 8-bit headers: UTF-8 when valid, else the Windows code page
  // that Dutch mail clients use.
  const char* fallback[] = {"UTF-8", "windows-1252", nullptr};
  g_mime_parser_options_set_fallback_charsets(options.get(), fallback);
  g_mime_parser_options_set_allow_addresses_without_domain(options.get(), TRUE);
  g_mime_parser_options_set_warning_callback(options.get(), &ParseIssues::Collect, &issues);
  return options;
}

void ExtractMessage(std::string_view bytes, const Location& where, ExtractContext& ctx) {
  mime::EnsureGMime();
  ParseIssues issues;
  mime::ParserOptions options = MakeOptions(issues);
  mime::BorrowedStream stream(bytes);  // outlives every GMime object below
  {
    mime::GRef<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    mime::GRef<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options.get()));
    if (message == nullptr) {
      ctx.Problem(FileStatus::kCorrupt, "eml: no message header found", where);
      return;
    }
    mime::EmitHeaders(message.get(), options.get(), where, ctx);
    mime::PartWalker walker(where, ctx);
    walker.WalkMessage(message.get());
  }
  if (issues.truncated) ctx.Problem(FileStatus::kCorrupt, "eml: message truncated", where);
  if (issues.too_deep) ctx.Problem(FileStatus::kCorrupt, "eml: MIME nesting too deep", where);
}

class EmlExtractorImpl final : public Extractor {
 public:
  std::string_view Name() const override { return "eml"; }
  void Extract(std::string_view bytes, const Location& where, ExtractContext& ctx) const override {
    if (bytes.empty()) return;
    if (bytes.size() > mime::BorrowedStream::kMaxBytes) {
      ctx.Problem(FileStatus::kTooLarge, "eml: message of 4 GiB or more not read", where);
      return;
    }
    try {
      ExtractMessage(bytes, where, ctx);
    } catch (const std::exception& e) {
      ctx.Problem(FileStatus::kCorrupt, std::string("eml: ") + e.what(), where);
    }
  }
};

}  // namespace

const Extractor& EmlExtractor() {
  static const EmlExtractorImpl kInstance;
  return kInstance;
}

}  // namespace piiscan::formats
