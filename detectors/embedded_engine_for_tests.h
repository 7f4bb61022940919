#pragma once
// For tests only: the engine of the embedded rule set, built once per test
// binary (compiling the full rule set takes a moment); null when the
// embedded rules do not build, which the caller asserts.

#include <memory>

#include "detectors/engine.h"
#include "rules/rule_loader.h"

namespace piiscan::detectors {

inline std::shared_ptr<const Engine> EmbeddedEngineForTests() {
  static const std::shared_ptr<const Engine> shared = [] {
    auto rules = rules::LoadEmbeddedRules();
    if (!rules) return std::shared_ptr<const Engine>();
    auto e = Engine::Build(*rules);
    return e ? *e : std::shared_ptr<const Engine>();
  }();
  return shared;
}

}  // namespace piiscan::detectors
