#!/usr/bin/env python3
"""The PostgreSQL store and the fleet, measured against the SQLite store and
against no store, on the same tree in the same run (not a test):

  bench/fleet_bench.py [--tree DIR] [--files 50000] [--piiscan build/piiscan]

Starts a throw-away PostgreSQL server (tests/pg/pg_server.sh), then, each on
a fresh store: no store; SQLite first scan and re-scan; PostgreSQL first scan
and re-scan with one agent (-j2); two agents with --shard 1/2 and 2/2 (-j1
each, so two cores in all); two agents with --claim (-j1 each). Prints wall
seconds, files/s, and ingest (aggregated findings stored per second of the
run). Without --tree, a tree is generated with bench/gen_text.py.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def sh(cmd, **kw):
    return subprocess.run(cmd, shell=True, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, **kw)


def timed(cmds):
    """Runs the commands at once; wall seconds until the last ends."""
    t = time.perf_counter()
    procs = [subprocess.Popen(c, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
             for c in cmds]
    for p in procs:
        _, err = p.communicate()
        if p.returncode != 0:
            sys.exit(f"failed ({p.returncode}): {err}")
    return time.perf_counter() - t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tree")
    ap.add_argument("--files", type=int, default=50000)
    ap.add_argument("--piiscan", default=os.path.join(ROOT, "build", "piiscan"))
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="fleet-bench-")
    tree = args.tree
    if not tree:
        tree = os.path.join(work, "tree")
        sh(f"python3 {HERE}/gen_text.py --files {args.files} --mb 256 {tree}")
    key = os.path.join(work, "bench.key")
    shutil.copy(os.path.join(HERE, "bench.key"), key)
    os.chmod(key, 0o600)
    state = os.path.join(work, "pg")
    sh(f"sh {ROOT}/tests/pg/pg_server.sh start {state}")
    conninfo = open(os.path.join(state, "conninfo")).read().strip()
    files = int(sh(f"find {tree} -type f | wc -l").stdout)
    base = f"{args.piiscan} scan -q --no-progress -o /dev/null --hash-key-file {key}"
    n = [0]

    def fresh_pg():
        n[0] += 1
        db = f"bench{n[0]}"
        sh(f"psql '{conninfo}' -qc 'CREATE DATABASE {db}'")
        return "'" + conninfo.replace("dbname=piiscan_test", f"dbname={db}") + "'"

    def findings(db):
        out = sh(f"{args.piiscan} scans --format json --db {db}").stdout.strip().splitlines()
        return json.loads(out[-1])["findings"] if out else 0

    rows = []

    def row(name, secs, db=None):
        stored = findings(db) if db else 0
        rows.append((name, secs, files / secs, stored / secs if stored else 0))

    try:
        row("no store -j2", timed([f"{base} -j2 {tree}"]))
        lite = os.path.join(work, "s.db")
        row("SQLite first -j2", timed([f"{base} -j2 --db {lite} {tree}"]), lite)
        row("SQLite re-scan -j2", timed([f"{base} -j2 --db {lite} {tree}"]))
        pg = fresh_pg()
        row("PostgreSQL first -j2", timed([f"{base} -j2 --db {pg} {tree}"]), pg)
        row("PostgreSQL re-scan -j2", timed([f"{base} -j2 --db {pg} {tree}"]))
        pg = fresh_pg()
        row("PostgreSQL 2 shards -j1 each",
            timed([f"{base} -j1 --db {pg} --shard {i}/2 {tree}" for i in (1, 2)]), pg)
        pg = fresh_pg()
        row("PostgreSQL 2 claim agents -j1 each",
            timed([f"{base} -j1 --db {pg} --claim --scan-id c1 {tree}" for _ in (1, 2)]), pg)
    finally:
        sh(f"sh {ROOT}/tests/pg/pg_server.sh stop {state}")
    print(f"{files} files in {tree}")
    print(f"{'run':38} {'s':>7} {'files/s':>9} {'findings/s':>11}")
    for name, secs, fps, ing in rows:
        print(f"{name:38} {secs:7.2f} {fps:9.0f} {ing:11.0f}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
