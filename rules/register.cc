#include "rules/register.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace piiscan::rules {
namespace {

const std::set<std::string> kTopKeys = {"organisation", "organization", "kvk", "legal_form", "promises",
                                        "legal_basis", "bsn_basis", "retention", "systems", "version",
                                        "description", "notes"};
const std::set<std::string> kSystemKeys = {"id",          "name",      "kind",     "locations", "categories",
                                           "retention",   "purposes",  "legal_basis", "bsn_basis", "promises",
                                           "description", "notes",     "processor"};

// Dutch and English spellings of the AVG art. 6 grounds -> canonical name.
const std::map<std::string, std::string> kLegalBasisAliases = {
    {"consent", "consent"},
    {"toestemming", "consent"},
    {"contract", "contract"},
    {"overeenkomst", "contract"},
    {"uitvoering_overeenkomst", "contract"},
    {"legal_obligation", "legal_obligation"},
    {"wettelijke_verplichting", "legal_obligation"},
    {"vital_interests", "vital_interests"},
    {"vitaal_belang", "vital_interests"},
    {"public_task", "public_task"},
    {"algemeen_belang", "public_task"},
    {"legitimate_interest", "legitimate_interest"},
    {"legitimate_interests", "legitimate_interest"},
    {"gerechtvaardigd_belang", "legitimate_interest"},
};

struct Ctx {
  const std::string& file;
  const CategoryVocabulary& vocab;
  std::string At(const YAML::Node& n) const { return file + ":" + std::to_string(n.Mark().line + 1) + ": "; }
};

Result<std::string> Scalar(const Ctx& c, const YAML::Node& n, const std::string& what) {
  if (!n.IsScalar()) return Fail(c.At(n) + what + ": expected a single value (text)");
  return n.as<std::string>();
}

// A scalar or a list of scalars.
Result<std::vector<std::string>> List(const Ctx& c, const YAML::Node& n, const std::string& what) {
  std::vector<std::string> out;
  if (n.IsNull()) return out;
  if (n.IsScalar()) {
    out.push_back(n.as<std::string>());
    return out;
  }
  if (!n.IsSequence()) return Fail(c.At(n) + what + ": expected a list, e.g. [a, b]");
  for (const auto& item : n) {
    if (!item.IsScalar()) return Fail(c.At(item) + what + ": expected a list of plain values");
    out.push_back(item.as<std::string>());
  }
  return out;
}

Result<std::vector<std::string>> Categories(const Ctx& c, const YAML::Node& n, const std::string& sys) {
  auto words = List(c, n, "categories of system '" + sys + "'");
  if (!words) return std::unexpected(words.error());
  std::vector<std::string> out;
  size_t i = 0;
  for (const auto& w : *words) {
    const YAML::Node& at = n.IsSequence() ? n[i] : n;
    ++i;
    auto ids = c.vocab.Resolve(w);
    if (!ids) {
      std::string msg = c.At(at) + "system '" + sys + "': unknown category '" + w +
                        "'; expected one of: ";
      for (size_t k = 0; k < c.vocab.categories().size(); ++k) {
        msg += (k ? ", " : "") + c.vocab.categories()[k].id;
      }
      msg += " (or an alias such as naam, adres, bankrekeningnummer, ID-bewijs)";
      if (auto s = c.vocab.Suggest(w); !s.empty()) msg += "; did you mean '" + s + "'?";
      return Fail(msg);
    }
    for (const auto& id : *ids) {
      if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    }
  }
  return out;
}

Result<std::optional<Retention>> RetentionOf(const Ctx& c, const YAML::Node& n) {
  if (!n || n.IsNull()) return std::optional<Retention>();
  auto text = Scalar(c, n, "retention");
  if (!text) return std::unexpected(text.error());
  auto r = ParseRetention(*text);
  if (!r) return Fail(c.At(n) + "retention '" + *text + "': expected a period such as 24m, 2y, 7y or 10y");
  return r;
}

Result<std::vector<std::string>> LegalBasis(const Ctx& c, const YAML::Node& n) {
  auto words = List(c, n, "legal_basis");
  if (!words) return std::unexpected(words.error());
  std::vector<std::string> out;
  for (const auto& w : *words) {
    std::string key = AsciiLower(w);
    std::replace(key.begin(), key.end(), ' ', '_');
    std::replace(key.begin(), key.end(), '-', '_');
    auto it = kLegalBasisAliases.find(key);
    if (it == kLegalBasisAliases.end()) {
      return Fail(c.At(n) + "unknown legal_basis '" + w +
                  "'; expected consent, contract, legal_obligation, vital_interests, public_task or "
                  "legitimate_interest");
    }
    out.push_back(it->second);
  }
  return out;
}

// `promises:` is a list of names, or a map name -> true/false (bsn_basis ->
// the legal ground as text).
Result<void> PromisesOf(const Ctx& c, const YAML::Node& n, Promises& p) {
  if (!n || n.IsNull()) return {};
  auto set = [&](const std::string& name, const YAML::Node& value, const YAML::Node& at) -> Result<void> {
    bool on = true;
    if (value && value.IsScalar() && name != "bsn_basis") {
      try {
        on = value.as<bool>();
      } catch (const YAML::Exception&) {
        return Fail(c.At(value) + "promise '" + name + "': expected true or false");
      }
    }
    if (name == "no_special_categories") {
      p.no_special_categories = on;
    } else if (name == "no_id_copies") {
      p.no_id_copies = on;
    } else if (name == "no_physical_copies") {
      p.no_physical_copies = on;
    } else if (name == "bsn_basis") {
      if (!value || !value.IsScalar() || value.as<std::string>().empty()) {
        return Fail(c.At(at) + "promise 'bsn_basis': expected the legal ground as text, e.g. "
                               "\"Wet op de loonbelasting 1964\"");
      }
      p.bsn_basis = value.as<std::string>();
    } else {
      return Fail(c.At(at) + "unknown promise '" + name +
                  "'; expected no_special_categories, no_id_copies, no_physical_copies or bsn_basis");
    }
    return {};
  };
  if (n.IsSequence()) {
    for (const auto& item : n) {
      if (item.IsScalar()) {
        if (auto r = set(item.as<std::string>(), YAML::Node(), item); !r) return r;
      } else if (item.IsMap()) {
        for (const auto& kv : item) {
          if (auto r = set(kv.first.as<std::string>(), kv.second, kv.first); !r) return r;
        }
      } else {
        return Fail(c.At(item) + "promises: expected names such as no_special_categories");
      }
    }
    return {};
  }
  if (!n.IsMap()) return Fail(c.At(n) + "promises: expected a list or a mapping of promise names");
  for (const auto& kv : n) {
    if (auto r = set(kv.first.as<std::string>(), kv.second, kv.first); !r) return r;
  }
  return {};
}

Result<RegisterSystem> SystemOf(const Ctx& c, const YAML::Node& n, size_t index) {
  if (!n.IsMap()) return Fail(c.At(n) + "expected a system (a mapping with id, locations, categories ...)");
  for (const auto& kv : n) {
    auto key = kv.first.as<std::string>();
    if (!kSystemKeys.contains(key) && !key.starts_with("x-")) {
      return Fail(c.At(kv.first) + "unknown key '" + key +
                  "' in a system; expected id, name, kind, locations, categories, retention, purposes, "
                  "legal_basis, bsn_basis, promises, description");
    }
  }
  RegisterSystem s;
  s.line = n.Mark().line + 1;
  if (!n["id"]) return Fail(c.At(n) + "system " + std::to_string(index + 1) + " needs an `id`");
  auto id = Scalar(c, n["id"], "id");
  if (!id) return std::unexpected(id.error());
  if (id->empty()) return Fail(c.At(n["id"]) + "id: expected a non-empty name");
  s.id = *id;
  s.name = n["name"] && n["name"].IsScalar() ? n["name"].as<std::string>() : s.id;
  s.kind = n["kind"] && n["kind"].IsScalar() ? n["kind"].as<std::string>() : "";
  if (n["locations"]) {
    auto locs = List(c, n["locations"], "locations of system '" + s.id + "'");
    if (!locs) return std::unexpected(locs.error());
    s.locations = *locs;
  }
  if (n["categories"]) {
    auto cats = Categories(c, n["categories"], s.id);
    if (!cats) return std::unexpected(cats.error());
    s.categories = *cats;
  }
  auto ret = RetentionOf(c, n["retention"]);
  if (!ret) return std::unexpected(ret.error());
  s.retention = *ret;
  if (n["purposes"]) {
    auto p = List(c, n["purposes"], "purposes");
    if (!p) return std::unexpected(p.error());
    s.purposes = *p;
  }
  if (n["legal_basis"]) {
    auto lb = LegalBasis(c, n["legal_basis"]);
    if (!lb) return std::unexpected(lb.error());
    s.legal_basis = *lb;
  }
  if (auto r = PromisesOf(c, n["promises"], s.promises); !r) return std::unexpected(r.error());
  if (auto b = n["bsn_basis"]) {
    auto text = Scalar(c, b, "bsn_basis");
    if (!text) return std::unexpected(text.error());
    s.promises.bsn_basis = *text;
  }
  return s;
}

Result<Register> ParseRoot(const Ctx& c, const YAML::Node& root) {
  if (!root.IsMap()) return Fail(c.file + ":1: expected a register: a mapping with `organisation` and `systems`");
  for (const auto& kv : root) {
    auto key = kv.first.as<std::string>();
    if (!kTopKeys.contains(key) && !key.starts_with("x-")) {
      return Fail(c.At(kv.first) + "unknown key '" + key +
                  "'; expected organisation, kvk, promises, legal_basis, bsn_basis, retention, systems");
    }
  }
  Register reg;
  reg.file = c.file;
  for (const char* key : {"organisation", "organization"}) {
    if (root[key]) {
      auto o = Scalar(c, root[key], key);
      if (!o) return std::unexpected(o.error());
      reg.organisation = *o;
    }
  }
  if (root["kvk"]) reg.kvk = root["kvk"].as<std::string>("");
  if (auto r = PromisesOf(c, root["promises"], reg.promises); !r) return std::unexpected(r.error());
  if (auto b = root["bsn_basis"]) {
    auto text = Scalar(c, b, "bsn_basis");
    if (!text) return std::unexpected(text.error());
    reg.promises.bsn_basis = *text;
  }
  if (root["legal_basis"]) {
    auto lb = LegalBasis(c, root["legal_basis"]);
    if (!lb) return std::unexpected(lb.error());
    reg.legal_basis = *lb;
  }
  auto ret = RetentionOf(c, root["retention"]);
  if (!ret) return std::unexpected(ret.error());
  reg.retention = *ret;
  auto systems = root["systems"];
  if (!systems || systems.IsNull()) return Fail(c.At(root) + "expected `systems:`, a list of systems");
  if (!systems.IsSequence()) return Fail(c.At(systems) + "systems: expected a list (each item starting with `- id:`)");
  std::set<std::string> ids;
  for (size_t i = 0; i < systems.size(); ++i) {
    auto s = SystemOf(c, systems[i], i);
    if (!s) return std::unexpected(s.error());
    if (!ids.insert(s->id).second) return Fail(c.At(systems[i]) + "system id '" + s->id + "' is used twice");
    reg.systems.push_back(std::move(*s));
  }
  return reg;
}

}  // namespace

std::optional<Retention> ParseRetention(std::string_view text) {
  std::string t = AsciiLower(text);
  t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
  int n = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), n);
  if (ec != std::errc() || n <= 0 || n > 1200) return std::nullopt;
  std::string_view unit(end, t.data() + t.size() - end);
  static const std::map<std::string_view, int> kUnits = {
      {"m", 1},     {"mo", 1},    {"month", 1}, {"months", 1}, {"maand", 1}, {"maanden", 1},
      {"y", 12},    {"j", 12},    {"yr", 12},   {"year", 12},  {"years", 12}, {"jaar", 12}, {"jaren", 12}};
  auto it = kUnits.find(unit);
  if (it == kUnits.end()) return std::nullopt;
  return Retention{n * it->second, std::string(text)};
}

bool RegisterSystem::Declares(std::string_view category) const {
  return std::find(categories.begin(), categories.end(), category) != categories.end();
}

const RegisterSystem* Register::Find(std::string_view id) const {
  for (const auto& s : systems) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

const std::vector<std::string>& LegalBasisNames() {
  static const std::vector<std::string> kNames = {"consent",         "contract",    "legal_obligation",
                                                  "vital_interests", "public_task", "legitimate_interest"};
  return kNames;
}

Result<Register> ParseRegister(const std::string& yaml, const std::string& file,
                               std::shared_ptr<const CategoryVocabulary> vocabulary) {
  if (!vocabulary) return Fail("register: no category vocabulary");
  Ctx c{file, *vocabulary};
  try {
    YAML::Node root = YAML::Load(yaml);
    auto reg = ParseRoot(c, root);
    if (reg) reg->vocabulary = std::move(vocabulary);
    return reg;
  } catch (const YAML::Exception& e) {
    return Fail(file + ":" + std::to_string(e.mark.line + 1) + ": not valid YAML: " + e.msg);
  }
}

Result<Register> LoadRegisterFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(path + ": cannot read the register");
  std::stringstream ss;
  ss << in.rdbuf();
  auto vocab = CategoryVocabulary::Embedded();
  if (!vocab) return std::unexpected(vocab.error());
  return ParseRegister(ss.str(), path, std::make_shared<const CategoryVocabulary>(std::move(*vocab)));
}

}  // namespace piiscan::rules
