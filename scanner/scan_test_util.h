#pragma once
// Helpers of the scanner's tests: a sink that keeps every report it is
// given, and the engine of the built-in rules. Single-threaded test code
// (a sink is only called on the scan's reporter thread).

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "detectors/engine.h"
#include "reports/sink.h"
#include "rules/rule_loader.h"

namespace piiscan::testing {

class CollectingSink : public reports::Sink {
 public:
  void Item(const ItemReport& r) override { items.push_back(r); }
  bool Finish(const reports::ScanSummary&) override { return true; }
  std::vector<ItemReport> items;

  std::vector<std::string> Values(const std::string& detector) const {
    std::vector<std::string> out;
    for (const auto& i : items)
      for (const auto& f : i.findings)
        if (f.detector == detector && f.value) out.push_back(*f.value);
    return out;
  }
  std::vector<StatusRecord> Statuses() const {
    std::vector<StatusRecord> out;
    for (const auto& i : items) out.insert(out.end(), i.statuses.begin(), i.statuses.end());
    return out;
  }
};

// The engine of the built-in rules (a test failure, and null, if they do not
// build).
inline std::shared_ptr<const detectors::Engine> EmbeddedEngine() {
  auto rules = rules::LoadEmbeddedRules();
  EXPECT_TRUE(rules) << rules.error().message;
  if (!rules) return nullptr;
  auto e = detectors::Engine::Build(*rules);
  EXPECT_TRUE(e) << e.error().message;
  return e ? *e : nullptr;
}

}  // namespace piiscan::testing
