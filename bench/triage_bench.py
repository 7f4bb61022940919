#!/usr/bin/env python3
"""What 10,000 triage verdicts cost `piiscan report`, measured (not a test):

  bench/triage_bench.py [--tree DIR] [--store FILE] [--verdicts 10000] [--rounds 5]
                        [--piiscan build/piiscan]

Scans the tree into an SQLite store (or takes --store, already scanned),
copies it, and imports into the copy a generated YAML of N verdicts: value
hashes of the store's findings (every 25th distinct value, so most findings
stay in the report and the matcher is asked about every one), value hashes
no finding has, value hashes in one file, and 1% glob + detector verdicts
over the tree's folders. Then times, interleaved (as bench/interleave.py; wall and CPU time),
`report --format jsonl` on the store without verdicts and on the copy with
them, and with --include-triaged (every finding written, each matched).
Requirement (issue 16): with verdicts <= 1.2x without.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run(cmd):
    r = subprocess.run(cmd, shell=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        sys.exit(f"failed ({r.returncode}): {cmd}\n{r.stderr}")
    return r


def interleaved(cmds, rounds):
    """As bench/interleave.py (a warm-up each, then rounds in turn), with the
    CPU time (user + sys) beside the wall time: on a loaded machine the wall
    time is mostly waiting for a core."""
    wall = {c: [] for c in cmds}
    cpu = {c: [] for c in cmds}
    for c in cmds:
        subprocess.run(c, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(rounds):
        for c in cmds:
            before = os.times()
            t = time.perf_counter()
            subprocess.run(c, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wall[c].append(time.perf_counter() - t)
            after = os.times()
            cpu[c].append(after.children_user - before.children_user + after.children_system -
                          before.children_system)
    for c in cmds:
        print(f"wall min {min(wall[c]) * 1000:7.1f} ms median {statistics.median(wall[c]) * 1000:7.1f} ms  "
              f"cpu min {min(cpu[c]) * 1000:6.1f} ms median {statistics.median(cpu[c]) * 1000:6.1f} ms  {c}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tree", default="/work/bench-data/tree")
    ap.add_argument("--store", help="an SQLite store of the tree, already scanned")
    ap.add_argument("--verdicts", type=int, default=10000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--piiscan", default=os.path.join(ROOT, "build", "piiscan"))
    ap.add_argument("--keep", action="store_true", help="keep the stores and the YAML (printed)")
    args = ap.parse_args()
    exe = os.path.abspath(args.piiscan)
    work = tempfile.mkdtemp(prefix="triage-bench-")
    try:
        store = args.store
        if not store:
            store = os.path.join(work, "store.db")
            key = os.path.join(work, "key")
            with open(key, "w") as f:
                f.write("bench-key-0123456789abcdef\n")
            os.chmod(key, 0o600)
            t = time.perf_counter()
            run(f"{exe} scan -q --no-progress -o /dev/null --hash-key-file {key} --db {store} {args.tree}")
            print(f"scan into the store: {time.perf_counter() - t:.1f} s")
        plain = os.path.join(work, "plain.db")
        judged = os.path.join(work, "judged.db")
        for copy in (plain, judged):
            run(f"sqlite3 {store} \".backup {copy}\"")

        hashes, files, key_fp = [], {}, ""
        out = run(f"{exe} report --db {plain}").stdout
        findings = 0
        for line in out.splitlines():
            j = json.loads(line)
            if "header" in j:
                key_fp = j["header"]["key_fingerprint"]
            if "value_hash" not in j:
                continue
            findings += 1
            if j["value_hash"] not in files:
                files[j["value_hash"]] = j["file"]
                hashes.append(j["value_hash"])
        folders = sorted({f.split("/")[-2] for f in list(files.values())[:5000] if "/" in f})
        n = args.verdicts
        globs = max(1, n // 100)
        lines = ["piiscan_triage: 1", "verdicts:"]

        def verdict(scope, note):
            lines.extend(scope)
            lines.extend([f"    verdict: false_positive", f"    note: {note}", "    by: bench",
                          "    created: 2026-12-07T12:00:00.000Z", f"    key_fingerprint: {key_fp}"])

        for i in range(n - globs):
            kind = i % 3
            if kind == 0 and i * 25 // 3 < len(hashes):  # a value of the store, everywhere
                h = hashes[i * 25 // 3]
                verdict([f"  - value_hash: {h}"], "bench, a value")
            elif kind == 1 and i * 25 // 3 < len(hashes):  # a value in one file
                h = hashes[i * 25 // 3 + 1]
                verdict([f"  - value_hash: {h}", f"    file: {json.dumps(files[h])}"], "bench, one file")
            else:  # a value no finding has
                verdict([f"  - value_hash: {i:064x}"], "bench, elsewhere")
        for i in range(globs):
            folder = folders[i % len(folders)] if folders else "x"
            verdict([f"  - glob: '**/{folder}/doc{i}*'", "    detector: person_name"], "bench, glob")
        yaml_path = os.path.join(work, "triage.yaml")
        with open(yaml_path, "w") as f:
            f.write("\n".join(lines) + "\n")
        t = time.perf_counter()
        r = run(f"{exe} triage --db {judged} --import {yaml_path}")
        print(f"import of {n} verdicts: {time.perf_counter() - t:.1f} s ({r.stdout.strip()})")
        r = run(f"{exe} report --db {judged} -o /dev/null")
        print(f"store: {findings} current findings; {r.stderr.strip()}")
        cmds = [f"{exe} report --db {plain} --format jsonl -o /dev/null",
                f"{exe} report --db {judged} --format jsonl -o /dev/null",
                f"{exe} report --db {judged} --format jsonl --include-triaged -o /dev/null"]
        if args.rounds > 0:
            interleaved(cmds, args.rounds)
    finally:
        if args.keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
