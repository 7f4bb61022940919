#include "formats/mail/eml_extractor.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "formats/dispatch.h"
#include "formats/recording_context.h"
#include "formats/sniff.h"
#include "tests/support/test_support.h"

namespace piiscan::formats {
namespace {

namespace fs = std::filesystem;
using ::piiscan::testing::GeneratedFixturesDir;
using ::piiscan::testing::ReadFile;

std::string MailFixture(const std::string& name) {
  return (fs::path(GeneratedFixturesDir()) / "mail" / name).string();
}

// The text of the header segment labelled `label` at `where` ("" if none).
std::string Header(const RecordingContext& ctx, const Location& where, const std::string& label) {
  for (const auto& t : ctx.texts) {
    if (t.where == where && t.info.kind == SegmentKind::kHeader && t.label == label) return t.text;
  }
  return "";
}

// All body text at exactly `where`, joined.
std::string BodyAt(const RecordingContext& ctx, const Location& where) {
  std::string out;
  for (const auto& t : ctx.texts) {
    if (t.where == where && t.info.kind == SegmentKind::kBody) out += t.text + "\n";
  }
  return out;
}

std::string Problems(const RecordingContext& ctx) {
  std::string out;
  for (const auto& p : ctx.problems) {
    out += std::string(FileStatusName(p.status)) + ": " + p.reason + " @" + JoinLocation(p.where) + "\n";
  }
  return out;
}

class MultipartEml : public ::testing::Test {
 protected:
  void SetUp() override {
    bytes_ = ReadFile(MailFixture("multipart.eml"));
    ASSERT_FALSE(bytes_.empty()) << "fixture missing: " << MailFixture("multipart.eml");
    EXPECT_EQ(DispatchItem(bytes_, {}, {"multipart.eml", ""}, ctx_), "eml");
  }
  std::string bytes_;
  RecordingContext ctx_;
};

TEST_F(MultipartEml, AddressHeadersAreDecodedWithNamesAndAddresses) {
  EXPECT_EQ(Header(ctx_, {}, "From"), "J\xC3\xBCrgen M\xC3\xBCller <juergen.mueller@example.de>");
  EXPECT_EQ(Header(ctx_, {}, "To"), "Jan de Vries <jan.devries@example.nl>, klanten@example.nl");
  EXPECT_EQ(Header(ctx_, {}, "Cc"), "Vries, Jan de <j.devries@example.nl>");
  EXPECT_EQ(Header(ctx_, {}, "Reply-To"), "Secretariaat <secretariaat@example.nl>");
  EXPECT_EQ(Header(ctx_, {}, "Subject"), "Offerte voor Zo\xC3\xAB Janssen");
  EXPECT_EQ(Header(ctx_, {}, "Bcc"), "");
  EXPECT_EQ(Problems(ctx_), "");
}

TEST_F(MultipartEml, MessagesAreDated) {
  ASSERT_EQ(ctx_.dates.size(), 2u);
  EXPECT_EQ(ctx_.dates[0], (std::pair<Location, int64_t>{{}, 1699953200}));
  EXPECT_EQ(ctx_.dates[1], (std::pair<Location, int64_t>{{"attachment doorgestuurd.eml"}, 1672646400}));
}

TEST_F(MultipartEml, BodiesAreDecodedToUtf8) {
  std::string body = BodyAt(ctx_, {});
  // quoted-printable UTF-8
  EXPECT_NE(body.find("Uw IBAN is NL91ABNA0417164300. Groet, J\xC3\xBCrgen M\xC3\xBCller"), std::string::npos)
      << body;
  // 8-bit Windows-1252
  EXPECT_NE(body.find("Caf\xC3\xA9 Zo\xC3\xAB: telefoon 06-12345678, prijs 12 \xE2\x82\xAC"), std::string::npos)
      << body;
  // base64 HTML, rendered: cells separated, script kept, style and comments dropped
  EXPECT_NE(body.find("Naam:\tJan de Vries\nBSN:\t111222333"), std::string::npos) << body;
  EXPECT_NE(body.find("\"telefoon\": \"020-7654321\""), std::string::npos);
  EXPECT_NE(body.find("Caf\xC3\xA9 & co."), std::string::npos);
  EXPECT_EQ(ctx_.AllText().find("stijlgeheim"), std::string::npos);
  EXPECT_EQ(ctx_.AllText().find("commentaargeheim"), std::string::npos);
  EXPECT_EQ(ctx_.AllText().find("PCFET0NUWVBF"), std::string::npos) << "base64 leaked as text";
}

// Counts the non-overlapping occurrences of `what` in `text`.
size_t Count(std::string_view text, std::string_view what) {
  size_t n = 0;
  for (size_t p = text.find(what); p != std::string_view::npos; p = text.find(what, p + what.size())) ++n;
  return n;
}

TEST_F(MultipartEml, AlternativesOfOneBodyAreReadOnce) {
  // text/plain and text/html alternatives of the same body: the plain one is
  // read, the IBAN is in the message's text once (it was twice, so every
  // finding in it was reported twice at the same location).
  EXPECT_EQ(Count(ctx_.AllText(), "Uw IBAN is NL91ABNA0417164300"), 1u) << ctx_.AllText();
}

TEST(EmlExtractor, HtmlAlternativeIsReadWhenThePlainOneIsEmpty) {
  std::string bytes = ReadFile(MailFixture("html_alternative.eml"));
  ASSERT_FALSE(bytes.empty()) << "fixture missing";
  RecordingContext ctx;
  EXPECT_EQ(DispatchItem(bytes, {}, {"html_alternative.eml", ""}, ctx), "eml");
  EXPECT_EQ(Count(ctx.AllText(), "Rekening NL91ABNA0417164300 t.n.v. Jan de Vries"), 1u) << ctx.AllText();
  // The inline image of the multipart/related is still passed on.
  ASSERT_EQ(ctx.children.size(), 1u);
  EXPECT_EQ(ctx.children[0].mime_type, "image/png");
  EXPECT_EQ(ctx.children[0].where, (Location{"attachment part 2.2"}));
}

// A plain alternative that is only a stub must not hide the HTML body: both
// are read (a value twice is better than a value missed).
TEST(EmlExtractor, AStubPlainAlternativeDoesNotHideTheHtmlBody) {
  std::string bytes = ReadFile(MailFixture("stub_alternative.eml"));
  ASSERT_FALSE(bytes.empty()) << "fixture missing";
  RecordingContext ctx;
  EXPECT_EQ(DispatchItem(bytes, {}, {"stub_alternative.eml", ""}, ctx), "eml");
  EXPECT_EQ(Count(ctx.AllText(), "Rekening NL91ABNA0417164300 t.n.v. Jan de Vries"), 1u) << ctx.AllText();
  EXPECT_NE(ctx.AllText().find("Bekijk dit bericht"), std::string::npos);
}

TEST_F(MultipartEml, HtmlLinksBecomeAttributeSegments) {
  bool mailto = false, tel = false;
  for (const auto& t : ctx_.texts) {
    if (t.info.kind != SegmentKind::kAttribute || !t.where.empty()) continue;
    mailto |= t.label == "mailto" && t.text == "jan.devries@example.nl";
    tel |= t.label == "tel" && t.text == "+31612345678";
  }
  EXPECT_TRUE(mailto);
  EXPECT_TRUE(tel);
}

TEST_F(MultipartEml, AttachmentsAreChildrenWithNamesAndTypes) {
  ASSERT_EQ(ctx_.children.size(), 3u);
  EXPECT_EQ(ctx_.children[0].where, (Location{"attachment klanten.csv"}));
  EXPECT_EQ(ctx_.children[0].name, "klanten.csv");
  EXPECT_EQ(ctx_.children[0].mime_type, "text/csv");
  EXPECT_EQ(ctx_.children[1].where, (Location{"attachment doorgestuurd.eml"}));
  EXPECT_EQ(ctx_.children[1].mime_type, "message/rfc822");
  EXPECT_EQ(ctx_.children[2].where, (Location{"attachment doorgestuurd.eml", "attachment notities.txt"}));
  EXPECT_EQ(ctx_.children[2].name, "notities.txt");
  // The CSV is read as CSV: the IBAN is a cell under its column header.
  bool cell = false;
  for (const auto& t : ctx_.texts) {
    cell |= t.where == Location{"attachment klanten.csv"} && t.info.kind == SegmentKind::kCell &&
            t.label == "iban" && t.text == "NL91ABNA0417164300";
  }
  EXPECT_TRUE(cell);
}

TEST_F(MultipartEml, NestedMessageIsReadWithItsOwnAttachment) {
  const Location nested = {"attachment doorgestuurd.eml"};
  EXPECT_EQ(Header(ctx_, nested, "From"), "Piet Jansen <piet.jansen@example.nl>");
  EXPECT_EQ(Header(ctx_, nested, "Subject"), "Notities");
  EXPECT_NE(BodyAt(ctx_, nested).find("Zie bijlage voor de notities van Piet."), std::string::npos);
  EXPECT_TRUE(ctx_.HasTextAt("attachment notities.txt", "BSN 111222333, geboren 12-03-1985"));
  // The outer message's text is not repeated under the nested location.
  EXPECT_EQ(BodyAt(ctx_, nested).find("NL91ABNA0417164300"), std::string::npos);
}

TEST(EmlExtractor, TruncatedMessageKeepsWhatWasReadAndIsCorrupt) {
  std::string bytes = ReadFile(MailFixture("truncated.eml"));
  ASSERT_FALSE(bytes.empty());
  RecordingContext ctx;
  EXPECT_EQ(DispatchItem(bytes, {}, {"truncated.eml", ""}, ctx), "eml");
  EXPECT_EQ(Header(ctx, {}, "Subject"), "Offerte voor Zo\xC3\xAB Janssen");
  EXPECT_NE(BodyAt(ctx, {}).find("NL91ABNA0417164300"), std::string::npos);
  ASSERT_EQ(ctx.problems.size(), 1u) << Problems(ctx);
  EXPECT_EQ(ctx.problems[0].status, FileStatus::kCorrupt);
  EXPECT_EQ(ctx.problems[0].reason, "eml: message truncated");
}

TEST(EmlExtractor, ZeroByteFileIsEmptyAndSilent) {
  std::string bytes = ReadFile(MailFixture("empty.eml"));
  ASSERT_TRUE(fs::exists(MailFixture("empty.eml")));
  RecordingContext ctx;
  EXPECT_EQ(DispatchItem(bytes, {}, {"empty.eml", ""}, ctx), "empty");
  EmlExtractor().Extract(bytes, {}, ctx);
  EXPECT_TRUE(ctx.texts.empty());
  EXPECT_TRUE(ctx.problems.empty());
}

TEST(EmlExtractor, SinglePartMessageWithoutCharsetIsGuessed) {
  // 8-bit Latin-1 body, no MIME headers at all (old-style mail).
  std::string eml =
      "From: Jan de Vries <jan.devries@example.nl>\n"
      "Subject: =?iso-8859-1?q?Caf=E9?=\n"
      "Date: Wed, 01 Mar 2023 12:00:00 +0000\n\n"
      "Geachte heer M\xFCller, uw IBAN NL91ABNA0417164300 is gewijzigd. Met vriendelijke groet.\n";
  RecordingContext ctx;
  EmlExtractor().Extract(eml, {"x.eml"}, ctx);
  EXPECT_EQ(Header(ctx, {"x.eml"}, "Subject"), "Caf\xC3\xA9");
  EXPECT_NE(BodyAt(ctx, {"x.eml"}).find("heer M\xC3\xBCller, uw IBAN NL91ABNA0417164300"), std::string::npos)
      << BodyAt(ctx, {"x.eml"});
  EXPECT_TRUE(ctx.problems.empty());
}

TEST(EmlExtractor, UnparsableAddressHeaderFallsBackToDecodedText) {
  std::string eml =
      "From: =?utf-8?q?Jan_de_Vries?= (geen adres)\n"
      "To: undisclosed-recipients:;\n"
      "Subject: x\n\nbody\n";
  RecordingContext ctx;
  EmlExtractor().Extract(eml, {}, ctx);
  EXPECT_NE(Header(ctx, {}, "From").find("Jan de Vries"), std::string::npos) << Header(ctx, {}, "From");
}

TEST(EmlExtractor, EncryptedPartsAreReportedNotRead) {
  std::string eml =
      "From: jan.devries@example.nl\nSubject: geheim\n"
      "MIME-Version: 1.0\n"
      "Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\"b\"\n\n"
      "--b\nContent-Type: application/pgp-encrypted\n\nVersion: 1\n"
      "--b\nContent-Type: application/octet-stream\n\n-----BEGIN PGP MESSAGE-----\nhQEMA\n"
      "-----END PGP MESSAGE-----\n--b--\n";
  RecordingContext ctx;
  EmlExtractor().Extract(eml, {}, ctx);
  ASSERT_EQ(ctx.problems.size(), 1u) << Problems(ctx);
  EXPECT_EQ(ctx.problems[0].status, FileStatus::kEncrypted);
  EXPECT_TRUE(ctx.children.empty());
  EXPECT_EQ(Header(ctx, {}, "From"), "jan.devries@example.nl");
}

TEST(EmlExtractor, UnnamedBinaryPartIsAnAttachmentByPartNumber) {
  std::string eml =
      "From: a@example.nl\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n"
      "--b\nContent-Type: text/plain\n\nhallo\n"
      "--b\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n"
      "QlNOIDExMTIyMjMzMw==\n--b--\n";
  RecordingContext ctx;
  EmlExtractor().Extract(eml, {}, ctx);
  ASSERT_EQ(ctx.children.size(), 1u);
  EXPECT_EQ(ctx.children[0].where, (Location{"attachment part 2"}));
  EXPECT_TRUE(ctx.HasTextAt("attachment part 2", "BSN 111222333"));
}

TEST(EmlExtractor, ExpandedBytesLimitStopsAttachments) {
  Limits limits;
  limits.max_expanded_bytes = 10;
  RecordingContext ctx(limits);
  EmlExtractor().Extract(ReadFile(MailFixture("multipart.eml")), {}, ctx);
  EXPECT_TRUE(ctx.children.empty());
  ASSERT_FALSE(ctx.problems.empty());
  EXPECT_EQ(ctx.problems[0].status, FileStatus::kLimit);
  EXPECT_EQ(ctx.problems[0].reason, "max_expanded_bytes");
  // Headers and bodies are still read.
  EXPECT_NE(BodyAt(ctx, {}).find("NL91ABNA0417164300"), std::string::npos);
}

TEST(EmlExtractor, HostileInputsDoNotCrash) {
  // Deep multipart nesting.
  std::string deep = "From: a@example.nl\nMIME-Version: 1.0\n";
  for (int i = 0; i < 2000; ++i) {
    deep += "Content-Type: multipart/mixed; boundary=\"b" + std::to_string(i) + "\"\n\n--b" +
            std::to_string(i) + "\n";
  }
  deep += "Content-Type: text/plain\n\nBSN 111222333\n";
  RecordingContext ctx;
  EmlExtractor().Extract(deep, {}, ctx);
  EXPECT_FALSE(ctx.problems.empty());
  // Binary junk, a lone header, a header without end.
  std::string junk;
  for (int i = 0; i < 50000; ++i) junk += static_cast<char>((i * 131) % 256);
  for (std::string input : {junk, std::string("From:"), std::string("Subject: x"),
                            std::string("\n\n\n"), std::string(1 << 16, ':')}) {
    RecordingContext c;
    EmlExtractor().Extract(input, {}, c);
  }
}

// --- Sniffing: .eml, Maildir files without extension, look-alikes ---------

TEST(MailSniff, MaildirFilesAreSniffedAndReadAsEml) {
  const fs::path root = MailFixture("Maildir");
  ASSERT_TRUE(fs::is_directory(root / "tmp"));
  std::string subjects;
  int files = 0;
  for (const char* sub : {"cur", "new"}) {
    for (const auto& entry : fs::directory_iterator(root / sub)) {
      ++files;
      std::string name = entry.path().filename().string();
      std::string bytes = ReadFile(entry.path().string());
      EXPECT_EQ(Sniff(bytes, name).type, "eml") << name;
      RecordingContext ctx;
      const Location where = {std::string(sub) + "/" + name};
      EXPECT_EQ(DispatchItem(bytes, where, {name, ""}, ctx), "eml");
      subjects += std::string(sub) + ":" + Header(ctx, where, "Subject") + ";";
      EXPECT_EQ(ctx.dates.size(), 1u);
      if (std::string(sub) == "cur") {
        EXPECT_NE(name.find(":2,S"), std::string::npos);
        EXPECT_NE(BodyAt(ctx, where).find("NL91ABNA0417164300"), std::string::npos);
      } else {
        EXPECT_NE(BodyAt(ctx, where).find("BSN 111222333"), std::string::npos);
      }
    }
  }
  EXPECT_EQ(files, 2);
  EXPECT_EQ(subjects, "cur:Bericht 5;new:Bericht 6;");
}

TEST(MailSniff, HeaderBlocksInAnyCaseAreMail) {
  EXPECT_EQ(Sniff("Message-Id: <1@example.nl>\nSubject: hoi\nFrom: a@example.nl\n\nbody\n",
                  "1700000000.M1P2.host:2,S").type,
            "eml");
  EXPECT_EQ(Sniff("Content-Type: text/plain\nMIME-Version: 1.0\nSubject: x\n\nbody\n", "msg").type, "eml");
  EXPECT_EQ(Sniff("Return-Path: <a@example.nl>\nDelivered-To: b@example.nl\n\nbody\n", "").type, "eml");
  // A single "To:"-like line in a note is not a message.
  EXPECT_EQ(Sniff("To: do list\n\n- bellen met Jan\n", "notes").type, "text");
  EXPECT_EQ(Sniff("X-Men: Days of Future Past\n\nfilm\n", "films").type, "text");
}

TEST(MailSniff, FixturesSniffAsTheirTypes) {
  EXPECT_EQ(Sniff(ReadFile(MailFixture("multipart.eml")), "multipart.eml").type, "eml");
  EXPECT_EQ(Sniff(ReadFile(MailFixture("multipart.eml")), "bericht").type, "eml");
  EXPECT_EQ(Sniff(ReadFile(MailFixture("mailbox.mbox")), "mailbox.mbox").type, "mbox");
  EXPECT_EQ(Sniff(ReadFile(MailFixture("mailbox.mbox")), "Inbox").type, "mbox");
  EXPECT_EQ(Sniff("From the desk of Jan de Vries\nHallo allemaal.\n\nTot ziens.\n", "brief").type, "text");
}

}  // namespace
}  // namespace piiscan::formats
