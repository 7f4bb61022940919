#include "formats/pdf/pdf_extractor.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-embedded-file.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <climits>
#include <exception>
#include <memory>
#include <mutex>
#include <new>
#include <string>

#include "core/utf8.h"

namespace piiscan::formats {
namespace {

// What Poppler complained about while this thread read one document.
struct PdfErrors {
  int count = 0;
  int content = 0;             // of those, not about the xref: lost content
  bool reconstructed = false;  // the xref table was rebuilt: the file is damaged
};

thread_local PdfErrors* t_errors = nullptr;

void OnPopplerError(const std::string& message, void*) {
  if (t_errors == nullptr) return;
  ++t_errors->count;
  if (message.find("reconstruct") != std::string::npos ||
      message.find("xref") != std::string::npos || message.find("trailer") != std::string::npos) {
    t_errors->reconstructed = true;
  } else {
    ++t_errors->content;
  }
}

// Poppler 22.12 creates two colour profiles (lcms2) the first time a page's
// graphics state is made, in static members GfxState::sRGBProfile and
// GfxState::XYZProfile, checked and assigned without a lock
// (`if (!sRGBProfile) sRGBProfile = ...` in the GfxState constructor). Two
// threads reading their first pages at once may both create one, and one
// thread's profile is then freed (lcms2 cmsCloseProfile) after the other
// made it, unordered: the shape of the one TSan report seen in lcms2 (a free
// racing an earlier write), not reproduced since. A one-page document read once here,
// before any real one, makes them while no other thread can; afterwards
// they are only read. (Helpers read one document at a time; the scan
// process reads PDFs on several workers when isolation is off or a PDF is a
// nested item over max_member_in_memory.)
void MakePopplersStaticProfiles() {
  static constexpr char kOnePage[] =
      "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
      "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
      "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\n"
      "trailer<</Size 4/Root 1 0 R>>\n%%EOF\n";
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(kOnePage, static_cast<int>(sizeof kOnePage - 1)));
  if (!doc || doc->pages() < 1) return;
  std::unique_ptr<poppler::page> page(doc->create_page(0));
  if (page) (void)page->text(poppler::rectf(), poppler::page::physical_layout);
}

void InstallErrorHook() {
  static std::once_flag once;
  std::call_once(once, [] {
    poppler::set_debug_error_function(OnPopplerError, nullptr);
    MakePopplersStaticProfiles();  // t_errors is null: its complaints are not counted
  });
}

// Sets the thread's error sink for the duration of one document.
class ErrorScope {
 public:
  explicit ErrorScope(PdfErrors* errors) : previous_(t_errors) { t_errors = errors; }
  ~ErrorScope() { t_errors = previous_; }

 private:
  PdfErrors* previous_;
};

std::string Utf8(const poppler::ustring& s) {
  poppler::byte_array bytes = s.to_utf8();
  std::string out(bytes.begin(), bytes.end());
  // A stray NUL or form feed helps no detector.
  for (char& c : out) {
    if (c == '\0' || c == '\f') c = '\n';
  }
  return out;
}

// poppler-cpp returns an embedded file's name as raw PDF string bytes, cut
// at the first NUL: a UTF-16 name (BOM FE FF, as pdfattach writes) comes out
// as just its BOM. Such a name is replaced by "file N"; PDFDocEncoding
// bytes are read as Latin-1.
std::string EmbeddedName(const std::string& raw, int index) {
  if (raw.empty() || raw.starts_with("\xFE\xFF") || raw.starts_with("\xFF\xFE")) {
    return "file " + std::to_string(index);
  }
  if (IsValidUtf8(raw)) return raw;
  std::string out;
  for (unsigned char c : raw) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

void EmitInfo(const poppler::document& doc, const Location& where, ExtractContext& ctx) {
  static constexpr const char* kKeys[] = {"Author", "Title", "Subject", "Keywords", "Creator"};
  for (const char* key : kKeys) {
    std::string value = Utf8(doc.info_key(key));
    if (value.find_first_not_of(" \t\r\n") == std::string::npos) continue;
    SegmentInfo info;
    info.kind = SegmentKind::kMetadata;
    info.label = key;
    info.has_offsets = info.has_lines = false;
    ctx.Text(value, where, info);
  }
}

// Returns the number of pages whose text was read without Poppler
// complaining (a page whose content stream is damaged or uses an unknown
// filter comes out empty or cut short, with an error and nothing else).
int EmitPages(const poppler::document& doc, const PdfErrors& errors, const Location& where,
              ExtractContext& ctx) {
  const int pages = doc.pages();
  int read = 0;
  for (int i = 0; i < pages && !ctx.ShouldStop(); ++i) {
    const int errors_before = errors.content;
    std::unique_ptr<poppler::page> page(doc.create_page(i));
    if (!page) continue;
    std::string text = Utf8(page->text(poppler::rectf(), poppler::page::physical_layout));
    if (errors.content == errors_before) ++read;
    size_t end = text.find_last_not_of(" \t\r\n");
    if (end == std::string::npos) continue;
    text.resize(end + 1);
    SegmentInfo info;
    info.page = i + 1;
    info.has_offsets = false;  // page text, not file bytes
    ctx.Text(text, Append(where, "page " + std::to_string(i + 1)), info);
  }
  return read;
}

void EmitEmbeddedFiles(const poppler::document& doc, const Location& where, ExtractContext& ctx) {
  if (!doc.has_embedded_files()) return;
  int index = 0;
  for (poppler::embedded_file* file : doc.embedded_files()) {
    if (ctx.ShouldStop()) return;
    ++index;
    if (file == nullptr || !file->is_valid()) continue;
    std::string name = EmbeddedName(file->name(), index);
    Location at = Append(where, "embedded " + name);
    const uint64_t max_size = ctx.limits().max_member_size;
    if (file->size() > 0 && static_cast<uint64_t>(file->size()) > max_size) {
      ctx.Problem(FileStatus::kLimit, "pdf: embedded file larger than max_member_size", at);
      continue;
    }
    // Poppler hands the file over whole: hold it only within the budget.
    const uint64_t max_held = ctx.limits().max_member_in_memory;
    if (file->size() > 0 && static_cast<uint64_t>(file->size()) > max_held) {
      ctx.Problem(FileStatus::kLimit, "pdf: embedded file larger than max_member_in_memory", at);
      continue;
    }
    poppler::byte_array data = file->data();
    if (data.size() > max_size) {
      ctx.Problem(FileStatus::kLimit, "pdf: embedded file larger than max_member_size", at);
      continue;
    }
    if (!ctx.ChargeExpanded(data.size(), at)) return;
    ctx.Child(std::string_view(data.data(), data.size()), at, ChildInfo{name, file->mime_type()});
  }
}

void ExtractDocument(std::string_view bytes, const Location& where, ExtractContext& ctx) {
  PdfErrors errors;
  ErrorScope scope(&errors);
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    ctx.Problem(FileStatus::kCorrupt, "pdf: cannot be opened (damaged or truncated)", where);
    return;
  }
  if (doc->is_locked()) {
    ctx.Problem(FileStatus::kEncrypted, "pdf: password protected", where);
    return;
  }
  EmitInfo(*doc, where, ctx);
  const int pages = doc->pages();
  const int read = EmitPages(*doc, errors, where, ctx);
  EmitEmbeddedFiles(*doc, where, ctx);
  if (errors.reconstructed || read < pages) {
    std::string reason = errors.reconstructed ? "pdf: damaged xref, reconstructed; "
                                              : "pdf: damaged; ";
    reason += std::to_string(read) + " of " + std::to_string(pages) + " pages read";
    ctx.Problem(FileStatus::kCorrupt, reason, where);
  }
}

class PdfExtractorImpl final : public Extractor {
 public:
  std::string_view Name() const override { return "pdf"; }

  void Extract(std::string_view bytes, const Location& where, ExtractContext& ctx) const override {
    InstallErrorHook();
    if (bytes.size() > static_cast<size_t>(INT_MAX)) {
      // load_from_raw_data takes an int length.
      ctx.Problem(FileStatus::kTooLarge, "pdf: larger than 2 GiB", where);
      return;
    }
    try {
      ExtractDocument(bytes, where, ctx);
    } catch (const std::bad_alloc&) {
      ctx.Problem(FileStatus::kLimit, "pdf: out of memory", where);
    } catch (const std::exception&) {
      ctx.Problem(FileStatus::kCorrupt, "pdf: unexpected error while reading", where);
    }
  }
};

}  // namespace

const Extractor& PdfExtractor() {
  static const PdfExtractorImpl kInstance;
  return kInstance;
}

}  // namespace piiscan::formats
