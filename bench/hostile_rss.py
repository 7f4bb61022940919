#!/usr/bin/env python3
"""Peak RSS of piiscan on the big hostile cases (issue 17: < 200 MB each,
with -j1 and -j2). Generates the cases with corpus/hostile.py --big (several
GB of disk and a few minutes) unless --cases names a folder that has them,
then scans each case file alone with /usr/bin/time -v.

  usage: bench/hostile_rss.py [--binary build/piiscan] [--cases DIR] [--jobs 1,2]

Each case is scanned twice side by side for -j2 (the file twice, so both
workers are busy with one copy each), once for -j1.
"""
import argparse
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
CASES = ["bomb_text.txt.gz", "lying_header.zip", "honest_big.zip", "zip_in_zip.zip",
         "damaged_stream.pdf", "damaged_part.xlsx", "damaged_zip_part.xlsx",
         "nul_start.txt.gz", "empty.tar.gz"]


def peak_rss_mb(cmd):
    r = subprocess.run(["/usr/bin/time", "-v", *cmd], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr)
    wall = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", r.stderr)
    statuses = [l for l in r.stdout.splitlines() if '"type":"status"' in l or '"status"' in l]
    return (int(m.group(1)) / 1024 if m else float("nan"), wall.group(1) if wall else "?",
            r.returncode, len(statuses))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=str(HERE.parent / "build" / "piiscan"))
    ap.add_argument("--cases")
    ap.add_argument("--jobs", default="1,2")
    args = ap.parse_args()
    work = pathlib.Path(args.cases) if args.cases else pathlib.Path(tempfile.mkdtemp(prefix="hostile_"))
    if not args.cases:
        print(f"generating the big cases in {work} ...", file=sys.stderr)
        subprocess.run([sys.executable, str(HERE.parent / "corpus" / "hostile.py"), str(work), "--big"],
                       check=True)
    try:
        print(f"{'case':24} {'jobs':>4} {'peak RSS MB':>12} {'wall':>9} {'rc':>3}")
        for case in CASES:
            path = work / case
            if not path.exists():
                continue
            for jobs in (int(j) for j in args.jobs.split(",")):
                with tempfile.TemporaryDirectory(prefix="hostile_scan_") as d:
                    # -jN with N copies (hard links): every worker holds one.
                    for i in range(jobs):
                        os.link(path, pathlib.Path(d) / f"{i}_{case}")
                    rss, wall, rc, _ = peak_rss_mb(
                        [args.binary, "scan", "-j", str(jobs), "-q", "--no-progress", "--hash-key-file",
                         str(HERE.parent / "tests" / "golden" / "test.key"),
                         "--min-confidence", "low", "-o", os.devnull, d])
                print(f"{case:24} {jobs:>4} {rss:12.1f} {wall:>9} {rc:>3}", flush=True)
    finally:
        if not args.cases:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
