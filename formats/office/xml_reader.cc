#include "formats/office/xml_reader.h"

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include <climits>
#include <mutex>

namespace piiscan::formats::office {
namespace {

// No network, no warnings or errors printed; no XML_PARSE_NOENT (entities
// are not substituted) and no DTD loading. (XML_PARSE_RECOVER would not
// help: the reader stops at the first fatal error whatever the options; the
// nodes of the chunks parsed before it have been delivered by then.)
constexpr int kOptions = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                         XML_PARSE_NOCDATA | XML_PARSE_COMPACT;

void InitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

int ReadPart(void* context, char* buffer, int len) {
  auto* stream = static_cast<PartStream*>(context);
  long n = stream->Read(buffer, static_cast<size_t>(len));
  return n < 0 ? -1 : static_cast<int>(n);
}

void Silence(void*, const char*, xmlParserSeverities, xmlTextReaderLocatorPtr) {}

xmlTextReaderPtr R(void* p) { return static_cast<xmlTextReaderPtr>(p); }

std::string_view View(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

}  // namespace

XmlReader::XmlReader(PartStream& stream) {
  InitOnce();
  reader_ = xmlReaderForIO(ReadPart, nullptr, &stream, nullptr, nullptr, kOptions);
  if (reader_) xmlTextReaderSetErrorHandler(R(reader_), Silence, nullptr);
  failed_ = reader_ == nullptr;
}

XmlReader::XmlReader(std::string_view buffer) {
  InitOnce();
  if (buffer.size() > INT_MAX) {
    failed_ = true;
    return;
  }
  reader_ = xmlReaderForMemory(buffer.data(), static_cast<int>(buffer.size()), nullptr, nullptr,
                               kOptions);
  if (reader_) xmlTextReaderSetErrorHandler(R(reader_), Silence, nullptr);
  failed_ = reader_ == nullptr;
}

XmlReader::~XmlReader() {
  if (reader_) xmlFreeTextReader(R(reader_));
}

bool XmlReader::Next() {
  if (reader_ == nullptr) return false;
  if (pending_end_) {
    pending_end_ = false;
    kind_ = Kind::kEnd;
    return true;
  }
  int r = xmlTextReaderRead(R(reader_));
  if (r != 1) {
    if (r < 0) failed_ = true;
    kind_ = Kind::kOther;
    return false;
  }
  switch (xmlTextReaderNodeType(R(reader_))) {
    case XML_READER_TYPE_ELEMENT:
      kind_ = Kind::kStart;
      pending_end_ = xmlTextReaderIsEmptyElement(R(reader_)) == 1;
      break;
    case XML_READER_TYPE_END_ELEMENT:
      kind_ = Kind::kEnd;
      break;
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
    case XML_READER_TYPE_WHITESPACE:
      kind_ = Kind::kText;
      break;
    default:
      kind_ = Kind::kOther;
  }
  return true;
}

std::string_view XmlReader::LocalName() const {
  return View(xmlTextReaderConstLocalName(R(reader_)));
}

std::string_view XmlReader::Prefix() const { return View(xmlTextReaderConstPrefix(R(reader_))); }

std::string_view XmlReader::Value() const { return View(xmlTextReaderConstValue(R(reader_))); }

std::string XmlReader::Attribute(std::string_view local) const { return Attribute(local, ""); }

std::string XmlReader::Attribute(std::string_view local, std::string_view ns_suffix) const {
  std::string out;
  xmlTextReaderPtr r = R(reader_);
  if (kind_ != Kind::kStart || xmlTextReaderMoveToFirstAttribute(r) != 1) return out;
  do {
    if (View(xmlTextReaderConstLocalName(r)) == local &&
        (ns_suffix.empty() || View(xmlTextReaderConstNamespaceUri(r)).ends_with(ns_suffix))) {
      out = View(xmlTextReaderConstValue(r));
      break;
    }
  } while (xmlTextReaderMoveToNextAttribute(r) == 1);
  xmlTextReaderMoveToElement(r);
  return out;
}

void XmlReader::Skip() {
  if (kind_ != Kind::kStart) return;
  if (pending_end_) {
    pending_end_ = false;
    return;
  }
  int depth = 1;
  while (depth > 0 && Next()) {
    if (IsStart()) ++depth;
    if (IsEnd()) --depth;
  }
}

std::string XmlReader::ElementText() {
  std::string text;
  int depth = 1;
  while (depth > 0 && Next()) {
    if (IsStart()) ++depth;
    if (IsEnd()) --depth;
    if (IsText()) text += Value();
  }
  return text;
}

}  // namespace piiscan::formats::office
