#include "formats/sniff.h"

#include <magic.h>

#include <algorithm>
#include <bitset>
#include <cstring>
#include <memory>
#include <vector>

#include "core/byte_scan.h"
#include "formats/registry.h"

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

// Text that libmagic need not look at: no NUL bytes and valid UTF-8 (or a
// few high bytes of a legacy charset) in the first 4 KiB.
bool PlainlyText(std::string_view head) {
  std::string_view probe = head.substr(0, 4096);
  if (probe.find('\0') != std::string_view::npos) return false;
  return CountControls(probe) * 100 <= probe.size();
}

// Markup other than an XML declaration: its kind only libmagic can tell.
bool StartsWithMarkup(std::string_view head) {
  size_t i = head.find_first_not_of(" \t\r\n");
  return i != std::string_view::npos && head[i] == '<' && !StartsWith(head.substr(i), "<?xml");
}

// What is known of the item besides its bytes.
struct Clues {
  std::string_view head;
  std::string_view ext;
  std::string_view hint;  // declared MIME type
  std::string_view mime;  // libmagic's, once asked
};

bool Named(const FormatSpec& spec, const Clues& c) {
  // On the path of every small file: the first letter before memcmp.
  for (std::string_view e : spec.extensions) {
    if (!c.ext.empty() && e.size() == c.ext.size() && e[0] == c.ext[0] && e == c.ext) return true;
  }
  return !spec.declared_mime.empty() &&
         (c.hint == spec.declared_mime || c.mime == spec.declared_mime);
}

// The text rule of format_spec.h.
bool IsTextOf(const FormatSpec& spec, const Clues& c) {
  const TextRule& rule = spec.text;
  if (!rule.starts_with.empty() && !StartsWith(c.head, rule.starts_with)) return false;
  if (spec.extensions.empty() && spec.declared_mime.empty() && rule.looks_like == nullptr)
    return true;
  if (Named(spec, c)) return true;
  bool magic_asked = !c.mime.empty();
  return rule.looks_like != nullptr && !(rule.looks_like_before_magic_only && magic_asked) &&
         rule.looks_like(c.head);
}

// The declarations as the sniffer consults them, built once.
struct Rules {
  struct Sig {
    Signature signature;
    const FormatEntry* format;
  };
  std::vector<Sig> signatures;           // at offset 0 first
  std::bitset<256> first_bytes;          // of the signatures at offset 0
  std::vector<const FormatEntry*> text;  // by rank
  size_t markup_gate = 0;                // index in `text` of the first rule without a content test
  std::vector<const FormatEntry*> settled_by_declaration, even_if_binary, refining;
  const FormatEntry* no_bytes = nullptr;
  const FormatEntry* any_text = nullptr;
  const FormatEntry* any_bytes = nullptr;
};

Rules BuildRules() {
  Rules r;
  for (const FormatEntry& e : AllFormats()) {
    const FormatSpec& spec = *e.spec;
    for (const Signature& sig : spec.signatures) r.signatures.push_back({sig, &e});
    if (spec.text.rank != 0) r.text.push_back(&e);
    if (spec.text.declared_settles) r.settled_by_declaration.push_back(&e);
    if (spec.text.even_if_binary) r.even_if_binary.push_back(&e);
    if (!spec.refines.empty()) r.refining.push_back(&e);
    if (spec.role == Role::kNoBytes) r.no_bytes = &e;
    if (spec.role == Role::kAnyText) r.any_text = &e;
    if (spec.role == Role::kAnyBytes) r.any_bytes = &e;
  }
  std::stable_partition(r.signatures.begin(), r.signatures.end(),
                        [](const Rules::Sig& s) { return s.signature.offset == 0; });
  for (const auto& s : r.signatures) {
    if (s.signature.offset == 0)
      r.first_bytes.set(static_cast<unsigned char>(s.signature.bytes[0]));
  }
  std::stable_sort(r.text.begin(), r.text.end(), [](const FormatEntry* a, const FormatEntry* b) {
    return a->spec->text.rank < b->spec->text.rank;
  });
  while (r.markup_gate < r.text.size() && r.text[r.markup_gate]->spec->text.looks_like != nullptr)
    ++r.markup_gate;
  return r;
}

const Rules& TheRules() {
  static const Rules kRules = BuildRules();
  return kRules;
}

void Set(SniffResult& r, const FormatEntry* e) {
  r.type = e->type;
  r.format = e;
}

// A signature, and for a zip the document it holds. False when none.
bool BySignature(const Rules& rules, std::string_view head, SniffResult& r) {
  bool at_start = rules.first_bytes.test(static_cast<unsigned char>(head[0]));
  for (const auto& [sig, format] : rules.signatures) {
    if (sig.offset == 0 && !at_start) continue;
    if (head.size() < sig.offset + sig.bytes.size() ||
        head.substr(sig.offset, sig.bytes.size()) != sig.bytes) {
      continue;
    }
    if (format->spec->inner_type != nullptr) {
      if (std::string inner = format->spec->inner_type(head); !inner.empty()) {
        r.format = FindFormat(inner);
        r.type = std::move(inner);
        return true;
      }
    }
    Set(r, format);
    return true;
  }
  return false;
}

// The kind of a text by the text rules; nullptr when `gate` and the text is
// markup that libmagic must tell.
const FormatEntry* TextKind(const Rules& rules, const Clues& c, bool gate) {
  for (size_t i = 0; i < rules.text.size(); ++i) {
    if (gate && i == rules.markup_gate && StartsWithMarkup(c.head)) return nullptr;
    if (IsTextOf(*rules.text[i]->spec, c)) return rules.text[i];
  }
  if (gate && rules.markup_gate == rules.text.size() && StartsWithMarkup(c.head)) return nullptr;
  return rules.any_text;
}

// The format whose magic_mimes hold `mime`: exact types first, then
// "type/" prefixes.
const FormatEntry* ByMagicMime(std::string_view mime) {
  for (const FormatEntry& e : AllFormats()) {
    for (std::string_view m : e.spec->magic_mimes) {
      if (m == mime) return &e;
    }
  }
  for (const FormatEntry& e : AllFormats()) {
    for (std::string_view m : e.spec->magic_mimes) {
      if (m.ends_with('/') && mime.starts_with(m)) return &e;
    }
  }
  return nullptr;
}

const FormatEntry* FromMime(const Rules& rules, const Clues& c) {
  const FormatEntry* e = ByMagicMime(c.mime);
  bool texty = e != nullptr && e->spec->role == Role::kAnyText;
  if (e != nullptr && !texty && e->spec->role != Role::kAnyBytes) {
    for (const FormatEntry* kind : rules.refining) {
      if (kind->spec->refines == e->type && Named(*kind->spec, c)) return kind;
    }
    return e;
  }
  // libmagic calls UTF-16 without a byte order mark data.
  if (c.mime == "application/octet-stream" && LooksLikeUtf16(c.head)) texty = true;
  if (texty) return TextKind(rules, c, /*gate=*/false);
  for (const FormatEntry* kind : rules.even_if_binary) {
    const FormatSpec& spec = *kind->spec;
    if ((spec.text.starts_with.empty() || StartsWith(c.head, spec.text.starts_with)) &&
        Named(spec, c) && spec.text.looks_like(c.head)) {
      return kind;
    }
  }
  return rules.any_bytes;
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
  const Rules& rules = TheRules();
  SniffResult r;
  if (head.empty()) {
    Set(r, rules.no_bytes);
    return r;
  }
  head = head.substr(0, 64 * 1024);
  // A part declared message/rfc822 that starts with a mail header block is a
  // message: no need to ask libmagic, which costs ~170 us a call (most of
  // the time spent on an mbox of 100,000 small messages).
  for (const FormatEntry* e : rules.settled_by_declaration) {
    if (!mime_hint.empty() && mime_hint == e->spec->declared_mime &&
        e->spec->text.looks_like(head)) {
      Set(r, e);
      r.mime = e->spec->declared_mime;
      return r;
    }
  }
  // Decided without libmagic where the bytes speak for themselves: libmagic
  // runs hundreds of regular expressions per call (~1.9 ms on a 4 KB text,
  // measured), which made it the whole cost of scanning many small files.
  std::string ext = ExtensionOf(name);
  Clues clues{head, ext, mime_hint, {}};
  const FormatEntry* text = nullptr;
  if (BySignature(rules, head, r) ||
      (PlainlyText(head) && (text = TextKind(rules, clues, true)) != nullptr)) {
    if (text != nullptr) Set(r, text);
    r.mime = "(by signature)";
    return r;
  }
  magic_t m = ThreadMagic();
  const char* mime = m ? magic_buffer(m, head.data(), head.size()) : nullptr;
  r.mime = mime ? mime : "application/octet-stream";
  clues.mime = r.mime;
  Set(r, FromMime(rules, clues));
  return r;
}

}  // namespace piiscan::formats
