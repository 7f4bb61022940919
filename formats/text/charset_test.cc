// DetectCharset + ToUtf8 on text encoded by iconv: windows-1252 text whose
// few accented letters made uchardet guess another code page is read as
// windows-1252 (names come back as written), while text really written in
// a Central European, Turkish or Cyrillic code page keeps it.
#include "formats/text/charset.h"

#include <gtest/gtest.h>
#include <iconv.h>

#include <string>

namespace piiscan::formats {
namespace {

// `utf8` converted to `code` by iconv (the library the scanner decodes with).
std::string Encode(const std::string& utf8, const char* code) {
  iconv_t cd = iconv_open(code, "UTF-8");
  EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1)) << code;
  std::string out(utf8.size() * 4 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size(), out_left = out.size();
  char* outp = out.data();
  EXPECT_NE(iconv(cd, &in, &in_left, &outp, &out_left), static_cast<size_t>(-1)) << code;
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

std::string RoundTrip(const std::string& utf8, const char* code, std::string* charset = nullptr) {
  std::string bytes = Encode(utf8, code);
  Charset cs = DetectCharset(bytes);
  if (charset) *charset = cs.name;
  auto back = ToUtf8(bytes, cs);
  return back ? *back : std::string("<unknown charset ") + cs.name + ">";
}

TEST(Charset, WindowsLatinTextWithFewAccentsKeepsItsNames) {
  for (const std::string text : {"Naam: Zoë de Boer\nAfdeling: Inkoop\n", "Naam: Inês Gonçalves\nAfdeling: Inkoop\n",
                                 "Naam: Anaïs Leroy\n", "Gisteren sprak ik Noël Bakker over de planning.\n",
                                 "Prix: 12 € – réservé à Françoise Lefèvre, s’il vous plaît.\n"}) {
    EXPECT_EQ(RoundTrip(text, "CP1252"), text);
  }
}

TEST(Charset, OtherCodePagesKeepTheirOwn) {
  const std::string polish = "Naam: Łukasz Wiśniewski\nWczoraj rozmawiałem z działem o planie projektu.\n";
  const std::string czech = "Jméno: Jiří Dvořák\nVčera jsem mluvil s oddělením o plánu projektu.\n";
  const std::string turkish = "Ad: Ayşe Yılmaz\nDün proje planı hakkında bölümle konuştum.\n";
  const std::string russian = "Имя: Дмитрий Иванов\nВчера я говорил с отделом о плане проекта.\n";
  EXPECT_EQ(RoundTrip(polish, "CP1250"), polish);
  EXPECT_EQ(RoundTrip(czech, "ISO-8859-2"), czech);
  EXPECT_EQ(RoundTrip(turkish, "CP1254"), turkish);
  std::string cs;
  EXPECT_EQ(RoundTrip(russian, "CP1251", &cs), russian);
  EXPECT_NE(cs, "WINDOWS-1252");
  EXPECT_EQ(RoundTrip(russian, "KOI8-R"), russian);
}

TEST(Charset, Utf8AndBomsAreNotSecondGuessed) {
  const std::string text = "Naam: Zoë de Boer\n";
  EXPECT_EQ(DetectCharset(text).name, "UTF-8");
  EXPECT_EQ(DetectCharset("\xEF\xBB\xBF" + text).bom_size, 3u);
}

}  // namespace
}  // namespace piiscan::formats
