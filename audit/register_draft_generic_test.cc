// The rules `register draft` learned in the seventh round of issue 18:
// generic systems named by a head noun or as the purpose of data, and the
// sentences that look like data or a denial but are neither. Each on
// synthetic sentences written for the test.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "audit/register_draft.h"
#include "audit/register_draft_test_support.h"

namespace piiscan::audit {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

// "nodig voor de financiële administratie": the purpose of data names a
// system; without data in the sentence, or denied, it names none.
TEST(RegisterDraftGenericTest, SystemNamedAsThePurposeOfData) {
  auto need = Draft(
      "Betalen\n\nEnkele gegevens hebben wij nodig voor de financiële administratie.\n", "a.txt");
  EXPECT_THAT(Ids(need.reg), ElementsAre("boekhouding"));
  auto used =
      Draft("Leden\n\nUw naam en adres worden gebruikt voor onze ledenadministratie.\n", "b.txt");
  EXPECT_THAT(Ids(used.reg), ElementsAre("ledenadministratie"));
  EXPECT_THAT(
      Ids(Draft("Over ons\n\nWij zijn nodig voor de financiële administratie van de club.\n",
                "c.txt")
              .reg),
      IsEmpty());
  EXPECT_THAT(
      Ids(Draft("Betalen\n\nUw gegevens zijn niet nodig voor de financiële administratie.\n",
                "d.txt")
              .reg),
      IsEmpty());
}

// Head nouns of this round: an administration, a register kept, a portal, a
// booking system, a mailing file, a two-word donors' administration.
TEST(RegisterDraftGenericTest, HeadNounsOfGenericSystems) {
  EXPECT_THAT(Ids(Draft("Hulp\n\nAanvragen om hulp worden met naam en adres opgenomen in een "
                        "administratie.\n",
                        "a.txt")
                      .reg),
              ElementsAre("administratie"));
  EXPECT_THAT(
      Ids(Draft("Donateurs\n\nVan de donateurs wordt een register bijgehouden met naam en IBAN.\n",
                "b.txt")
              .reg),
      ElementsAre("register"));
  EXPECT_THAT(
      Ids(Draft("Ouders\n\nDe namen van ouders worden opgeslagen in het ouderportaal.\n", "c.txt")
              .reg),
      ElementsAre("portaal"));
  EXPECT_THAT(
      Ids(Draft("Banen\n\nUw naam wordt vastgelegd in het reserveringssysteem.\n", "d.txt").reg),
      ElementsAre("reserveringssysteem"));
  EXPECT_THAT(
      Ids(Draft("Mailing\n\nUw e-mailadres wordt opgenomen in ons mailingbestand.\n", "e.txt").reg),
      ElementsAre("nieuwsbrief"));
  EXPECT_THAT(
      Ids(Draft("Giften\n\nUw naam wordt vastgelegd in de donateurs administratie.\n", "f.txt")
              .reg),
      ElementsAre("donateursadministratie"));
}

// A register counts only where it is kept: "in het register van
// verwerkingen" is the record of processing, placed by a preposition only.
// An administration is part of the members' one when the text names it.
TEST(RegisterDraftGenericTest, RegisterKeptOnlyAndAdministrationAsPart) {
  EXPECT_THAT(
      Ids(Draft("Register\n\nIn het register beschrijven wij welke gegevens wij verwerken.\n",
                "a.txt")
              .reg),
      IsEmpty());
  EXPECT_THAT(
      Ids(Draft("Leden\n\nWij houden een ledenadministratie bij met naam en adres. Uw IBAN wordt "
                "opgeslagen in onze administratie.\n",
                "b.txt")
              .reg),
      ElementsAre("ledenadministratie"));
}

// "een goede administratie bijhouden" is a practice; "het versturen van de
// nieuwsbrief" keeps a list, "het verzenden van een nieuwsbrief" is a purpose
// in general.
TEST(RegisterDraftGenericTest, PracticesAndSendingVerbs) {
  EXPECT_THAT(
      Ids(Draft("Bewaren\n\nOm een goede administratie bij te houden, bewaren wij uw gegevens.\n",
                "a.txt")
              .reg),
      IsEmpty());
  EXPECT_THAT(
      Ids(Draft("Doelen\n\nWij gebruiken uw e-mailadres voor het versturen van de nieuwsbrief.\n",
                "b.txt")
              .reg),
      ElementsAre("nieuwsbrief"));
  EXPECT_THAT(
      Ids(Draft("Doelen\n\nWij gebruiken uw e-mailadres voor het verzenden van een nieuwsbrief.\n",
                "c.txt")
              .reg),
      IsEmpty());
}

// Keeping phrases of this round after a generic system.
TEST(RegisterDraftGenericTest, CompilingAndCreatingAFile) {
  EXPECT_THAT(
      Ids(Draft("Zorg\n\nVan iedere patiënt stellen wij een patiëntdossier samen.\n", "a.txt").reg),
      ElementsAre("dossier"));
  EXPECT_THAT(
      Ids(Draft("Klanten\n\nOm een klantenbestand aan te maken vragen wij uw naam.\n", "b.txt")
              .reg),
      ElementsAre("crm"));
}

// "niet-geautomatiseerd" denies nothing; "niet" on its own still does.
TEST(RegisterDraftGenericTest, HyphenatedNegationDeniesNothing) {
  auto hyphen = Draft(
      "Reglement\n\nBij elke (niet-geautomatiseerde) verwerking worden naam en adres opgeslagen in "
      "het "
      "patiëntdossier.\n",
      "a.txt");
  ASSERT_THAT(Ids(hyphen.reg), ElementsAre("dossier"));
  EXPECT_THAT(Sys(hyphen.reg, "dossier")->categories, UnorderedElementsAre("name", "address"));
  EXPECT_THAT(
      Ids(Draft("Reglement\n\nNaam en adres worden niet opgeslagen in het patiëntdossier.\n",
                "b.txt")
              .reg),
      IsEmpty());
}

// "met name" is no name; "ANBI" is no processor.
TEST(RegisterDraftGenericTest, PhrasesThatLookLikeDataOrProducts) {
  EXPECT_THAT(Draft("Doel\n\nWij verwerken gegevens, met name voor de zorg.\n", "a.txt")
                  .draft.overall_categories,
              Not(Contains("name")));
  auto anbi = Draft(
      "Giften\n\nDe stichting heeft de status van ANBI. Wij maken gebruik van ANBI voor giften.\n",
      "b.txt");
  for (const auto& s : anbi.draft.systems) EXPECT_NE(s.id, "anbi");
}

// "binnen 3 maanden na uw verzoek" is the time to answer; the period kept
// in the same sentence still counts, and "binnen zes maanden" without a
// request is a retention period.
TEST(RegisterDraftGenericTest, ResponseTimeIsNoRetention) {
  auto request = Draft(
      "Bewaren\n\nWij vernietigen het dossier binnen 3 maanden na uw verzoek, anders na 15 jaar.\n",
      "a.txt");
  EXPECT_THAT(Months(request.draft), ElementsAre(180));
  auto plain = Draft(
      "Bewaren\n\nNa het einde van het lidmaatschap worden gegevens binnen zes maanden "
      "verwijderd.\n",
      "b.txt");
  EXPECT_THAT(Months(plain.draft), ElementsAre(6));
}

// A label with its value, or a field to fill in, is the writer's detail.
TEST(RegisterDraftGenericTest, LabelWithValueIsNoData) {
  auto field = Draft(
      "Privacy\n\nWij zijn verantwoordelijk voor de verwerking van uw gegevens.\nAdres: "
      "Dorpsstraat 1\n"
      "KVK-nummer: [invullen]\nWelke gegevens verwerken wij?\nWij verwerken gegevens voor uw "
      "bestelling.\n",
      "a.txt");
  EXPECT_THAT(field.draft.overall_categories, Not(Contains("company_id")));
  EXPECT_THAT(Draft("Gegevens\n\nVan zakelijke klanten vragen wij het KVK-nummer.\n", "b.txt")
                  .draft.overall_categories,
              ElementsAre("company_id"));
}

// Sentences where the reader reaches or reads the organisation place no data
// and name none of the organisation's own details as data.
TEST(RegisterDraftGenericTest, ReaderReachesTheOrganisation) {
  auto reach = Draft(
      "Contact\n\nU kunt ons bereiken op het telefoonnummer van onze servicedesk. Op onze website "
      "vindt u "
      "onze contactgegevens.\n",
      "a.txt");
  EXPECT_THAT(Ids(reach.reg), IsEmpty());
  EXPECT_THAT(reach.draft.overall_categories, IsEmpty());
  auto kept = Draft(
      "Contact\n\nBelt u ons, dan slaan wij uw telefoonnummer op in de servicedesk.\n", "b.txt");
  ASSERT_THAT(Ids(kept.reg), ElementsAre("support"));
  EXPECT_THAT(Sys(kept.reg, "support")->categories, ElementsAre("phone"));
}

// "Automatisch via de website:" and then a list of data, a bullet on a line
// of its own: the list is kept in the system the lead names.
TEST(RegisterDraftGenericTest, LeadLineIntoAListOfData) {
  auto lead = Draft("Gegevens\n\nAutomatisch via de website:\n-\nIP-adres\n-\nE-mailadres\n", "a.txt");
  ASSERT_THAT(Ids(lead.reg), ElementsAre("website"));
  EXPECT_THAT(Sys(lead.reg, "website")->categories, UnorderedElementsAre("ip_address", "email"));
  EXPECT_THAT(Ids(Draft("Gegevens\n\nMeer leest u via de website:\n-\nOver ons\n", "b.txt").reg), IsEmpty());
}

// Organisation names of this round: a connector after a form, "Binnen het
// X worden", "De praktijk X" opening a sentence.
TEST(RegisterDraftGenericTest, OrganisationNamesOfPractices) {
  EXPECT_EQ(
      Draft(
          "Privacyreglement Huisartsenpraktijk Jansen en De Vries\n\nHuisartsenpraktijk Jansen en "
          "De Vries gebruikt een computersysteem.\n",
          "a.txt")
          .draft.organisation,
      "Huisartsenpraktijk Jansen en De Vries");
  EXPECT_EQ(Draft("Reglement\n\nBinnen het Gezondheidscentrum Noordwijk worden medische gegevens "
                  "verzameld.\n",
                  "b.txt")
                .draft.organisation,
            "Gezondheidscentrum Noordwijk");
  EXPECT_EQ(Draft("Privacy\n\nDe praktijk Anna Visser zorgt ervoor dat uw gegevens veilig zijn.\n",
                  "c.txt")
                .draft.organisation,
            "Anna Visser");
  EXPECT_EQ(
      Draft(
          "Privacy\n\nBinnen de STICHTING ZONNEBLOEM ZUID is het bestuur verantwoordelijk voor de "
          "gegevens.\n",
          "d.txt")
          .draft.organisation,
      "STICHTING ZONNEBLOEM ZUID");
}

}  // namespace
}  // namespace piiscan::audit
