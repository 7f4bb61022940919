// Hostile-input regression: every document fixture, damaged many ways (bytes
// flipped, cut short, and for zip packages: the XML inside damaged and
// re-zipped, so the parsers see it rather than the zip CRC check), must be
// read without a crash or a hang, and never yield an exception out of
// Extract. Deterministic (fixed seed); run under -DPIISCAN_SANITIZE=ON too.
// PIISCAN_MUTATIONS=N multiplies the number of mutants for a longer run.

#include <gtest/gtest.h>

#include <cstdlib>
#include <random>

#include "formats/office/odf_extractor.h"
#include "formats/office/office_test_util.h"
#include "formats/office/ooxml_extractor.h"
#include "formats/rtf/rtf_extractor.h"
#include "formats/office/zip_package.h"
#include "formats/pdf/pdf_extractor.h"

namespace piiscan::formats {
namespace {

using testing::DocumentFixture;

struct Case {
  const char* file;
  const Extractor& (*extractor)();
};

const Case kCases[] = {
    {"report.docx", OoxmlExtractor}, {"klanten.xlsx", OoxmlExtractor}, {"slides.pptx", OoxmlExtractor},
    {"brief.odt", OdfExtractor},     {"klanten.ods", OdfExtractor},    {"presentatie.odp", OdfExtractor},
    {"brief.rtf", RtfExtractor},     {"invoice.pdf", PdfExtractor},
};

std::string Mutate(std::string data, std::mt19937& rng) {
  if (data.empty()) return data;
  std::uniform_int_distribution<size_t> pos(0, data.size() - 1);
  switch (rng() % 3) {
    case 0:  // flip a few bytes
      for (int i = 1 + rng() % 8; i > 0; --i) data[pos(rng)] = static_cast<char>(rng());
      break;
    case 1:  // cut short
      data.resize(pos(rng));
      break;
    default:  // duplicate a slice somewhere else (breaks structure, keeps tokens)
      {
        size_t from = pos(rng), len = std::min<size_t>(rng() % 64, data.size() - from);
        data.insert(pos(rng), data.substr(from, len));
      }
  }
  return data;
}

int Scale() {
  const char* env = std::getenv("PIISCAN_MUTATIONS");
  int n = env ? std::atoi(env) : 1;
  return n > 0 ? n : 1;
}

void ExtractMutant(const Extractor& extractor, std::string_view bytes) {
  Limits limits;
  limits.max_time_per_file = std::chrono::seconds(5);
  RecordingContext ctx(limits);
  extractor.Extract(bytes, {}, ctx);
  for (const auto& p : ctx.problems) EXPECT_FALSE(p.reason.empty());
}

TEST(DocumentMutationTest, DamagedBytesNeverCrash) {
  std::mt19937 rng(20240101);
  for (const auto& c : kCases) {
    const std::string original = DocumentFixture(c.file);
    ASSERT_FALSE(original.empty()) << c.file;
    for (int i = 0; i < 150 * Scale(); ++i) {
      SCOPED_TRACE(std::string(c.file) + " mutant " + std::to_string(i));
      ExtractMutant(c.extractor(), Mutate(original, rng));
    }
  }
}

TEST(DocumentMutationTest, DamagedXmlInsideValidZipsNeverCrashes) {
  std::mt19937 rng(7);
  for (const auto& c : kCases) {
    if (c.extractor == RtfExtractor || c.extractor == PdfExtractor) continue;
    const std::string original = DocumentFixture(c.file);
    RecordingContext list_ctx;
    office::ZipPackage pkg(original, list_ctx, {});
    ASSERT_TRUE(pkg.ok()) << c.file;
    std::vector<std::pair<std::string, std::string>> entries;
    for (const auto& e : pkg.entries()) {
      std::string data;
      ASSERT_EQ(pkg.ReadWhole(e.name, &data), office::PartError::kNone) << e.name;
      entries.emplace_back(e.name, std::move(data));
    }
    for (int i = 0; i < 60 * Scale(); ++i) {
      SCOPED_TRACE(std::string(c.file) + " xml mutant " + std::to_string(i));
      auto mutated = entries;
      for (auto& [name, data] : mutated) {
        if (name.ends_with(".xml") && rng() % 2 == 0) data = Mutate(data, rng);
      }
      ExtractMutant(c.extractor(), testing::MakeZip(mutated));
    }
  }
}

}  // namespace
}  // namespace piiscan::formats
