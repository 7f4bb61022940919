#!/usr/bin/env python3
"""Findings-dense text: a CRM export (gen_dense.py, one item of personal data
about every 40-70 bytes) scanned by piiscan with and without the findings
store (--db, a fresh store per run, then a re-scan of the unchanged file), and
by ripgrep with the same identifier patterns (bench/patterns.txt,
--no-unicode, as in run.py), in the same run. One thread each (per-core
figures), then two. Each command runs --repeat times after one warm-up; the
best time counts. Prints MB/s, CPU seconds, peak RSS and the number of
records / occurrences piiscan wrote. --compare BIN adds another piiscan
(e.g. the binary before a change) at one thread, in the same run.

  bench/dense.py [--data DIR] [--mb 64] [--repeat 2] [--compare BIN]
"""
import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run(cmd, repeat, before=None):
    """Best wall time, its CPU seconds (user + system) and peak RSS (KiB)."""
    best = None
    for i in range(repeat + 1):
        if before:
            subprocess.run(before, shell=True, check=True)
        t = time.perf_counter()
        out = subprocess.run(f"/usr/bin/time -f '%U %S %M' sh -c '{cmd}' >/dev/null", shell=True,
                             check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             text=True).stderr
        dt = time.perf_counter() - t
        user, system, rss = out.strip().splitlines()[-1].split()
        if i > 0 and (best is None or dt < best[0]):
            best = (dt, float(user) + float(system), int(rss))
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/tmp/piiscan-bench")
    ap.add_argument("--mb", type=int, default=64)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--piiscan", default=os.path.join(ROOT, "build", "piiscan"))
    ap.add_argument("--compare", help="another piiscan binary, timed at -j1 in the same run")
    a = ap.parse_args()
    os.makedirs(a.data, exist_ok=True)
    csv = os.path.join(a.data, f"dense{a.mb}.csv")
    if not os.path.exists(csv):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_dense.py"), csv, "--mb", str(a.mb)],
                       check=True)
    if not shutil.which("rg"):
        sys.exit("ripgrep missing: run scripts/install-deps --bench")
    key = os.path.join(a.data, "bench.key")
    with open(key, "w") as k:
        k.write("benchmark-key-not-secret-0123456789\n")
    os.chmod(key, 0o600)  # piiscan refuses a key others can read
    db = os.path.join(a.data, "dense.db")
    fresh = f"rm -f {db} {db}-wal {db}-shm"
    pats = os.path.join(HERE, "patterns.txt")
    p = f"{a.piiscan} scan -q --no-progress -o /dev/null --hash-key-file {key}"
    nbytes = os.path.getsize(csv)

    out = subprocess.run(f"{p.replace('-o /dev/null', '-o -')} -j2 {csv}", shell=True, check=True,
                         capture_output=True, text=True).stdout
    records = occurrences = 0
    for line in out.splitlines():
        j = json.loads(line)
        if "detector" in j:
            records += 1
            occurrences += j.get("count", 1)
    print(f"{csv}: {nbytes / 1e6:.0f} MB; piiscan writes {records} records for {occurrences} "
          f"occurrences (one per {nbytes / max(occurrences, 1):.0f} bytes)")
    print(f"{'command':<26} {'seconds':>8} {'MB/s':>7} {'CPU s':>7} {'MB/s/core':>10} {'RSS MB':>7}")
    rows = []
    for threads in (1, 2):
        cmds = [
            (f"ripgrep -j{threads}", f"rg -j{threads} --no-unicode -c -f {pats} {csv}", None),
            (f"piiscan -j{threads}", f"{p} -j{threads} {csv}", None),
            (f"piiscan -j{threads} --db first", f"{p} -j{threads} --db {db} {csv}", fresh),
            (f"piiscan -j{threads} --db rescan", f"{p} -j{threads} --db {db} {csv}", None),
        ]
        if a.compare and threads == 1:
            q = p.replace(a.piiscan, a.compare, 1)
            cmds += [
                ("compare -j1", f"{q} -j1 {csv}", None),
                ("compare -j1 --db first", f"{q} -j1 --db {db} {csv}", fresh),
            ]
        for name, cmd, before in cmds:
            secs, cpu, rss = run(cmd, a.repeat, before)
            rows.append((name, secs, cpu))
            print(f"{name:<26} {secs:8.2f} {nbytes / 1e6 / secs:7.1f} {cpu:7.2f} "
                  f"{nbytes / 1e6 / max(cpu, 1e-9):10.1f} {rss / 1024:7.0f}")
    t = {name: secs for name, secs, _ in rows}
    print(f"\npiiscan -j1 / ripgrep -j1 time: {t['piiscan -j1'] / t['ripgrep -j1']:.1f}x")
    print(f"piiscan -j1 --db first / piiscan -j1: {t['piiscan -j1 --db first'] / t['piiscan -j1']:.2f}x")


if __name__ == "__main__":
    main()
