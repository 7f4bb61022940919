#include "core/scan_info.h"

#include <gtest/gtest.h>

#include "core/digest.h"

namespace piiscan {
namespace {

TEST(Digest, Sha256OfKnownTextAndFileSetsInAnyOrder) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  std::string a = FileSetDigest({{"a.txt", "1"}, {"b/c.txt", "2"}});
  EXPECT_EQ(a, FileSetDigest({{"b/c.txt", "2"}, {"a.txt", "1"}}));
  EXPECT_NE(a, FileSetDigest({{"a.txt", "1"}, {"b/c.txt", "3"}}));
  EXPECT_NE(a, FileSetDigest({{"a.txt", "1"}, {"b/d.txt", "2"}}));
}

TEST(ScanInfo, StampGivesAFreshIdAndAFingerprintOfWhatChangesResults) {
  ScanInfo base;
  base.piiscan_version = "1.0";
  base.rules_version = "2026.1+abc";
  base.key_fingerprint = "0123456789abcdef";
  base.result_options = {"min_confidence=medium", "detectors=bsn"};
  ScanInfo a = base, b = base;
  StampScanInfo(a);
  StampScanInfo(b);
  EXPECT_NE(a.scan_id, b.scan_id);
  EXPECT_EQ(a.scan_id.size(), std::string("20261207T134801Z-3f9a1c2b").size()) << a.scan_id;
  EXPECT_FALSE(a.host.empty());
  EXPECT_GT(a.started_unix_ms, 1700000000000);
  EXPECT_EQ(a.config_fingerprint, b.config_fingerprint);
  EXPECT_EQ(a.config_fingerprint.size(), 16u);
  // Options are sorted, so their order on the command line does not matter.
  EXPECT_EQ(a.result_options.front(), "detectors=bsn");
  auto changed = [&](auto mutate) {
    ScanInfo c = base;
    mutate(c);
    StampScanInfo(c);
    return c.config_fingerprint != a.config_fingerprint;
  };
  EXPECT_TRUE(changed([](ScanInfo& c) { c.piiscan_version = "1.1"; }));
  EXPECT_TRUE(changed([](ScanInfo& c) { c.rules_version = "2026.1+abd"; }));
  EXPECT_TRUE(changed([](ScanInfo& c) { c.key_fingerprint = "0123456789abcdee"; }));
  EXPECT_TRUE(changed([](ScanInfo& c) { c.result_options[0] = "min_confidence=high"; }));
  EXPECT_FALSE(changed([](ScanInfo& c) { c.roots = {"/elsewhere"}; }));
  EXPECT_FALSE(changed([](ScanInfo& c) { std::swap(c.result_options[0], c.result_options[1]); }));
}

TEST(ScanInfo, IsoTime) { EXPECT_EQ(IsoTimeUtc(1796651319123), "2026-12-07T13:48:39Z"); }

}  // namespace
}  // namespace piiscan

namespace piiscan {
namespace {

TEST(ScanInfo, IsoTimesParseBackInEveryWrittenForm) {
  EXPECT_EQ(ParseIsoTimeUtc(IsoTimeUtc(1'796'649'282'000)), 1'796'649'282'000);
  EXPECT_EQ(ParseIsoTimeUtc("2026-12-07"), 1'796'601'600'000);
  EXPECT_EQ(ParseIsoTimeUtc("2026-12-07T13:14"), 1'796'649'240'000);
  EXPECT_EQ(ParseIsoTimeUtc("2026-12-07T13:14:42.007Z"), 1'796'649'282'007);
  EXPECT_FALSE(ParseIsoTimeUtc("2026-12-07T13:14:42.7Z").has_value());
  EXPECT_FALSE(ParseIsoTimeUtc("2026-02-30x").has_value());
  EXPECT_FALSE(ParseIsoTimeUtc("2026-12-07T25:00").has_value());
}

}  // namespace
}  // namespace piiscan
