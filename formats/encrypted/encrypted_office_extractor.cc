#include "formats/encrypted/encrypted_office_extractor.h"

namespace piiscan::formats {
namespace {

class EncryptedOfficeExtractorImpl final : public Extractor {
 public:
  std::string_view Name() const override { return "office_encrypted"; }
  void Extract(std::string_view, const Location& where, ExtractContext& ctx) const override {
    ctx.Problem(FileStatus::kEncrypted, "office document protected with a password (MS-OFFCRYPTO)", where);
  }
};

}  // namespace

const Extractor& EncryptedOfficeExtractor() {
  static const EncryptedOfficeExtractorImpl kInstance;
  return kInstance;
}

}  // namespace piiscan::formats
