// A small stand-in for libFuzzer's main, linked with every fuzz target in the
// normal (GCC) build so that ctest runs the targets without clang: it runs
// every seed, then mutates the seeds at random for a few seconds. The random
// sequence is fixed (seeded by the target's name), so a failure found here is
// found again by the same command; the input that crashed is also written to
// `crash-TARGET` in the working folder before the process dies.
//
//   TARGET [SEED...]      a seed is a file, a folder (read recursively) or
//                         FOLDER/PREFIX*SUFFIX (files of FOLDER, recursively,
//                         whose name matches); missing seeds are skipped
//   PIISCAN_FUZZ_SECONDS  seconds of mutation after the seeds (default 1; 0:
//                         seeds only)
//
// Coverage-guided fuzzing is scripts/fuzz (clang, libFuzzer, sanitizers).

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

namespace fs = std::filesystem;
constexpr size_t kMaxInput = 1 << 20;  // seeds and mutants are cut here, as libFuzzer's -max_len

// The input being run, for the crash handler (set before each run).
const std::string* g_current = nullptr;
char g_crash_path[512] = "crash-fuzz";

void OnCrash(int sig) {
  if (g_current != nullptr) {
    int fd = open(g_crash_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd >= 0) {
      ssize_t unused = write(fd, g_current->data(), g_current->size());
      (void)unused;
      close(fd);
    }
    const char msg[] = "standalone fuzz: crashing input written to ";
    ssize_t unused = write(2, msg, sizeof msg - 1);
    unused = write(2, g_crash_path, strlen(g_crash_path));
    unused = write(2, "\n", 1);
    (void)unused;
  }
  signal(sig, SIG_DFL);
  raise(sig);
}

bool NameMatches(const std::string& name, const std::string& pattern) {
  size_t star = pattern.find('*');
  if (star == std::string::npos) return name == pattern;
  std::string prefix = pattern.substr(0, star), suffix = pattern.substr(star + 1);
  return name.size() >= prefix.size() + suffix.size() && name.starts_with(prefix) &&
         name.ends_with(suffix);
}

void AddFile(const fs::path& path, std::vector<std::string>& seeds) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.size() > kMaxInput) bytes.resize(kMaxInput);
  seeds.push_back(std::move(bytes));
}

void AddSeeds(const std::string& arg, std::vector<std::string>& seeds) {
  std::error_code ec;
  fs::path path(arg);
  std::string pattern;
  if (path.filename().string().find('*') != std::string::npos) {
    pattern = path.filename().string();
    path = path.parent_path();
  }
  if (fs::is_regular_file(path, ec)) return AddFile(path, seeds);
  if (!fs::is_directory(path, ec)) return;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(path, ec)) {
    if (e.is_regular_file(ec) && (pattern.empty() || NameMatches(e.path().filename().string(), pattern))) {
      files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());  // the run order must not depend on the file system
  for (const auto& f : files) AddFile(f, seeds);
}

// One random edit of the kinds that find most parser bugs: bit flips, bytes
// and integers at their edges, cuts, repeats and splices of another seed.
void Mutate(std::string& s, const std::vector<std::string>& seeds, std::mt19937_64& rng) {
  auto pick = [&](size_t n) { return n == 0 ? size_t{0} : size_t(rng() % n); };
  static constexpr uint32_t kEdges[] = {0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0xffff, 0x7fffffff, 0xffffffff};
  switch (rng() % 8) {
    case 0:
      if (!s.empty()) s[pick(s.size())] ^= char(1u << (rng() % 8));
      break;
    case 1:
      if (!s.empty()) s[pick(s.size())] = char(rng());
      break;
    case 2: {  // a little-endian integer at its edge
      uint32_t v = kEdges[rng() % std::size(kEdges)];
      size_t width = size_t{1} << (rng() % 3);
      if (s.size() >= width) {
        size_t at = pick(s.size() - width + 1);
        for (size_t i = 0; i < width; ++i) s[at + i] = char(v >> (8 * i));
      }
      break;
    }
    case 3: {  // insert random bytes
      std::string ins(1 + rng() % 16, '\0');
      for (auto& c : ins) c = char(rng());
      s.insert(pick(s.size() + 1), ins);
      break;
    }
    case 4:  // delete a range
      if (!s.empty()) {
        size_t at = pick(s.size());
        s.erase(at, 1 + pick(std::min<size_t>(s.size() - at, 64)));
      }
      break;
    case 5:  // repeat a range
      if (!s.empty()) {
        size_t at = pick(s.size()), len = 1 + pick(std::min<size_t>(s.size() - at, 256));
        std::string part = s.substr(at, len);
        s.insert(pick(s.size() + 1), part);
      }
      break;
    case 6:  // truncate
      s.resize(pick(s.size() + 1));
      break;
    default:  // splice in a piece of another seed
      if (!seeds.empty()) {
        const std::string& other = seeds[pick(seeds.size())];
        if (!other.empty()) {
          size_t at = pick(other.size()), len = 1 + pick(std::min<size_t>(other.size() - at, 512));
          s.replace(pick(s.size() + 1), pick(64), other.substr(at, len));
        }
      }
  }
  if (s.size() > kMaxInput) s.resize(kMaxInput);
}

// A run using more CPU than this is reported and its input kept (`slow-TARGET`):
// a parser that takes seconds on 1 MiB is a hang waiting for a bigger file.
constexpr auto kSlowRun = std::chrono::milliseconds(1000);
uint64_t g_slow_runs = 0;

void Run(const std::string& input) {
  g_current = &input;
  // CPU time, not wall time: on a loaded machine a run may wait for a core.
  std::clock_t start = std::clock();
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
  auto took = std::chrono::milliseconds((std::clock() - start) * 1000 / CLOCKS_PER_SEC);
  g_current = nullptr;
  if (took > kSlowRun) {
    ++g_slow_runs;
    std::string path = std::string(g_crash_path).replace(0, 5, "slow");
    int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd >= 0) {
      ssize_t unused = write(fd, input.data(), input.size());
      (void)unused;
      close(fd);
    }
    fprintf(stderr, "standalone fuzz: a run took %lld ms of CPU; input written to %s\n",
            (long long)std::chrono::duration_cast<std::chrono::milliseconds>(took).count(), path.c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string target = fs::path(argv[0]).filename().string();
  snprintf(g_crash_path, sizeof g_crash_path, "crash-%s", target.c_str());
  for (int sig : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL}) signal(sig, OnCrash);

  std::vector<std::string> seeds;
  for (int i = 1; i < argc; ++i) AddSeeds(argv[i], seeds);
  seeds.push_back("");  // the empty input is always a case

  double seconds = 1;
  if (const char* env = std::getenv("PIISCAN_FUZZ_SECONDS")) seconds = std::atof(env);

  auto start = std::chrono::steady_clock::now();
  for (const auto& seed : seeds) Run(seed);
  auto seeded = std::chrono::steady_clock::now();

  std::mt19937_64 rng(std::hash<std::string>{}(target));
  auto deadline = seeded + std::chrono::duration<double>(seconds);
  uint64_t runs = 0;
  std::string input;
  // The clock is read every run: one run of a big seed can take a while.
  for (; seconds > 0 && std::chrono::steady_clock::now() < deadline; ++runs) {
    input = seeds[rng() % seeds.size()];
    int edits = 1 + int(rng() % 8);
    for (int e = 0; e < edits; ++e) Mutate(input, seeds, rng);
    Run(input);
  }
  auto end = std::chrono::steady_clock::now();
  auto ms = [](auto d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); };
  printf("%s: %zu seeds in %lld ms, %llu mutated inputs in %lld ms\n", target.c_str(), seeds.size(),
         (long long)ms(seeded - start), (unsigned long long)runs, (long long)ms(end - seeded));
  return 0;
}
