#pragma once
// Helpers for the `register draft` tests: draft a statement with the embedded
// rules and load the YAML back with the register loader. Test-only; each
// function is safe to call from one test thread at a time.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "audit/register_draft.h"
#include "rules/register.h"
#include "rules/rule_loader.h"

namespace piiscan::audit {

inline const rules::RuleSet& Rules() {
  static const rules::RuleSet kRules = *rules::LoadEmbeddedRules();
  return kRules;
}

struct Drafted {
  RegisterDraft draft;
  rules::Register reg;  // the YAML, loaded back with the register loader
  std::string yaml;
};

inline Drafted Draft(const std::string& text, const std::string& name) {
  auto d = DraftRegister(text, Rules());
  EXPECT_TRUE(d.has_value()) << d.error().message;
  Drafted out{*d, {}, DraftToYaml(*d, name)};
  auto vocab = rules::CategoryVocabulary::FromRules(Rules());
  auto reg = rules::ParseRegister(out.yaml, name + ".yaml",
                                  std::make_shared<const rules::CategoryVocabulary>(*vocab));
  EXPECT_TRUE(reg.has_value()) << reg.error().message << "\n" << out.yaml;
  if (reg) out.reg = *reg;
  if (std::getenv("PIISCAN_PRINT_DRAFT")) std::cout << out.yaml;
  return out;
}

inline const rules::RegisterSystem* Sys(const rules::Register& r, const std::string& id) {
  return r.Find(id);
}

inline std::vector<std::string> Ids(const rules::Register& r) {
  std::vector<std::string> out;
  for (const auto& s : r.systems) out.push_back(s.id);
  return out;
}

// Every period the draft gives: overall, per system and per kind of data.
inline std::set<int> Months(const RegisterDraft& d) {
  std::set<int> months;
  for (const auto& r : d.data_retention) months.insert(r.months);
  if (d.retention_months) months.insert(*d.retention_months);
  for (const auto& s : d.systems) {
    if (s.retention_months) months.insert(*s.retention_months);
  }
  return months;
}

}  // namespace piiscan::audit
