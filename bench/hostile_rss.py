#!/usr/bin/env python3
"""Peak memory of piiscan on the big hostile cases (issue 17: < 200 MB
each, with -j up to the core count), the scan process and its extractor
helper processes together (formats/isolation.h: one helper per worker).
Generates the cases with corpus/hostile.py --big (several GB of disk and a
few minutes) unless --cases names a folder that has them, then scans each
case file alone.

  usage: bench/hostile_rss.py [--binary build/piiscan] [--cases DIR] [--jobs 1,2]

For -jN the folder holds N hard links of the file, so that every worker
(and its helper) holds one copy. --jobs defaults to 1 and the core count.

How memory is counted. /usr/bin/time -v (wait4's ru_maxrss) gives the peak
of the largest single process among the scan and the helpers it reaped,
not their sum, so what the helpers add is not seen. This script samples
the process tree instead (the scan process and its descendants, found
through /proc/PID/task/TID/children) every 20 ms, and reports in MB:
  scan    the scan process's own peak (VmHWM, kept by the kernel: exact)
  helper  the largest helper's peak (VmHWM; a helper that lived less than
          one sample is not seen, but wait4 below still bounds it)
  sum     scan + every helper's VmHWM: an upper bound of the total, exact
          but pessimistic (peaks at different times; pages a helper shares
          with the scan process it was forked from count twice)
  rss     the largest sampled sum of the tree's RSS at one moment
  pss     the same with PSS (a shared page divided among its sharers):
          what the tree occupied at that moment
  wait4   ru_maxrss from wait4 (largest single process), for comparison
  rc      piiscan's exit status (0 nothing found, 1 findings; others: look)
The promise holds for a case when `sum` is under 200 MB (else see `pss`).
"""
import argparse
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
CASES = ["bomb_text.txt.gz", "lying_header.zip", "honest_big.zip", "zip_in_zip.zip",
         "damaged_stream.pdf", "damaged_part.xlsx", "damaged_zip_part.xlsx",
         "nul_start.txt.gz", "empty.tar.gz"]


def _children(pid):
    out = []
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                out += [int(c) for c in f.read().split()]
        except (OSError, ValueError):
            pass
    return out


def _kb(path, keys):
    """The values (kB) of `keys` in a /proc file of `key: value kB` lines."""
    got = {}
    try:
        with open(path) as f:
            for line in f:
                k, _, v = line.partition(":")
                if k in keys:
                    got[k] = int(v.split()[0])
    except (OSError, ValueError, IndexError):
        pass
    return got


def measure(cmd, interval=0.02):
    """Runs `cmd`, sampling its process tree; the figures of the module doc."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    hwm = {}  # pid -> largest VmHWM seen (kB)
    peak_rss = peak_pss = 0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid == proc.pid:
            break
        tree, i = [proc.pid], 0
        while i < len(tree):
            tree += _children(tree[i])
            i += 1
        rss = pss = 0
        for p in tree:
            roll = _kb(f"/proc/{p}/smaps_rollup", ("Rss", "Pss"))
            rss += roll.get("Rss", 0)
            pss += roll.get("Pss", 0)
            h = _kb(f"/proc/{p}/status", ("VmHWM",)).get("VmHWM")
            if h:
                hwm[p] = max(hwm.get(p, 0), h)
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(interval)
    proc.returncode = os.waitstatus_to_exitcode(status)
    scan = hwm.pop(proc.pid, 0)
    return {"scan": scan / 1024, "helper": max(hwm.values(), default=0) / 1024,
            "sum": (scan + sum(hwm.values())) / 1024, "helpers": len(hwm),
            "rss": peak_rss / 1024, "pss": peak_pss / 1024, "wait4": usage.ru_maxrss / 1024,
            "wall": time.monotonic() - start, "rc": proc.returncode}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=str(HERE.parent / "build" / "piiscan"))
    ap.add_argument("--cases")
    ap.add_argument("--jobs", default=f"1,{os.cpu_count() or 1}")
    ap.add_argument("--limit-mb", type=float, default=200.0,
                    help="fail (exit 1) when a case's `sum` reaches this (the promise: under 200 MB)")
    args = ap.parse_args()
    over = []
    work = pathlib.Path(args.cases) if args.cases else pathlib.Path(tempfile.mkdtemp(prefix="hostile_"))
    if not args.cases:
        print(f"generating the big cases in {work} ...", file=sys.stderr)
        subprocess.run([sys.executable, str(HERE.parent / "corpus" / "hostile.py"), str(work), "--big"],
                       check=True)
    # The key file must be private (piiscan refuses one that others can read):
    # the repository's test key, copied with mode 0600.
    keydir = tempfile.mkdtemp(prefix="hostile_key_")
    key = pathlib.Path(keydir) / "test.key"
    shutil.copyfile(HERE.parent / "tests" / "golden" / "test.key", key)
    key.chmod(0o600)
    try:
        print(f"{'case':22} {'file MB':>8} {'jobs':>4} {'scan':>6} {'helper':>6} {'sum':>6} {'rss':>6} "
              f"{'pss':>6} {'wait4':>6} {'wall s':>6} {'rc':>3}")
        for case in CASES:
            path = work / case
            if not path.exists():
                continue
            for jobs in (int(j) for j in args.jobs.split(",")):
                with tempfile.TemporaryDirectory(prefix="hostile_scan_") as d:
                    for i in range(jobs):
                        os.link(path, pathlib.Path(d) / f"{i}_{case}")
                    m = measure([args.binary, "scan", "-j", str(jobs), "-q", "--no-progress",
                                 "--hash-key-file", str(key),
                                 "--min-confidence", "low", "-o", os.devnull, d])
                size = path.stat().st_size / 2**20
                print(f"{case:22} {size:8.1f} {jobs:>4} {m['scan']:6.1f} {m['helper']:6.1f} {m['sum']:6.1f} "
                      f"{m['rss']:6.1f} {m['pss']:6.1f} {m['wait4']:6.1f} {m['wall']:6.1f} {m['rc']:>3}",
                      flush=True)
                if m["sum"] >= args.limit_mb:
                    over.append(f"{case} -j{jobs}: {m['sum']:.1f} MB")
    finally:
        shutil.rmtree(keydir, ignore_errors=True)
        if not args.cases:
            shutil.rmtree(work, ignore_errors=True)
    if over:
        print(f"over {args.limit_mb:.0f} MB (scan and helpers, sum of peaks): " + "; ".join(over),
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
