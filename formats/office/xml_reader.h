#pragma once
// Streaming XML over a package part or a buffer, with libxml2's
// xmlTextReader: no network, no DTD loading, no entity expansion (an entity
// reference stays a reference, so "billion laughs" cannot expand), errors
// and warnings silenced (never printed to stderr). Names are compared by
// local name: document producers choose their own namespace prefixes.
//
// Empty elements (<a/>) are reported as a start followed by an end, so
// callers can treat every element alike.
//
// Thread safety: one reader per thread; libxml2 itself is initialised once
// (xmlInitParser) on first use.

#include <memory>
#include <string>
#include <string_view>

#include "formats/office/zip_package.h"

namespace piiscan::formats::office {

class XmlReader {
 public:
  explicit XmlReader(PartStream& stream);       // reads from a part
  explicit XmlReader(std::string_view buffer);  // reads from memory (must outlive)
  ~XmlReader();
  XmlReader(const XmlReader&) = delete;
  XmlReader& operator=(const XmlReader&) = delete;

  // Advances to the next node; false at the end or on an error (failed()).
  // A document damaged in the middle delivers the nodes before the damage
  // (all but the last few KiB parsed).
  bool Next();
  // True when the document was not well-formed or its part not readable.
  bool failed() const { return failed_; }

  bool IsStart() const { return kind_ == Kind::kStart; }
  bool IsEnd() const { return kind_ == Kind::kEnd; }
  bool IsText() const { return kind_ == Kind::kText; }
  // Element start or end named `local`.
  bool IsStart(std::string_view local) const { return IsStart() && LocalName() == local; }
  bool IsEnd(std::string_view local) const { return IsEnd() && LocalName() == local; }

  std::string_view LocalName() const;
  std::string_view Prefix() const;
  // Text of a text node.
  std::string_view Value() const;
  // Value of the current element's attribute with local name `local` ("" when
  // absent). Only valid on a start.
  std::string Attribute(std::string_view local) const;
  // The same, only among attributes whose namespace URI ends with
  // `ns_suffix` (e.g. "/relationships" for r:id, whose element may also
  // have a plain id attribute).
  std::string Attribute(std::string_view local, std::string_view ns_suffix) const;
  // Skips the rest of the current element (on a start): the next Next()
  // returns the node after its end.
  void Skip();
  // Reads the rest of the current element (on a start) and returns its text,
  // children's text included; the next Next() returns the node after its end.
  std::string ElementText();

 private:
  enum class Kind { kOther, kStart, kEnd, kText };
  void* reader_ = nullptr;  // xmlTextReaderPtr
  Kind kind_ = Kind::kOther;
  bool pending_end_ = false;
  bool failed_ = false;
};

}  // namespace piiscan::formats::office
