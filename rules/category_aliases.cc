#include "rules/category_aliases.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "rules/rule_loader.h"

namespace piiscan::rules {
namespace {

constexpr char kFile[] = "register/categories.yaml";

std::string Where(const std::string& file, const YAML::Node& node) {
  return file + ":" + std::to_string(node.Mark().line + 1);
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Result<CategoryVocabulary> CategoryVocabulary::Parse(const std::string& yaml, const std::string& file) {
  CategoryVocabulary v;
  try {
    YAML::Node root = YAML::Load(yaml);
    if (!root.IsMap() || !root["categories"] || !root["categories"].IsSequence()) {
      return Fail(file + ": expected a mapping with a list `categories`");
    }
    for (const auto& c : root["categories"]) {
      if (!c.IsMap() || !c["id"]) return Fail(Where(file, c) + ": a category needs an `id`");
      CategoryInfo info{c["id"].as<std::string>(), c["label"].as<std::string>(""), c["sensitive"].as<bool>(false)};
      if (info.label.empty()) info.label = info.id;
      v.all_terms_[info.id] = {info.id};
      for (const char* key : {"aliases", "register_aliases"}) {
        if (!c[key]) continue;
        for (const auto& a : c[key]) {
          auto term = AsciiLower(a.as<std::string>());
          v.all_terms_[term] = {info.id};
          if (std::string_view(key) == "aliases") v.text_terms_[term] = {info.id};
        }
      }
      v.categories_.push_back(std::move(info));
    }
    if (auto g = root["groups"]) {
      for (const auto& kv : g) {
        std::vector<std::string> ids;
        for (const auto& id : kv.second) ids.push_back(id.as<std::string>());
        for (const auto& id : ids) {
          if (!v.IsCategory(id)) return Fail(Where(file, kv.second) + ": group names unknown category '" + id + "'");
        }
        auto term = AsciiLower(kv.first.as<std::string>());
        v.all_terms_[term] = ids;
        v.text_terms_[term] = ids;
      }
    }
    if (auto u = root["unmapped"]) {
      for (const auto& t : u) v.unmapped_.push_back(AsciiLower(t.as<std::string>()));
    }
  } catch (const YAML::Exception& e) {
    return Fail(file + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
  return v;
}

Result<CategoryVocabulary> CategoryVocabulary::FromRules(const RuleSet& rules) {
  auto it = rules.files.find(kFile);
  if (it == rules.files.end()) return Fail(std::string("rules: missing ") + kFile);
  return Parse(it->second, kFile);
}

Result<CategoryVocabulary> CategoryVocabulary::Embedded() {
  auto rules = LoadEmbeddedRules();
  if (!rules) return std::unexpected(rules.error());
  return FromRules(*rules);
}

bool CategoryVocabulary::IsCategory(std::string_view id) const {
  return std::any_of(categories_.begin(), categories_.end(), [&](const auto& c) { return c.id == id; });
}

bool CategoryVocabulary::IsSensitive(std::string_view id) const {
  for (const auto& c : categories_) {
    if (c.id == id) return c.sensitive;
  }
  return false;
}

std::string CategoryVocabulary::Label(std::string_view id) const {
  for (const auto& c : categories_) {
    if (c.id == id) return c.label;
  }
  return std::string(id);
}

std::optional<std::vector<std::string>> CategoryVocabulary::Resolve(std::string_view word) const {
  auto it = all_terms_.find(AsciiLower(word));
  if (it == all_terms_.end()) return std::nullopt;
  return it->second;
}

std::string CategoryVocabulary::Suggest(std::string_view word) const {
  auto lower = AsciiLower(word);
  std::string best;
  size_t best_d = std::max<size_t>(2, lower.size() / 3) + 1;
  for (const auto& [term, ids] : all_terms_) {
    size_t d = EditDistance(lower, term);
    if (d < best_d) {
      best_d = d;
      best = term;
    }
  }
  return best;
}

}  // namespace piiscan::rules
