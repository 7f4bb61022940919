#pragma once
// Unkeyed SHA-256, for identities that must be stable and comparable but
// carry no secret: the rule-set digest, a hash key's fingerprint, a scan's
// configuration fingerprint. Never use it on personal data (that is what
// KeyedHasher is for: an unkeyed hash of a BSN is reversible by brute force).
// Thread safety: pure functions.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace piiscan {

// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

// FNV-1a (64 bit) of `data`, continuing from `h` (chain calls to hash
// several parts): a fast, stable hash for keys and partitions, the same on
// every machine and build; not for anything an adversary chooses to collide.
inline constexpr uint64_t kFnv1aBasis = 14695981039346656037ull;
inline uint64_t Fnv1a64(std::string_view data, uint64_t h = kFnv1aBasis) {
  for (unsigned char c : data) h = (h ^ c) * 1099511628211ull;
  return h;
}

// The digest of a set of files, the same form that cmake/embed_rules.cmake
// computes at build time: for each file in byte order of its relative path,
// "PATH\nSHA256HEX(CONTENT)\n", and the SHA-256 of all of that.
std::string FileSetDigest(std::vector<std::pair<std::string, std::string>> files);

}  // namespace piiscan
