// The weighted evidence model for systems and processors (eighth round of
// issue 18), on synthetic sentences written for the test: candidates by head
// noun and by name, the cues that lift them over the threshold, and the
// evidence that keeps the organisation, contact channels, laws and denials
// out.

#include "audit/system_evidence.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "audit/register_draft_test_support.h"

namespace piiscan::audit {
namespace {

using ::testing::Contains;
using ::testing::Not;

const SystemModel& Model() {
  static const SystemModel kModel = *SystemModel::Load(Rules());
  return kModel;
}

const DraftLexicon& Lex() {
  static const DraftLexicon kLex = *DraftLexicon::Load(Rules());
  return kLex;
}

std::vector<std::string> Names(const RegisterDraft& d) {
  std::vector<std::string> out;
  for (const auto& s : d.systems) out.push_back(s.name);
  return out;
}

double ScoreOf(const std::string& sentence, const std::string& name, bool lead = false) {
  statement::Sentence s{sentence, statement::Lower(sentence)};
  for (const auto& r : ScoreSentence(Model(), Lex(), s, lead)) {
    if (r.name == name) return r.score;
  }
  return -100;
}

TEST(SystemEvidenceTest, ModelLoadsFromTheEmbeddedRules) {
  auto m = SystemModel::Load(Rules());
  ASSERT_TRUE(m.has_value()) << m.error().message;
  EXPECT_GT(m->threshold, 0);
  EXPECT_TRUE(m->heads.contains("systeem"));
  // Longest phrase first, so "opgeslagen in" wins over "in".
  ASSERT_FALSE(m->before.empty());
  EXPECT_GE(m->before.front().first.size(), m->before.back().first.size());
}

// A word ending in a head noun counts where the sentence places data in it;
// the same word in a sentence that keeps nothing does not.
TEST(SystemEvidenceTest, HeadNounWithAPlacingCue) {
  double placed =
      ScoreOf("De gegevens van onze leden worden opgenomen in een ledenlijst.", "ledenlijst");
  double mentioned = ScoreOf("De ledenlijst is vorig jaar vernieuwd.", "ledenlijst");
  EXPECT_GE(placed, Model().threshold);
  EXPECT_LT(mentioned, Model().threshold);
  EXPECT_THAT(
      Names(Draft("Leden\n\nDe gegevens van onze leden worden opgenomen in een ledenlijst.\n",
                  "a.txt")
                .draft),
      Contains("Ledenlijst"));
  EXPECT_THAT(Names(Draft("Leden\n\nDe ledenlijst is vorig jaar vernieuwd.\n", "b.txt").draft),
              Not(Contains("Ledenlijst")));
}

// "via de ZwaluwApp": a head noun built on a brand is a product; "het
// programma Kwartelbase": the name after the head noun is the system.
TEST(SystemEvidenceTest, BrandBuiltOnAHeadNounAndANameAfterOne) {
  auto d = Draft(
      "Betalingen\n\nDe bankgegevens worden via de ZwaluwApp verwerkt.\n\n"
      "Wij houden de dossiers van cliënten bij in het online administratieprogramma Kwartelbase.\n",
      "a.txt");
  EXPECT_THAT(Names(d.draft), Contains("ZwaluwApp"));
  EXPECT_THAT(Names(d.draft), Contains("Kwartelbase"));
  EXPECT_THAT(Names(d.draft), Not(Contains("administratieprogramma")));
}

// A list item under a lead line that keeps data: "programma ‘KasPro’" names
// the product in quotes.
TEST(SystemEvidenceTest, QuotedNameInAListUnderALeadLine) {
  auto d = Draft(
      "Opslag\n\nDe persoonsgegevens van leden worden opgeslagen in twee systemen:\n\n"
      " • Kasboek- en contributieprogramma ‘KasPro’;\n • het archief\n",
      "a.txt");
  EXPECT_THAT(Names(d.draft), Contains("KasPro"));
  // Without the lead line the item alone is weaker.
  EXPECT_GT(ScoreOf("• Contributieprogramma ‘KasPro’;", "KasPro", true),
            ScoreOf("• Contributieprogramma ‘KasPro’;", "KasPro", false));
}

// The organisation is no system, also by its short name or as the agent of
// a controller's verb, even where the drafter did not find its name.
TEST(SystemEvidenceTest, TheOrganisationIsNoSystem) {
  EXPECT_LT(ScoreOf("Zwaluw Advies (hierna: ZWA) verwerkt uw gegevens in een beveiligde omgeving.",
                    "ZWA"),
            Model().threshold);
  EXPECT_LT(ScoreOf("Daarom verwerkt KWB uw persoonsgegevens zorgvuldig.", "KWB"),
            Model().threshold);
  auto d = Draft(
      "Privacy\n\nDe gegevens van leden worden door de Kwartelclub opgeslagen in de ledenlijst.\n",
      "a.txt");
  EXPECT_THAT(Names(d.draft), Not(Contains("Kwartelclub")));
}

// Contact channels, laws and denials place no data.
TEST(SystemEvidenceTest, ChannelsLawsAndDenials) {
  auto d = Draft(
      "Contact\n\nU kunt ons benaderen met uw gegevens via e-mail of de KwartelApp.\n\n"
      "De gegevens worden bewaard met de KwartelWet als grondslag.\n\n"
      "Wij slaan uw gegevens nooit op in een klantenbestand.\n",
      "a.txt");
  EXPECT_THAT(Names(d.draft), Not(Contains("KwartelApp")));
  EXPECT_THAT(Names(d.draft), Not(Contains("KwartelWet")));
  EXPECT_THAT(Names(d.draft), Not(Contains("Klantenbestand")));
}

// A record of what a drafted system already keeps records of is folded into
// it: "leerlingendossier" beside the pupils' administration.
TEST(SystemEvidenceTest, RecordOfADraftedSystemsSubjectIsFolded) {
  auto d = Draft(
      "Leerlingen\n\nWij houden een leerlingadministratie bij met naam en adres.\n\n"
      "Toetsgegevens worden opgeslagen in het leerlingendossier.\n",
      "a.txt");
  EXPECT_THAT(Names(d.draft), Contains("Leerlingadministratie"));
  EXPECT_THAT(Names(d.draft), Not(Contains("Leerlingendossier")));
}

// The organisation's name inside a compound on a head noun does not make
// the compound the organisation: "leesnestsysteem" is a
// system; "Leesnest B.V." is the organisation "Leesnest".
TEST(SystemEvidenceTest, OrganisationNameInsideACompound) {
  auto ps = statement::Segment(
      "Uitlenen\n\nDe gegevens van leners worden opgeslagen in het leesnestsysteem.\n\n"
      "De gegevens van leners worden verwerkt door Leesnest B.V. en opgeslagen.\n",
      Lex().AllTerms());
  std::vector<std::string> names;
  for (const auto& r : ScoreSystems(Model(), Lex(), ps, "Leesnest")) names.push_back(r.name);
  EXPECT_THAT(names, Contains("leesnestsysteem"));
  EXPECT_THAT(names, Not(Contains("Leesnest B.V.")));
  EXPECT_THAT(names, Not(Contains("Leesnest")));
}

}  // namespace
}  // namespace piiscan::audit
