#include "store/sqlite/sqlite_store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <thread>

#include "store/sqlite/schema.h"
#include "store/sqlite/sqlite_reader.h"
#include "store/sqlite/sqlite_triage.h"
#include "store/sqlite/sqlite_writer.h"
#include "store/sqlite/store_connection.h"

namespace piiscan::store {
namespace {

namespace fs = std::filesystem;

std::string Errno(const std::string& path, std::string_view doing) {
  return "findings store " + path + ": " + std::string(doing) + ": " + std::strerror(errno);
}

// Creates the missing folders of `dir` with mode 0700 (folders that exist are
// left as they are).
Result<void> MakeFolders(const fs::path& dir, const std::string& path) {
  std::error_code ec;
  if (dir.empty() || fs::exists(dir, ec)) return {};
  if (auto r = MakeFolders(dir.parent_path(), path); !r) return r;
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
    return Fail(Errno(path, "cannot create folder " + dir.string()));
  return {};
}

// Creates an empty file with mode 0600 unless one exists: SQLite turns an
// empty file into a database, and its -wal and -shm files take this mode.
Result<void> CreateFile(const std::string& path, bool create) {
  struct stat st;
  if (::stat(path.c_str(), &st) == 0) {
    if (!S_ISREG(st.st_mode)) return Fail("findings store " + path + ": not a regular file");
    return {};
  }
  if (!create) return Fail("findings store " + path + ": no such file");
  if (auto r = MakeFolders(fs::path(path).parent_path(), path); !r) return r;
  int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST) return Fail(Errno(path, "cannot create"));
  if (fd >= 0) {
    ::fchmod(fd, 0600);  // whatever the umask
    ::close(fd);
  }
  return {};
}

// The writers' lock: flock on `<store>.lock`, released when the writer closes
// or its process dies (so a killed scan never blocks the next one).
Result<int> LockWriter(const std::string& path, std::chrono::milliseconds wait) {
  std::string lock_path = path + ".lock";
  int fd = ::open(lock_path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0) return Fail(Errno(path, "cannot open the lock file " + lock_path));
  auto deadline = std::chrono::steady_clock::now() + wait;
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      std::string e = Errno(path, "cannot lock " + lock_path);
      ::close(fd);
      return Fail(e);
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      ::close(fd);
      return Fail("findings store " + path + ": another piiscan scan is writing to it (waited " +
                  std::to_string(wait.count() / 1000.0).substr(0, 4) +
                  " s); run this scan after it has finished");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return fd;
}

class SqliteStore final : public Store {
 public:
  SqliteStore(std::string path, SqliteOptions options)
      : path_(std::move(path)), options_(options) {}

  Result<std::unique_ptr<StoreWriter>> OpenWriter(const WriterOptions& options) override {
    auto lock = LockWriter(path_, options.wait);
    if (!lock) return std::unexpected(lock.error());
    auto db = sqlite::OpenStoreConnection(path_, options_.busy_timeout, true);
    if (!db) {
      ::close(*lock);
      return std::unexpected(db.error());
    }
    return sqlite::MakeSqliteWriter(std::move(*db), *lock, options, state_);
  }

  Result<std::unique_ptr<StoreReader>> OpenReader() override {
    auto db = sqlite::OpenStoreConnection(path_, options_.busy_timeout, false);
    if (!db) return std::unexpected(db.error());
    return sqlite::MakeSqliteReader(std::move(*db), state_);
  }

  Result<std::unique_ptr<TriageBook>> OpenTriage() override {
    auto db = sqlite::OpenStoreConnection(path_, options_.busy_timeout, false);
    if (!db) return std::unexpected(db.error());
    return sqlite::MakeSqliteTriage(std::move(*db));
  }

  Result<void> Check() override {
    auto db = sqlite::OpenStoreConnection(path_, options_.busy_timeout, false);
    if (!db) return std::unexpected(db.error());
    auto stmt = db->Prepare("PRAGMA integrity_check");
    if (!stmt) return std::unexpected(stmt.error());
    auto row = stmt->Step();
    if (!row) return std::unexpected(row.error());
    if (!*row || stmt->TextView(0) != "ok")
      return Fail("findings store " + path_ + ": the database is damaged (integrity check: " +
                  (*row ? stmt->Text(0) : std::string("no answer")) + ")");
    return {};
  }

 private:
  std::string path_;
  SqliteOptions options_;
  std::shared_ptr<sqlite::ScanState> state_ = std::make_shared<sqlite::ScanState>();
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const SqliteOptions& options) {
  if (auto r = CreateFile(path, options.create); !r) return std::unexpected(r.error());
  // The first connection checks the file and brings its schema up to date.
  auto db = sqlite::Connection::Open(path, false);
  if (!db) return std::unexpected(db.error());
  sqlite3_busy_timeout(db->get(), static_cast<int>(options.busy_timeout.count()));
  if (auto r = sqlite::PrepareSchema(*db); !r) return std::unexpected(r.error());
  auto mode = db->Prepare("PRAGMA journal_mode = WAL");
  if (!mode) return std::unexpected(mode.error());
  if (auto row = mode->Step(); !row) return std::unexpected(row.error());
  return std::make_unique<SqliteStore>(path, options);
}

}  // namespace piiscan::store
