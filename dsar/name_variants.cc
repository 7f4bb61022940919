#include "dsar/name_variants.h"

#include <cctype>
#include <set>

#include "core/utf8.h"
#include "detectors/validators/month_names.h"
#include "core/person_fold.h"

namespace piiscan::dsar {
namespace {

class VariantList {
 public:
  void Add(const std::string& text, std::string_view variant, Confidence c, bool email = false) {
    std::string folded = FoldForMatching(text);
    if (folded.size() < 3) return;
    if (!seen_.insert(AsciiLower(folded)).second) return;
    out_.push_back({std::move(folded), std::string(variant), c, email});
  }
  std::vector<Variant> Take() { return std::move(out_); }

 private:
  std::set<std::string> seen_;
  std::vector<Variant> out_;
};

std::string Initial(const std::string& given) {
  std::string f = FoldForMatching(given);
  return f.empty() ? "" : std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(f[0]))));
}

// Letters and digits only, lower case: the way names go into e-mail addresses.
std::string Compact(const std::string& s) {
  std::string out;
  for (char c : FoldForMatching(s)) {
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string GermanUmlauts(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) == 0xC3 && i + 1 < s.size()) {
      switch (static_cast<unsigned char>(s[i + 1])) {
        case 0xA4: out += "ae"; ++i; continue;
        case 0xB6: out += "oe"; ++i; continue;
        case 0xBC: out += "ue"; ++i; continue;
        case 0x84: out += "Ae"; ++i; continue;
        case 0x96: out += "Oe"; ++i; continue;
        case 0x9C: out += "Ue"; ++i; continue;
      }
    }
    out += s[i];
  }
  return out;
}

void AddName(const PersonName& n, VariantList& v) {
  const std::string ts = n.prefix.empty() ? n.surname : n.prefix + " " + n.surname;
  std::string all;
  std::vector<std::string> inits;
  for (const auto& g : n.given) {
    all += (all.empty() ? "" : " ") + g;
    if (auto i = Initial(g); !i.empty()) inits.push_back(i);
  }
  const bool has_given = !n.given.empty();
  const std::string g1 = has_given ? n.given[0] : "";
  const std::string tail = n.prefix.empty() ? "" : " " + n.prefix;  // "Vries, Jan de"
  if (has_given) {
    for (const auto& g : {g1, all}) {
      v.Add(g + " " + ts, "full name", Confidence::kHigh);
      v.Add(ts + ", " + g, "full name, surname first", Confidence::kHigh);
      if (!n.prefix.empty()) v.Add(n.surname + ", " + g + tail, "full name, surname first", Confidence::kHigh);
    }
    // Initials: "J.", "J.P.", "J. P.", "JP", "J".
    std::string dotted, spaced, bare;
    for (const auto& i : inits) {
      dotted += i + ".";
      spaced += (spaced.empty() ? "" : " ") + i + ".";
      bare += i;
    }
    std::vector<std::string> forms = {inits[0] + ".", inits[0], dotted, spaced, bare};
    for (const auto& f : forms) {
      v.Add(f + " " + ts, "initials + surname", Confidence::kMedium);
      if (f.back() == '.') {
        v.Add(ts + ", " + f, "initials + surname, surname first", Confidence::kMedium);
        if (!n.prefix.empty()) v.Add(n.surname + ", " + f + tail, "initials + surname, surname first", Confidence::kMedium);
      }
    }
    // E-mail local parts.
    const std::string g = Compact(g1), s = Compact(n.surname), p = Compact(n.prefix);
    const std::string ps = p + s;
    for (const auto& local : {g + "." + ps, g + ps, g + "_" + ps, g + "-" + ps,
                              p.empty() ? g + "." + s : g + "." + p + "." + s}) {
      v.Add(local + "@", "e-mail local part (full name)", Confidence::kHigh, true);
    }
    std::string li = AsciiLower(inits[0]), lis = AsciiLower(bare);
    for (const auto& local : {li + "." + ps, li + ps, lis + ps, AsciiLower(dotted) + ps}) {
      v.Add(local + "@", "e-mail local part (initials)", Confidence::kMedium, true);
    }
  }
  for (const char* s : {"de heer", "dhr.", "dhr", "heer", "meneer", "mevrouw", "mevr.", "mevr", "mw.",
                        "mr.", "mrs.", "ms.", "familie", "fam."}) {
    v.Add(std::string(s) + " " + ts, "salutation + surname", Confidence::kLow);
  }
  v.Add(ts, "surname", Confidence::kLow);
}

}  // namespace

std::vector<Variant> NameVariants(const PersonName& name) {
  VariantList v;
  AddName(name, v);
  // "Müller" is also written "Mueller".
  PersonName german = name;
  german.surname = GermanUmlauts(name.surname);
  for (auto& g : german.given) g = GermanUmlauts(g);
  if (german.surname != name.surname || german.given != name.given) AddName(german, v);
  return v.Take();
}

std::vector<Variant> DateVariants(const std::string& iso) {
  VariantList v;
  int y = 0, m = 0, d = 0;
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12) return {};
  const std::string yy = std::to_string(y), ds = std::to_string(d), ms = std::to_string(m);
  const std::string dd = (d < 10 ? "0" : "") + ds, mm = (m < 10 ? "0" : "") + ms;
  v.Add(iso, "date yyyy-mm-dd", Confidence::kMedium);
  for (const char* sep : {"-", "/", "."}) {
    for (const auto& dx : {dd, ds}) {
      for (const auto& mx : {mm, ms}) v.Add(dx + sep + mx + sep + yy, "date dd-mm-yyyy", Confidence::kMedium);
    }
  }
  for (const auto& dx : {ds, dd}) {
    const detectors::MonthName& name = detectors::kMonthNames[m - 1];
    const std::string nl(name.nl), nl_short(name.nl_short), en(name.en);
    v.Add(dx + " " + nl + " " + yy, "date written out", Confidence::kMedium);
    v.Add(dx + " " + nl_short + " " + yy, "date written out", Confidence::kMedium);
    v.Add(dx + " " + nl_short + ". " + yy, "date written out", Confidence::kMedium);
    v.Add(dx + "-" + nl_short + "-" + yy, "date written out", Confidence::kMedium);
    v.Add(dx + " " + en + " " + yy, "date written out", Confidence::kMedium);
  }
  v.Add(std::string(detectors::kMonthNames[m - 1].en) + " " + ds + ", " + yy, "date written out", Confidence::kMedium);
  return v.Take();
}

}  // namespace piiscan::dsar
