#include "rules/detector_selection.h"

#include <algorithm>
#include <set>
#include <sstream>

namespace piiscan::rules {
namespace {

std::vector<std::string> SplitIds(const std::vector<std::string>& lists) {
  std::vector<std::string> ids;
  for (const auto& list : lists) {
    std::stringstream in(list);
    std::string id;
    while (std::getline(in, id, ',')) {
      id.erase(0, id.find_first_not_of(" \t"));
      id.erase(id.find_last_not_of(" \t") + 1);
      if (!id.empty()) ids.push_back(id);
    }
  }
  return ids;
}

}  // namespace

Result<bool> SelectDetectors(RuleSet& rules, const std::vector<std::string>& only,
                             const std::vector<std::string>& skip) {
  std::set<std::string> known;
  std::string known_list;
  for (const auto& d : rules.detectors) {
    known.insert(d.id);
    known_list += (known_list.empty() ? "" : ", ") + d.id;
  }
  auto keep = SplitIds(only), drop = SplitIds(skip);
  for (const auto* ids : {&keep, &drop}) {
    for (const auto& id : *ids) {
      if (!known.contains(id)) return Fail("unknown detector '" + id + "' (known: " + known_list + ")");
    }
  }
  std::erase_if(rules.detectors, [&](const DetectorSpec& d) {
    bool wanted = keep.empty() || std::find(keep.begin(), keep.end(), d.id) != keep.end();
    return !wanted || std::find(drop.begin(), drop.end(), d.id) != drop.end();
  });
  if (rules.detectors.empty()) return Fail("no detector left to run (known: " + known_list + ")");
  return true;
}

}  // namespace piiscan::rules
