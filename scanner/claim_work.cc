#include "scanner/claim_work.h"

#include <map>

#include "scanner/shard.h"

namespace piiscan::scanner {

Result<std::vector<store::FolderCount>> ListFolders(const std::vector<std::string>& roots,
                                                    const WalkOptions& options,
                                                    const std::atomic<bool>& stop) {
  // Ordered, so that units are numbered (and claimed) in walk order.
  std::map<std::pair<std::string, std::string>, uint64_t> folders;
  WalkOptions o = options;
  o.on_folder = [&](const std::string& root, const std::string& dir) { folders[{root, dir}]; };
  Walk(
      roots, o, stop,
      [&](Item item) {
        auto slash = item.relative_path.rfind('/');
        std::string dir = slash == std::string::npos ? "" : item.relative_path.substr(0, slash);
        ++folders[{item.root, dir}];
        return true;
      },
      [](StatusRecord) {});  // the agent that scans the folder reports them
  if (stop.load()) return Fail("interrupted while listing the folders to share out");
  std::vector<store::FolderCount> out;
  for (const auto& [key, files] : folders) out.push_back({key.first, key.second, files});
  // A root that is a single file has no folder: it is one unit of its own.
  for (const auto& root : roots)
    if (!folders.contains({root, ""})) out.push_back({root, "", 1});
  return out;
}

bool InUnitPart(std::string_view relative_path, const store::WorkUnit& unit) {
  if (unit.parts <= 1) return true;
  auto slash = relative_path.rfind('/');
  std::string_view name =
      slash == std::string_view::npos ? relative_path : relative_path.substr(slash + 1);
  return InShard(name, Shard{unit.part + 1, unit.parts});
}

ClaimWork::ClaimWork(store::WorkQueue& queue, std::chrono::seconds lease)
    : queue_(queue), lease_(lease) {
  renewer_ = std::jthread([this] {
    std::unique_lock lock(mu_);
    while (!quit_) {
      if (wake_.wait_for(lock, lease_ / 3, [this] { return quit_; })) break;
      lock.unlock();
      auto r = queue_.Renew();
      lock.lock();
      if (!r && !error_) error_ = r.error();
    }
  });
}

ClaimWork::~ClaimWork() {
  {
    std::lock_guard lock(mu_);
    quit_ = true;
  }
  wake_.notify_all();
}

void ClaimWork::Fail(const Error& e) {
  std::lock_guard lock(mu_);
  if (!error_) error_ = e;
}

std::optional<Error> ClaimWork::error() const {
  std::lock_guard lock(mu_);
  return error_;
}

std::optional<store::WorkUnit> ClaimWork::Next(const std::atomic<bool>& stop) {
  auto unit = queue_.Claim(stop);
  if (!unit) {
    Fail(unit.error());
    return std::nullopt;
  }
  if (*unit) {
    std::lock_guard lock(mu_);
    units_[(*unit)->id];
  }
  return *unit;
}

void ClaimWork::Track(const std::string& path, int64_t unit) {
  std::lock_guard lock(mu_);
  files_[path] = unit;
  ++units_[unit].pending;
}

void ClaimWork::Listed(int64_t unit) {
  {
    std::lock_guard lock(mu_);
    Unit& u = units_[unit];
    u.listed = true;
    if (u.pending > 0) return;
    units_.erase(unit);
  }
  // Nothing of it goes through the writer: done here, at once, since other
  // agents may be waiting for it.
  if (auto r = queue_.CompleteEmpty(unit); !r) Fail(r.error());
}

void ClaimWork::Recorded(const std::string& path, store::StoreWriter& writer) {
  {
    std::lock_guard lock(mu_);
    auto it = files_.find(path);
    if (it != files_.end()) {
      int64_t id = it->second;
      files_.erase(it);
      Unit& u = units_[id];
      if (--u.pending == 0 && u.listed) {
        ready_.push_back(id);
        units_.erase(id);
      }
    }
  }
  CompleteReady(writer);
}

void ClaimWork::Finishing(store::StoreWriter& writer) { CompleteReady(writer); }

void ClaimWork::CompleteReady(store::StoreWriter& writer) {
  std::vector<int64_t> ready;
  {
    std::lock_guard lock(mu_);
    ready.swap(ready_);
  }
  for (int64_t id : ready)
    if (auto r = writer.CompleteUnit(id); !r) Fail(r.error());
}

}  // namespace piiscan::scanner
