#include "audit/draft_lexicon.h"

#include <yaml-cpp/yaml.h>

#include "audit/statement_text.h"

namespace piiscan::audit {
namespace {

std::vector<std::string> Strings(const YAML::Node& n, bool lower = true) {
  std::vector<std::string> out;
  if (!n) return out;
  for (const auto& x : n) out.push_back(lower ? statement::Lower(x.as<std::string>()) : x.as<std::string>());
  return out;
}

Result<YAML::Node> LoadFile(const rules::RuleSet& rules, const std::string& name) {
  auto it = rules.files.find(name);
  if (it == rules.files.end()) return Fail("rules: missing " + name);
  try {
    return YAML::Load(it->second);
  } catch (const YAML::Exception& e) {
    return Fail(name + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
}

void LoadSystems(const YAML::Node& root, DraftLexicon& lex) {
  for (const char* group : {"named", "generic"}) {
    for (const auto& s : root[group]) {
      LexSystem sys{s["id"].as<std::string>(), s["name"].as<std::string>(), s["kind"].as<std::string>(),
                    std::string_view(group) == "generic"};
      bool cs = s["case_sensitive"].as<bool>(false);
      for (const auto& m : s["match"]) {
        std::string term = m.as<std::string>();
        lex.system_terms.push_back(cs ? term : statement::Lower(term));
        lex.system_of_term.push_back(lex.systems.size());
        lex.system_term_case_sensitive.push_back(cs);
      }
      lex.systems.push_back(std::move(sys));
    }
  }
  for (const auto& kv : root["kinds"]) {
    auto kind = kv.first.as<std::string>();
    lex.kind_hints[kind] = Strings(kv.second["hints"]);
    lex.kind_purposes[kind] = Strings(kv.second["purposes"], false);
  }
}

void LoadDrafting(const YAML::Node& d, DraftLexicon& lex) {
  lex.negations = Strings(d["negations"]);
  lex.storage_verbs = Strings(d["storage_verbs"]);
  lex.prepositions = Strings(d["location_prepositions"]);
  const auto& r = d["retention"];
  lex.retention_verbs = Strings(r["verbs"]);
  lex.retention_time_words = Strings(r["time_words"]);
  for (const auto& kv : r["numbers"]) lex.number_words[kv.first.as<std::string>()] = kv.second.as<int>();
  for (const auto& kv : r["units"]) lex.unit_months[kv.first.as<std::string>()] = kv.second.as<int>();
  for (const auto& kv : r["implied"]) lex.implied_retention[statement::Lower(kv.first.as<std::string>())] = kv.second.as<int>();
  for (const auto& kv : d["promises"]) {
    LexPromise p{kv.first.as<std::string>(), kv.second["negated"].as<bool>(false), Strings(kv.second["terms"]),
                 Strings(kv.second["with"])};
    lex.promises.push_back(std::move(p));
  }
  for (const auto& kv : d["legal_basis"]) {
    for (const auto& pat : kv.second) {
      lex.legal_basis.emplace_back(kv.first.as<std::string>(),
                                   std::regex(pat.as<std::string>(), std::regex::ECMAScript | std::regex::icase));
    }
  }
  const auto& o = d["organisation"];
  for (const auto& pat : o["labelled"]) lex.org_labelled.emplace_back(pat.as<std::string>(), std::regex::ECMAScript);
  for (const auto& pat : o["running_text"]) lex.org_running.emplace_back(pat.as<std::string>(), std::regex::ECMAScript);
  lex.legal_forms = Strings(o["legal_forms"], false);
  lex.org_stop_words = Strings(o["stop_words"]);
  lex.sole_trader = Strings(o["sole_trader"]);
  lex.kvk = std::regex(o["kvk"].as<std::string>(), std::regex::ECMAScript | std::regex::icase);
}

}  // namespace

Result<DraftLexicon> DraftLexicon::Load(const rules::RuleSet& rules) {
  auto vocab = rules::CategoryVocabulary::FromRules(rules);
  if (!vocab) return std::unexpected(vocab.error());
  DraftLexicon lex{std::move(*vocab)};
  auto systems = LoadFile(rules, "register/systems.yaml");
  if (!systems) return std::unexpected(systems.error());
  auto drafting = LoadFile(rules, "register/drafting.yaml");
  if (!drafting) return std::unexpected(drafting.error());
  try {
    LoadSystems(*systems, lex);
    LoadDrafting(*drafting, lex);
  } catch (const YAML::Exception& e) {
    return Fail("rules: register/*.yaml:" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  } catch (const std::regex_error& e) {
    return Fail(std::string("rules: register/drafting.yaml: bad regular expression: ") + e.what());
  }
  for (const auto& [term, cats] : lex.vocab.text_terms()) {
    lex.category_terms.push_back(term);
    lex.categories_of_term.push_back(cats);
  }
  return lex;
}

std::vector<std::string> DraftLexicon::AllTerms() const {
  std::vector<std::string> out = category_terms;
  for (const auto& t : system_terms) out.push_back(statement::Lower(t));
  return out;
}

}  // namespace piiscan::audit
