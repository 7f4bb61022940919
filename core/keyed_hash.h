#pragma once
// Keyed hashing of normalised values (HMAC-SHA-256), so findings can be joined
// and counted without storing the value. The key is a secret of the user or
// organisation: the same key gives the same hash across scans.
// Thread safety: a KeyedHasher is immutable after construction and may be
// shared between threads.

#include <string>
#include <string_view>

#include "core/status.h"

namespace piiscan {

class KeyedHasher {
 public:
  explicit KeyedHasher(std::string key);
  ~KeyedHasher();
  KeyedHasher(KeyedHasher&& other) noexcept;
  KeyedHasher& operator=(KeyedHasher&&) = delete;
  KeyedHasher(const KeyedHasher&) = delete;
  // Lower-case hex HMAC-SHA-256 of `value`.
  std::string Hash(std::string_view value) const;

  // First 16 hex of SHA-256 over the key: names the key in scan headers and
  // stores so that findings hashed with different keys are never joined,
  // without revealing the key (it is 32 random bytes; no brute force).
  const std::string& Fingerprint() const { return fingerprint_; }

  // Key from `path` when given; else the per-user key under
  // $XDG_CONFIG_HOME/piiscan/hash.key (~/.config/...), created with mode 0600
  // and 32 random bytes on first use. A key file that group or others can
  // read or write is refused (the error says chmod 600).
  static Result<KeyedHasher> Load(const std::string& path);

 private:
  // HMAC's inner and outer hash states after the padded key, computed once:
  // OpenSSL's one-shot HMAC() looks up the digest and re-keys on every call,
  // which cost more than the whole detection of a finding.
  struct Precomputed;
  Precomputed* pre_;
  std::string fingerprint_;
};

}  // namespace piiscan
