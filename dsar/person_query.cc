#include "dsar/person_query.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "core/utf8.h"
#include "detectors/name_keys.h"
#include "detectors/validators/validator.h"

namespace piiscan::dsar {
namespace {

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  std::string w;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!w.empty()) out.push_back(std::move(w));
      w.clear();
    } else {
      w += c;
    }
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

std::string Join(const std::vector<std::string>& words, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

// Splits "Jan Peter de Vries" (no comma).
PersonName SplitDirect(const std::vector<std::string>& w, const NamePrefixes& prefixes) {
  auto is_prefix = [&](const std::string& word) { return prefixes.contains(AsciiLower(word)); };
  PersonName n;
  size_t p = 1;
  while (p < w.size() && !is_prefix(w[p])) ++p;
  if (p >= w.size() - 1 || w.size() == 1) {  // no prefix (or a trailing one): last word is the surname
    n.surname = w.back();
    n.given.assign(w.begin(), w.end() - 1);
    return n;
  }
  size_t s = p;
  while (s < w.size() - 1 && is_prefix(w[s])) ++s;
  n.given.assign(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(p));
  n.prefix = AsciiLower(Join(w, p, s));
  n.surname = Join(w, s, w.size());
  return n;
}

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool ValidDate(int y, int m, int d) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1880 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  int max = kDays[m - 1] + (m == 2 && IsLeapYear(y) ? 1 : 0);
  return d <= max;
}

// Reads keys as scalar or list, singular or plural.
Result<bool> ReadList(const YAML::Node& root, const char* singular, const char* plural,
                      const std::string& file, std::vector<std::string>& out) {
  for (const char* key : {singular, plural}) {
    YAML::Node n = root[key];
    if (!n) continue;
    auto at = file + ":" + std::to_string(n.Mark().line + 1) + ": ";
    if (n.IsScalar()) {
      out.push_back(n.as<std::string>());
    } else if (n.IsSequence()) {
      for (const auto& e : n) {
        if (!e.IsScalar()) return Fail(at + "'" + key + "' must be a list of text values");
        out.push_back(e.as<std::string>());
      }
    } else if (!n.IsNull()) {
      return Fail(at + "'" + key + "' must be a value or a list of values");
    }
  }
  return true;
}

}  // namespace

Result<NamePrefixes> LoadNamePrefixes(const rules::RuleSet& rules) {
  return detectors::NameKeyer::LoadPrefixes(rules);
}

bool NormalisedQuery::empty() const {
  return names.empty() && emails.empty() && phones.empty() && ibans.empty() && bsns.empty() &&
         birth_dates.empty() && id_documents.empty() && postcode.empty();
}

Result<PersonName> ParsePersonName(const std::string& written, const NamePrefixes& prefixes) {
  auto is_prefix = [&](const std::string& word) { return prefixes.contains(AsciiLower(word)); };
  auto comma = written.find(',');
  if (comma == std::string::npos) {
    auto w = Words(written);
    if (w.empty()) return Fail("name is empty");
    return SplitDirect(w, prefixes);
  }
  // "De Vries, Jan" / "Vries, Jan de" / "Vries, J.P. de"
  auto before = Words(written.substr(0, comma));
  auto after = Words(written.substr(comma + 1));
  if (before.empty() || after.empty() || after[0].find(',') != std::string::npos) {
    return Fail("name with a comma must read 'Surname, Given names'");
  }
  PersonName n;
  size_t s = 0;
  while (s < before.size() - 1 && is_prefix(before[s])) ++s;
  std::vector<std::string> prefix(before.begin(), before.begin() + static_cast<std::ptrdiff_t>(s));
  n.surname = Join(before, s, before.size());
  size_t g = after.size();
  while (g > 1 && is_prefix(after[g - 1])) --g;
  n.given.assign(after.begin(), after.begin() + static_cast<std::ptrdiff_t>(g));
  for (size_t i = g; i < after.size(); ++i) prefix.push_back(after[i]);
  n.prefix = AsciiLower(Join(prefix, 0, prefix.size()));
  return n;
}

Result<std::string> ParseBirthDate(const std::string& text) {
  std::string t;
  for (char c : text) {
    if (c != ' ') t += c;
  }
  int a = 0, b = 0, c = 0;
  char s1 = 0, s2 = 0;
  int n = 0;
  if (std::sscanf(t.c_str(), "%d%c%d%c%d%n", &a, &s1, &b, &s2, &c, &n) != 5 ||
      static_cast<size_t>(n) != t.size() || s1 != s2 || (s1 != '-' && s1 != '/' && s1 != '.')) {
    return Fail("--birth-date: expected YYYY-MM-DD or DD-MM-YYYY");
  }
  int y = a, m = b, d = c;
  if (t.find(s1) != 4) std::swap(y, d);  // DD-MM-YYYY
  if (!ValidDate(y, m, d)) return Fail("--birth-date: not a valid date");
  auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  return std::to_string(y) + "-" + two(m) + "-" + two(d);
}

Result<PersonQuery> ParseSubjectYaml(const std::string& yaml, const std::string& file) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    return Fail(file + ":" + std::to_string(e.mark.line + 1) + ": not valid YAML: " + e.msg);
  }
  if (!root.IsMap()) return Fail(file + ": expected a mapping of subject fields (names, emails, ...)");
  static const std::set<std::string> kKeys = {
      "name", "names", "email", "emails", "phone", "phones", "iban", "ibans", "bsn", "bsns",
      "birth_date", "birth_dates", "id_document", "id_documents", "postcode", "house_number"};
  for (const auto& kv : root) {
    auto key = kv.first.as<std::string>();
    if (!kKeys.contains(key)) {
      return Fail(file + ":" + std::to_string(kv.first.Mark().line + 1) + ": unknown field '" + key +
                  "' (known: names, emails, phones, iban, bsn, birth_date, id_documents, postcode, house_number)");
    }
  }
  PersonQuery q;
  try {
    for (auto r : {ReadList(root, "name", "names", file, q.names), ReadList(root, "email", "emails", file, q.emails),
                   ReadList(root, "phone", "phones", file, q.phones), ReadList(root, "iban", "ibans", file, q.ibans),
                   ReadList(root, "bsn", "bsns", file, q.bsns),
                   ReadList(root, "birth_date", "birth_dates", file, q.birth_dates),
                   ReadList(root, "id_document", "id_documents", file, q.id_documents)}) {
      if (!r) return std::unexpected(r.error());
    }
    if (root["postcode"]) q.postcode = root["postcode"].as<std::string>();
    if (root["house_number"]) q.house_number = root["house_number"].as<std::string>();
  } catch (const YAML::Exception& e) {
    return Fail(file + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
  return q;
}

Result<NormalisedQuery> NormaliseQuery(const PersonQuery& q, const NamePrefixes& prefixes) {
  NormalisedQuery n;
  for (const auto& name : q.names) {
    auto p = ParsePersonName(name, prefixes);
    if (!p) return Fail("--name: " + p.error().message);
    if (p->surname.size() < 2) return Fail("--name: the surname must have at least two letters");
    n.names.push_back(std::move(*p));
  }
  auto check = [](const std::vector<std::string>& in, const char* validator, const char* option,
                  const char* what, std::vector<std::string>& out) -> Result<bool> {
    auto fn = detectors::FindValidator(validator);
    for (const auto& v : in) {
      auto ok = fn ? fn(v) : std::nullopt;
      if (!ok || (ok->raw_length && *ok->raw_length != v.size())) {
        return Fail(std::string(option) + ": not a valid " + what);
      }
      out.push_back(std::move(ok->value));
    }
    return true;
  };
  for (auto r : {check(q.emails, "email", "--email", "e-mail address", n.emails),
                 check(q.phones, "phone_nl", "--phone", "Dutch phone number", n.phones),
                 check(q.ibans, "iban", "--iban", "IBAN (length or checksum)", n.ibans),
                 check(q.bsns, "bsn", "--bsn", "BSN (11-proef)", n.bsns)}) {
    if (!r) return std::unexpected(r.error());
  }
  for (const auto& d : q.birth_dates) {
    auto iso = ParseBirthDate(d);
    if (!iso) return std::unexpected(iso.error());
    n.birth_dates.push_back(*iso);
  }
  for (const auto& d : q.id_documents) {
    std::string v = detectors::UpperAlnumOf(d);
    if (v.size() < 6 || v.size() > 20) return Fail("--id-document: expected 6 to 20 letters and digits");
    n.id_documents.push_back(v);
  }
  if (!q.postcode.empty()) {
    std::string p = detectors::UpperAlnumOf(q.postcode);
    bool ok = p.size() == 6 && p[0] != '0' && std::all_of(p.begin(), p.begin() + 4, ::isdigit) &&
              std::isalpha(static_cast<unsigned char>(p[4])) && std::isalpha(static_cast<unsigned char>(p[5]));
    if (!ok) return Fail("--postcode: expected a Dutch postcode such as 1234 AB");
    n.postcode = p;
  }
  if (!q.house_number.empty()) {
    if (q.postcode.empty()) return Fail("--house-number needs --postcode");
    std::string h;
    for (char c : q.house_number) {
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '-') h += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (h.empty() || !std::isdigit(static_cast<unsigned char>(h[0])) || h.size() > 10) {
      return Fail("--house-number: expected a number with an optional addition, such as 12, 12a or 12-2");
    }
    n.house_number = h;
  }
  if (n.empty()) return Fail("nothing to search for: give at least one of --name, --email, --phone, --iban, --bsn, --birth-date, --id-document, --postcode");
  return n;
}

}  // namespace piiscan::dsar
