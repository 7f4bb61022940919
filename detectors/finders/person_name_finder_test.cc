// Person names through the whole engine: the cues the finder reads (each
// with the value it must report) and the company/street/ordinary-word
// readings it must not report.
#include <gtest/gtest.h>

#include "detectors/embedded_engine_for_tests.h"
#include "detectors/engine.h"

namespace piiscan::detectors {
namespace {

class PersonNameTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto shared = EmbeddedEngineForTests();
    ASSERT_TRUE(shared);
    engine_ = shared;
    scanner_ = engine_->NewScanner();
  }
  // Names found at medium confidence or better.
  std::vector<std::string> Names(std::string_view text, SegmentInfo info = {}) {
    std::vector<Detection> d;
    scanner_->Scan(text, info, d);
    std::vector<std::string> out;
    for (const auto& x : d) {
      if (engine_->specs()[x.spec].id == "person_name" && x.score >= 0.5) out.push_back(x.value);
    }
    return out;
  }
  using V = std::vector<std::string>;
  std::shared_ptr<const Engine> engine_;
  std::unique_ptr<EngineScanner> scanner_;
};

TEST_F(PersonNameTest, SalutationsAndTitles) {
  EXPECT_EQ(Names("Geachte heer De Vries,\n"), V{"De Vries"});
  EXPECT_EQ(Names("Geachte mevrouw dr. A.M. Bakker-van Dijk,"), V{"A.M. Bakker-van Dijk"});
  EXPECT_EQ(Names("T.a.v. dhr. P. van den Berg\nKerkstraat 12"), V{"P. van den Berg"});
  EXPECT_EQ(Names("Geachte heer/mevrouw,\nHierbij"), V{});
}

TEST_F(PersonNameTest, InitialsAndSurnameFirst) {
  EXPECT_EQ(Names("Het rapport is opgesteld door J.P. de Vries en besproken."), V{"J.P. de Vries"});
  EXPECT_EQ(Names("Th. IJzerman"), V{"Th. IJzerman"});
  EXPECT_EQ(Names("De Vries, J.\tHR\n"), V{"De Vries, J."});
  EXPECT_EQ(Names("Sanne van 't Hof belt terug"), V{"Sanne van 't Hof"});
}

TEST_F(PersonNameTest, GreetingsSignaturesAndLabels) {
  EXPECT_EQ(Names("Hoi Sanne,\n\nKun je"), V{"Sanne"});
  EXPECT_EQ(Names("Met vriendelijke groet,\n\nYoussef el Amrani\nSupport"), V{"Youssef el Amrani"});
  EXPECT_EQ(Names("Aanwezig: Jan de Vries, Fatima Bakkali en P. Jansen\n"),
            (V{"Jan de Vries", "Fatima Bakkali", "P. Jansen"}));
  EXPECT_EQ(Names("Naam: Voorbeeld B.V.\n"), V{});
  EXPECT_EQ(Names("Beste klant,\n"), V{});
  EXPECT_EQ(Names("Met vriendelijke groet,\nTeam Klantenservice"), V{});
}

TEST_F(PersonNameTest, ColumnsAndMailHeaders) {
  SegmentInfo cell;
  cell.kind = SegmentKind::kCell;
  cell.label = "Naam";
  EXPECT_EQ(Names("Ayşe Yılmaz", cell), V{"Ayşe Yılmaz"});
  cell.label = "Bedrijfsnaam";
  EXPECT_EQ(Names("Jansen Installatietechniek", cell), V{});
  SegmentInfo from;
  from.kind = SegmentKind::kHeader;
  from.label = "From";
  EXPECT_EQ(Names("Jan de Vries <jan.devries@example.nl>", from), V{"Jan de Vries"});
  EXPECT_EQ(Names("\"Klantenservice\" <info@example.nl>", from), V{});
}

// "Name <address>": whatever the name, the words right before an address in
// angle brackets are its owner's; a middle initial stays with the given name.
TEST_F(PersonNameTest, NameBeforeAnAddress) {
  EXPECT_EQ(Names(" -- Wolter Kwakernaak <wk@voorbeeld.nl>  Mon, 01 Jan 2024\n"), V{"Wolter Kwakernaak"});
  EXPECT_EQ(Names("Copyright: 2019 Oyelaran Adebayo-Okafor <oa@voorbeeld.nl>\n"), V{"Oyelaran Adebayo-Okafor"});
  EXPECT_EQ(Names("Thanks Xandru Vellacott <xv@voorbeeld.nl> for the patch\n"), V{"Xandru Vellacott"});
  EXPECT_EQ(Names("Mark J. Wielaard <mark@voorbeeld.org>\n"), V{"Mark J. Wielaard"});
  EXPECT_EQ(Names("Het verslag is van Jan P. de Vries, gisteren.\n"), V{"Jan P. de Vries"});
  EXPECT_EQ(Names("Contact: Support Team <support@voorbeeld.nl>\n"), V{});
  EXPECT_EQ(Names("Bakker B.V. Amsterdam <info@voorbeeld.nl>\n"), V{});
  EXPECT_EQ(Names("zie <jan@voorbeeld.nl> en Message-ID: <x1@voorbeeld.nl>\n"), V{});
}

TEST_F(PersonNameTest, GazetteerNamesAndWhatIsNotAName) {
  EXPECT_EQ(Names("Gisteren heeft Mehmet Yılmaz de offerte getekend."), V{"Mehmet Yılmaz"});
  EXPECT_EQ(Names("Voorbeeld Holding B.V., Kerkstraat 12, Utrecht"), V{});
  EXPECT_EQ(Names("Levering aan de Jan van Goyenkade 10"), V{});
  EXPECT_EQ(Names("Sanne Jansen B.V. levert"), V{});
}

// Organisations, places and products named after a person are low: an
// institution word after, before or at the end of the name, a company word
// before it, a brand first. People beside such words stay medium or better.
TEST_F(PersonNameTest, OrganisationsNamedAfterPeople) {
  EXPECT_EQ(Names("De afspraak is in het Jeroen Bosch Ziekenhuis, route 12."), V{});
  EXPECT_EQ(Names("De afspraak is in het Sanne Bakker ziekenhuis."), V{});
  EXPECT_EQ(Names("Fatima Bakkali Kinderziekenhuis belt terug."), V{});
  EXPECT_EQ(Names("De ouderavond van Basisschool Anne Jansen is verschoven."), V{});
  EXPECT_EQ(Names("Stichting Pieter Visser heeft de offerte goedgekeurd."), V{});
  EXPECT_EQ(Names("We huren een Mercedes Sprinter voor de verhuizing."), V{});
  EXPECT_EQ(Names("De factuur van Kees Dekker Supermarkt is betaald."), V{});
  // People: a lower-case word after a name is a verb or noun of the
  // sentence unless it is an institution noun; a surname ending in one is a
  // surname.
  EXPECT_EQ(Names("Gisteren liet Sanne Bakker koffie halen."), V{"Sanne Bakker"});
  EXPECT_EQ(Names("Ik heb Jan Verschool gebeld over de planning."), V{"Jan Verschool"});
  EXPECT_EQ(Names("Sanne Bakker werkt in het ziekenhuis."), V{"Sanne Bakker"});
  EXPECT_EQ(Names("Volgens Mehmet Yılmaz is de school dicht."), V{"Mehmet Yılmaz"});
}

}  // namespace
}  // namespace piiscan::detectors
