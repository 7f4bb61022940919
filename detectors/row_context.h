#pragma once
// What the other cells of a spreadsheet or CSV row say about a number in
// one of its cells: a BSN that only passed the 11-proef is medium when its
// row also holds a person's name and a valid IBAN (the engine's resolve
// pass, engine_resolve.cc). Cells reach the engine one at a time; the
// extractor hands each with its row's cells (SegmentInfo::row).
//
// Thread safety: pure functions.

#include <string_view>

namespace piiscan::detectors {

// True when a cell of `row` (cells separated by tabs) is shaped like a
// person's name ("Jan de Vries", "J.P. van den Berg", "De Vries, J.") and
// another holds an IBAN that passes mod 97.
bool RowHasNameAndIban(std::string_view row);

// True when `cell` is shaped like a person's name: two to five words, each
// a capitalised word of letters, a tussenvoegsel or initials, with at least
// two capitalised words or initials and a surname ("De Vries, J." too).
bool NameShapedCell(std::string_view cell);

}  // namespace piiscan::detectors
