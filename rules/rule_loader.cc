#include "rules/rule_loader.h"

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

#include "core/digest.h"

namespace piiscan::rules {

namespace {

// A detector spec read from JSON (the embedded specs,
// rules/tools/rules_to_json.cc) through the part of yaml-cpp's Node
// interface that ParseOne uses, so that one walker reads both notations.
// Building yaml-cpp nodes from the JSON instead cost as much as parsing the
// YAML. Scalars convert through a one-scalar YAML::Node: yaml-cpp's own
// rules for ints, doubles and booleans.
class JsonNode {
 public:
  JsonNode() = default;
  explicit JsonNode(const nlohmann::ordered_json* j) : j_(j) {}

  explicit operator bool() const { return j_ != nullptr; }
  bool IsMap() const { return j_ && j_->is_object(); }
  bool IsSequence() const { return j_ && j_->is_array(); }
  bool IsScalar() const { return j_ && j_->is_primitive() && !j_->is_null(); }
  bool IsNull() const { return j_ && j_->is_null(); }
  size_t size() const { return j_ && j_->is_structured() ? j_->size() : 0; }

  JsonNode operator[](const char* key) const {
    if (!IsMap()) return {};
    auto it = j_->find(key);
    return it == j_->end() ? JsonNode() : JsonNode(&*it);
  }
  JsonNode operator[](size_t i) const { return IsSequence() && i < j_->size() ? JsonNode(&(*j_)[i]) : JsonNode(); }
  JsonNode operator[](int i) const { return i < 0 ? JsonNode() : (*this)[static_cast<size_t>(i)]; }

  template <typename T>
  T as() const {
    return Scalar().as<T>();
  }
  template <typename T>
  T as(const T& fallback) const {
    return j_ ? Scalar().as<T>(fallback) : fallback;
  }

  const nlohmann::ordered_json* json() const { return j_; }

 private:
  // What yaml-cpp would convert: a map or sequence stays one (a scalar
  // conversion of it fails or falls back, as in YAML notation).
  YAML::Node Scalar() const {
    if (!j_ || j_->is_null()) return YAML::Node(YAML::NodeType::Null);
    if (j_->is_object()) return YAML::Node(YAML::NodeType::Map);
    if (j_->is_array()) return YAML::Node(YAML::NodeType::Sequence);
    return YAML::Node(j_->is_string() ? j_->get<std::string>() : j_->dump());
  }
  const nlohmann::ordered_json* j_ = nullptr;
};

// A map's (key, value) pairs, or a sequence's ("", element)s.
std::vector<std::pair<std::string, JsonNode>> Entries(const JsonNode& n) {
  std::vector<std::pair<std::string, JsonNode>> out;
  if (n.IsMap()) {
    for (const auto& [k, v] : n.json()->items()) out.emplace_back(k, JsonNode(&v));
  } else if (n.IsSequence()) {
    for (const auto& v : *n.json()) out.emplace_back(std::string(), JsonNode(&v));
  }
  return out;
}

std::string Where(const std::string& file, const YAML::Node& node) {
  return file + ":" + std::to_string(node.Mark().line + 1);
}
std::string Where(const std::string& file, const JsonNode&) { return file; }

// Elements of a sequence as strings, in both notations.
std::vector<std::string> ElementStrings(const YAML::Node& n) {
  std::vector<std::string> out;
  for (const auto& e : n) out.push_back(e.as<std::string>());
  return out;
}
std::vector<std::string> ElementStrings(const JsonNode& n) {
  std::vector<std::string> out;
  for (const auto& [key, e] : Entries(n)) out.push_back(e.as<std::string>());
  return out;
}

template <typename Node>
std::vector<std::string> Strings(const Node& node) {
  std::vector<std::string> out;
  if (!node) return out;
  if (node.IsScalar()) {
    out.push_back(node.template as<std::string>());
    return out;
  }
  return ElementStrings(node);
}

const std::set<std::string> kKeys = {
    "id", "category", "description", "confidence", "trigger", "hs", "pattern", "lexicon", "lexicons", "finder",
    "before", "after", "digits", "normaliser", "validator", "masker", "caseless", "score", "requires_context",
    "name_context", "priority", "context", "engine", "examples"};
// The keys of the `engine:` block: how a detector is made fast.
const std::set<std::string> kEngineKeys = {"hs_anchor", "anchor_window", "separators", "lead", "digit_lead"};

// "where: unknown key 'x'" for the first key of `n` that a spec (or, with
// `engine_block`, its engine block) does not have, or "". An engine hint
// written among the spec's own keys, where specs had them before the
// `engine:` block, is named as moved.
std::string UnknownKeyMessage(const std::string& where, const std::string& key, bool engine_block) {
  if (engine_block) return where + ": unknown key '" + key + "' in 'engine:'";
  if (kEngineKeys.contains(key)) {
    return where + ": '" + key + "' is an engine hint: write it in the detector's 'engine:' block (engine: {" + key +
           ": ...})";
  }
  return where + ": unknown key '" + key + "'";
}
std::string UnknownKey(const YAML::Node& n, const std::string& file, bool engine_block = false) {
  const auto& keys = engine_block ? kEngineKeys : kKeys;
  for (const auto& kv : n) {
    auto key = kv.first.as<std::string>();
    if (!keys.contains(key)) return UnknownKeyMessage(Where(file, kv.first), key, engine_block);
  }
  return {};
}
std::string UnknownKey(const JsonNode& n, const std::string& file, bool engine_block = false) {
  const auto& keys = engine_block ? kEngineKeys : kKeys;
  for (const auto& [key, value] : Entries(n)) {
    if (!keys.contains(key)) return UnknownKeyMessage(Where(file, n), key, engine_block);
  }
  return {};
}

// The `engine:` block `e` of spec `s` (trigger and before already read).
template <typename Node>
Result<bool> ParseEngineHints(const Node& e, const std::string& file, DetectorSpec& s) {
  if (!e.IsMap()) return Fail(Where(file, e) + ": engine is a mapping (hs_anchor, lead, ...)");
  if (auto unknown = UnknownKey(e, file, /*engine_block=*/true); !unknown.empty()) return Fail(unknown);
  EngineHints& h = s.engine;
  h.hs_anchor = e["hs_anchor"].template as<std::string>("");
  if (auto w = e["anchor_window"]) {
    if (!w.IsSequence() || w.size() != 2) return Fail(Where(file, w) + ": anchor_window is [before, after]");
    h.anchor_before = w[0].template as<int>();
    h.anchor_after = w[1].template as<int>();
  }
  if (!h.hs_anchor.empty() && (s.hs.empty() || !e["anchor_window"])) {
    return Fail(Where(file, e) + ": hs_anchor needs hs and anchor_window");
  }
  if (auto sep = e["separators"]) {
    h.separators = sep.template as<std::string>("");
    h.has_separators = true;
    for (char c : h.separators) {
      if (std::string_view(" .-/()").find(c) == std::string_view::npos) {
        return Fail(Where(file, sep) + ": separators are some of \" .-/()\"");
      }
    }
  }
  h.lead = e["lead"].template as<std::string>("");
  h.digit_lead = e["digit_lead"].template as<std::string>("");
  if (!h.lead.empty() && s.before < 1) {
    return Fail(Where(file, e["lead"]) + ": a lead stands before the token: 'before' must cover it");
  }
  if (!h.lead.empty() && s.trigger != "numeric") {
    return Fail(Where(file, e["lead"]) + ": lead is for numeric detectors");
  }
  if (!h.digit_lead.empty() && s.trigger != "custom") {
    return Fail(Where(file, e["digit_lead"]) + ": digit_lead is for custom detectors");
  }
  return true;
}

template <typename Node>
Result<DetectorSpec> ParseOne(const Node& n, const std::string& file) {
  if (!n.IsMap()) return Fail(Where(file, n) + ": expected a detector mapping (id, category, ...)");
  if (auto unknown = UnknownKey(n, file); !unknown.empty()) return Fail(unknown);
  DetectorSpec s;
  auto req = [&](const char* key) -> Result<std::string> {
    if (!n[key] || !n[key].IsScalar()) return Fail(Where(file, n) + ": detector needs '" + key + "'");
    return n[key].template as<std::string>();
  };
  auto id = req("id");
  if (!id) return std::unexpected(id.error());
  s.id = *id;
  auto cat = req("category");
  if (!cat) return std::unexpected(cat.error());
  s.category = *cat;
  auto trig = req("trigger");
  if (!trig) return std::unexpected(trig.error());
  s.trigger = *trig;
  s.description = n["description"].template as<std::string>("");
  s.confidence_doc = n["confidence"].template as<std::string>("");
  s.hs = n["hs"].template as<std::string>("");
  s.pattern = n["pattern"].template as<std::string>("");
  if (n["lexicon"]) s.lexicons.push_back(n["lexicon"].template as<std::string>());
  for (auto& l : Strings(n["lexicons"])) s.lexicons.push_back(l);
  s.finder = n["finder"].template as<std::string>("");
  s.before = n["before"].template as<int>(0);
  s.after = n["after"].template as<int>(0);
  if (auto d = n["digits"]) {
    if (!d.IsSequence() || d.size() != 2) return Fail(Where(file, d) + ": digits is [min, max]");
    s.min_digits = d[0].template as<int>();
    s.max_digits = d[1].template as<int>();
  }
  s.normaliser = n["normaliser"].template as<std::string>("as_is");
  s.validator = n["validator"].template as<std::string>("");
  s.masker = n["masker"].template as<std::string>("keep_ends");
  s.caseless = n["caseless"].template as<bool>(false);
  if (auto sc = n["score"]) {
    s.base_score = sc["base"].template as<double>(s.base_score);
    s.context_score = sc["context"].template as<double>(s.context_score);
    s.negative_score = sc["negative"].template as<double>(s.negative_score);
  }
  s.requires_context = n["requires_context"].template as<bool>(false);
  s.name_context = n["name_context"].template as<bool>(false);
  s.priority = n["priority"].template as<int>(50);
  if (auto c = n["context"]) {
    s.positive = Strings(c["positive"]);
    s.negative = Strings(c["negative"]);
    s.context_before = c["before"].template as<int>(s.context_before);
    s.context_after = c["after"].template as<int>(s.context_after);
    s.context_clause = c["clause"].template as<bool>(false);
  }
  if (auto e = n["examples"]) {
    s.must_match = Strings(e["match"]);
    s.must_not_match = Strings(e["no_match"]);
  }
  static const std::set<std::string> kTriggers = {"numeric", "regex", "lexicon", "custom"};
  if (!kTriggers.contains(s.trigger)) {
    return Fail(Where(file, n["trigger"]) + ": trigger must be numeric, regex, lexicon or custom");
  }
  if (s.trigger == "regex" && (s.hs.empty() || s.pattern.empty())) {
    return Fail(Where(file, n) + ": regex detector '" + s.id + "' needs hs and pattern");
  }
  if (s.trigger == "numeric" && s.pattern.empty()) {
    return Fail(Where(file, n) + ": numeric detector '" + s.id + "' needs pattern");
  }
  if (s.trigger == "lexicon" && s.lexicons.empty()) {
    return Fail(Where(file, n) + ": lexicon detector '" + s.id + "' needs lexicon");
  }
  if (s.trigger == "custom" && s.finder.empty()) {
    return Fail(Where(file, n) + ": custom detector '" + s.id + "' needs finder");
  }
  if (auto e = n["engine"]) {
    if (auto ok = ParseEngineHints(e, file, s); !ok) return std::unexpected(ok.error());
  }
  return s;
}

// A document of specs: a list, one spec, or a map with a `detectors` list.
template <typename Node>
Result<std::vector<DetectorSpec>> ParseList(const Node& root, const std::string& file) {
  Node list = root.IsMap() && root["detectors"] ? root["detectors"] : root;
  std::vector<DetectorSpec> out;
  if (list.IsMap()) {
    auto one = ParseOne(list, file);
    if (!one) return std::unexpected(one.error());
    out.push_back(std::move(*one));
  } else if (list.IsSequence()) {
    for (size_t i = 0; i < list.size(); ++i) {
      auto one = ParseOne(Node(list[i]), file);
      if (!one) return std::unexpected(one.error());
      out.push_back(std::move(*one));
    }
  } else if (!list.IsNull()) {
    return Fail(file + ": expected a list of detectors");
  }
  return out;
}

std::string Stem(std::string_view rel) {
  auto slash = rel.find_last_of('/');
  auto name = rel.substr(slash == std::string_view::npos ? 0 : slash + 1);
  return std::string(name.substr(0, name.find_last_of('.')));
}

Result<RuleSet> Assemble(const std::vector<std::pair<std::string, std::string>>& files) {
  RuleSet rs;
  std::set<std::string> ids;
  for (const auto& [rel, content] : files) {
    if (rel == "VERSION") {
      rs.version = content.substr(0, content.find('\n'));
    } else if (rel.starts_with("detectors/") && rel.ends_with(".yaml")) {
      auto specs = ParseDetectorSpecs(content, rel);
      if (!specs) return std::unexpected(specs.error());
      for (auto& s : *specs) {
        if (!ids.insert(s.id).second) return Fail(rel + ": detector id '" + s.id + "' defined twice");
        rs.detectors.push_back(std::move(s));
      }
    } else if (rel.starts_with("lexicons/") && rel.ends_with(".txt")) {
      rs.lexicons[Stem(rel)] = ParseLexicon(content);
      if (content.starts_with("#! case-sensitive")) rs.case_sensitive_lexicons.insert(Stem(rel));
    }
    rs.files[rel] = content;
  }
  for (const auto& s : rs.detectors) {
    for (const auto& l : s.lexicons) {
      if (!rs.lexicons.contains(l)) {
        return Fail("detector '" + s.id + "' names lexicon '" + l + "', which does not exist");
      }
    }
  }
  if (rs.version.empty()) rs.version = "unversioned";
  return rs;
}

}  // namespace

Result<std::vector<DetectorSpec>> ParseDetectorSpecs(const std::string& yaml, const std::string& file) {
  // Specs written as JSON (the embedded ones, rules/tools/rules_to_json.cc)
  // are read by nlohmann, ten times faster than yaml-cpp reads YAML; all
  // else, and JSON that nlohmann refuses, by yaml-cpp, with line numbers.
  auto first = yaml.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && (yaml[first] == '[' || yaml[first] == '{')) {
    auto json = nlohmann::ordered_json::parse(yaml, nullptr, /*allow_exceptions=*/false);
    if (!json.is_discarded()) {
      try {
        return ParseList(JsonNode(&json), file);
      } catch (const YAML::Exception& e) {  // a scalar that does not convert
        return Fail(file + ": " + e.msg);
      }
    }
  }
  try {
    return ParseList(YAML::Load(yaml), file);
  } catch (const YAML::Exception& e) {
    return Fail(file + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
}

std::vector<std::string> ParseLexicon(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) line.pop_back();
    size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos) continue;
    out.push_back(line.substr(start));
  }
  return out;
}

Result<RuleSet> LoadEmbeddedRules() {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& [rel, content] : EmbeddedRuleFiles()) files.emplace_back(rel, content);
  auto rs = Assemble(files);
  if (rs) rs->digest = EmbeddedRulesDigest();
  return rs;
}

Result<RuleSet> LoadRulesFromDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Fail("rules directory " + dir + " does not exist");
  std::vector<std::pair<std::string, std::string>> files;
  for (auto it = fs::recursive_directory_iterator(dir, ec); it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    files.emplace_back(fs::relative(it->path(), dir).generic_string(), ss.str());
  }
  std::sort(files.begin(), files.end());
  auto rs = Assemble(files);
  if (rs) rs->digest = FileSetDigest(files);
  return rs;
}

std::string RulesVersion(const RuleSet& rules) { return rules.version + "+" + rules.digest.substr(0, 12); }

Result<RuleSet> LoadRules(const std::string& dir) {
  return dir.empty() ? LoadEmbeddedRules() : LoadRulesFromDirectory(dir);
}

}  // namespace piiscan::rules
