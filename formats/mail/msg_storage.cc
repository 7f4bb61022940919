#include "formats/mail/msg_storage.h"

#include <libolecf.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "formats/mail/bfio_memory.h"

namespace piiscan::formats {
namespace {

constexpr int kMaxNesting = 16;          // embedded messages inside embedded messages
constexpr int kMaxItemsPerStorage = 1 << 16;
constexpr std::string_view kSubstg = "__substg1.0_";
constexpr std::string_view kRecip = "__recip_version1.0_";
constexpr std::string_view kAttach = "__attach_version1.0_";
constexpr std::string_view kProps = "__properties_version1.0";

// Errors are not collected (nullptr error arguments): their texts are never
// shown, and a failure is told by the return value alone.
struct ItemFree {
  void operator()(libolecf_item_t* item) const { libolecf_item_free(&item, nullptr); }
};
using Item = std::unique_ptr<libolecf_item_t, ItemFree>;

struct FileFree {
  void operator()(libolecf_file_t* file) const {
    libolecf_file_close(file, nullptr);
    libolecf_file_free(&file, nullptr);
  }
};
using File = std::unique_ptr<libolecf_file_t, FileFree>;

enum class StorageKind { kTopMessage, kEmbeddedMessage, kRecipientOrAttachment };

class Reader {
 public:
  explicit Reader(uint64_t max_bytes) : budget_(max_bytes) {}

  void ReadStorage(libolecf_item_t* storage, StorageKind kind, int nesting, MsgStorage& out);
  bool damaged = false;
  bool over_budget = false;

 private:
  std::optional<std::string> ReadStream(libolecf_item_t* stream);
  void ReadFixed(std::string_view data, StorageKind kind, MsgStorage& out);

  uint64_t budget_;
};

std::string ItemName(libolecf_item_t* item) {
  size_t size = 0;
  if (libolecf_item_get_utf8_name_size(item, &size, nullptr) != 1 || size == 0 || size > 4096) return {};
  std::string name(size, '\0');
  if (libolecf_item_get_utf8_name(item, reinterpret_cast<uint8_t*>(name.data()), size, nullptr) != 1) return {};
  name.resize(size - 1);
  return name;
}

std::optional<uint32_t> ParseHex8(std::string_view s) {
  if (s.size() != 8) return std::nullopt;
  uint32_t v = 0;
  for (char c : s) {
    v <<= 4;
    if (c >= '0' && c <= '9') v |= static_cast<uint32_t>(c - '0');
    else if (c >= 'A' && c <= 'F') v |= static_cast<uint32_t>(c - 'A' + 10);
    else if (c >= 'a' && c <= 'f') v |= static_cast<uint32_t>(c - 'a' + 10);
    else return std::nullopt;
  }
  return v;
}

uint64_t ReadLe(std::string_view s, size_t at, size_t n) {
  uint64_t v = 0;
  for (size_t i = 0; i < n; ++i) v |= static_cast<uint64_t>(static_cast<unsigned char>(s[at + i])) << (8 * i);
  return v;
}

std::optional<std::string> Reader::ReadStream(libolecf_item_t* stream) {
  uint32_t size = 0;
  if (libolecf_item_get_size(stream, &size, nullptr) != 1) {
    damaged = true;
    return std::nullopt;
  }
  if (size > budget_) {
    over_budget = true;
    return std::nullopt;
  }
  std::string data(size, '\0');
  size_t got = 0;
  while (got < data.size()) {
    ssize_t n = libolecf_stream_read_buffer(stream, reinterpret_cast<uint8_t*>(data.data() + got),
                                            data.size() - got, nullptr);
    if (n <= 0) {
      damaged = true;
      break;
    }
    got += static_cast<size_t>(n);
  }
  data.resize(got);
  budget_ -= got;
  return data;
}

// [MS-OXMSG] 2.4: a header (32, 24 or 8 bytes by storage kind), then
// 16-byte entries: tag, flags, 8 value bytes.
void Reader::ReadFixed(std::string_view data, StorageKind kind, MsgStorage& out) {
  size_t pos = kind == StorageKind::kTopMessage        ? 32
               : kind == StorageKind::kEmbeddedMessage ? 24
                                                       : 8;
  for (; pos + 16 <= data.size(); pos += 16) {
    auto tag = static_cast<uint32_t>(ReadLe(data, pos, 4));
    out.fixed[tag] = ReadLe(data, pos + 8, 8);
  }
}

void Reader::ReadStorage(libolecf_item_t* storage, StorageKind kind, int nesting, MsgStorage& out) {
  int count = 0;
  if (libolecf_item_get_number_of_sub_items(storage, &count, nullptr) != 1) {
    damaged = true;
    return;
  }
  if (count > kMaxItemsPerStorage) {
    damaged = true;
    count = kMaxItemsPerStorage;
  }
  for (int i = 0; i < count && !over_budget; ++i) {
    libolecf_item_t* raw = nullptr;
    if (libolecf_item_get_sub_item(storage, i, &raw, nullptr) != 1 || raw == nullptr) {
      damaged = true;
      continue;
    }
    Item item(raw);
    std::string name = ItemName(item.get());
    uint8_t type = 0;
    libolecf_item_get_type(item.get(), &type, nullptr);
    const bool is_storage = type == LIBOLECF_ITEM_TYPE_STORAGE;
    if (name.starts_with(kSubstg)) {
      auto tag = ParseHex8(std::string_view(name).substr(kSubstg.size()));
      if (!tag) continue;  // multi-valued parts ("...-00000001") are not read
      if (is_storage && (*tag & 0xFFFF) == kPtObject && (*tag >> 16) == 0x3701) {
        if (nesting + 1 >= kMaxNesting) {
          damaged = true;
          continue;
        }
        out.embedded = std::make_unique<MsgStorage>();
        ReadStorage(item.get(), StorageKind::kEmbeddedMessage, nesting + 1, *out.embedded);
      } else if (!is_storage) {
        if (auto data = ReadStream(item.get())) out.streams[*tag] = std::move(*data);
      }
    } else if (name == kProps && !is_storage) {
      if (auto data = ReadStream(item.get())) ReadFixed(*data, kind, out);
    } else if (is_storage && (name.starts_with(kRecip) || name.starts_with(kAttach))) {
      auto& list = name.starts_with(kRecip) ? out.recipients : out.attachments;
      list.emplace_back();
      ReadStorage(item.get(), StorageKind::kRecipientOrAttachment, nesting, list.back());
    }
  }
}

}  // namespace

const std::string* MsgStorage::Stream(uint16_t id, uint16_t type) const {
  auto it = streams.find(static_cast<uint32_t>(id) << 16 | type);
  return it == streams.end() ? nullptr : &it->second;
}

std::optional<uint64_t> MsgStorage::Fixed(uint16_t id, uint16_t type) const {
  auto it = fixed.find(static_cast<uint32_t>(id) << 16 | type);
  if (it == fixed.end()) return std::nullopt;
  return it->second;
}

namespace {

// The header's counts of allocation-table sectors, checked against the
// sectors the file has: libolecf walks the short-sector table (SSAT) by the
// count in the header, so a 3 KB file claiming 2^32 SSAT sectors kept it
// busy for seconds (found by fuzz/msg_storage_fuzz.cc). Every counted
// sector must be in the file, so a valid file never fails this.
std::optional<std::string> ImplausibleHeader(std::string_view bytes) {
  constexpr size_t kHeader = 512;
  if (bytes.size() < kHeader) return std::nullopt;  // libolecf says what is wrong
  uint32_t shift = static_cast<uint32_t>(ReadLe(bytes, 0x1e, 2));
  if (shift < 7 || shift > 16) return "sector size 2^" + std::to_string(shift);
  uint64_t sector = uint64_t{1} << shift;
  uint64_t first = std::max<uint64_t>(sector, kHeader);  // the header fills the first sector
  uint64_t sectors = bytes.size() > first ? (bytes.size() - first + sector - 1) / sector : 0;
  struct {
    const char* name;
    uint64_t count;
  } tables[] = {{"allocation table", ReadLe(bytes, 0x2c, 4)},
                {"short allocation table", ReadLe(bytes, 0x40, 4)},
                {"master allocation table", ReadLe(bytes, 0x48, 4)}};
  for (const auto& t : tables) {
    if (t.count > sectors) {
      return "the header claims " + std::to_string(t.count) + " " + t.name + " sectors, the file has " +
             std::to_string(sectors);
    }
  }
  return std::nullopt;
}

}  // namespace

Result<MsgReadResult> ReadMsg(std::string_view bytes, uint64_t max_bytes) {
  if (auto why = ImplausibleHeader(bytes)) return Fail("damaged compound file: " + *why);
  auto io = BfioMemory::Open(bytes);
  if (!io) return Fail(io.error().message);
  libolecf_file_t* raw_file = nullptr;
  if (libolecf_file_initialize(&raw_file, nullptr) != 1) return Fail("cannot create an OLE file object");
  if (libolecf_file_open_file_io_handle(raw_file, io->get(), LIBOLECF_OPEN_READ, nullptr) != 1) {
    libolecf_file_free(&raw_file, nullptr);
    return Fail("not a readable compound file");
  }
  File file(raw_file);
  libolecf_item_t* raw_root = nullptr;
  if (libolecf_file_get_root_item(file.get(), &raw_root, nullptr) != 1 || raw_root == nullptr) {
    return Fail("compound file without a root storage");
  }
  Item root(raw_root);
  Reader reader(max_bytes);
  MsgReadResult result;
  reader.ReadStorage(root.get(), StorageKind::kTopMessage, 0, result.root);
  result.damaged = reader.damaged;
  result.truncated_by_budget = reader.over_budget;
  return result;
}

}  // namespace piiscan::formats
