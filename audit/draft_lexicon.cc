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
      sys.part_of = Strings(s["part_of"]);
      sys.kept_only = s["kept_only"].as<bool>(false);
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

// A map of words to numbers ("twee: 2", "jaar: 12").
std::map<std::string, int> Numbers(const YAML::Node& n) {
  std::map<std::string, int> out;
  for (const auto& kv : n) out[kv.first.as<std::string>()] = kv.second.as<int>();
  return out;
}

void LoadDrafting(const YAML::Node& d, DraftLexicon& lex) {
  lex.negations = Strings(d["negations"]);
  lex.not_negations = Strings(d["not_negations"]);
  lex.storage_verbs = Strings(d["storage_verbs"]);
  lex.prepositions = Strings(d["location_prepositions"]);
  lex.system_subject_words = Strings(d["subject_determiners"]);
  lex.possessives = Strings(d["own_determiners"]);
  lex.use_verbs = Strings(d["use_verbs"]);
  lex.keeping_verbs = Strings(d["keeping"]["verbs"]);
  lex.keeping_links = Strings(d["keeping"]["links"]);
  lex.articles = Strings(d["keeping"]["articles"]);
  lex.keeping_after = Strings(d["keeping"]["after"]);
  lex.purpose_verbs = Strings(d["purpose"]["verbs"]);
  lex.reader_verbs = Strings(d["reader_verbs"]);
  lex.definite_keeping_verbs = Strings(d["keeping"]["definite_verbs"]);
  lex.definite_articles = Strings(d["keeping"]["definite_articles"]);
  lex.practice_adjectives = Strings(d["practice_adjectives"]);
  lex.purpose_links = Strings(d["purpose"]["links"]);
  lex.self_determiners = Strings(d["self_determiners"]);
  lex.form_endings = Strings(d["forms"]["endings"]);
  lex.form_words = Strings(d["forms"]["words"]);
  lex.other_party_words = Strings(d["other_party_words"]);
  const auto& r = d["retention"];
  lex.retention_verbs = Strings(r["verbs"]);
  lex.retention_follow = Strings(r["follow"]);
  lex.retention_time_words = Strings(r["time_words"]);
  lex.number_words = Numbers(r["numbers"]);
  lex.unit_months = Numbers(r["units"]);
  lex.unit_days = Numbers(r["day_units"]);
  lex.period_adjectives = Strings(r["period_adjectives"]);
  lex.duration_words = Strings(r["duration_words"]);
  lex.response_before = Strings(r["response"]["before"]);
  lex.request_words = Strings(r["response"]["requests"]);
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
  constexpr auto kFlags = std::regex::ECMAScript;
  lex.org_alias = std::regex(o["alias"].as<std::string>(), kFlags);
  std::string subject = o["subject"].as<std::string>();
  const std::string kName = "{name}";
  if (auto at = subject.find(kName); at != std::string::npos) {
    subject.replace(at, kName.size(), o["subject_name"].as<std::string>());
  }
  lex.org_subject = std::regex(subject, kFlags);
  for (const auto& pat : o["titles"]) lex.org_titles.emplace_back(pat.as<std::string>(), kFlags);
  lex.org_municipality = std::regex(o["municipality"].as<std::string>(), kFlags);
  lex.legal_forms = Strings(o["legal_forms"], false);
  lex.name_connectors = Strings(o["name_connectors"]);
  lex.org_stop_words = Strings(o["stop_words"]);
  lex.org_name_cut = Strings(o["name_cut"]);
  lex.definitions = Strings(d["definitions"]);
  const auto& p = d["processors"];
  lex.processor_before = Strings(p["before"]);
  lex.processor_list_nouns = Strings(p["list_nouns"]);
  lex.processor_list_lead = Strings(p["list_lead"]);
  lex.processor_bare_before = Strings(p["bare_before"]);
  lex.processor_noun_suffixes = Strings(p["noun_suffixes"]);
  lex.processor_subject_verbs = Strings(p["subject_verbs"]);
  lex.processor_roles = Strings(p["roles"]);
  lex.org_not_names = Strings(o["not_names"]);
  lex.org_prefix_forms = Strings(o["prefix_forms"], false);
  lex.list_joiners = Strings(d["list_joiners"]);
  lex.municipality_words = Strings(o["municipality_words"]);
  lex.org_domain_skip = Strings(o["domain_skip"]);
  lex.processor_not_names = Strings(p["not_names"]);
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
  auto categories = LoadFile(rules, "register/categories.yaml");
  if (!categories) return std::unexpected(categories.error());
  try {
    for (const auto& c : (*categories)["categories"]) {
      for (const auto& term : Strings(c["register_aliases"])) {
        lex.vague_terms.push_back(term);
        lex.category_of_vague.push_back(c["id"].as<std::string>());
      }
    }
    for (const auto& term : Strings((*categories)["not_data"])) {
      lex.category_terms.push_back(term);
      lex.categories_of_term.emplace_back();
    }
  } catch (const YAML::Exception& e) {
    return Fail("rules: register/categories.yaml:" + std::to_string(e.mark.line + 1) + ": " +
                e.msg);
  }
  return lex;
}

std::vector<std::string> DraftLexicon::AllTerms() const {
  std::vector<std::string> out = category_terms;
  for (const auto& t : system_terms) out.push_back(statement::Lower(t));
  return out;
}

}  // namespace piiscan::audit
