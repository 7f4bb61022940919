#pragma once
// Finder for Dutch identity documents (spec id_document_nl). Two kinds of
// candidate, both located by the spec's Hyperscan trigger:
//  - MRZ blocks (TD3 passports 2x44, TD1 ID cards 3x30, also glued into one
//    line by OCR or copy-paste), found from their "<<" fillers. With valid
//    check digits they are near-certain: the document number is reported
//    with a fixed score, and the birth date and (2014-design documents) the
//    BSN are reported under date_of_birth and bsn.
//  - Passport / ID-card numbers in running text (`[A-Z]{2}[A-Z0-9]{6}[0-9]`,
//    no O), scored low; the spec's context keywords (paspoort,
//    documentnummer ...) lift them.
//
// Thread safety: immutable after construction; Find is reentrant.

#include <memory>

#include "detectors/finder.h"

namespace piiscan::detectors {

std::unique_ptr<Finder> MakeIdDocumentFinder();

}  // namespace piiscan::detectors
