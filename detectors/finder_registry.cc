// The one table of custom finders by name; specs refer to these names.
#include "detectors/finder.h"

namespace piiscan::detectors {

Result<std::unique_ptr<Finder>> MakeFinder(const rules::DetectorSpec& spec,
                                           const rules::RuleSet& /*rules*/,
                                           const LexiconIds& /*ids*/) {
  return Fail("detector '" + spec.id + "': no finder named '" + spec.finder + "'");
}

}  // namespace piiscan::detectors
