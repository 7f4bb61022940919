#include "scanner/walker.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <set>
#include <utility>

#include "core/file_identity.h"
#include "core/glob.h"
#include "scanner/no_atime.h"

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
    // the user named it. The link is resolved once, keeping its atime.
    std::string open_path;
    if (::lstat(root.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
      auto resolved = ResolveLinkKeepingAtime(root);
      if (!resolved) {
        Problem(root, "cannot read: dangling symbolic link");
        return;
      }
      open_path = *resolved;
    }
    if (::stat(open_path.empty() ? root.c_str() : open_path.c_str(), &st) != 0) {
      Problem(root, std::string("cannot read: ") + std::strerror(errno));
      return;
    }
    root_ = root;
    Visit(root, open_path, st);
  }

  void Folder(const std::string& root, const std::string& dir) {
    if (dir.empty()) return Root(root);
    root_ = root;
    std::string path = JoinedPath(root, dir);
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      Problem(path, std::string("cannot read: ") + std::strerror(errno));
      return;
    }
    Visit(path, "", st);
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

  // Sockets, FIFOs and devices are never opened (a FIFO would block, a
  // device may never end), but they are reported: nothing the walk reaches
  // is left out silently.
  void Skipped(const std::string& path, std::string_view what) {
    problem_(StatusRecord{path, {}, FileStatus::kSkipped, std::string(what) + ": not a regular file, not read"});
  }

  static std::string_view SpecialKind(mode_t mode) {
    if (S_ISFIFO(mode)) return "FIFO";
    if (S_ISSOCK(mode)) return "socket";
    if (S_ISCHR(mode)) return "character device";
    if (S_ISBLK(mode)) return "block device";
    return "special file";
  }

  bool Excluded(const std::string& path) const {
    for (const auto& g : opt_.excludes) {
      if (GlobMatchesPath(g, path)) return true;
    }
    return false;
  }

  // `path` as reported; `open_path` where to open it when it lies behind a
  // followed link (empty: `path` itself).
  void Visit(const std::string& path, const std::string& open_path, const struct stat& st) {
    if (S_ISREG(st.st_mode)) {
      Item item{path, root_, Relative(path), static_cast<uint64_t>(st.st_size),
                static_cast<int64_t>(st.st_mtim.tv_sec), static_cast<uint64_t>(st.st_ino),
                static_cast<uint64_t>(st.st_dev), open_path};
      if (!file_(std::move(item))) stopped_ = true;
    } else if (S_ISDIR(st.st_mode)) {
      if (depth_ > 0 && !opt_.recurse) return;
      if (!visited_.insert({st.st_dev, st.st_ino}).second) return;  // link loop
      Directory(path, open_path);
    } else {
      Skipped(path, SpecialKind(st.st_mode));
    }
  }

  void Directory(const std::string& dir, const std::string& open_dir) {
    if (opt_.on_folder) opt_.on_folder(root_, Relative(dir));
    ++depth_;
    ListDirectory(dir, open_dir);
    --depth_;
  }

  void ListDirectory(const std::string& dir, const std::string& open_dir) {
    const std::string& real_dir = open_dir.empty() ? dir : open_dir;
    int fd = OpenWithoutAtime(real_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
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
    std::string open_prefix;
    if (!open_dir.empty()) open_prefix = open_dir.ends_with('/') ? open_dir : open_dir + "/";
    for (const auto& [name, type] : entries) {
      if (stopped()) return;
      std::string path = prefix + name;
      std::string open_path = open_prefix.empty() ? std::string() : open_prefix + name;
      const std::string& real_path = open_path.empty() ? path : open_path;
      if (Excluded(path)) continue;
      if (type == DT_FIFO) Skipped(path, "FIFO");
      if (type == DT_SOCK) Skipped(path, "socket");
      if (type == DT_CHR) Skipped(path, "character device");
      if (type == DT_BLK) Skipped(path, "block device");
      if (type == DT_FIFO || type == DT_SOCK || type == DT_CHR || type == DT_BLK) continue;
      if (type == DT_REG) {
        // Size and times come from the worker's fstat of the open file: one
        // system call less here, where the walk is single-threaded.
        if (!file_(Item{path, root_, Relative(path), 0, 0, 0, 0, open_path})) stopped_ = true;
        continue;
      }
      if (type == DT_DIR && !opt_.follow_symlinks) {
        if (opt_.recurse) Directory(path, open_path);  // no links followed: no loops
        continue;
      }
      struct stat st;
      if (::lstat(real_path.c_str(), &st) != 0) {
        // Vanished between listing and stat.
        if (errno != ENOENT) Problem(path, std::string("cannot stat: ") + std::strerror(errno));
        continue;
      }
      if (S_ISLNK(st.st_mode)) {
        if (!opt_.follow_symlinks) continue;  // not following links
        auto resolved = ResolveLinkKeepingAtime(real_path);
        if (!resolved) continue;  // a dangling link
        open_path = *resolved;
        if (::stat(open_path.c_str(), &st) != 0) continue;
      }
      Visit(path, open_path, st);
    }
  }

  const WalkOptions& opt_;
  const std::atomic<bool>& stop_;
  const std::function<bool(Item)>& file_;
  const std::function<void(StatusRecord)>& problem_;
  std::set<std::pair<uint64_t, uint64_t>> visited_;
  std::string root_;
  int depth_ = 0;  // folders entered below the walk's start
  bool stopped_ = false;
};

}  // namespace

void WalkFolder(const std::string& root, const std::string& dir, const WalkOptions& options,
                const std::atomic<bool>& stop, const std::function<bool(Item)>& file,
                const std::function<void(StatusRecord)>& problem) {
  Walker w(options, stop, file, problem);
  w.Folder(root, dir);
}

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
