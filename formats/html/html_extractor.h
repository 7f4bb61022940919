#pragma once
// HTML (web pages, saved intranet pages, the HTML part of an e-mail): the
// text content as the reader sees it, and the attribute values that carry
// data. Uses libxml2's HTML parser in push (SAX) mode, so no DOM is built and
// memory stays bounded by the detection window, not by the page size.
//
// - Block elements (p, div, tr, li, br, ...) end a line and table cells are
//   separated by a tab, so "Naam:</td><td>Jan" does not glue the words.
// - Entities are decoded; whitespace is collapsed as a browser would,
//   except inside <pre> and <textarea>.
// - Inline <script> text is read (it can hold embedded JSON records);
//   <style> and comments are not.
// - Attribute values are emitted as SegmentKind::kAttribute: href with a
//   mailto:/tel: scheme (scheme stripped, label "mailto"/"tel"), value (label:
//   the element's name or id), title, alt, and content of <meta> (label: the
//   meta name or property).
// - Charset: an explicit one (a MIME part's charset) wins; else a BOM; else
//   the document's own <meta charset>; else a guess (uchardet) when the bytes
//   are not UTF-8. libxml2 converts to UTF-8.
// - No network, no error output: libxml2's reports are switched off.
//
// Thread safety: stateless; each call has its own parser context.

#include <string_view>

#include "formats/extractor.h"

namespace piiscan::formats {

// Registered as type "html".
const Extractor& HtmlExtractor();

// Extracts HTML at `where` whose charset is known from outside (e.g. the
// charset parameter of a text/html MIME part); an empty `charset` means
// "find it in the document" (the same as HtmlExtractor()).
void ExtractHtml(std::string_view bytes, std::string_view charset, const Location& where,
                 ExtractContext& ctx);

}  // namespace piiscan::formats
