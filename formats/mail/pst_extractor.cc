#include "formats/mail/pst_extractor.h"

#include <string>

#include "formats/mail/bfio_memory.h"
#include "formats/mail/pst_handles.h"
#include "formats/mail/pst_message.h"

namespace piiscan::formats {
namespace {

using pst::Item;

// libpff's recovery scans the file's allocation tables for deleted items;
// on large stores that is a second pass over the whole file, so it is only
// done for stores up to this size.
constexpr size_t kRecoverMaxBytes = 512u << 20;
constexpr int kMaxFolderDepth = 64;

std::string FolderName(libpff_item_t* folder) {
  size_t size = 0;
  if (libpff_folder_get_utf8_name_size(folder, &size, nullptr) != 1 || size <= 1 || size > 4096) return {};
  std::string name(size, '\0');
  if (libpff_folder_get_utf8_name(folder, reinterpret_cast<uint8_t*>(name.data()), size, nullptr) != 1) return {};
  name.resize(size - 1);
  return name;
}

class Walker {
 public:
  Walker(libpff_file_t* file, const Location& where, ExtractContext& ctx)
      : file_(file), where_(where), ctx_(ctx), emitter_(ctx) {}

  void Folder(libpff_item_t* folder, const std::string& path, int depth);
  // Items libpff lists apart from the folder tree (recovered or orphaned).
  void Loose(bool recovered);

  int messages() const { return messages_; }
  int damaged() const { return damaged_ + emitter_.damaged_parts(); }

 private:
  libpff_file_t* file_;
  const Location& where_;
  ExtractContext& ctx_;
  pst::MessageEmitter emitter_;
  int messages_ = 0;
  int damaged_ = 0;
};

void Walker::Folder(libpff_item_t* folder, const std::string& path, int depth) {
  if (depth > kMaxFolderDepth) {
    ++damaged_;
    return;
  }
  const Location folder_loc = Append(where_, "folder " + (path.empty() ? std::string("(root)") : path));
  int count = 0;
  if (libpff_folder_get_number_of_sub_messages(folder, &count, nullptr) != 1) {
    ++damaged_;
    count = 0;
  }
  for (int i = 0; i < count && !ctx_.ShouldStop(); ++i) {
    libpff_item_t* raw = nullptr;
    if (libpff_folder_get_sub_message(folder, i, &raw, nullptr) != 1 || raw == nullptr) {
      ++damaged_;
      continue;
    }
    Item message(raw);
    ++messages_;
    emitter_.Emit(message.get(), Append(folder_loc, "message " + std::to_string(i + 1)));
  }
  int folders = 0;
  if (libpff_folder_get_number_of_sub_folders(folder, &folders, nullptr) != 1) {
    ++damaged_;
    return;
  }
  for (int i = 0; i < folders && !ctx_.ShouldStop(); ++i) {
    libpff_item_t* raw = nullptr;
    if (libpff_folder_get_sub_folder(folder, i, &raw, nullptr) != 1 || raw == nullptr) {
      ++damaged_;
      continue;
    }
    Item sub(raw);
    std::string name = FolderName(sub.get());
    if (name.empty()) name = "(folder " + std::to_string(i + 1) + ")";
    Folder(sub.get(), path.empty() ? name : path + "/" + name, depth + 1);
  }
}

void Walker::Loose(bool recovered) {
  int count = 0;
  int ok = recovered ? libpff_file_get_number_of_recovered_items(file_, &count, nullptr)
                     : libpff_file_get_number_of_orphan_items(file_, &count, nullptr);
  if (ok != 1) return;
  const Location base = Append(where_, recovered ? "recovered items" : "orphan items");
  int n = 0;
  for (int i = 0; i < count && !ctx_.ShouldStop(); ++i) {
    libpff_item_t* raw = nullptr;
    ok = recovered ? libpff_file_get_recovered_item_by_index(file_, i, &raw, nullptr)
                   : libpff_file_get_orphan_item_by_index(file_, i, &raw, nullptr);
    if (ok != 1 || raw == nullptr) continue;
    Item item(raw);
    uint8_t type = 0;
    if (libpff_item_get_type(item.get(), &type, nullptr) != 1 || type == LIBPFF_ITEM_TYPE_FOLDER ||
        type == LIBPFF_ITEM_TYPE_UNDEFINED) {
      continue;  // folders and unidentified fragments carry no message text
    }
    ++messages_;
    emitter_.Emit(item.get(), Append(base, "message " + std::to_string(++n)));
  }
}

class PstExtractorImpl final : public Extractor {
 public:
  std::string_view Name() const override { return "pst"; }
  void Extract(std::string_view bytes, const Location& where, ExtractContext& ctx) const override {
    auto io = BfioMemory::Open(bytes);
    if (!io) {
      ctx.Problem(FileStatus::kCorrupt, "pst: " + io.error().message, where);
      return;
    }
    libpff_file_t* raw = nullptr;
    if (libpff_file_initialize(&raw, nullptr) != 1) {
      ctx.Problem(FileStatus::kCorrupt, "pst: cannot create a file object", where);
      return;
    }
    if (libpff_file_open_file_io_handle(raw, io->get(), LIBPFF_OPEN_READ, nullptr) != 1) {
      libpff_file_free(&raw, nullptr);
      ctx.Problem(FileStatus::kCorrupt, "pst: header or index damaged, nothing read", where);
      return;
    }
    pst::File file(raw);
    Walker walker(file.get(), where, ctx);
    bool root_read = false;
    libpff_item_t* raw_root = nullptr;
    if (libpff_file_get_root_folder(file.get(), &raw_root, nullptr) == 1 && raw_root != nullptr) {
      Item root(raw_root);
      walker.Folder(root.get(), "", 0);
      root_read = true;
    }
    if (!ctx.ShouldStop()) walker.Loose(/*recovered=*/false);
    if (!ctx.ShouldStop() && bytes.size() <= kRecoverMaxBytes &&
        libpff_file_recover_items(file.get(), 0, nullptr) == 1) {
      walker.Loose(/*recovered=*/true);
    }
    const bool corrupted = libpff_file_is_corrupted(file.get(), nullptr) == 1;
    if (!root_read || corrupted || walker.damaged() > 0) {
      std::string reason = "pst: damaged";
      if (!root_read) reason += ", folder tree unreadable";
      reason += ", " + std::to_string(walker.messages()) + " items read, " + std::to_string(walker.damaged()) +
                " parts unreadable";
      ctx.Problem(FileStatus::kCorrupt, reason, where);
    }
  }
};

}  // namespace

const Extractor& PstExtractor() {
  static const PstExtractorImpl kInstance;
  return kInstance;
}

}  // namespace piiscan::formats
