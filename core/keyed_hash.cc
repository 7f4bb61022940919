#include "core/keyed_hash.h"

#include <fcntl.h>
// See Precomputed below for why the low-level SHA-256 API.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "core/digest.h"

namespace piiscan {
namespace {

// Refused, not warned about, as ssh refuses an unprotected private key:
// whoever reads the key can reverse value_hash by hashing every candidate
// (there are only 10^9 BSNs), so the findings would be as sensitive as the
// raw values; and a warning scrolls by unread in a nightly job. Writable by
// others is refused too: a key swapped for a known one leaks the same way.
Result<std::string> ReadKey(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Fail("cannot read hash key file " + path + ": " + std::strerror(errno));
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Fail("hash key file " + path + " is not a regular file");
  }
  if ((st.st_mode & 066) != 0) {
    ::close(fd);
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    return Fail("hash key file " + path + " can be read or written by group or others (mode " + mode +
                "): run chmod 600 " + path + " (whoever reads the key can undo value_hash)");
  }
  std::string key;
  char buf[4096];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0 && key.size() < (1u << 20)) key.append(buf, n);
  ::close(fd);
  if (n < 0) return Fail("cannot read hash key file " + path + ": " + std::strerror(errno));
  while (!key.empty() && (key.back() == '\n' || key.back() == '\r')) key.pop_back();
  if (key.size() < 16) return Fail("hash key file " + path + " holds fewer than 16 bytes");
  return key;
}

std::string DefaultKeyPath() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) {
    return std::string(xdg) + "/piiscan/hash.key";
  }
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : ".") + "/.config/piiscan/hash.key";
}

Result<std::string> CreateKey(const std::string& path) {
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  unsigned char raw[32];
  if (RAND_bytes(raw, sizeof raw) != 1) return Fail("no random bytes for a hash key");
  static const char* kHex = "0123456789abcdef";
  std::string key;
  for (unsigned char b : raw) {
    key += kHex[b >> 4];
    key += kHex[b & 15];
  }
  // O_EXCL: two scans starting at once must not overwrite each other's key.
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return ReadKey(path);
    return Fail("cannot create hash key file " + path);
  }
  std::string line = key + "\n";
  bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  ::close(fd);
  if (!ok) return Fail("cannot write hash key file " + path);
  return key;
}

}  // namespace

// SHA-256 states after absorbing key^ipad and key^opad. The low-level
// SHA256_* calls are deprecated in OpenSSL 3 in favour of EVP, but EVP copies
// a context through the provider layer on every use (7k instructions per
// hash, measured); a SHA256_CTX is a plain struct copied for free.
struct KeyedHasher::Precomputed {
  SHA256_CTX inner;
  SHA256_CTX outer;
};

KeyedHasher::KeyedHasher(std::string key)
    : pre_(new Precomputed), fingerprint_(Sha256Hex(key).substr(0, 16)) {
  // RFC 2104: keys longer than the block are hashed first; then
  // inner = H(key ^ ipad || msg), outer = H(key ^ opad || inner).
  constexpr size_t kBlock = 64;
  unsigned char k[kBlock] = {0};
  if (key.size() > kBlock) {
    SHA256(reinterpret_cast<const unsigned char*>(key.data()), key.size(), k);
  } else {
    std::memcpy(k, key.data(), key.size());
  }
  unsigned char ipad[kBlock], opad[kBlock];
  for (size_t i = 0; i < kBlock; ++i) {
    ipad[i] = static_cast<unsigned char>(k[i] ^ 0x36);
    opad[i] = static_cast<unsigned char>(k[i] ^ 0x5c);
  }
  SHA256_Init(&pre_->inner);
  SHA256_Update(&pre_->inner, ipad, kBlock);
  SHA256_Init(&pre_->outer);
  SHA256_Update(&pre_->outer, opad, kBlock);
}

KeyedHasher::KeyedHasher(KeyedHasher&& other) noexcept
    : pre_(other.pre_), fingerprint_(std::move(other.fingerprint_)) {
  other.pre_ = nullptr;
}

KeyedHasher::~KeyedHasher() { delete pre_; }

std::string KeyedHasher::Hash(std::string_view value) const {
  unsigned char inner[SHA256_DIGEST_LENGTH], mac[SHA256_DIGEST_LENGTH];
  SHA256_CTX ctx = pre_->inner;
  SHA256_Update(&ctx, value.data(), value.size());
  SHA256_Final(inner, &ctx);
  ctx = pre_->outer;
  SHA256_Update(&ctx, inner, sizeof inner);
  SHA256_Final(mac, &ctx);
  // Written in place: 64 appends, each checking capacity, cost more than
  // both SHA-256 blocks on a CPU with SHA extensions.
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(2 * SHA256_DIGEST_LENGTH, '\0');
  char* o = out.data();
  for (unsigned char b : mac) {
    *o++ = kHex[b >> 4];
    *o++ = kHex[b & 15];
  }
  return out;
}

Result<KeyedHasher> KeyedHasher::Load(const std::string& path) {
  if (!path.empty()) {
    auto key = ReadKey(path);
    if (!key) return std::unexpected(key.error());
    return KeyedHasher(*key);
  }
  std::string def = DefaultKeyPath();
  auto key = std::filesystem::exists(def) ? ReadKey(def) : CreateKey(def);
  if (!key) return std::unexpected(key.error());
  return KeyedHasher(*key);
}

}  // namespace piiscan
