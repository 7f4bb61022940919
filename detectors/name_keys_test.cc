#include "detectors/name_keys.h"

#include <gtest/gtest.h>

namespace piiscan::detectors {
namespace {

using Words = std::vector<std::string>;

class NameKeysTest : public ::testing::Test {
 protected:
  KeyedHasher hasher_{"name-keys-test-key"};
  NameKeyer keyer_{{"van", "de", "der", "den", "ter", "'t", "in"}, hasher_};
};

TEST_F(NameKeysTest, SplitsEveryWrittenFormIntoTheSameParts) {
  for (const char* form : {"Jan de Vries", "De Vries, Jan", "Vries, Jan de", "JAN DE VRIES", "jan  de vries"}) {
    NameParts p = keyer_.Split(form);
    EXPECT_EQ(p.surname, Words{"vries"}) << form;
    EXPECT_EQ(p.given, Words{"jan"}) << form;
  }
  NameParts initials = keyer_.Split("J.P. van der Berg");
  EXPECT_EQ(initials.surname, Words{"berg"});
  EXPECT_TRUE(initials.given.empty());
  EXPECT_EQ(initials.initials, (Words{"j", "p"}));
  NameParts double_name = keyer_.Split("Sanne Jansen-de Vries");
  EXPECT_EQ(double_name.surname, (Words{"jansen", "vries"}));
  EXPECT_EQ(double_name.given, Words{"sanne"});
  NameParts no_prefix = keyer_.Split("Anne-Marie Peter Bakker");
  EXPECT_EQ(no_prefix.surname, Words{"bakker"});
  EXPECT_EQ(no_prefix.given, (Words{"anne", "marie", "peter"}));
  EXPECT_EQ(keyer_.Split("Vries").surname, Words{"vries"});
}

TEST_F(NameKeysTest, DiacriticsAndCaseShareKeys) {
  EXPECT_EQ(keyer_.ForName("Jürgen Müller").key, keyer_.ForName("jurgen muller").key);
  EXPECT_EQ(keyer_.ForName("Çelik, Ayşe").tokens, keyer_.ForName("Ayse Celik").tokens);
}

TEST_F(NameKeysTest, KeyIsTheLastSurnameWordAndTokensTellFormsApart) {
  NameKeys full = keyer_.ForName("Jan de Vries");
  NameKeys initials = keyer_.ForName("J. de Vries");
  NameKeys other = keyer_.ForName("Piet de Vries");
  EXPECT_EQ(full.key, keyer_.SurnameKey("vries"));
  EXPECT_EQ(full.key, initials.key);
  EXPECT_EQ(full.key, other.key);
  EXPECT_NE(full.tokens.find(keyer_.Token('g', "jan")), std::string::npos);
  EXPECT_NE(full.tokens.find(keyer_.Token('i', "j")), std::string::npos);
  EXPECT_EQ(initials.tokens.find(keyer_.Token('g', "jan")), std::string::npos);
  EXPECT_NE(initials.tokens.find(keyer_.Token('i', "j")), std::string::npos);
  EXPECT_EQ(other.tokens.find(keyer_.Token('i', "j")), std::string::npos);
  // No part of the name is in clear, and another key gives other hashes.
  EXPECT_EQ(full.tokens.find("vries"), std::string::npos);
  EXPECT_EQ(full.tokens.find("jan"), std::string::npos);
  KeyedHasher other_key("another-key");
  NameKeyer other_keyer({"de"}, other_key);
  EXPECT_NE(other_keyer.ForName("Jan de Vries").key, full.key);
  EXPECT_EQ(keyer_.ForName("B.V.").key, 0);
}

TEST_F(NameKeysTest, EmailKeysAreTheFoldedLocalPart) {
  EXPECT_EQ(keyer_.ForEmail("Jan.DeVries@Example.nl").key, keyer_.LocalPartKey("jan.devries"));
  EXPECT_TRUE(keyer_.ForEmail("Jan.DeVries@Example.nl").tokens.empty());
  EXPECT_EQ(keyer_.ForEmail("no-at-sign").key, 0);
}

}  // namespace
}  // namespace piiscan::detectors
