#include "formats/rtf/rtf_extractor.h"

#include <exception>
#include <new>
#include <string>

#include "formats/rtf/rtf_reader.h"
#include "formats/text/text_collector.h"

namespace piiscan::formats {
namespace {

class Sink final : public rtf::RtfSink {
 public:
  Sink(ExtractContext& ctx, const Location& where) : ctx_(ctx), where_(where), text_(ctx, where) {}
  void Text(std::string_view utf8) override { text_.Add(utf8); }
  void LineEnd() override { text_.EndLine(); }
  void CellEnd() override { text_.EndCell(); }
  void Metadata(std::string_view label, std::string_view utf8) override {
    SegmentInfo info;
    info.kind = SegmentKind::kMetadata;
    info.label = label;
    info.has_offsets = info.has_lines = false;
    ctx_.Text(utf8, where_, info);
  }
  void Flush() { text_.Flush(); }

 private:
  ExtractContext& ctx_;
  const Location& where_;
  TextCollector text_;
};

class RtfExtractorImpl final : public Extractor {
 public:
  std::string_view Name() const override { return "rtf"; }

  void Extract(std::string_view bytes, const Location& where, ExtractContext& ctx) const override {
    try {
      Sink sink(ctx, where);
      bool complete = rtf::ReadRtf(bytes, sink, [&ctx] { return ctx.ShouldStop(); });
      sink.Flush();
      if (!complete && !ctx.ShouldStop()) {
        ctx.Problem(FileStatus::kCorrupt, "rtf: truncated (unclosed groups)", where);
      }
    } catch (const std::bad_alloc&) {
      ctx.Problem(FileStatus::kLimit, "rtf: out of memory", where);
    } catch (const std::exception&) {
      ctx.Problem(FileStatus::kCorrupt, "rtf: unexpected error while reading", where);
    }
  }
};

}  // namespace

const Extractor& RtfExtractor() {
  static const RtfExtractorImpl kInstance;
  return kInstance;
}

}  // namespace piiscan::formats
