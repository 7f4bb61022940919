#include "formats/sniff.h"

#include <magic.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <memory>
#include <optional>

#include "core/byte_scan.h"
#include "core/utf8.h"
#include "formats/mail/mbox_split.h"
#include "formats/office/zip_document_type.h"

namespace piiscan::formats {
namespace {

struct MagicCloser {
  void operator()(magic_t m) const { magic_close(m); }
};

magic_t ThreadMagic() {
  thread_local std::unique_ptr<std::remove_pointer_t<magic_t>, MagicCloser> handle = [] {
    magic_t m = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_ERROR);
    if (m && magic_load(m, nullptr) != 0) {
      magic_close(m);
      m = nullptr;
    }
    return std::unique_ptr<std::remove_pointer_t<magic_t>, MagicCloser>(m);
  }();
  return handle.get();
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// UTF-16 text without a BOM: every other byte zero over the first bytes.
bool LooksLikeUtf16(std::string_view head) {
  size_t n = std::min<size_t>(head.size(), 512) & ~size_t{1};
  if (n < 8) return false;
  if (std::memchr(head.data(), 0, n) == nullptr) return false;  // no zero byte: no UTF-16
  size_t even_zero = 0, odd_zero = 0;
  for (size_t i = 0; i < n; i += 2) {
    even_zero += head[i] == 0;
    odd_zero += head[i + 1] == 0;
  }
  size_t pairs = n / 2;
  return (odd_zero * 10 >= pairs * 9 && even_zero * 10 < pairs) ||
         (even_zero * 10 >= pairs * 9 && odd_zero * 10 < pairs);
}

// A mail header block: header fields ("Name: value") and their folded
// continuation lines from the first line on, up to the first empty line,
// holding at least two *different* fields nearly every message has, in any
// letter case ("Message-Id", "MIME-Version"). A changelog of "version:" and
// "date:" stanzas repeats one such field and breaks the block with a line
// that is no field ("---", prose): not mail. Maildir files have no
// extension, so this is all there is to go on.
bool LooksLikeMailHeaders(std::string_view head) {
  static constexpr std::string_view kFields[] = {
      "from:", "to:", "cc:", "subject:", "date:", "message-id:", "received:", "return-path:",
      "mime-version:", "delivered-to:", "reply-to:", "content-type:"};
  if (!mbox::IsHeaderField(head, 0)) return false;
  unsigned seen = 0;
  for (size_t line = 0; line < head.size(); line = mbox::LineEnd(head, line)) {
    bool folded = head[line] == ' ' || head[line] == '\t';
    if (folded) continue;
    if (!mbox::IsHeaderField(head, line)) break;  // the empty line, or no header block
    std::string start = AsciiLower(head.substr(line, 16));
    for (size_t f = 0; f < std::size(kFields); ++f) {
      if (StartsWith(start, kFields[f])) {
        seen |= 1u << f;
        break;
      }
    }
    if (std::popcount(seen) >= 2) return true;
  }
  return false;
}

std::string FromMime(std::string_view mime, std::string_view head, std::string_view ext,
                     std::string_view hint) {
  // Signatures libmagic does not know or names too generally.
  if (StartsWith(head, "!BDN")) return "pst";
  if (StartsWith(head, "%PDF-")) return "pdf";
  if (StartsWith(head, "{\\rtf")) return "rtf";

  if (mime == "application/pdf") return "pdf";
  if (mime == "application/vnd.openxmlformats-officedocument.wordprocessingml.document") return "docx";
  if (mime == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") return "xlsx";
  if (mime == "application/vnd.openxmlformats-officedocument.presentationml.presentation") return "pptx";
  if (mime == "application/vnd.oasis.opendocument.text") return "odt";
  if (mime == "application/vnd.oasis.opendocument.spreadsheet") return "ods";
  if (mime == "application/vnd.oasis.opendocument.presentation") return "odp";
  if (mime == "application/zip" || mime == "application/java-archive") return "zip";
  if (mime == "application/x-tar") return "tar";
  if (mime == "application/gzip" || mime == "application/x-gzip") return "gzip";
  if (mime == "application/x-bzip2") return "bzip2";
  if (mime == "application/x-xz") return "xz";
  if (mime == "application/zstd") return "zstd";
  if (mime == "application/x-7z-compressed") return "7z";
  if (mime == "application/vnd.rar" || mime == "application/x-rar") return "rar";
  if (mime == "application/vnd.ms-outlook") return "msg";
  if (mime == "application/vnd.ms-outlook-pst") return "pst";
  if (mime == "text/rtf" || mime == "application/rtf") return "rtf";
  if (mime == "application/mbox") return "mbox";
  if (mime == "message/rfc822" || mime == "message/news") return "eml";
  // "CDFV2 Encrypted": an OLE2 container with an EncryptedPackage stream, i.e.
  // a DOCX/XLSX/PPTX saved with a password.
  if (mime == "application/encrypted") return "office_encrypted";
  if (mime == "application/CDFV2" || mime == "application/x-ole-storage" ||
      mime == "application/vnd.ms-office" || mime == "application/msword" ||
      mime == "application/vnd.ms-excel" || mime == "application/vnd.ms-powerpoint") {
    if (ext == "msg" || hint == "application/vnd.ms-outlook") return "msg";
    return "ole";  // legacy Office: reported unsupported by the registry
  }
  if (mime == "text/html" || mime == "application/xhtml+xml") return "html";
  if (mime.starts_with("image/") && mime != "image/svg+xml") return "image";
  bool texty = StartsWith(mime, "text/") || mime == "application/json" ||
               mime == "application/xml" || mime == "application/csv" ||
               mime == "application/javascript";
  if (mime == "application/octet-stream" && LooksLikeUtf16(head)) texty = true;
  // A declared message whose bytes libmagic calls binary (8-bit attachment
  // data early on) is still a message.
  if (!texty && (hint == "message/rfc822" || ext == "eml") && LooksLikeMailHeaders(head)) return "eml";
  if (texty) {
    // An envelope line followed by a header; a text that merely starts with
    // the word "From" is not a mailbox unless its name says so.
    if (StartsWith(head, "From ") && (ext == "mbox" || ext == "mbx" || mbox::IsFromLine(head, 0))) {
      return "mbox";
    }
    if (ext == "eml" || hint == "message/rfc822" || LooksLikeMailHeaders(head)) return "eml";
    if (ext == "html" || ext == "htm" || hint == "text/html") return "html";
    if (ext == "csv" || ext == "tsv" || mime == "text/csv" || hint == "text/csv") return "csv";
    return "text";
  }
  if (mime == "application/x-empty" || head.empty()) return "empty";
  return "binary";
}

// Binary signatures that name a type on their own.
std::optional<std::string> SignatureType(std::string_view head) {
  struct Sig {
    std::string_view magic;
    const char* type;
  };
  static constexpr Sig kSigs[] = {
      {"%PDF-", "pdf"},           {"!BDN", "pst"},
      {"{\\rtf", "rtf"},          {"PK\x03\x04", "zip"},
      {"PK\x05\x06", "zip"},      {"PK\x07\x08", "zip"},
      {"7z\xBC\xAF\x27\x1C", "7z"}, {"\x1F\x8B", "gzip"},
      {"\xFD" "7zXZ\x00", "xz"},    {"\x28\xB5\x2F\xFD", "zstd"},
      {"Rar!\x1A\x07", "rar"},
  };
  for (const auto& sig : kSigs) {
    if (!StartsWith(head, sig.magic)) continue;
    // A document is a zip too: its local headers tell which (docx, odt ...).
    if (std::string_view(sig.type) == "zip") {
      if (std::string doc = DocumentTypeOfZipHead(head); !doc.empty()) return doc;
    }
    return std::string(sig.type);
  }
  if (head.size() > 3 && StartsWith(head, "BZh") && head[3] >= '1' && head[3] <= '9') return "bzip2";
  if (head.size() >= 262 && (head.substr(257, 5) == "ustar")) return "tar";
  return std::nullopt;
}

// Text that libmagic need not look at: no NUL bytes and valid UTF-8 (or a
// few high bytes of a legacy charset) in the first 4 KiB, and not markup
// whose kind only libmagic can tell.
bool PlainlyText(std::string_view head) {
  std::string_view probe = head.substr(0, 4096);
  if (probe.find('\0') != std::string_view::npos) return false;
  return CountControls(probe) * 100 <= probe.size();
}

bool LooksLikeHtml(std::string_view head) {
  // Lower-cased only once it starts like markup: most texts do not.
  size_t i = head.substr(0, 1024).find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (i == std::string_view::npos || head[i] != '<') return false;
  std::string start = AsciiLower(head.substr(0, 1024));
  for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body", "<table", "<meta ", "<div", "<p>"}) {
    if (start.find(tag) != std::string::npos) return true;
  }
  return false;
}

// Decides without libmagic where the bytes speak for themselves: libmagic
// runs hundreds of regular expressions per call (~1.9 ms on a 4 KB text,
// measured), which made it the whole cost of scanning many small files.
std::optional<std::string> FastType(std::string_view head, std::string_view ext,
                                    std::string_view hint) {
  if (auto sig = SignatureType(head)) return sig;
  if (!PlainlyText(head)) return std::nullopt;
  if (StartsWith(head, "From ") && (ext == "mbox" || ext == "mbx" || mbox::IsFromLine(head, 0))) {
    return "mbox";
  }
  if (ext == "eml" || hint == "message/rfc822" || LooksLikeMailHeaders(head)) return "eml";
  if (ext == "html" || ext == "htm" || hint == "text/html" || LooksLikeHtml(head)) return "html";
  std::string_view lead = head.substr(0, head.find_first_not_of(" \t\r\n"));
  if (head.find_first_not_of(" \t\r\n") != std::string_view::npos &&
      head[head.find_first_not_of(" \t\r\n")] == '<' && !StartsWith(head.substr(lead.size()), "<?xml")) {
    return std::nullopt;  // other markup: let libmagic tell
  }
  if (ext == "csv" || ext == "tsv" || hint == "text/csv") return "csv";
  return "text";
}

}  // namespace

std::string ExtensionOf(std::string_view name) {
  auto slash = name.find_last_of('/');
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  auto dot = name.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  std::string ext(name.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

SniffResult Sniff(std::string_view head, std::string_view name, std::string_view mime_hint) {
  SniffResult r;
  if (head.empty()) {
    r.type = "empty";
    return r;
  }
  head = head.substr(0, 64 * 1024);
  // A part declared message/rfc822 that starts with a mail header block is a
  // message: no need to ask libmagic, which costs ~170 us a call (most of
  // the time spent on an mbox of 100,000 small messages).
  if (mime_hint == "message/rfc822" && LooksLikeMailHeaders(head)) {
    r.type = "eml";
    r.mime = "message/rfc822";
    return r;
  }
  if (auto fast = FastType(head, ExtensionOf(name), mime_hint)) {
    r.type = *fast;
    r.mime = "(by signature)";
    return r;
  }
  magic_t m = ThreadMagic();
  const char* mime = m ? magic_buffer(m, head.data(), head.size()) : nullptr;
  r.mime = mime ? mime : "application/octet-stream";
  r.type = FromMime(r.mime, head, ExtensionOf(name), mime_hint);
  return r;
}

}  // namespace piiscan::formats
