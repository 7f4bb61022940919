#include "core/digest.h"

#include <openssl/sha.h>

#include <algorithm>

namespace piiscan {

std::string Sha256Hex(std::string_view data) {
  unsigned char md[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), md);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * SHA256_DIGEST_LENGTH);
  for (unsigned char b : md) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

std::string FileSetDigest(std::vector<std::pair<std::string, std::string>> files) {
  std::sort(files.begin(), files.end());
  std::string listing;
  for (const auto& [path, content] : files) {
    listing += path;
    listing += '\n';
    listing += Sha256Hex(content);
    listing += '\n';
  }
  return Sha256Hex(listing);
}

}  // namespace piiscan
