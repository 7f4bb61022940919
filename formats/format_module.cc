#include "formats/format_module.h"

#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <mutex>
#include <vector>

#include "formats/isolation.h"
#include "formats/registry.h"

// Resolved at static link time where module/format_module_table.cc is linked in;
// null in the executable, which loads the module instead.
extern "C" __attribute__((weak)) const piiscan::formats::FormatModuleTable* piiscan_format_module_v1();

namespace piiscan::formats {
namespace {

constexpr const char* kModuleFile = "piiscan-formats.so";
constexpr const char* kEntryPoint = "piiscan_format_module_v1";

struct Loaded {
  const FormatModuleTable* table = nullptr;
  std::string description;  // where it came from, or why there is none
};

std::string ExecutableDir() {
  char buf[PATH_MAX];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  std::string path(buf, static_cast<size_t>(n));
  auto slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::vector<std::string> Candidates() {
  if (const char* env = std::getenv("PIISCAN_FORMAT_MODULE"); env && *env) return {env};
  std::string dir = ExecutableDir();
  if (dir.empty()) return {};
  return {dir + "/" + kModuleFile, dir + "/../lib/piiscan/" + kModuleFile};
}

bool SameBuild(const FormatModuleTable* t) {
  return t != nullptr && t->build != nullptr && std::strcmp(t->build, FormatModuleBuild()) == 0 &&
         t->layout == FormatModuleLayout();
}

Loaded Load() {
  if (piiscan_format_module_v1 != nullptr) return {piiscan_format_module_v1(), "linked in"};
  std::string tried;
  for (const auto& path : Candidates()) {
    if (!tried.empty()) tried += "; ";
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = ::dlerror();
      tried += why ? why : path + ": cannot be loaded";
      continue;
    }
    using Entry = const FormatModuleTable* (*)();
    auto entry = reinterpret_cast<Entry>(::dlsym(handle, kEntryPoint));
    const FormatModuleTable* table = entry ? entry() : nullptr;
    if (SameBuild(table)) return {table, path};
    tried += path + (entry ? ": from another build of piiscan" : ": not a piiscan format module");
    ::dlclose(handle);
  }
  if (tried.empty()) tried = "the executable's folder is unknown; set PIISCAN_FORMAT_MODULE";
  return {nullptr, std::string("format module ") + kModuleFile + " not loaded (" + tried + ")"};
}

const Loaded& Module() {
  static const Loaded kLoaded = Load();
  return kLoaded;
}

class ModuleExtractor final : public Extractor {
 public:
  explicit ModuleExtractor(std::string_view type) : type_(type) {}
  const std::string& type() const { return type_; }

  std::string_view Name() const override {
    const Extractor* real = Real();
    return real ? real->Name() : std::string_view(type_);
  }
  void Extract(std::string_view bytes, const Location& where, ExtractContext& ctx) const override {
    if (const Extractor* real = Real()) {
      if (!ctx.IsolateModuleFormats()) return real->Extract(bytes, where, ctx);
      // A top-level file goes to the helper as its descriptor, whatever its
      // size (the helper maps it and reads it a page at a time, as this
      // process would). A nested item goes as a copy of its bytes: one
      // bigger than what a worker may hold in memory is read here instead,
      // the only items without crash isolation (docs/design-notes.md).
      int fd = ctx.FileDescriptorOf(bytes);
      if (fd < 0 && bytes.size() > ctx.limits().max_member_in_memory) return real->Extract(bytes, where, ctx);
      const FormatEntry* entry = FindFormat(type_);
      return RunIsolated(*real, type_, entry ? entry->library : std::string_view(), bytes, fd, where, ctx);
    }
    ctx.Problem(FileStatus::kUnsupported, type_ + " not read: " + Module().description, where);
  }

 private:
  const Extractor* Real() const {
    std::call_once(once_, [this] {
      const FormatModuleTable* t = Module().table;
      for (size_t i = 0; t != nullptr && i < t->count; ++i) {
        if (type_ == t->formats[i].type) real_ = t->formats[i].extractor;
      }
    });
    return real_;
  }

  std::string type_;
  mutable std::once_flag once_;
  mutable const Extractor* real_ = nullptr;
};

}  // namespace

const char* FormatModuleBuild() { return PIISCAN_FORMAT_ABI; }

uint64_t FormatModuleLayout() {
  return uint64_t{sizeof(Location)} | uint64_t{sizeof(SegmentInfo)} << 16 | uint64_t{sizeof(Limits)} << 32 |
         uint64_t{sizeof(ChildInfo)} << 48;
}

const Extractor& ModuleFormatExtractor(std::string_view type) {
  static std::mutex mu;
  static std::deque<ModuleExtractor> proxies;  // stable addresses
  std::lock_guard<std::mutex> lock(mu);
  for (const auto& p : proxies) {
    if (p.type() == type) return p;
  }
  return proxies.emplace_back(type);
}

std::string FormatModuleDescription() { return Module().description; }

}  // namespace piiscan::formats
