#include "scanner/shard.h"

#include <charconv>

#include "core/digest.h"

namespace piiscan::scanner {

std::optional<Shard> ParseShard(std::string_view text) {
  auto slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  Shard s;
  auto a = std::from_chars(text.data(), text.data() + slash, s.index);
  auto b = std::from_chars(text.data() + slash + 1, text.data() + text.size(), s.count);
  if (a.ec != std::errc{} || a.ptr != text.data() + slash || b.ec != std::errc{} ||
      b.ptr != text.data() + text.size())
    return std::nullopt;
  if (s.count < 1 || s.count > 100000 || s.index < 1 || s.index > s.count) return std::nullopt;
  return s;
}

bool InShard(std::string_view relative_path, const Shard& shard) {
  if (shard.count <= 1) return true;
  uint64_t h = Fnv1a64(relative_path);
  return static_cast<int>(h % static_cast<uint64_t>(shard.count)) == shard.index - 1;
}

}  // namespace piiscan::scanner
