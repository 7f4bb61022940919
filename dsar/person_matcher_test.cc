// The DSAR matcher on text: every name form and identifier format of the
// synthetic subject Jan Peter de Vries is found with the right confidence;
// his namesake Piet de Vries stays low; snippets mask third parties always
// and the subject only without --show-values.
#include "dsar/person_matcher.h"

#include <gtest/gtest.h>

#include <tuple>

#include "dsar/name_variants.h"
#include "dsar/person_snippet.h"
#include "rules/rule_loader.h"

namespace piiscan::dsar {
namespace {

// The tussenvoegsels of the built-in rules (lexicon name_prefixes).
const NamePrefixes& Prefixes() {
  static const NamePrefixes kPrefixes = [] {
    auto rules = rules::LoadEmbeddedRules();
    auto prefixes = rules ? LoadNamePrefixes(*rules) : std::unexpected(rules.error());
    return prefixes ? *prefixes : NamePrefixes{};
  }();
  return kPrefixes;
}

class PersonMatcherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto rules = rules::LoadEmbeddedRules();
    ASSERT_TRUE(rules) << rules.error().message;
    auto e = detectors::Engine::Build(*rules, detectors::EngineOptions{.keep_all_candidates = true});
    ASSERT_TRUE(e) << e.error().message;
    engine_ = new std::shared_ptr<const detectors::Engine>(*e);
  }
  void Build(PersonQuery q) {
    auto n = NormaliseQuery(q, Prefixes());
    ASSERT_TRUE(n) << n.error().message;
    auto m = PersonMatcher::Build(*n, *engine_);
    ASSERT_TRUE(m) << m.error().message;
    matcher_ = *m;
    scanner_ = matcher_->NewScanner();
  }
  // "field/variant/confidence=value" per hit.
  std::vector<std::string> Find(std::string_view text) {
    hits_.clear();
    detections_.clear();
    scanner_->Scan(text, {}, hits_, detections_);
    std::vector<std::string> out;
    for (const auto& h : hits_) {
      out.push_back(h.field + "/" + h.variant + "/" + std::string(ConfidenceName(h.confidence)) + "=" + h.value);
    }
    return out;
  }
  static PersonQuery Jan() {
    PersonQuery q;
    q.names = {"Jan Peter de Vries"};
    q.emails = {"jan.devries@example.nl"};
    q.phones = {"06-12345678"};
    q.ibans = {"NL91 ABNA 0417 1643 00"};
    q.bsns = {"111222333"};
    q.birth_dates = {"12-03-1985"};
    q.postcode = "1234 AB";
    q.house_number = "12a";
    return q;
  }
  static std::shared_ptr<const detectors::Engine>* engine_;
  std::shared_ptr<const PersonMatcher> matcher_;
  std::unique_ptr<PersonScanner> scanner_;
  std::vector<PersonHit> hits_;
  std::vector<detectors::Detection> detections_;
};
std::shared_ptr<const detectors::Engine>* PersonMatcherTest::engine_ = nullptr;

using V = std::vector<std::string>;

TEST(PersonQueryTest, NamesSplitTheDutchWay) {
  auto a = ParsePersonName("Jan Peter de Vries", Prefixes());
  ASSERT_TRUE(a);
  EXPECT_EQ(a->given, (V{"Jan", "Peter"}));
  EXPECT_EQ(a->prefix, "de");
  EXPECT_EQ(a->surname, "Vries");
  auto b = ParsePersonName("Vries, Jan de", Prefixes());
  ASSERT_TRUE(b);
  EXPECT_EQ(b->given, V{"Jan"});
  EXPECT_EQ(b->prefix, "de");
  auto c = ParsePersonName("De Vries, Jan", Prefixes());
  ASSERT_TRUE(c);
  EXPECT_EQ(c->prefix, "de");
  EXPECT_EQ(c->surname, "Vries");
  auto d = ParsePersonName("Maria van der Berg-Jansen", Prefixes());
  ASSERT_TRUE(d);
  EXPECT_EQ(d->prefix, "van der");
  EXPECT_EQ(d->surname, "Berg-Jansen");
  auto e = ParsePersonName("Ayşe Müller", Prefixes());
  ASSERT_TRUE(e);
  EXPECT_EQ(e->prefix, "");
  EXPECT_EQ(e->surname, "Müller");
}

// The query reads the one list of tussenvoegsels in rules/data, which the
// scan's name finder reads too: entries once only in the old hard-coded list
// ("te", "v/d") and once only in the file ("el", "della") both split.
TEST(PersonQueryTest, TussenvoegselsComeFromTheRules) {
  ASSERT_FALSE(Prefixes().empty());
  for (auto [written, prefix, surname] : {std::tuple{"Anna te Velde", "te", "Velde"},
                                         std::tuple{"Kees v/d Berg", "v/d", "Berg"},
                                         std::tuple{"Samira el Amrani", "el", "Amrani"},
                                         std::tuple{"Lucia della Rosa", "della", "Rosa"}}) {
    auto n = ParsePersonName(written, Prefixes());
    ASSERT_TRUE(n) << written;
    EXPECT_EQ(n->prefix, prefix) << written;
    EXPECT_EQ(n->surname, surname) << written;
  }
  rules::RuleSet own;
  EXPECT_FALSE(LoadNamePrefixes(own));  // no lexicon: an error, not an empty list
  own.lexicons["name_prefixes"] = {"Zum"};
  auto zum = LoadNamePrefixes(own);
  ASSERT_TRUE(zum);
  auto n = ParsePersonName("Karl zum Berge", *zum);
  ASSERT_TRUE(n);
  EXPECT_EQ(n->prefix, "zum");
  EXPECT_EQ(n->given, V{"Karl"});
  auto plain = ParsePersonName("Anna te Velde", *zum);
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->surname, "Velde");
  EXPECT_EQ(plain->given, (V{"Anna", "te"}));
}

TEST(PersonQueryTest, IdentifiersAreNormalisedOrRejectedWithoutEchoingThem) {
  auto n = NormaliseQuery(PersonQuery{.phones = {"+31 (0)6 1234 5678"}, .ibans = {"nl91abna0417164300"},
                                      .bsns = {"1112.22.333"}, .birth_dates = {"1985-3-12"}}, Prefixes());
  ASSERT_TRUE(n) << n.error().message;
  EXPECT_EQ(n->phones, V{"+31612345678"});
  EXPECT_EQ(n->ibans, V{"NL91ABNA0417164300"});
  EXPECT_EQ(n->bsns, V{"111222333"});
  EXPECT_EQ(n->birth_dates, V{"1985-03-12"});
  auto bad = NormaliseQuery(PersonQuery{.bsns = {"111222334"}}, Prefixes());
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message.find("111222334"), std::string::npos);
  EXPECT_FALSE(NormaliseQuery(PersonQuery{.birth_dates = {"31-02-1985"}}, Prefixes()));
  EXPECT_FALSE(NormaliseQuery(PersonQuery{}, Prefixes()));
  EXPECT_FALSE(NormaliseQuery(PersonQuery{.house_number = "12"}, Prefixes()));
}

TEST(PersonQueryTest, SubjectYaml) {
  auto q = ParseSubjectYaml("names: [Jan de Vries, Jan Bakker]\nemail: jan@example.nl\nbsn: 111222333\n", "s.yaml");
  ASSERT_TRUE(q) << q.error().message;
  EXPECT_EQ(q->names.size(), 2u);
  EXPECT_EQ(q->emails, V{"jan@example.nl"});
  auto typo = ParseSubjectYaml("name: Jan\nibna: NL91\n", "s.yaml");
  ASSERT_FALSE(typo);
  EXPECT_NE(typo.error().message.find("s.yaml:2: unknown field 'ibna'"), std::string::npos) << typo.error().message;
}

TEST(NameVariantsTest, FormsAndConfidences) {
  auto n = ParsePersonName("Jan Peter de Vries", Prefixes());
  ASSERT_TRUE(n);
  std::map<std::string, Confidence> got;
  for (const auto& v : NameVariants(*n)) got[v.text] = v.confidence;
  EXPECT_EQ(got.at("Jan de Vries"), Confidence::kHigh);
  EXPECT_EQ(got.at("Jan Peter de Vries"), Confidence::kHigh);
  EXPECT_EQ(got.at("de Vries, Jan"), Confidence::kHigh);
  EXPECT_EQ(got.at("Vries, Jan de"), Confidence::kHigh);
  EXPECT_EQ(got.at("J. de Vries"), Confidence::kMedium);
  EXPECT_EQ(got.at("J.P. de Vries"), Confidence::kMedium);
  EXPECT_EQ(got.at("Vries, J.P. de"), Confidence::kMedium);
  EXPECT_EQ(got.at("jan.devries@"), Confidence::kHigh);
  EXPECT_EQ(got.at("j.devries@"), Confidence::kMedium);
  EXPECT_EQ(got.at("jdevries@"), Confidence::kMedium);
  EXPECT_EQ(got.at("de heer de Vries"), Confidence::kLow);
  EXPECT_EQ(got.at("de Vries"), Confidence::kLow);
  auto m = ParsePersonName("Jürgen Müller", Prefixes());
  ASSERT_TRUE(m);
  std::set<std::string> forms;
  for (const auto& v : NameVariants(*m)) forms.insert(v.text);
  EXPECT_TRUE(forms.contains("Jurgen Muller"));
  EXPECT_TRUE(forms.contains("Juergen Mueller"));
}

TEST_F(PersonMatcherTest, EveryNameForm) {
  Build(Jan());
  EXPECT_EQ(Find("Geachte heer Jan de Vries,"), V{"name/full name/high=Jan de Vries"});
  EXPECT_EQ(Find("JAN  PETER\nDE VRIES"), V{"name/full name/high=JAN PETER DE VRIES"});
  EXPECT_EQ(Find("De Vries, Jan"), V{"name/full name, surname first/high=De Vries, Jan"});
  EXPECT_EQ(Find("Vries, Jan de"), V{"name/full name, surname first/high=Vries, Jan de"});
  EXPECT_EQ(Find("t.a.v. J.P. de Vries"), V{"name/initials + surname/medium=J.P. de Vries"});
  EXPECT_EQ(Find("J. de Vries"), V{"name/initials + surname/medium=J. de Vries"});
  EXPECT_EQ(Find("Vries, J. de"), V{"name/initials + surname, surname first/medium=Vries, J. de"});
  EXPECT_EQ(Find("Ondertekend: J.K. de Vries"), V{"name/initials + surname/medium=de Vries"});
  EXPECT_EQ(Find("de heer De Vries belde"), V{"name/salutation + surname/low=de heer De Vries"});
  EXPECT_EQ(Find("mail j.devries@bedrijf.nl"), V{"name/e-mail local part (initials)/medium=j.devries@"});
  EXPECT_EQ(Find("Jan de Vriesland"), V{});
  EXPECT_EQ(Find("Jande Vries"), V{});
}

TEST_F(PersonMatcherTest, NamesakeStaysLow) {
  Build(Jan());
  EXPECT_EQ(Find("Piet de Vries"), V{"name/surname/low=de Vries"});
  EXPECT_EQ(Find("P. de Vries"), V{"name/surname/low=de Vries"});
  EXPECT_EQ(Find("piet.devries@example.nl"), V{});
}

TEST_F(PersonMatcherTest, DiacriticsFolded) {
  Build(PersonQuery{.names = {"Jürgen Müller"}});
  EXPECT_EQ(Find("Jurgen Muller"), V{"name/full name/high=Jurgen Muller"});
  EXPECT_EQ(Find("JÜRGEN MÜLLER"), V{"name/full name/high=JÜRGEN MÜLLER"});
  EXPECT_EQ(Find("Juergen Mueller"), V{"name/full name/high=Juergen Mueller"});
}

TEST_F(PersonMatcherTest, IdentifiersInEveryPrintedForm) {
  Build(Jan());
  for (auto s : {"IBAN NL91ABNA0417164300.", "NL91 ABNA 0417 1643 00", "rek. NL91\xC2\xA0" "ABNA\xC2\xA0" "0417\xC2\xA0" "1643\xC2\xA0" "00"}) {
    EXPECT_EQ(Find(s), V{"iban/exact value/high=NL91ABNA0417164300"}) << s;
  }
  for (auto s : {"bel 06-12345678", "tel +31 6 1234 5678", "+31 (0)6 12 34 56 78", "0612345678", "0031612345678"}) {
    EXPECT_EQ(Find(s), V{"phone/exact value/high=+31612345678"}) << s;
  }
  for (auto s : {"BSN 111222333", "bsn: 1112.22.333", "111 222 333", "factuurnummer 111222333"}) {
    EXPECT_EQ(Find(s), V{"bsn/exact value/high=111222333"}) << s;
  }
  EXPECT_EQ(Find("Mail: Jan.DeVries@Example.NL"), V{"email/exact value/high=jan.devries@example.nl"});
  // Not the subject's: another number, a longer one, a longer address.
  EXPECT_EQ(Find("NL91ABNA0417164300123"), V{});
  EXPECT_EQ(Find("bel 06-12345679"), V{});
  EXPECT_EQ(Find("jan.devries@example.nl.evil.com"), V{"name/e-mail local part (full name)/high=jan.devries@"});
}

TEST_F(PersonMatcherTest, BirthDateAndAddress) {
  Build(Jan());
  EXPECT_EQ(Find("datum 12-03-1985"), V{"birth_date/date dd-mm-yyyy/medium=12-03-1985"});
  EXPECT_EQ(Find("geboren op 12 maart 1985"), V{"birth_date/date written out after a birth-date label/high=12 maart 1985"});
  EXPECT_EQ(Find("12/3/1985"), V{"birth_date/date dd-mm-yyyy/medium=12/3/1985"});
  EXPECT_EQ(Find("112-03-1985"), V{});
  EXPECT_EQ(Find("Kerkstraat 12a\n1234 AB Utrecht"), V{"address/postcode + house number/high=1234 AB"});
  EXPECT_EQ(Find("Kerkstraat 14\n1234AB Utrecht"), V{"address/postcode/low=1234AB"});
}

TEST_F(PersonMatcherTest, SnippetsMaskThirdPartiesAlways) {
  Build(Jan());
  std::string text = "Jan de Vries (06-12345678) betaalde voor Piet, NL02ABNA0123456789, 06-87654321.";
  Find(text);
  ASSERT_EQ(hits_.size(), 2u);
  const auto& specs = matcher_->engine().specs();
  std::string masked = MakeSnippet(text, hits_[0], hits_, detections_, specs, false);
  std::string shown = MakeSnippet(text, hits_[0], hits_, detections_, specs, true);
  for (const auto& s : {masked, shown}) {
    EXPECT_EQ(s.find("NL02ABNA0123456789"), std::string::npos) << s;
    EXPECT_EQ(s.find("06-87654321"), std::string::npos) << s;
  }
  EXPECT_EQ(masked.find("Jan de Vries"), std::string::npos) << masked;
  EXPECT_EQ(masked.find("06-12345678"), std::string::npos) << masked;
  EXPECT_NE(shown.find("Jan de Vries"), std::string::npos) << shown;
  EXPECT_NE(shown.find("06-12345678"), std::string::npos) << shown;
}

TEST_F(PersonMatcherTest, LiteralsListsTheQuery) {
  Build(Jan());
  auto lits = matcher_->Literals();
  EXPECT_NE(std::find(lits.begin(), lits.end(), "J.P. de Vries"), lits.end());
  EXPECT_NE(std::find(lits.begin(), lits.end(), "NL91ABNA0417164300"), lits.end());
}

}  // namespace
}  // namespace piiscan::dsar
