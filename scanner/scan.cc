#include "scanner/scan.h"

#include <sys/stat.h>

#include <chrono>
#include <optional>
#include <thread>

#include "formats/dispatch.h"
#include "formats/file_parts.h"
#include "formats/isolation.h"
#include "scanner/bounded_queue.h"
#include "scanner/claim_work.h"
#include "scanner/file_reader.h"
#include "scanner/item_context.h"
#include "scanner/progress.h"
#include "scanner/walker.h"

namespace piiscan::scanner {
namespace {

// Work for the workers: a file to read, a part of a big file another
// worker split off, or a problem found while walking (passed through so
// that it reaches the sinks in order).
struct Work {
  Item item;
  std::optional<StatusRecord> problem;
  std::optional<formats::FilePart> part;
};

// Scans a whole file, or (with `part`) one part of a big file, whose
// report is a continuation of the file's. `split` receives the other parts
// when this worker splits the file (null: do not split).
ItemReport ScanOne(const Item& item, const std::optional<formats::FilePart>& part,
                   const ScanOptions& options, unsigned threads, const std::atomic<bool>& stop,
                   TextConsumer& consumer, FileBytes& file,
                   const std::function<void(ItemReport&&)>& flush,
                   const std::function<void(const formats::FilePart&)>& split) {
  ItemReport report;
  report.file = item.path;
  report.continued = part.has_value();
  FileStatus status = FileStatus::kOk;
  std::string reason;
  const std::string& open_path = item.open_path.empty() ? item.path : item.open_path;
  if (!file.Open(open_path, options.limits.max_file_size, status, reason)) {
    report.statuses.push_back(StatusRecord{item.path, {}, status, reason});
    if (!part) report.size = file.info().size;
    const auto& i = file.info();
    report.identity = FileIdentity{item.root, item.relative_path, i.device, i.inode, i.size, i.mtime_ns, i.ctime_ns};
    return report;
  }
  if (file.skip()) return report;
  if (options.rate && !part) options.rate->Acquire(file.info().size);
  {
    const auto& i = file.info();
    report.identity = FileIdentity{item.root, item.relative_path, i.device, i.inode, i.size, i.mtime_ns, i.ctime_ns};
  }
  if (!part) report.size = file.info().size;
  report.mtime = file.info().mtime;
  ItemContext ctx(options.limits, stop, consumer, &file, report,
                  consumer.AllowsPartialReports() ? flush : std::function<void(ItemReport&&)>());
  // Planning reads the whole (mapped) file: inside GuardedRun too, so that a
  // file truncated meanwhile is a status, not a SIGBUS. A file read into a
  // buffer cannot fault.
  auto scan_bytes = [&] {
    std::optional<formats::FilePart> first_part;
    if (!part && split && consumer.AllowsPartialReports()) {
      first_part = formats::PlanParts(file.bytes(), item.path, threads, split,
                                      [&](uint64_t begin, uint64_t end) { file.Drop(begin, end); });
    }
    if (part) {
      formats::ExtractPart(file.bytes(), *part, {}, ctx);
    } else if (first_part) {
      report.type = first_part->type;
      formats::ExtractPart(file.bytes(), *first_part, {}, ctx);
    } else {
      report.type = formats::DispatchItem(file.bytes(), {}, {item.path, ""}, ctx);
    }
  };
  bool completed = true;
  if (file.mapped()) completed = GuardedRun(scan_bytes);
  else scan_bytes();
  ctx.Finish();
  if (!completed || (part && file.bytes().size() < part->end)) {
    report.statuses.push_back(
        StatusRecord{item.path, {}, FileStatus::kUnreadable, "file shrank while being read"});
  }
  file.Close();
  consumer.FinishItem(report);
  return report;
}

// Fills `out` from the store when the file is unchanged since it was recorded
// with the same configuration: the file is then not opened at all. A store
// error only means the file is read.
bool Replay(const Item& item, store::StoreReader& reader, const std::string& fingerprint, ItemReport& out) {
  struct stat st;
  const std::string& path = item.open_path.empty() ? item.path : item.open_path;
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  FileIdentity id{item.root,
                  item.relative_path,
                  static_cast<uint64_t>(st.st_dev),
                  static_cast<uint64_t>(st.st_ino),
                  static_cast<uint64_t>(st.st_size),
                  NanosOf(st.st_mtim),
                  NanosOf(st.st_ctim)};
  auto hit = reader.Unchanged(id, fingerprint);
  if (!hit || !*hit) return false;
  store::StoredFile& stored = **hit;
  // The store keys roots absolute: the same file may have been recorded under
  // another spelling of its root. Report it as this scan names it.
  if (stored.state.path != item.path) {
    for (auto& f : stored.findings) f.file = item.path;
    for (auto& s : stored.statuses) s.file = item.path;
  }
  out.file = item.path;
  out.size = id.size;
  out.mtime = st.st_mtim.tv_sec;
  out.type = std::move(stored.state.type);
  out.bytes_scanned = stored.state.bytes_scanned;
  out.findings = std::move(stored.findings);
  out.statuses = std::move(stored.statuses);
  out.identity = std::move(id);
  out.units_done = out.units_total = 1;
  out.stored_file_id = stored.file_id;
  return true;
}


// --claim: the folders claimed one by one, each walked without its subfolders.
void WalkUnits(const ScanOptions& options, WalkOptions wo, const std::atomic<bool>& stop,
               BoundedQueue<Work>& work, ProgressCounters& counters) {
  wo.recurse = false;
  while (auto unit = options.work->Next(stop)) {
    WalkFolder(
        unit->root, unit->dir, wo, stop,
        [&](Item item) {
          if (!InUnitPart(item.relative_path, *unit)) return true;
          options.work->Track(item.path, unit->id);
          counters.files_found.fetch_add(1, std::memory_order_relaxed);
          return work.Push(Work{std::move(item), std::nullopt});
        },
        [&](StatusRecord problem) {
          if (unit->part == 0) work.Push(Work{Item{problem.file}, std::move(problem)});
        });
    if (stop.load()) break;
    options.work->Listed(unit->id);
  }
}

}  // namespace

reports::ScanSummary RunScan(const ScanOptions& options, const ScanInfo& info,
                             const TextConsumerFactory& consumers,
                             const std::vector<reports::Sink*>& sinks, std::atomic<bool>& stop) {
  unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  // The workers' helpers, forked before any thread of the scan runs (and
  // ended after the workers, declared before them).
  std::optional<formats::SpareHelpers> spares;
  if (options.limits.isolate_extractors) spares.emplace(threads);
  for (auto* sink : sinks) sink->Begin(info);
  auto start = std::chrono::steady_clock::now();
  BoundedQueue<Work> work(4096);
  BoundedQueue<ItemReport> results(256, 32);
  ProgressCounters counters;
  reports::ScanSummary summary;

  std::jthread walker([&] {
    WalkOptions wo{options.excludes, options.follow_symlinks};
    if (options.work) {
      WalkUnits(options, wo, stop, work, counters);
      counters.walk_done = true;
      work.Close();
      return;
    }
    Walk(
        options.paths, wo, stop,
        [&](Item item) {
          if (!InShard(item.relative_path, options.shard)) return true;
          counters.files_found.fetch_add(1, std::memory_order_relaxed);
          return work.Push(Work{std::move(item), std::nullopt});
        },
        [&](StatusRecord problem) {
          if (options.shard.index > 1) return;
          work.Push(Work{Item{problem.file}, std::move(problem)});
        });
    counters.walk_done = true;
    work.Close();
  });

  std::atomic<unsigned> running{threads};
  std::vector<std::jthread> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      auto consumer = consumers();
      FileBytes file;
      std::unique_ptr<store::StoreReader> reader;
      if (options.store && !options.full) {
        // Without a reader this worker reads every file: slower, still right.
        if (auto r = options.store->OpenReader()) reader = std::move(*r);
      }
      auto flush = [&](ItemReport&& part) { results.Push(std::move(part)); };
      while (auto w = work.PopTracked()) {
        uint32_t splits = 0;
        auto split = [&](const formats::FilePart& part) {
          ++splits;
          work.PushFront(Work{w->item, std::nullopt, part});
        };
        ItemReport replayed;
        if (w->problem) {
          ItemReport r;
          r.file = w->item.path;
          r.statuses.push_back(std::move(*w->problem));
          results.Push(std::move(r));
        } else if (stop.load(std::memory_order_relaxed)) {
          // drain without work
        } else if (reader && !w->part && Replay(w->item, *reader, info.config_fingerprint, replayed)) {
          counters.files_done.fetch_add(1, std::memory_order_relaxed);
          counters.findings.fetch_add(replayed.findings.size(), std::memory_order_relaxed);
          results.Push(std::move(replayed));
        } else {
          ItemReport r = ScanOne(w->item, w->part, options, threads, stop, *consumer, file, flush, split);
          // A unit read while the scan was being stopped may be cut short:
          // it does not complete its file (a store reads it again next time).
          r.units_done = stop.load(std::memory_order_relaxed) ? 0 : 1;
          if (!w->part) r.units_total = 1 + splits;
          if (!w->part) counters.files_done.fetch_add(1, std::memory_order_relaxed);
          counters.bytes_done.fetch_add(r.size, std::memory_order_relaxed);
          counters.findings.fetch_add(r.findings.size(), std::memory_order_relaxed);
          results.Push(std::move(r));
        }
        work.Done();
      }
      if (running.fetch_sub(1) == 1) results.Close();
    });
  }

  {
    ProgressLine progress(counters, options.progress);
    while (auto r = results.Pop()) {
      if (!r->continued && (!r->type.empty() || r->size > 0)) {
        ++summary.files;
        summary.bytes += r->size;
      }
      if (!r->type.empty()) ++summary.by_type[r->type];
      summary.text_bytes += r->bytes_scanned;
      summary.findings += r->findings.size();
      for (const auto& f : r->findings) {
        ++summary.by_detector[f.detector];
        summary.occurrences += f.count;
      }
      // A file counts once per status kind, however many parts had it.
      std::vector<FileStatus> seen;
      for (const auto& s : r->statuses) {
        if (std::find(seen.begin(), seen.end(), s.status) != seen.end()) continue;
        seen.push_back(s.status);
        ++summary.by_status[std::string(FileStatusName(s.status))];
      }
      for (auto* sink : sinks) sink->Item(*r);
    }
  }
  walker.join();
  for (auto& w : workers) w.join();
  summary.interrupted = stop.load();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace piiscan::scanner
