#pragma once
// Owning handles for libpff objects, and small readers of item properties
// that hide libpff's size-then-value calling convention. Only included by
// the PST .cc files (keeps libpff.h out of other headers).
//
// libpff error objects are never requested (nullptr error arguments): their
// texts may quote file content, a failure is told by the return value alone,
// and nothing is allocated that could leak.
//
// Not thread-safe; handles belong to one extraction.

#include <libpff.h>

#include <memory>
#include <optional>
#include <string>

namespace piiscan::formats::pst {

struct ItemFree {
  void operator()(libpff_item_t* item) const { libpff_item_free(&item, nullptr); }
};
using Item = std::unique_ptr<libpff_item_t, ItemFree>;

struct RecordSetFree {
  void operator()(libpff_record_set_t* set) const { libpff_record_set_free(&set, nullptr); }
};
using RecordSet = std::unique_ptr<libpff_record_set_t, RecordSetFree>;

struct RecordEntryFree {
  void operator()(libpff_record_entry_t* entry) const { libpff_record_entry_free(&entry, nullptr); }
};
using RecordEntry = std::unique_ptr<libpff_record_entry_t, RecordEntryFree>;

struct FileFree {
  void operator()(libpff_file_t* file) const {
    libpff_file_close(file, nullptr);
    libpff_file_free(&file, nullptr);
  }
};
using File = std::unique_ptr<libpff_file_t, FileFree>;

// Strings longer than this are cut (a damaged size field must not allocate gigabytes).
inline constexpr size_t kMaxStringSize = 64u << 20;

// A message-level string property as UTF-8 (libpff applies the message codepage).
inline std::string MessageString(libpff_item_t* message, uint32_t entry_type) {
  size_t size = 0;
  if (libpff_message_get_entry_value_utf8_string_size(message, entry_type, &size, nullptr) != 1 || size <= 1 ||
      size > kMaxStringSize) {
    return {};
  }
  std::string s(size, '\0');
  if (libpff_message_get_entry_value_utf8_string(message, entry_type, reinterpret_cast<uint8_t*>(s.data()), size,
                                                 nullptr) != 1) {
    return {};
  }
  s.resize(s.find('\0') == std::string::npos ? s.size() : s.find('\0'));
  return s;
}

// The UTF-8 text of a string record entry.
inline std::string EntryString(libpff_record_entry_t* entry) {
  size_t size = 0;
  if (libpff_record_entry_get_data_as_utf8_string_size(entry, &size, nullptr) != 1 || size <= 1 ||
      size > kMaxStringSize) {
    return {};
  }
  std::string s(size, '\0');
  if (libpff_record_entry_get_data_as_utf8_string(entry, reinterpret_cast<uint8_t*>(s.data()), size, nullptr) != 1) {
    return {};
  }
  s.resize(s.find('\0') == std::string::npos ? s.size() : s.find('\0'));
  return s;
}

inline RecordEntry FindEntry(libpff_record_set_t* set, uint32_t entry_type) {
  libpff_record_entry_t* entry = nullptr;
  if (libpff_record_set_get_entry_by_type(set, entry_type, 0, &entry, LIBPFF_ENTRY_VALUE_FLAG_MATCH_ANY_VALUE_TYPE,
                                          nullptr) != 1) {
    return nullptr;
  }
  return RecordEntry(entry);
}

inline std::string SetString(libpff_record_set_t* set, uint32_t entry_type) {
  RecordEntry entry = FindEntry(set, entry_type);
  return entry ? EntryString(entry.get()) : std::string();
}

inline std::optional<uint32_t> SetInt32(libpff_record_set_t* set, uint32_t entry_type) {
  RecordEntry entry = FindEntry(set, entry_type);
  uint32_t value = 0;
  if (!entry || libpff_record_entry_get_data_as_32bit_integer(entry.get(), &value, nullptr) != 1) return std::nullopt;
  return value;
}

inline RecordSet FirstRecordSet(libpff_item_t* item) {
  libpff_record_set_t* set = nullptr;
  if (libpff_item_get_record_set_by_index(item, 0, &set, nullptr) != 1) return nullptr;
  return RecordSet(set);
}

}  // namespace piiscan::formats::pst
