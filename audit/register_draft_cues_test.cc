// The cues `register draft` learned from the statements of care practices,
// clubs and small shops (sixth round of issue 18), each on synthetic
// sentences written for the test.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "audit/register_draft.h"
#include "audit/register_draft_test_support.h"
#include "audit/statement_text.h"

namespace piiscan::audit {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

// "niet meer gegevens ... dan" and "niet alleen aan uw naam" deny nothing; a
// plain "geen" still does.
TEST(RegisterDraftCuesTest, PhrasesWithNegationWordsThatDenyNothing) {
  auto more = Draft(
      "Gegevens\n\nEr worden niet meer gegevens bewaard dan nodig: naam, adres en "
      "telefoonnummer.\n",
      "a.txt");
  EXPECT_THAT(more.draft.overall_categories, UnorderedElementsAre("name", "address", "phone"));
  auto only = Draft(
      "Gegevens\n\nDenk hierbij niet alleen aan uw naam en e-mailadres, maar ook aan uw "
      "IP-adres.\n",
      "b.txt");
  EXPECT_THAT(only.draft.overall_categories, UnorderedElementsAre("name", "email", "ip_address"));
  EXPECT_THAT(
      Draft("Gegevens\n\nWij bewaren geen telefoonnummers.\n", "c.txt").draft.overall_categories,
      IsEmpty());
}

// A numbered list of "Label: explanation" lines is a list of data; a contact
// block of "label: value" lines stays a table.
TEST(RegisterDraftCuesTest, NumberedListOfExplainedLabels) {
  std::string text =
      "De club heeft van haar leden:\n\n  1. Naam en voornamen: nodig voor het lidmaatschap en de "
      "post;\n"
      "  2. Geboortedatum: voor de felicitaties bij een verjaardag;\n  3. Banknummer: alleen bij "
      "een "
      "machtiging voor incasso.\n";
  auto ps = statement::Segment(text, {});
  ASSERT_EQ(ps.size(), 2u);
  EXPECT_FALSE(ps[1].table);
  EXPECT_THAT(Draft(text, "a.txt").draft.overall_categories,
              UnorderedElementsAre("name", "date_of_birth", "bank_account"));
  EXPECT_TRUE(statement::Segment("Telefoon: 010 123\nKvK: 12345678\n", {})[0].table);
}

// Curly quotes around words, vocabulary of this round, and the template's
// heading about children that names no special data.
TEST(RegisterDraftCuesTest, QuotedWordsAndNewSpellings) {
  EXPECT_THAT(
      Draft("Soms\n\nSoms gaat het om ‘bijzondere’ en/of ‘gevoelige persoonsgegevens’ van u.\n",
            "a.txt")
          .draft.overall_categories,
      ElementsAre("special_category"));
  EXPECT_THAT(Draft("Bestellen\n\nWij vragen uw naam, mail adres en verzendadres.\n", "b.txt")
                  .draft.overall_categories,
              UnorderedElementsAre("name", "email", "address"));
  auto heading = Draft(
      "Bijzondere en/of gevoelige persoonsgegevens die wij verwerken\n\nOnze site wil geen "
      "gegevens van "
      "kinderen jonger dan 16 jaar verzamelen.\n",
      "c.txt");
  EXPECT_THAT(heading.draft.overall_categories, Not(Contains("special_category")));
  EXPECT_THAT(Draft("Zorg\n\nWij noteren het verloop van de behandeling.\n", "d.txt")
                  .draft.overall_categories,
              ElementsAre("special_category"));
}

// "Mevrouw X is voor cliënten de contactpersoon": a role, not data.
TEST(RegisterDraftCuesTest, ContactPersonAsARole) {
  EXPECT_THAT(
      Draft(
          "Vragen\n\nMevrouw Jansen is voor cliënten de contactpersoon bij vragen over gegevens.\n",
          "a.txt")
          .draft.overall_categories,
      IsEmpty());
  EXPECT_THAT(Draft("Gegevens\n\nWij bewaren de naam van de contactpersoon.\n", "b.txt")
                  .draft.overall_categories,
              ElementsAre("name"));
}

// The files a practice keeps: placed by a keeping phrase after them, by a
// storage verb, or kept for a time as the subject; "dit dossier" is the
// statement; at a school the dossier is the pupils' file.
TEST(RegisterDraftCuesTest, DossiersOfPracticesAndSchools) {
  EXPECT_THAT(
      Ids(Draft("Dossier\n\nIk ben wettelijk verplicht een cliëntdossier aan te leggen.\n", "a.txt")
              .reg),
      ElementsAre("dossier"));
  auto stored = Draft(
      "Dossier\n\nIn het dossier worden uw naam en het verloop van de behandeling opgeslagen.\n",
      "b.txt");
  ASSERT_THAT(Ids(stored.reg), ElementsAre("dossier"));
  EXPECT_THAT(Sys(stored.reg, "dossier")->categories,
              UnorderedElementsAre("name", "special_category"));
  EXPECT_THAT(
      Ids(Draft("Inleiding\n\nIn dit dossier is vastgelegd hoe wij met uw gegevens omgaan.\n",
                "c.txt")
              .reg),
      IsEmpty());
  EXPECT_THAT(Ids(Draft("Leerlingen\n\nVan leerlingen wordt een dossier aangelegd. De "
                        "leerlingdossiers worden "
                        "bijgehouden om de resultaten te volgen.\n",
                        "d.txt")
                      .reg),
              IsEmpty());
  EXPECT_THAT(
      Ids(Draft("Leerlingen\n\nWij registreren naam en adres in de leerlingadministratie. Van elke "
                "leerling wordt een dossier aangelegd.\n",
                "e.txt")
              .reg),
      ElementsAre("leerlingadministratie"));
  auto kept =
      Draft("Administratie\n\nDe financiële administratie wordt 7 jaar bewaard.\n", "f.txt");
  ASSERT_THAT(Ids(kept.reg), ElementsAre("boekhouding"));
  EXPECT_EQ(kept.draft.systems[0].retention_months, 84);
}

// Systems of this round: the organisation's own website that the reader
// visits, a list tied to the e-mail program, Gravatar; "BCC" is no product.
TEST(RegisterDraftCuesTest, WebsiteVisitedMailProgramAndGravatar) {
  EXPECT_THAT(
      Ids(Draft("Bezoek\n\nAls u onze website bezoekt, verstrekt u uw IP-adres.\n", "a.txt").reg),
      ElementsAre("website"));
  EXPECT_THAT(Ids(Draft("Mail\n\nAan het e-mailprogramma is een lijst gekoppeld met namen en "
                        "e-mailadressen.\n",
                        "b.txt")
                      .reg),
              ElementsAre("mail"));
  EXPECT_THAT(
      Ids(Draft("Reacties\n\nBij reacties wordt een string naar de Gravatar dienst gestuurd.\n",
                "c.txt")
              .reg),
      ElementsAre("gravatar"));
  EXPECT_THAT(
      Ids(Draft("Mail\n\nOm adressen te beschermen maken wij gebruik van BCC.\n", "d.txt").reg),
      IsEmpty());
}

// "opgeslagen" keeps; the period in the sentence after ("Dat is 15 jaar");
// a second stated period kept of its own, an implied one not; a cookie's
// lifetime after a sentence about storing is no period.
TEST(RegisterDraftCuesTest, RetentionAcrossSentences) {
  EXPECT_THAT(Months(Draft("Bezoek\n\nHet IP-adres wordt 6 maanden opgeslagen.\n", "a.txt").draft),
              ElementsAre(6));
  EXPECT_THAT(
      Months(Draft("Bewaren\n\nHet bewaren van dossiers is in de wet geregeld. Dat is 15 jaar.\n",
                   "b.txt")
                 .draft),
      ElementsAre(180));
  EXPECT_THAT(
      Months(
          Draft("Bewaren\n\nVoorkeuren worden in een cookie opgeslagen. Deze cookies zijn een jaar "
                "geldig.\n",
                "c.txt")
              .draft),
      IsEmpty());
  EXPECT_THAT(Months(Draft("Bewaren\n\nMedische gegevens worden 15 jaar bewaard. Administratieve "
                           "gegevens worden "
                           "7 jaar bewaard.\n",
                           "d.txt")
                         .draft),
              UnorderedElementsAre(180, 84));
  EXPECT_THAT(
      Months(
          Draft(
              "Bewaren\n\nGegevens worden 2 jaar bewaard. Facturen bewaren wij volgens de fiscale "
              "bewaarplicht.\n",
              "e.txt")
              .draft),
      ElementsAre(24));
}

// A title in capitals names the organisation; a title of terms names none.
TEST(RegisterDraftCuesTest, OrganisationFromTitles) {
  EXPECT_EQ(Draft("PRIVACYVERKLARING FIETSEN HUIS\n\nWij verkopen fietsen.\n", "a.txt").reg.organisation,
            "Fietsen Huis");
  EXPECT_EQ(Draft("Voorwaarden en privacy\n\nWij verkopen fietsen.\n", "b.txt").reg.organisation, "");
}

}  // namespace
}  // namespace piiscan::audit
