#!/usr/bin/env python3
"""Times commands interleaved: one warm-up each, then N rounds in which every
command runs once in turn; prints min and median per command. On a shared,
noisy machine this compares two binaries (or piiscan and ripgrep) under the
same conditions, where running each in its own block would not.

  bench/interleave.py N "CMD1" "CMD2" ...
"""
import statistics
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    n, cmds = int(sys.argv[1]), sys.argv[2:]
    times = {c: [] for c in cmds}
    for c in cmds:
        subprocess.run(c, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(n):
        for c in cmds:
            t = time.perf_counter()
            subprocess.run(c, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[c].append(time.perf_counter() - t)
    for c in cmds:
        ts = sorted(times[c])
        print(f"min {ts[0] * 1000:8.1f} ms  median {statistics.median(ts) * 1000:8.1f} ms  {c}")


if __name__ == "__main__":
    main()
