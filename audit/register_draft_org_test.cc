// How `register draft` finds the organisation a statement names itself by
// (ninth round of issue 18), each cue on synthetic sentences written for
// the test.

#include <gtest/gtest.h>

#include "audit/register_draft.h"
#include "audit/register_draft_test_support.h"

namespace piiscan::audit {
namespace {

std::string Org(const std::string& text) { return Draft(text, "a.txt").reg.organisation; }

// The words that spell the statement's own web or mail address.
TEST(RegisterDraftOrgTest, NameSpelledByItsOwnAddress) {
  EXPECT_EQ(Org("Privacy\n\nWie maakt gebruik van uw gegevens?\nKapper Zonnig Haar te Utrecht "
                "https://www.zonnighaar.nl\n\nWij bewaren uw naam en telefoonnummer.\n"),
            "Zonnig Haar");
  // Spelled out to keep robots away.
  EXPECT_EQ(Org("Privacy\n\nStuur een e-mail naar info [at] groenekaas [punt] nl. Groene Kaas zal uw "
                "gegevens nooit verkopen.\n"),
            "Groene Kaas");
  // A name in lower case counts where the text writes it twice.
  EXPECT_EQ(Org("Privacy\n\nDit is de privacyverklaring van brtx, mail naar info@brtx.nl. Uw gegevens "
                "worden door brtx bewaard.\n"),
            "brtx");
  EXPECT_EQ(Org("Privacy\n\nMail naar info@brtx.nl met uw vraag.\n"), "");
}

// A mail host anyone uses, or a product's own address, spells no organisation.
TEST(RegisterDraftOrgTest, MailHostsAndProductsSpellNoOrganisation) {
  EXPECT_EQ(Org("Privacy\n\nMail de secretaris via clubje.secretaris@gmail.com. Wij gebruiken Gmail "
                "voor de post.\n"),
            "");
  EXPECT_EQ(Org("Privacy\n\nVragen over Mailchimp stelt u aan support@mailchimp.com.\n"), "");
}

// More sentences with the organisation as their subject.
TEST(RegisterDraftOrgTest, SubjectSentences) {
  EXPECT_EQ(Org("Welkom\n\n7Tegels geeft veel om uw privacy. Wij verwerken alleen wat nodig is.\n"),
            "7Tegels");
  // "Maar" opens the sentence, not the name.
  EXPECT_EQ(Org("Privacy\n\nWij werken met een drukker. Maar Fietsen Jansen blijft verantwoordelijk "
                "voor deze verwerkingen.\n"),
            "Fietsen Jansen");
  // The verb and "gegevens" further apart.
  EXPECT_EQ(Org("Privacy\n\nAdministratiekantoor Bakker gebruikt, als opdrachtnemer (= verwerker in de "
                "zin van de wet), persoonlijke gegevens van cliënten.\n"),
            "Administratiekantoor Bakker");
}

// A sentence before the subject's does not hide it.
TEST(RegisterDraftOrgTest, SubjectAfterAnotherSentence) {
  EXPECT_EQ(Org("Privacy\n\nWij werken met een drukker. Fietsen Jansen is verantwoordelijk voor deze "
                "verwerkingen.\n"),
            "Fietsen Jansen");
}

// The reader joins the organisation: "inschrijven bij X".
TEST(RegisterDraftOrgTest, ReaderSignsUpWithIt) {
  EXPECT_EQ(Org("Privacy\n\nAls u zich inschrijft bij Woonkring Oost en een formulier invult, kennen wij "
                "uw naam.\n"),
            "Woonkring Oost");
  // The trade register is no organisation of the statement.
  EXPECT_EQ(Org("Privacy\n\nDe club staat ingeschreven bij Kamer van Koophandel.\n"), "");
}

// A sector word before the name, repeated ("Autorijschool X"), and digits
// with commas in it ("Kinderopvang 4,5,6").
TEST(RegisterDraftOrgTest, SectorWordsBeforeTheName) {
  EXPECT_EQ(Org("Gegevens\n\n • Autorijschool De Bocht – Planner: uw naam.\n • Autorijschool De Bocht – "
                "CBR: uw geboortedatum.\n"),
            "Autorijschool De Bocht");
  EXPECT_EQ(Org("Privacy\n\nKinderopvang 4,5,6 volgt de wet. Op locaties van Kinderopvang 4,5,6 vragen "
                "wij uw naam.\n"),
            "Kinderopvang 4,5,6");
}

// "Stichting X (XY)" names the organisation; a name with a legal form that
// the text gives once, as a processor's, does not outrank it.
TEST(RegisterDraftOrgTest, FoundationWithAbbreviationBeforeProcessor) {
  EXPECT_EQ(Org("Privacyverklaring\n\nJudo in Delft wordt gegeven door de Stichting Judo Club Delft (SJCD). "
                "Onze ledenadministratie draait op de servers van Cloudbedrijf B.V. in Amsterdam.\n"),
            "Stichting Judo Club Delft");
}

}  // namespace
}  // namespace piiscan::audit
