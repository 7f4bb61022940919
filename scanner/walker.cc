#include "scanner/walker.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <set>
#include <utility>

#include "core/glob.h"

namespace piiscan::scanner {
namespace {

class Walker {
 public:
  Walker(const WalkOptions& o, const std::atomic<bool>& stop, const std::function<bool(Item)>& file,
         const std::function<void(StatusRecord)>& problem)
      : opt_(o), stop_(stop), file_(file), problem_(problem) {}

  void Root(const std::string& root) {
    struct stat st;
    // A PATH given on the command line is followed even when it is a link:
    // the user named it.
    if (::stat(root.c_str(), &st) != 0) {
      Problem(root, std::string("cannot read: ") + std::strerror(errno));
      return;
    }
    root_ = root;
    Visit(root, st);
  }

  bool stopped() const { return stopped_ || stop_.load(std::memory_order_relaxed); }

 private:
  void Problem(const std::string& path, std::string reason) {
    problem_(StatusRecord{path, {}, FileStatus::kUnreadable, std::move(reason)});
  }

  // `path` below the current root ("" for the root itself).
  std::string Relative(const std::string& path) const {
    if (path.size() <= root_.size()) return "";
    size_t from = root_.size();
    while (from < path.size() && path[from] == '/') ++from;
    return path.substr(from);
  }

  bool Excluded(const std::string& path) const {
    for (const auto& g : opt_.excludes) {
      if (GlobMatchesPath(g, path)) return true;
    }
    return false;
  }

  void Visit(const std::string& path, const struct stat& st) {
    if (S_ISREG(st.st_mode)) {
      Item item{path, root_, Relative(path), static_cast<uint64_t>(st.st_size),
                static_cast<int64_t>(st.st_mtim.tv_sec), static_cast<uint64_t>(st.st_ino),
                static_cast<uint64_t>(st.st_dev)};
      if (!file_(std::move(item))) stopped_ = true;
    } else if (S_ISDIR(st.st_mode)) {
      if (!visited_.insert({st.st_dev, st.st_ino}).second) return;  // link loop
      Directory(path);
    }
    // Sockets, FIFOs, devices: skipped, never opened.
  }

  void Directory(const std::string& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOATIME);
    if (fd < 0 && errno == EPERM) fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
      Problem(dir, std::string("cannot list directory: ") + std::strerror(errno));
      return;
    }
    DIR* d = ::fdopendir(fd);
    if (!d) {
      ::close(fd);
      Problem(dir, "cannot list directory");
      return;
    }
    // Read the whole listing first, then descend: keeps one fd open per level
    // only while listing, and gives a stable (sorted) order.
    std::vector<std::pair<std::string, unsigned char>> entries;
    while (struct dirent* e = ::readdir(d)) {
      if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
      entries.emplace_back(e->d_name, e->d_type);
    }
    ::closedir(d);
    std::sort(entries.begin(), entries.end());
    std::string prefix = dir.ends_with('/') ? dir : dir + "/";
    for (const auto& [name, type] : entries) {
      if (stopped()) return;
      std::string path = prefix + name;
      if (Excluded(path)) continue;
      if (type == DT_FIFO || type == DT_SOCK || type == DT_CHR || type == DT_BLK) continue;
      if (type == DT_REG) {
        // Size and times come from the worker's fstat of the open file: one
        // system call less here, where the walk is single-threaded.
        if (!file_(Item{path, root_, Relative(path), 0, 0, 0, 0})) stopped_ = true;
        continue;
      }
      if (type == DT_DIR && !opt_.follow_symlinks) {
        Directory(path);  // no links followed, so no loops to guard against
        continue;
      }
      struct stat st;
      int rc = opt_.follow_symlinks ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st);
      if (rc != 0) {
        // Vanished between listing and stat, or a dangling link.
        if (errno != ENOENT) Problem(path, std::string("cannot stat: ") + std::strerror(errno));
        continue;
      }
      if (S_ISLNK(st.st_mode)) continue;  // not following links
      Visit(path, st);
    }
  }

  const WalkOptions& opt_;
  const std::atomic<bool>& stop_;
  const std::function<bool(Item)>& file_;
  const std::function<void(StatusRecord)>& problem_;
  std::set<std::pair<uint64_t, uint64_t>> visited_;
  std::string root_;
  bool stopped_ = false;
};

}  // namespace

void Walk(const std::vector<std::string>& roots, const WalkOptions& options,
          const std::atomic<bool>& stop, const std::function<bool(Item)>& file,
          const std::function<void(StatusRecord)>& problem) {
  Walker w(options, stop, file, problem);
  for (const auto& r : roots) {
    if (w.stopped()) break;
    w.Root(r);
  }
}

}  // namespace piiscan::scanner
