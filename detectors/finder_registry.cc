// The one table of custom finders by name; specs refer to these names.
#include "detectors/finder.h"
#include "detectors/finders/id_document_finder.h"
#include "detectors/finders/person_name_finder.h"

namespace piiscan::detectors {

Result<std::unique_ptr<Finder>> MakeFinder(const rules::DetectorSpec& spec,
                                           const rules::RuleSet& rules,
                                           const LexiconIds& ids) {
  if (spec.finder == "id_document") return MakeIdDocumentFinder();
  if (spec.finder == "person_name") return MakePersonNameFinder(rules, ids);
  return Fail("detector '" + spec.id + "': no finder named '" + spec.finder + "'");
}

}  // namespace piiscan::detectors
