#include "detectors/hs_database_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/keyed_hash.h"

namespace piiscan::detectors {
namespace {

std::string CacheDir() {
  if (const char* off = std::getenv("PIISCAN_NO_CACHE"); off && std::string(off) == "1") return {};
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::string(xdg) + "/piiscan";
  const char* home = std::getenv("HOME");
  if (!home || !*home) return {};
  return std::string(home) + "/.cache/piiscan";
}

// A digest of everything that determines the compiled database.
std::string Key(const std::vector<std::string>& exprs, const std::vector<unsigned>& flags,
                const std::vector<unsigned>& ids) {
  std::string all = std::string(hs_version()) + '\n';
  for (size_t i = 0; i < exprs.size(); ++i) {
    all += std::to_string(ids[i]) + ' ' + std::to_string(flags[i]) + ' ' +
           std::to_string(exprs[i].size()) + ' ' + exprs[i] + '\n';
  }
  return KeyedHasher("piiscan-hyperscan-cache").Hash(all);
}

bool Load(const std::string& path, hs_database_t** db) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  std::string bytes = ss.str();
  if (bytes.empty()) return false;
  *db = nullptr;
  if (hs_deserialize_database(bytes.data(), bytes.size(), db) != HS_SUCCESS) {
    *db = nullptr;
    return false;
  }
  return true;
}

void Store(const std::string& dir, const std::string& path, const hs_database_t* db) {
  char* bytes = nullptr;
  size_t size = 0;
  if (hs_serialize_database(db, &bytes, &size) != HS_SUCCESS) return;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::string tmp = path + ".tmp." + std::to_string(::getpid()) + "." +
                    std::to_string(reinterpret_cast<uintptr_t>(&tmp));
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) {
    bool ok = ::write(fd, bytes, size) == static_cast<ssize_t>(size);
    ok = ::close(fd) == 0 && ok;
    if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) ::unlink(tmp.c_str());
  }
  std::free(bytes);
}

}  // namespace

bool FitScratch(HsScratch& scratch, const hs_database_t* db) {
  hs_scratch_t* raw = scratch.release();
  bool ok = hs_alloc_scratch(db, &raw) == HS_SUCCESS;
  scratch.reset(raw);
  return ok;
}

HsScratch CloneScratch(const HsScratch& proto) {
  hs_scratch_t* copy = nullptr;
  if (proto && hs_clone_scratch(proto.get(), &copy) != HS_SUCCESS) return nullptr;
  return HsScratch(copy);
}

std::string EscapeLiteral(std::string_view s) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  out.reserve(s.size() * 2);
  for (unsigned char c : s) {
    if (std::isalnum(c)) {
      out += static_cast<char>(c);
    } else {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

hs_error_t CompileMultiCached(const std::vector<std::string>& expressions,
                              const std::vector<unsigned>& flags, const std::vector<unsigned>& ids,
                              hs_database_t** db, hs_compile_error_t** error) {
  std::string dir = CacheDir();
  std::string path = dir.empty() ? "" : dir + "/hs-" + Key(expressions, flags, ids).substr(0, 32) + ".db";
  if (!path.empty() && Load(path, db)) return HS_SUCCESS;
  std::vector<const char*> c;
  c.reserve(expressions.size());
  for (const auto& e : expressions) c.push_back(e.c_str());
  hs_error_t rc = hs_compile_multi(c.data(), flags.data(), ids.data(), static_cast<unsigned>(c.size()),
                                   HS_MODE_BLOCK, nullptr, db, error);
  if (rc == HS_SUCCESS && !path.empty()) Store(dir, path, *db);
  return rc;
}

}  // namespace piiscan::detectors
